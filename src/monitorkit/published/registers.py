"""Person-level registers rebuilt from published stapeling figures, and those figures
recomputed from them.

A register spec (data/reconstructed/specs/registers/) states, per CBS category
of combined laws, how many persons the register holds, what was assumed where
the source prints no number, and which categories each registry figure adds
up. Building checks every placed figure against the printed value before
anything is written: counts exactly, percentages as printed (half up). The
register is one row per person and law, written as parquet; ids are shuffled
with the spec's seed, so every build writes the same rows. `reproduce` counts
it again with `count_stapeling`, the same code a user's register goes through.
"""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from monitorkit.errors import InputError, Location
from monitorkit.published.consistency import round_fraction
from monitorkit.published.registry import Registry
from monitorkit.stats.stapeling import CATEGORIES, TOTAL

#: The law each bit of a CBS category stands for, as written in the register.
LAW_NAMES = {1: "Jeugdwet", 2: "Participatiewet", 4: "Wmo"}
MASKS = {name: mask for mask, name in CATEGORIES.items()}


@dataclass
class RegisterSpec:
    """A register to rebuild: persons per category and the figures they print."""

    name: str
    title: str
    source: str
    region: str
    period: str
    seed: int
    persons: dict[str, int]
    figures: dict[str, list[str]]
    assumptions: list[str] = field(default_factory=list)
    path: str = ""

    @property
    def total(self) -> int:
        return sum(self.persons.values())


def register_spec_files(data: Path) -> list[Path]:
    return sorted((data / "reconstructed" / "specs" / "registers").glob("*.yaml"))


def read_register_spec(path: str | Path, registry: Registry) -> RegisterSpec:
    """Load a register spec and check it against the registry's printed figures."""
    from monitorkit.io.yamlfile import read_yaml

    data = read_yaml(path, what="register spec")
    where = str(path)
    if not isinstance(data, dict):
        raise InputError("a register spec is a mapping", Location(where))
    for key in ("register", "title", "source", "region", "period", "seed", "persons", "figures"):
        if key not in data:
            raise InputError(f"the register spec needs '{key}'", Location(where, field=key))
    persons = {str(k): int(v) for k, v in data["persons"].items()}
    unknown = sorted(set(persons) - set(MASKS))
    if unknown:
        raise InputError(
            f"unknown categories {', '.join(unknown)}",
            Location(where, field="persons"),
            f"use CBS's: {', '.join(MASKS)}",
        )
    #: Figures of another registry (a user's own) are left out, not refused.
    figures = {
        str(k): [str(c) for c in v["categories"]]
        for k, v in data["figures"].items()
        if str(k) in registry.figures
    }
    spec = RegisterSpec(
        str(data["register"]),
        str(data["title"]),
        str(data["source"]),
        str(data["region"]),
        str(data["period"]),
        int(data["seed"]),
        persons,
        figures,
        [" ".join(str(a).split()) for a in data.get("assumptions") or []],
        where,
    )
    for figure_id, categories in figures.items():
        figure = registry.figure(figure_id, Location(where, figure=figure_id))
        count = sum(persons.get(c, 0) for c in categories)
        value = _value(figure.unit, count, spec.total, figure.decimals)
        if value != figure.value:
            raise InputError(
                f"the persons give {value:g} where {figure.value:g} is printed",
                Location(where, figure=figure_id),
                "change the assumed counts per category",
            )
    return spec


def _value(unit: str, count: int, total: int, decimals: int) -> float:
    """A count as printed: itself, or its percentage of the total rounded half up."""
    if unit != "percent":
        return count
    return float(round_fraction(Fraction(100 * count, total), decimals, "half_up"))


def write_register(spec: RegisterSpec, path: Path) -> Path:
    """The register as parquet: one row per person and law, ids shuffled with the seed."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    from monitorkit.io.files import write_atomic

    masks = np.repeat(
        [MASKS[name] for name in persons_order(spec)],
        [spec.persons[name] for name in persons_order(spec)],
    )
    ids = np.random.default_rng(spec.seed).permutation(len(masks)) + 1
    persons, laws = [], []
    for index, bit in enumerate(LAW_NAMES):
        holding = ids[(masks & bit) > 0]
        persons.append(np.sort(holding))
        laws.append(np.full(len(holding), index, np.int8))
    rows = sum(map(len, persons))

    def constant(text: str) -> pa.DictionaryArray:
        return pa.DictionaryArray.from_arrays(np.zeros(rows, np.int32), [text])

    table = pa.table(
        {
            "persoon": np.concatenate(persons),
            "gemeente": constant(spec.region),
            "periode": constant(spec.period),
            "wet": pa.DictionaryArray.from_arrays(np.concatenate(laws), list(LAW_NAMES.values())),
        }
    )
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    write_atomic(path, buffer.getvalue())
    return path


def persons_order(spec: RegisterSpec) -> list[str]:
    return [name for name in CATEGORIES.values() if name in spec.persons]


def reconstruct_registers(data: str | Path | None = None) -> list[tuple[RegisterSpec, Path]]:
    """Write every register spec's parquet into data/reconstructed/ (default: the bundled
    data folder); each spec is checked against the registry first."""
    from monitorkit.io.datasets import data_dir
    from monitorkit.published.registry import read_registry

    folder = Path(data) if data else data_dir()
    registry = read_registry(sorted((folder / "published").glob("*.yaml")))
    written = []
    for path in register_spec_files(folder):
        spec = read_register_spec(path, registry)
        target = folder / "reconstructed" / f"{spec.name}.parquet"
        written.append((spec, write_register(spec, target)))
    return written


@dataclass
class RegisterFigure:
    """A figure recomputed from a rebuilt register."""

    exact: float
    base: int
    register: str


def register_figures(data: Path, registry: Registry) -> dict[str, RegisterFigure]:
    """Every placed figure counted again from its register, rebuilt in a temporary folder."""
    from monitorkit.stats.stapeling import count_stapeling

    computed: dict[str, RegisterFigure] = {}
    for path in register_spec_files(data):
        spec = read_register_spec(path, registry)
        if not spec.figures:
            continue
        with tempfile.TemporaryDirectory() as folder:
            register = write_register(spec, Path(folder) / f"{spec.name}.parquet")
            counted = count_stapeling(register)
        cells = {
            c.category: c
            for c in counted.cells
            if (c.region, c.period, c.unit) == (TOTAL, spec.period, "persons")
        }
        total = cells[TOTAL].count or 0
        for figure_id, categories in spec.figures.items():
            count = sum(cells[c].count or 0 for c in categories)
            exact = count if registry.figures[figure_id].unit != "percent" else 100 * count / total
            computed[figure_id] = RegisterFigure(exact, total, spec.name)
    return computed
