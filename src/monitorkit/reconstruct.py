"""Respondent-level data rebuilt from published tables (DESIGN §6).

The original responses of the source studies are not public. From a table
spec in data/published/ this module builds a file whose marginals equal the
printed ones: per item a count consistent with the printed percentage and N
under the table's rounding rule, respondents outside a question's base left
empty, exclusive options ('Wij ervaren geen knelpunten') ticked alone, and
every respondent in a set's base given at least one option where the set
asks for it. Seeds are fixed, so every run writes the same bytes. Such a file
reproduces printed marginals, never the original responses or any
cross-tabulation that was not printed.
"""

from __future__ import annotations

import csv
import io
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from monitorkit.codebook import Codebook, Item, Question, write_codebook
from monitorkit.consistency import ROUNDING_RULES, consistent_rules, nearest_count
from monitorkit.errors import InputError, Location
from monitorkit.render.files import write_atomic

ID_COLUMN = "respondent"


@dataclass
class Reconstruction:
    """A rebuilt dataset: rows of cells, its codebook, and what was assumed on the way."""

    name: str
    title: str
    columns: list[str]
    rows: list[list[str]]
    codebook: Codebook
    notes: list[str] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)

    def csv_bytes(self) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return buffer.getvalue().encode("utf-8")


def read_spec(path: str | Path) -> dict[str, Any]:
    """Load a table spec (YAML) and check the fields reconstruction needs."""
    import yaml

    path = Path(path)
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    where = Location(str(path))
    if not isinstance(spec, dict) or not isinstance(spec.get("tables"), list):
        raise InputError("a table spec needs a 'tables' list", where)
    for key in ("study", "respondents", "seed"):
        if key not in spec:
            raise InputError(f"a table spec needs '{key}'", Location(str(path), field=key))
    for table in spec["tables"]:
        if table.get("type") not in ("multi", "battery"):
            raise InputError(
                "only multi and battery tables can be rebuilt",
                Location(str(path), question=table.get("id"), field="type"),
            )
    return spec


def _table_rule(table: dict[str, Any]) -> tuple[str, list[str]]:
    """The first rounding rule under which every figure of the table is possible."""
    values = [item["percent"] for item in table["items"]]
    bases = [item.get("n", table.get("n")) for item in table["items"]]
    rules = consistent_rules(values, bases, table.get("decimals", 0))
    return (rules[0] if rules else ROUNDING_RULES[0]), rules


def reconstruct(spec: dict[str, Any]) -> Reconstruction:
    """Rebuild one study's respondents from its table spec."""
    total = int(spec["respondents"])
    columns = [ID_COLUMN]
    cells: dict[str, list[str]] = {}
    notes: list[str] = []
    rules: dict[str, str] = {}
    questions = []
    for table in spec["tables"]:
        rng = np.random.default_rng([int(spec["seed"]), zlib.crc32(table["id"].encode())])
        rule, consistent = _table_rule(table)
        rules[table["id"]] = rule
        if not consistent:
            notes.append(
                f"{table['table']}: no rounding rule makes every printed figure possible; "
                f"counts nearest to the printed values used ({rule})"
            )
        elif rule != ROUNDING_RULES[0]:
            notes.append(
                f"{table['table']}: consistent only under {', '.join(consistent)} rounding; "
                f"counts chosen under {rule}"
            )
        counts = []
        for item in table["items"]:
            base = int(item.get("n", table.get("n")))
            count, feasible = nearest_count(item["percent"], base, table.get("decimals", 0), rule)
            counts.append(count)
            if not feasible:
                notes.append(
                    f"{table['table']}: '{item['label']}' {item['percent']}% is not possible "
                    f"with N={base} under {rule} rounding; {count} respondents used "
                    f"({100 * count / base:.2f}%)"
                )
        if table["type"] == "multi":
            built = _multi_table(rng, table, counts, total, notes)
        else:
            built = _battery_table(rng, table, counts, total)
        for item, values in zip(table["items"], built, strict=True):
            columns.append(item["column"])
            cells[item["column"]] = values
        questions.append(
            Question(
                id=table["question"],
                type=table["type"],
                label=table["label"],
                items=[
                    Item(label=i["label"], column=i["column"], exclusive=bool(i.get("exclusive")))
                    for i in table["items"]
                ],
            )
        )
    rows = [[str(index + 1)] + [cells[c][index] for c in columns[1:]] for index in range(total)]
    codebook = Codebook(
        questions=questions,
        instrument=spec["study"],
        title=spec.get("title", spec["study"]),
        unit=spec.get("unit", ""),
        id=ID_COLUMN,
        origin="bundled",
        provenance={"kind": "reconstructed", "source": spec.get("document", "").strip()},
    )
    return Reconstruction(
        spec["study"], spec.get("title", spec["study"]), columns, rows, codebook, notes, rules
    )


def _multi_table(rng, table, counts: list[int], total: int, notes: list[str]) -> list[list[str]]:
    """A multi set: 1/0 for respondents in the base, empty outside it."""
    base = int(table["n"])
    members = np.sort(rng.choice(total, size=base, replace=False))
    items = table["items"]
    matrix = np.zeros((base, len(items)), dtype=np.int8)
    exclusive = [i for i, item in enumerate(items) if item.get("exclusive")]
    order = rng.permutation(base)
    taken = 0
    for index in exclusive:
        matrix[order[taken : taken + counts[index]], index] = 1
        taken += counts[index]
    rest = order[taken:]
    for index in range(len(items)):
        if index in exclusive:
            continue
        chosen = rng.choice(len(rest), size=min(counts[index], len(rest)), replace=False)
        matrix[rest[chosen], index] = 1
    if table.get("at_least_one"):
        _give_everyone_one(
            matrix, rest, [i for i in range(len(items)) if i not in exclusive], table, notes
        )
    values = [[""] * total for _ in items]
    for row, respondent in enumerate(members):
        for index in range(len(items)):
            values[index][respondent] = str(int(matrix[row, index]))
    return values


def _give_everyone_one(
    matrix: np.ndarray, rows: np.ndarray, items: list[int], table, notes
) -> None:
    """Move ticks from respondents with two or more options to those with none.

    Moving a tick within one item keeps every item's count, so the printed
    percentages stay exact.
    """
    for row in rows:
        if matrix[row, items].any():
            continue
        for index in items:
            donors = [r for r in rows if matrix[r, index] and matrix[r, items].sum() >= 2]
            if donors:
                matrix[donors[0], index] = 0
                matrix[row, index] = 1
                break
        else:
            notes.append(f"{table['table']}: too few ticks for every respondent to have one option")
            return


def _battery_table(rng, table, counts: list[int], total: int) -> list[list[str]]:
    """A battery: per item its own base of Ja/Nee answers, empty outside it."""
    values = []
    for item, count in zip(table["items"], counts, strict=True):
        base = int(item.get("n", table.get("n")))
        members = rng.choice(total, size=base, replace=False)
        column = [""] * total
        for position, respondent in enumerate(members):
            column[respondent] = "Ja" if position < count else "Nee"
        values.append(column)
    return values


def write_reconstruction(rebuilt: Reconstruction, spec: dict[str, Any], data: Path) -> list[Path]:
    """Write the CSV to data/reconstructed/ and its codebook to data/codebooks/."""
    csv_path = data / "reconstructed" / f"{rebuilt.name}.csv"
    codebook_path = data / "codebooks" / f"{rebuilt.name}.yaml"
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    codebook_path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(csv_path, rebuilt.csv_bytes())
    write_codebook(rebuilt.codebook, codebook_path)
    return [csv_path, codebook_path]


def dataset_entry(rebuilt: Reconstruction, spec: dict[str, Any]) -> dict[str, Any]:
    """The datasets.yaml entry that tells every output this file is reconstructed."""
    return {
        "name": rebuilt.name,
        "file": f"{rebuilt.name}.csv",
        "title": rebuilt.title,
        "provenance": {
            "kind": "reconstructed",
            "source": spec.get("document", "").strip(),
            "source_file": spec.get("source_file"),
            "tables": [table["table"] for table in spec["tables"]],
            "seed": spec["seed"],
            "rounding": rebuilt.rules,
            "notes": rebuilt.notes,
        },
    }


def reconstruct_all(specs: list[Path], data: Path) -> list[Reconstruction]:
    """Rebuild every spec and rewrite data/reconstructed/datasets.yaml."""
    import yaml

    built, entries = [], []
    for path in sorted(specs):
        spec = read_spec(path)
        rebuilt = reconstruct(spec)
        write_reconstruction(rebuilt, spec, data)
        built.append(rebuilt)
        entries.append(dataset_entry(rebuilt, spec))
    index = yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=100)
    write_atomic(data / "reconstructed" / "datasets.yaml", index.encode("utf-8"))
    return built
