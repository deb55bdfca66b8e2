"""The registry of published figures (DESIGN §6): every finding of the sources, as printed.

One YAML file per source document in data/published/: a ``source`` header, a
``figures`` list (id, section, Dutch label, value or value_text, unit, N and how
it is known, wave, kind, quote, links) and ``checks`` between figures
(yes/no complements, group splits, sums of counts).

A figure the text computes from others ('Gemiddeld is er per bijstandsgerechtigde
dus ongeveer € 1.400') names them in ``divided_from`` (numerator, then each
divisor); a count that is part of another printed count names it in ``part_of``.
`check` tests both, and any two counts of one population, without being told
which figures disagree.

Every survey figure says, as the source prints it, what it is a share of
(``population``: gemeenten, sociale (wijk)teams, sociale diensten, ...) and
when it was measured (``fieldwork``); the source header gives the defaults.
What is inferred rather than printed (that two reports share a peiling, a
fieldwork year) is an ``assumptions`` entry with its evidence, never a field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitorkit.errors import InputError, Location

#: What a figure is: a survey result, or what else the source reports (each says why
#: `reproduce` cannot compute it): a national statistic, the authors' estimate, a practice
#: example, the size of a sample or group, a policy target or budget decision, a rule of
#: the law, or a threshold describing who took part.
KINDS = (
    "survey",
    "national",
    "estimate",
    "practice",
    "sample",
    "policy_target",
    "statutory_rule",
    "threshold",
)
CHECK_TYPES = ("complement", "split", "sum", "shares_of_one_total")
RELATIONS = ("same_finding", "previous_wave", "next_wave")


@dataclass(frozen=True)
class Figure:
    """One printed finding."""

    id: str
    source: str
    section: str
    label: str
    value: float | None
    unit: str
    kind: str
    quote: str
    n: int | None = None
    n_note: str | None = None
    value_text: str | None = None
    wave: int | None = None
    decimals: int = 0
    rounding: str = "printed"
    table: str | None = None
    answer: str | None = None
    links: tuple[tuple[str, str], ...] = ()
    population: str | None = None
    fieldwork: str | None = None
    assumptions: tuple[str, ...] = ()
    divided_from: tuple[str, ...] = ()
    part_of: str | None = None

    @property
    def is_percentage(self) -> bool:
        return self.unit == "percent" and self.value is not None

    @property
    def approximate(self) -> bool:
        return self.rounding == "approximate"

    def as_dict(self) -> dict[str, Any]:
        data = {
            key: getattr(self, key)
            for key in (
                "id",
                "source",
                "section",
                "label",
                "value",
                "value_text",
                "unit",
                "n",
                "n_note",
                "wave",
                "kind",
                "table",
                "population",
                "fieldwork",
                "quote",
            )
        }
        if self.assumptions:
            data["assumptions"] = list(self.assumptions)
        return {key: value for key, value in data.items() if value is not None}


@dataclass
class Source:
    id: str
    file: str
    document: str
    study: str = ""
    path: str = ""
    population: str | None = None
    fieldwork: str | None = None
    assumptions: tuple[str, ...] = ()


@dataclass
class Check:
    """An arithmetic relation between figures that the publication implies."""

    type: str
    figures: tuple[str, ...]
    total: str | None = None
    path: str = ""


@dataclass
class Registry:
    """All figures of one or more registry files, by id."""

    sources: dict[str, Source] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)

    def figure(self, figure_id: str, where: Location | None = None) -> Figure:
        if figure_id not in self.figures:
            raise InputError(
                f"no figure '{figure_id}' in the registry",
                where or Location(),
                "check the id against data/published/",
            )
        return self.figures[figure_id]

    def tables(self) -> dict[str, list[Figure]]:
        """Figures grouped by the printed table they belong to, in registry order."""
        tables: dict[str, list[Figure]] = {}
        for figure in self.figures.values():
            if figure.table:
                tables.setdefault(figure.table, []).append(figure)
        return tables


def registry_files() -> list[Path]:
    """The bundled registry files."""
    from monitorkit.io.datasets import data_dir

    return sorted((data_dir() / "published").glob("*.yaml"))


def printed_decimals(text: object, value: object) -> int:
    """How many decimals a percentage was printed with: from its printed text ('12,5%'),
    else from the value as written in the registry (12.5 -> 1)."""
    import re

    shown = str(text) if text else str(value)
    match = re.search(r"\d+[.,](\d+)", shown)
    return len(match.group(1)) if match else 0


def _default_decimals(entry: dict, value: object) -> int:
    """A percentage's decimals as printed when the registry does not say; 0 otherwise."""
    if str(entry.get("unit")) != "percent":
        return 0
    return printed_decimals(entry.get("value_text"), value)


def read_registry(paths: list[str | Path] | None = None) -> Registry:
    """Load and validate registry files (default: every bundled one)."""
    from monitorkit.io.yamlfile import read_yaml

    registry = Registry()
    for path in [Path(p) for p in (paths or registry_files())]:
        _add_file(registry, read_yaml(path, what="registry file"), str(path))
    _check_links(registry)
    return registry


def _add_file(registry: Registry, data: Any, path: str) -> None:
    if not isinstance(data, dict) or not isinstance(data.get("source"), dict):
        raise InputError(
            "a registry file needs a 'source' mapping and a 'figures' list",
            Location(path, field="source"),
        )
    source_data = data["source"]
    for key in ("id", "file", "document"):
        if not source_data.get(key):
            raise InputError(f"the source needs '{key}'", Location(path, field=f"source.{key}"))
    source = Source(
        str(source_data["id"]),
        str(source_data["file"]),
        " ".join(str(source_data["document"]).split()),
        str(source_data.get("study", "")),
        path,
        source_data.get("population"),
        source_data.get("fieldwork"),
        _texts(source_data.get("assumptions")),
    )
    registry.sources[source.id] = source
    for entry in data.get("figures") or []:
        figure = _figure(entry, source, path)
        if figure.id in registry.figures:
            raise InputError(
                "figure id is used twice", Location(path, figure=figure.id, field="id")
            )
        registry.figures[figure.id] = figure
    for entry in data.get("checks") or []:
        registry.checks.append(_check(entry, path))


def _texts(entries: Any) -> tuple[str, ...]:
    """A YAML list of sentences, each on one line."""
    return tuple(" ".join(str(entry).split()) for entry in entries or [])


def _figure(entry: Any, source: Source, path: str) -> Figure:
    if not isinstance(entry, dict) or not entry.get("id"):
        raise InputError("every figure needs an 'id'", Location(path, field="figures"))
    figure_id = str(entry["id"])

    def fail(name: str, message: str) -> InputError:
        return InputError(message, Location(path, figure=figure_id, field=name))

    for key in ("section", "label", "unit", "kind", "quote"):
        if not entry.get(key):
            raise fail(key, f"a figure needs '{key}'")
    if entry["kind"] not in KINDS:
        raise fail("kind", f"must be one of {', '.join(KINDS)}, got {entry['kind']!r}")
    value = entry.get("value")
    if value is None and not entry.get("value_text"):
        raise fail("value", "give a 'value', or a 'value_text' for a verbal quantity")
    if value is not None and not isinstance(value, (int, float)):
        raise fail("value", f"must be a number, got {value!r}")
    n = entry.get("n")
    if n is not None and (not isinstance(n, int) or n < 1):
        raise fail("n", f"must be a positive whole number or null, got {n!r}")
    links = []
    for link in entry.get("links") or []:
        if link.get("relation") not in RELATIONS:
            raise fail("links", f"relation must be one of {', '.join(RELATIONS)}")
        links.append((str(link["id"]), str(link["relation"])))
    survey = entry["kind"] == "survey"
    population = entry.get("population") or (source.population if survey else None)
    fieldwork = entry.get("fieldwork") or (source.fieldwork if survey else None)
    assumptions = (source.assumptions if survey else ()) + _texts(entry.get("assumptions"))
    return Figure(
        id=figure_id,
        source=source.id,
        section=str(entry["section"]),
        label=str(entry["label"]),
        value=value,
        unit=str(entry["unit"]),
        kind=str(entry["kind"]),
        quote=str(entry["quote"]),
        n=n,
        n_note=entry.get("n_note"),
        value_text=entry.get("value_text"),
        wave=entry.get("wave"),
        decimals=int(entry.get("decimals", _default_decimals(entry, value))),
        rounding=str(entry.get("rounding", "printed")),
        table=entry.get("table"),
        answer=entry.get("answer"),
        links=tuple(links),
        population=population,
        fieldwork=fieldwork,
        assumptions=assumptions,
        divided_from=tuple(str(i) for i in entry.get("divided_from") or []),
        part_of=entry.get("part_of"),
    )


def _check(entry: Any, path: str) -> Check:
    kind = entry.get("type") if isinstance(entry, dict) else None
    if kind not in CHECK_TYPES:
        raise InputError(
            f"check type must be one of {', '.join(CHECK_TYPES)}, got {kind!r}",
            Location(path, field="checks"),
        )
    members = entry.get("figures") or entry.get("groups") or entry.get("parts") or []
    #: shares_of_one_total: (count, its printed percentage) pairs, flattened in order.
    members = members or [m for pair in entry.get("pairs") or [] for m in pair]
    return Check(kind, tuple(str(m) for m in members), entry.get("total"), path)


def _check_links(registry: Registry) -> None:
    """Every link and check must name figures that exist."""
    for figure in registry.figures.values():
        named = [(target, "links") for target, _ in figure.links]
        named += [(target, "divided_from") for target in figure.divided_from]
        named += [(figure.part_of, "part_of")] if figure.part_of else []
        for target, field_name in named:
            if target not in registry.figures:
                raise InputError(
                    f"{'links to' if field_name == 'links' else 'names'} unknown figure '{target}'",
                    Location(
                        registry.sources[figure.source].path, figure=figure.id, field=field_name
                    ),
                )
    for check in registry.checks:
        for figure_id in (*check.figures, *([check.total] if check.total else [])):
            if figure_id not in registry.figures:
                raise InputError(
                    f"{check.type} check names unknown figure '{figure_id}'",
                    Location(check.path, field="checks"),
                )
