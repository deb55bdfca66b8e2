"""Respondent-level data rebuilt from published figures (DESIGN §6).

The original responses of the source studies are not public. A spec in
data/reconstructed/specs/ names, per question, the registry figures it
prints; this module builds a file whose marginals equal them: per item a
count that prints as the published percentage for its N, under the first
rounding rule (half up, half to even, truncation) that reproduces every figure
of the question; respondents outside a question's base left empty; exclusive
options ticked alone; at least one option per respondent where a set asks for
it; a grouping column where a split is printed. Seeds are fixed, so every run
writes the same bytes. The files reproduce printed marginals, never the
original responses or any cross-tabulation that was not printed.
"""

from __future__ import annotations

import csv
import io
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from monitorkit.codebook.model import Codebook, Item, Question, write_codebook
from monitorkit.errors import InputError, Location
from monitorkit.io.files import make_folder, write_atomic
from monitorkit.published.consistency import (
    ROUNDING_RULES,
    explanations,
    feasible_counts,
    nearest_count,
    round_percent,
)
from monitorkit.published.registry import Registry

ID_COLUMN = "respondent"
YES, NO, NEITHER = "Ja", "Nee", "Weet niet"


@dataclass
class Reconstruction:
    """A rebuilt dataset: its columns, rows of cells, codebook and what was assumed."""

    name: str
    title: str
    columns: list[str]
    rows: list[list[str]]
    codebook: Codebook
    notes: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    fieldwork: dict[str, str] = field(default_factory=dict)
    #: Questions whose base is not printed in the source, with the base assumed.
    assumed_n: dict[str, int] = field(default_factory=dict)

    def csv_bytes(self) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return buffer.getvalue().encode("utf-8")


def read_spec(path: str | Path) -> dict[str, Any]:
    """Load a reconstruction spec and check the fields it needs."""
    from monitorkit.io.yamlfile import read_yaml

    path = Path(path)
    spec = read_yaml(path, what="reconstruction spec")
    if not isinstance(spec, dict) or not isinstance(spec.get("questions"), list):
        raise InputError("a reconstruction spec needs a 'questions' list", Location(str(path)))
    for key in ("dataset", "source", "respondents", "seed"):
        if key not in spec:
            raise InputError(f"a reconstruction spec needs '{key}'", Location(str(path), field=key))
    for question in spec["questions"]:
        if question.get("type") not in ("multi", "battery", "numeric"):
            raise InputError(
                "only multi, battery and numeric questions can be rebuilt",
                Location(str(path), question=question.get("id"), field="type"),
            )
    spec["_path"] = str(path)
    return spec


class _Builder:
    """Holds the respondents while questions are rebuilt one by one."""

    def __init__(self, spec: dict[str, Any], registry: Registry):
        self.spec = spec
        self.registry = registry
        self.where = Location(spec["_path"])
        self.assumptions: list[str] = [" ".join(a.split()) for a in spec.get("assumptions", [])]
        self.total = self._count(spec["respondents"])
        self.cells: dict[str, list[str]] = {}
        self.columns: list[str] = [ID_COLUMN]
        self.yes: dict[str, np.ndarray] = {}
        self.group_of: np.ndarray | None = None
        self.notes: list[str] = []
        self.rules: dict[str, str] = {}
        self.placed: dict[str, dict[str, Any]] = {}
        #: The dataset's rounding rule first; a table falls back to another only when it
        #: cannot be printed under it (said in a note with check's explanations).
        self.rule_order: tuple[str, ...] = ROUNDING_RULES
        #: Battery questions where some answer neither Ja nor Nee (kept in the base).
        self.third_category: set[str] = set()
        self.questions: list[Question] = []
        self.assumed_n: dict[str, int] = {}
        #: Figures that could not be printed from the rebuilt counts.
        self.misses: list[str] = []

    def _count(self, entry: Any) -> int:
        if isinstance(entry, int):
            return entry
        if "figure" in entry:
            value = self.figure(entry["figure"]).value
            if value is None:
                raise ValueError(f"figure '{entry['figure']}' has no value to count with")
            return int(value)
        self.assumptions.append(" ".join(str(entry["assumption"]).split()))
        return int(entry["value"])

    def rng(self, key: str) -> np.random.Generator:
        return np.random.default_rng([int(self.spec["seed"]), zlib.crc32(key.encode())])

    def figure(self, figure_id: str):
        return self.registry.figure(figure_id, self.where)

    def groups(self) -> np.ndarray:
        """The group of every respondent, once the spec's groups are assigned."""
        if self.group_of is None:
            raise ValueError("a question uses groups before the spec assigns them")
        return self.group_of

    def column(self, name: str, values: list[str]) -> None:
        self.columns.append(name)
        self.cells[name] = values

    def pool(self, question: dict[str, Any]) -> np.ndarray:
        """Respondents who can be in the question's base: everyone, or a 'within' question's Ja."""
        within = question.get("within")
        if within is None:
            return np.arange(self.total)
        if within not in self.yes:
            raise InputError(
                f"'within: {within}' names no earlier battery question",
                Location(self.where.file, question=question["id"], field="within"),
            )
        return np.flatnonzero(self.yes[within])

    def place(
        self,
        figure_id: str,
        question: str,
        column: str,
        answer: str = YES,
        group: str | None = None,
    ) -> None:
        """Remember where a figure can be recomputed (for `reproduce`)."""
        entry = {"question": question, "column": column, "answer": answer}
        if group is not None:
            entry.update(group=group, by=self.spec["groups"]["column"])
        self.placed[figure_id] = entry


def _prints(value: float, count: int, base: int, rule: str, decimals: int = 0) -> bool:
    from fractions import Fraction

    return base > 0 and round_percent(count, base, decimals, rule) == Fraction(str(value))


def _first_rule(builder: _Builder, build) -> tuple[str, Any, list[str]]:
    """Build under the dataset's rule, or else under the first rule whose counts print
    every figure of the table."""
    for rule in builder.rule_order:
        result, misses = build(rule)
        if not misses:
            return rule, result, []
    rule = builder.rule_order[0]
    result, misses = build(rule)
    return rule, result, misses


def _fallback_note(builder: _Builder, table: str, figures, rule: str) -> None:
    """Say why a table is rebuilt under another rule than the dataset's, with check's
    explanations of each figure that cannot print under the dataset's rule."""
    chosen = builder.rule_order[0]
    if rule == chosen:
        return
    misfits = [
        f"{f.id} ({f.value:g}% of {f.n}): " + "; ".join(explanations(f, chosen))
        for f in figures
        if f.n and not feasible_counts(f.value, f.n, f.decimals, chosen)
    ]
    builder.notes.append(
        f"{table}: rebuilt rounding {rule}, the only rule under which every printed figure "
        f"of the table is possible; the dataset's rule is {chosen}. `monitorkit check` ranks "
        "the explanations, likeliest first: "
        + (" | ".join(misfits) or "none found")
        + f". Rounding {rule} is kept because the rebuilt table must print as published"
    )


def dataset_rule(spec: dict[str, Any], registry: Registry) -> str:
    """The one rounding rule for a whole dataset: the rule under which the fewest figures
    of its tables fail (ties in ROUNDING_RULES order), as `check` would judge them."""
    failures = {}
    for rule in ROUNDING_RULES:
        builder = _build(spec, registry, (rule,))
        failures[rule] = len(builder.misses)
    return min(ROUNDING_RULES, key=lambda rule: failures[rule])


def reconstruct(spec: dict[str, Any], registry: Registry) -> Reconstruction:
    """Rebuild one dataset from its spec and the registry, under one rounding rule for the
    whole dataset (a table departs from it only where it cannot print otherwise)."""
    rule = dataset_rule(spec, registry)
    builder = _build(spec, registry, (rule, *[r for r in ROUNDING_RULES if r != rule]))
    builder.notes[:0] = [
        f"rounding: {rule} for every table unless a note below says otherwise (the rule under "
        "which the fewest printed figures are impossible)"
    ]
    year = spec.get("year")
    if isinstance(year, dict):
        year = year["value"]
    questions = builder.questions
    rows = [
        [str(index + 1)] + [builder.cells[c][index] for c in builder.columns[1:]]
        for index in range(builder.total)
    ]
    source = registry.sources[spec["source"]]
    codebook = Codebook(
        questions=questions,
        instrument=spec["dataset"],
        title=spec.get("title", spec["dataset"]),
        unit=spec.get("unit", ""),
        id=ID_COLUMN,
        origin="bundled",
        provenance={"kind": "reconstructed", "source": source.document},
        year=year,
    )
    return Reconstruction(
        spec["dataset"],
        spec.get("title", spec["dataset"]),
        builder.columns,
        rows,
        codebook,
        builder.notes,
        builder.assumptions,
        builder.rules,
        builder.placed,
        *_as_printed(builder),
        builder.assumed_n,
    )


def _build(spec: dict[str, Any], registry: Registry, rule_order: tuple[str, ...]) -> _Builder:
    """Every question of the spec rebuilt, trying the rules in ``rule_order`` per table."""
    builder = _Builder(spec, registry)
    builder.rule_order = rule_order
    year = spec.get("year")
    if isinstance(year, dict):
        builder.assumptions.append(" ".join(str(year["assumption"]).split()))
    groups = spec.get("groups")
    if groups:
        _assign_groups(builder, groups)
    for question in spec["questions"]:
        kind = question["type"]
        if kind == "battery":
            items = _battery(builder, question)
        elif kind == "multi":
            items = _multi(builder, question)
        else:
            items = _numeric(builder, question)
        builder.questions.append(
            Question(
                id=question["id"],
                type=kind,
                label=question["label"],
                items=items,
                column=question.get("column") if kind == "numeric" else None,
                missing_as_category=question["id"] in builder.third_category,
            )
        )
    if groups:
        order = list(groups["sizes"])
        builder.questions.insert(
            0,
            Question(
                id=groups["column"],
                type="single",
                label=groups.get("label", groups["column"]),
                column=groups["column"],
                value_labels={i + 1: g for i, g in enumerate(order)},
            ),
        )
    return builder


def _as_printed(builder: _Builder) -> tuple[dict[str, str], dict[str, str]]:
    """Per question, what its figures are shares of and when they were measured, as the
    registry records them from the source ('gemeenten', 'sociale (wijk)teams'; 'maart 2016')."""
    units: dict[str, list[str]] = {}
    dates: dict[str, list[str]] = {}
    for figure_id, place in builder.placed.items():
        figure = builder.figure(figure_id)
        for found, value in ((units, figure.population), (dates, figure.fieldwork)):
            if value and value not in found.setdefault(place["question"], []):
                found[place["question"]].append(value)
    return (
        {question: " / ".join(values) for question, values in units.items()},
        {question: " / ".join(values) for question, values in dates.items()},
    )


def _assign_groups(builder: _Builder, groups: dict[str, Any]) -> None:
    sizes = groups["sizes"]
    if sum(sizes.values()) != builder.total:
        raise InputError(
            f"group sizes add to {sum(sizes.values())}, not {builder.total}",
            Location(builder.where.file, field="groups.sizes"),
        )
    order = builder.rng("groups").permutation(builder.total)
    labels = np.empty(builder.total, dtype=object)
    start = 0
    for name, size in sizes.items():
        labels[order[start : start + size]] = name
        start += size
    builder.group_of = labels
    builder.assumptions.append(" ".join(str(groups["assumption"]).split()))
    builder.column(groups["column"], [str(v) for v in labels])


def _battery(builder: _Builder, question: dict[str, Any]) -> list[Item]:
    """Each item its own yes/no question: Ja/Nee in its base, empty outside it."""
    items = []
    pool = builder.pool(question)
    for item in question["items"]:
        figure = builder.figure(item["figure"])
        rng = builder.rng(f"{question['id']}:{item['column']}")
        base = figure.n or len(pool)
        if figure.n is None:
            builder.assumed_n[question["id"]] = base
        if figure.n is None and question.get("within"):
            builder.notes.append(
                f"{figure.id}: N not printed; base taken as the {base} "
                f"respondents who said Ja to '{question['within']}'"
            )
        if base > len(pool):
            raise InputError(
                f"figure N={base} is larger than the {len(pool)} respondents available",
                Location(builder.where.file, question=question["id"]),
            )
        members = np.sort(rng.choice(pool, size=base, replace=False))
        order = rng.permutation(base)

        def build(rule: str, figure=figure, item=item, members=members, order=order):
            return _battery_counts(builder, figure, item, members, order, rule)

        rule, (yes, neither), misses = _first_rule(builder, build)
        builder.rules[figure.id] = rule
        builder.notes.extend(misses)
        builder.misses.extend(misses)
        if not misses:
            _fallback_note(builder, figure.id, [figure], rule)
        values = [""] * builder.total
        for respondent in members:
            values[respondent] = YES if yes[respondent] else NO
        for respondent in neither:
            values[respondent] = NEITHER
        if len(neither):
            builder.third_category.add(question["id"])
            other = builder.figure(item["complement"])
            builder.notes.append(
                f"{question['id']}: {figure.value:g}% + {other.value:g}% of {base} is "
                f"{figure.value + other.value:g}%; under {rule} both print only if some answer "
                f"neither, as `monitorkit check` finds likeliest: {len(neither)} of {base} "
                f"answer '{NEITHER}' (kept in the base)"
            )
        builder.column(item["column"], values)
        builder.yes.setdefault(question["id"], yes)
        builder.place(figure.id, question["id"], item["column"])
        if item.get("complement"):
            builder.place(item["complement"], question["id"], item["column"], answer=NO)
            builder.rules[item["complement"]] = rule
        for group, group_figure in (item.get("groups") or {}).items():
            builder.place(group_figure, question["id"], item["column"], group=group)
            builder.rules[group_figure] = rule
        items.append(Item(label=figure.label, column=item["column"]))
    return items


def _battery_counts(builder, figure, item, members, order, rule):
    """Who says Ja (per group when the item prints a split, else over the whole base), and
    who answers neither when a yes/no pair does not add up to its base under ``rule``."""
    yes = np.zeros(builder.total, dtype=bool)
    misses = []
    shuffled = members[order]
    if item.get("groups"):
        for group, group_id in item["groups"].items():
            group_figure = builder.figure(group_id)
            in_group = shuffled[builder.groups()[shuffled] == group]
            count, _ = nearest_count(group_figure.value, len(in_group), group_figure.decimals, rule)
            yes[in_group[:count]] = True
            if not _prints(group_figure.value, count, len(in_group), rule):
                misses.append(f"{group_id}: {group_figure.value:g}% not reproduced ({rule})")
    else:
        count, _ = nearest_count(figure.value, len(members), figure.decimals, rule)
        yes[shuffled[:count]] = True
    count = int(yes.sum())
    if not _prints(figure.value, count, len(members), rule, figure.decimals):
        misses.append(
            f"{figure.id}: {figure.value:g}% of {len(members)} cannot be printed from "
            f"{count} ({rule})"
        )
    neither = np.array([], dtype=int)
    if item.get("complement"):
        other = builder.figure(item["complement"])
        rest = len(members) - count
        if not _prints(other.value, rest, len(members), rule, other.decimals):
            fits = [k for k in feasible_counts(other.value, len(members), other.decimals, rule)]
            below = [k for k in fits if k < rest]
            if below:
                neither = shuffled[count : count + rest - max(below)]
            else:
                misses.append(
                    f"{other.id}: {other.value:g}% not reproduced by {rest} "
                    f"of {len(members)} ({rule})"
                )
    return (yes, neither), misses


def _multi(builder: _Builder, question: dict[str, Any]) -> list[Item]:
    """A multi set: 1/0 for respondents in the base, empty outside it."""
    figures = [builder.figure(item["figure"]) for item in question["items"]]
    pool = builder.pool(question)
    bases = {f.n for f in figures if f.n is not None}
    if len(bases) > 1:
        raise InputError(
            f"the items of a multi question have different N: {sorted(bases)}",
            Location(builder.where.file, question=question["id"]),
        )
    printed = bool(bases)
    base = bases.pop() if bases else len(pool)
    if not printed:
        builder.assumed_n[question["id"]] = base
    if not printed and question.get("within"):
        builder.notes.append(
            f"{question['id']}: N not printed; base taken as the {base} "
            f"respondents who said Ja to '{question['within']}'"
        )
    rng = builder.rng(question["id"])
    members = np.sort(rng.choice(pool, size=base, replace=False))
    exclusive = [i for i, item in enumerate(question["items"]) if item.get("exclusive")]
    order = rng.permutation(base)
    picks = [rng.permutation(base) for _ in figures]

    def build(rule: str):
        counts = [nearest_count(f.value, base, f.decimals, rule)[0] for f in figures]
        matrix = _multi_matrix(
            counts, base, exclusive, order, picks, question.get("at_least_one", False)
        )
        misses = [
            f"{f.id}: {f.value:g}% of {base} cannot be printed ({rule})"
            for f, k in zip(figures, matrix.sum(axis=0), strict=True)
            if not _prints(f.value, int(k), base, rule, f.decimals)
        ]
        if question.get("at_least_one") and not matrix.any(axis=1).all():
            misses.append(f"{question['id']}: too few ticks for everyone to have one option")
        return matrix, misses

    rule, matrix, misses = _first_rule(builder, build)
    builder.notes.extend(misses)
    builder.misses.extend(misses)
    if not misses:
        _fallback_note(builder, question["id"], figures, rule)
    items = []
    for index, (item, figure) in enumerate(zip(question["items"], figures, strict=True)):
        builder.rules[figure.id] = rule
        values = [""] * builder.total
        for row, respondent in enumerate(members):
            values[respondent] = str(int(matrix[row, index]))
        builder.column(item["column"], values)
        builder.place(figure.id, question["id"], item["column"], answer="1")
        items.append(
            Item(label=figure.label, column=item["column"], exclusive=bool(item.get("exclusive")))
        )
    return items


def _multi_matrix(counts, base, exclusive, order, picks, at_least_one) -> np.ndarray:
    """Ticks per item; exclusive options alone; ticks moved so everyone has one if asked."""
    matrix = np.zeros((base, len(counts)), dtype=np.int8)
    taken = 0
    for index in exclusive:
        matrix[order[taken : taken + counts[index]], index] = 1
        taken += counts[index]
    rest = order[taken:]
    others = [i for i in range(len(counts)) if i not in exclusive]
    available = set(rest.tolist())
    for index in others:
        chosen = [r for r in picks[index] if r in available][: counts[index]]
        matrix[chosen, index] = 1
    if at_least_one:
        for row in rest:
            if matrix[row, others].any():
                continue
            for index in others:
                donors = [r for r in rest if matrix[r, index] and matrix[r, others].sum() >= 2]
                if donors:
                    matrix[donors[0], index] = 0
                    matrix[row, index] = 1
                    break
    return matrix


def _numeric(builder: _Builder, question: dict[str, Any]) -> list[Item]:
    """Whole numbers per group whose mean equals the printed group mean exactly."""
    pool = builder.pool(question)
    values = [""] * builder.total
    rng = builder.rng(question["id"])
    for group, figure_id in question["group_means"].items():
        figure = builder.figure(figure_id)
        members = pool[builder.groups()[pool] == group]
        mean = int(figure.value)
        spread = np.array([(-1, 1, 0)[i % 3] for i in range(len(members))])
        if len(members) % 3 == 1:
            spread[-1] = 0
        spread = rng.permutation(spread)
        for respondent, offset in zip(members, spread, strict=True):
            values[respondent] = str(max(mean + int(offset), 1))
        builder.place(figure_id, question["id"], question["column"], answer="mean", group=group)
    builder.column(question["column"], values)
    return []


def write_reconstruction(rebuilt: Reconstruction, data: Path) -> list[Path]:
    """Write the CSV to data/reconstructed/ and its codebook to data/codebooks/."""
    csv_path = data / "reconstructed" / f"{rebuilt.name}.csv"
    codebook_path = data / "codebooks" / f"{rebuilt.name}.yaml"
    make_folder(csv_path.parent)
    make_folder(codebook_path.parent)
    write_atomic(csv_path, rebuilt.csv_bytes())
    write_codebook(rebuilt.codebook, codebook_path)
    return [csv_path, codebook_path]


def dataset_entry(rebuilt: Reconstruction, spec: dict[str, Any], registry: Registry) -> dict:
    """The datasets.yaml entry that tells every output this file is reconstructed."""
    source = registry.sources[spec["source"]]
    return {
        "name": rebuilt.name,
        "file": f"{rebuilt.name}.csv",
        "title": rebuilt.title,
        "provenance": {
            "kind": "reconstructed",
            "source": source.document,
            "source_file": source.file,
            "spec": f"specs/{rebuilt.name}.yaml",
            "seed": spec["seed"],
            "assumptions": rebuilt.assumptions,
            "notes": rebuilt.notes,
            "figures": rebuilt.figures,
            "rounding": rebuilt.rules,
            "units": rebuilt.units,
            "fieldwork": rebuilt.fieldwork,
            "assumed_n": rebuilt.assumed_n,
        },
    }


def spec_files(data: Path) -> list[Path]:
    return sorted((data / "reconstructed" / "specs").glob("*.yaml"))


def reconstruct_datasets(
    specs: list[str | Path] | None = None, data: str | Path | None = None
) -> list[Reconstruction]:
    """Rebuild the datasets of the specs (default: every spec in the data folder).

    ``data`` holds published/, reconstructed/specs/ and codebooks/ (default: the bundled
    data folder); the registry is read from its published/ folder.
    """
    from monitorkit.errors import UsageError
    from monitorkit.io.datasets import data_dir
    from monitorkit.published.registry import read_registry

    folder = Path(data) if data else data_dir()
    registry = read_registry(sorted((folder / "published").glob("*.yaml")))
    paths = [Path(spec) for spec in specs or []] or spec_files(folder)
    if not paths:
        raise UsageError(
            f"no reconstruction specs in {folder / 'reconstructed' / 'specs'}",
            hint="name spec files, or point --data-dir at a folder with them",
        )
    return reconstruct_all(paths, folder, registry)


def reconstruct_all(specs: list[Path], data: Path, registry: Registry) -> list[Reconstruction]:
    """Rebuild every spec and rewrite data/reconstructed/datasets.yaml."""
    import yaml

    built, entries = [], []
    for path in sorted(specs):
        spec = read_spec(path)
        rebuilt = reconstruct(spec, registry)
        write_reconstruction(rebuilt, data)
        built.append(rebuilt)
        entries.append(dataset_entry(rebuilt, spec, registry))
    index = yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=100)
    write_atomic(data / "reconstructed" / "datasets.yaml", index.encode("utf-8"))
    return built
