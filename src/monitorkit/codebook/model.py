"""Codebooks: which columns form which question (DESIGN §3).

A codebook is YAML; it is validated on load and every error names the file,
the question and the field. A bundled codebook (data/codebooks/) applies to the
bundled dataset of its name, or when a user names it with ``-c NAME``; never
because a user's columns happen to match it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitorkit.errors import CodebookError, Location

QUESTION_TYPES = ("multi", "battery", "single", "scale", "numeric")


@dataclass
class Item:
    """One option of a multi question or one statement of a battery.

    ``other`` marks a write-in option: in a one-cell list every part that is not a
    listed option counts for it (once per respondent); in its own column any
    written text counts as selected. ``value`` is the code an item stands for in
    the slot columns of a multiple-category set.
    """

    label: str
    column: str | None = None
    exclusive: bool = False
    other: bool = False
    value: Any = None

    @property
    def source(self) -> str:
        """The item's own column (an option-per-column set, a battery statement)."""
        if self.column is None:
            raise ValueError(f"item '{self.label}' has no column of its own")
        return self.column

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"label": self.label}
        if self.column is not None:
            data = {"column": self.column, **data}
        if self.value is not None:
            data["value"] = self.value
        if self.exclusive:
            data["exclusive"] = True
        if self.other:
            data["other"] = True
        return data


@dataclass(frozen=True)
class NotTabulated:
    """A column of the data that no question uses, and why (shown with every summary)."""

    column: str
    reason: str
    detail: str = ""

    def to_dict(self) -> dict[str, str]:
        data = {"column": self.column, "reason": self.reason}
        if self.detail:
            data["detail"] = self.detail
        return data


@dataclass
class Question:
    """A question and the columns that hold its answers.

    ``multi`` and ``battery`` have items; a multi question may instead name one
    ``column`` whose cells list the chosen options joined by ``separator``, or
    ``slots``: columns that each hold one chosen option's code (an SPSS
    multiple-category set). ``single``, ``scale`` and ``numeric`` name one ``column``.
    ``categories`` lists a single or scale question's answers in the order they were
    asked, so answers nobody gave still show (0); ``selected`` lists the codes that
    mean 'selected' in a multi's columns (an SPSS dichotomy set's counted value).
    """

    id: str
    type: str
    label: str = ""
    items: list[Item] = field(default_factory=list)
    column: str | None = None
    separator: str | None = None
    value_labels: dict[Any, str] = field(default_factory=dict)
    missing: list[Any] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    selected: list[Any] = field(default_factory=list)
    slots: list[str] = field(default_factory=list)
    missing_as_category: bool | None = None

    @property
    def source(self) -> str:
        """The one column of a single, scale or numeric question, or of a list in one cell."""
        if self.column is None:
            raise ValueError(f"question '{self.id}' has no single column")
        return self.column

    @property
    def list_separator(self) -> str:
        """The separator of a question whose cells list options (or rank them)."""
        if self.separator is None:
            raise ValueError(f"question '{self.id}' lists no options in one cell")
        return self.separator

    @property
    def columns(self) -> list[str]:
        if self.column is not None:
            return [self.column] + [item.column for item in self.items if item.column]
        if self.slots:
            return list(self.slots)
        return [item.column for item in self.items if item.column is not None]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "label": self.label or self.id, "type": self.type}
        if self.column is not None:
            data["column"] = self.column
        if self.separator is not None:
            data["separator"] = self.separator
        if self.slots:
            data["slots"] = list(self.slots)
        if self.items:
            data["items"] = [item.to_dict() for item in self.items]
        if self.categories:
            data["categories"] = list(self.categories)
        if self.selected:
            data["selected"] = list(self.selected)
        if self.value_labels:
            data["value_labels"] = dict(self.value_labels)
        if self.missing:
            data["missing"] = list(self.missing)
        if self.missing_as_category is not None:
            data["missing_as_category"] = self.missing_as_category
        return data


@dataclass
class Codebook:
    """An instrument's questions, where the codebook came from, and any provenance note."""

    questions: list[Question]
    instrument: str = ""
    title: str = ""
    unit: str = ""
    id: str | None = None
    origin: str = "file"
    path: str | None = None
    provenance: dict[str, Any] | None = None
    not_tabulated: list[NotTabulated] = field(default_factory=list)
    year: int | None = None
    #: The population size, or the size per stratum (used with --strata).
    population: int | dict[str, int] | None = None
    missing_as_category: bool = False

    @property
    def columns(self) -> list[str]:
        columns = [column for question in self.questions for column in question.columns]
        return ([self.id] if self.id else []) + columns

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        known = ", ".join(q.id for q in self.questions)
        raise CodebookError(
            f"no question '{question_id}' in the codebook",
            Location(self.path),
            f"questions are: {known}",
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key in ("instrument", "title", "unit"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.year:
            data["year"] = self.year
        if self.population:
            data["population"] = self.population
        if self.id:
            data["id"] = self.id
        if self.provenance:
            data["provenance"] = self.provenance
        if self.missing_as_category:
            data["missing_as_category"] = True
        data["questions"] = [question.to_dict() for question in self.questions]
        if self.not_tabulated:
            data["not_tabulated"] = [entry.to_dict() for entry in self.not_tabulated]
        return data


def read_codebook(path: str | Path, origin: str = "file") -> Codebook:
    """Load and validate a YAML codebook."""
    from monitorkit.io.yamlfile import read_yaml

    data = read_yaml(path, CodebookError, "codebook")
    return codebook_from_dict(data, str(path), origin)


def codebook_from_dict(data: Any, path: str | None = None, origin: str = "file") -> Codebook:
    """Build a Codebook from parsed YAML, checking every field."""
    if not isinstance(data, dict):
        raise CodebookError(
            "a codebook must be a mapping with a 'questions' list",
            Location(path),
            "see the codebook format in the README",
        )
    questions_data = data.get("questions")
    if not isinstance(questions_data, list) or not questions_data:
        raise CodebookError(
            "field 'questions' must be a non-empty list",
            Location(path, field="questions"),
            "see the codebook format in the README",
        )
    questions = []
    seen: set[str] = set()
    for index, entry in enumerate(questions_data, start=1):
        question = _question_from_dict(entry, index, path)
        if question.id in seen:
            raise CodebookError(
                "question id is used twice",
                Location(path, question=question.id, field="id"),
                "give every question a unique id",
            )
        seen.add(question.id)
        questions.append(question)
    respondent_id = data.get("id")
    if respondent_id is not None and not isinstance(respondent_id, str):
        raise CodebookError("field 'id' must be a column name", Location(path, field="id"))
    provenance = data.get("provenance")
    if provenance is not None and not isinstance(provenance, dict):
        raise CodebookError(
            "field 'provenance' must be a mapping", Location(path, field="provenance")
        )
    return Codebook(
        questions=questions,
        instrument=str(data.get("instrument") or ""),
        title=str(data.get("title") or ""),
        unit=str(data.get("unit") or ""),
        id=respondent_id,
        origin=origin,
        path=path,
        provenance=provenance,
        not_tabulated=_not_tabulated(data, path),
        year=_year(data.get("year"), path),
        population=_population(data.get("population"), path),
        missing_as_category=_flag(data, "missing_as_category", Location(path)),
    )


def _flag(data: dict, name: str, where: Location) -> bool:
    """A yes/no field: YAML true/false only, so 'false' in quotes is not read as true."""
    value = data.get(name, False)
    if not isinstance(value, bool):
        where.field = name
        raise CodebookError(f"must be true or false, got {value!r}", where)
    return value


def _not_tabulated(data: dict, path: str | None) -> list[NotTabulated]:
    """Columns a codebook leaves out on purpose: 'not_tabulated' entries, or 'ignored' names."""
    entries = []
    for entry in data.get("not_tabulated") or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("column"), str):
            raise CodebookError(
                "each entry needs a 'column' (and a 'reason')",
                Location(path, field="not_tabulated"),
            )
        entries.append(
            NotTabulated(
                entry["column"],
                str(entry.get("reason") or "left out by the codebook"),
                str(entry.get("detail") or ""),
            )
        )
    for column in data.get("ignored") or []:
        entries.append(NotTabulated(str(column), "left out by the codebook"))
    return entries


def _population(value: Any, path: str | None) -> int | dict[str, int] | None:
    """A population size, or a mapping of each stratum to its size."""
    if value is None:
        return None
    where = Location(path, field="population")
    if isinstance(value, dict):
        sizes = {}
        for stratum, size in value.items():
            if not isinstance(size, int) or isinstance(size, bool) or size < 1:
                raise CodebookError(
                    f"stratum '{stratum}': the population size must be a whole number, "
                    f"got {size!r}",
                    where,
                )
            sizes[str(stratum)] = size
        if not sizes:
            raise CodebookError("the population per stratum is empty", where, "e.g. G4: 4")
        return sizes
    if not isinstance(value, int) or isinstance(value, bool) or value < 2:
        raise CodebookError(
            f"must be the population size, a whole number, or a size per stratum, got {value!r}",
            where,
            "e.g. 'population: 393', or 'population: {G4: 4, G32: 36, overig: 353}'",
        )
    return value


def _year(value: Any, path: str | None) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or not 1900 <= value <= 2100:
        raise CodebookError(
            f"must be a year such as 2015, got {value!r}", Location(path, field="year")
        )
    return value


def _question_from_dict(entry: Any, index: int, path: str | None) -> Question:
    if not isinstance(entry, dict):
        raise CodebookError(
            f"question {index} must be a mapping with id, type and columns",
            Location(path, field=f"questions[{index}]"),
        )
    question_id = entry.get("id")
    if not isinstance(question_id, str) or not question_id.strip():
        raise CodebookError(
            f"question {index} has no 'id'",
            Location(path, field="id"),
            "give every question a short id such as 'knelpunten'",
        )

    def fail(field_name: str, message: str, hint: str | None = None) -> CodebookError:
        return CodebookError(message, Location(path, question=question_id, field=field_name), hint)

    kind = entry.get("type")
    if kind not in QUESTION_TYPES:
        raise fail("type", f"must be one of {', '.join(QUESTION_TYPES)}, got {kind!r}")
    items_data = entry.get("items") or []
    if not isinstance(items_data, list):
        raise fail("items", "must be a list of {column, label} mappings")
    items = []
    for position, item in enumerate(items_data, start=1):
        if isinstance(item, str):
            item = {"column": item}
        if not isinstance(item, dict):
            raise fail(f"items[{position}]", "must be a mapping with 'column' and 'label'")
        column = item.get("column")
        label = item.get("label")
        if column is None and label is None:
            raise fail(f"items[{position}]", "needs a 'column' (or, with a separator, a 'label')")
        where = Location(path, question=question_id)
        items.append(
            Item(
                label=str(label if label is not None else column),
                column=None if column is None else str(column),
                exclusive=_flag(item, "exclusive", where),
                other=_flag(item, "other", where),
                value=item.get("value"),
            )
        )
    column = entry.get("column")
    separator = entry.get("separator")
    slots = entry.get("slots") or []
    if not isinstance(slots, list) or not all(isinstance(slot, str) for slot in slots):
        raise fail("slots", "must be a list of column names")
    if separator is not None and (not isinstance(separator, str) or not separator):
        raise fail("separator", f"must be a text such as ';', got {separator!r}")
    if slots:
        if kind != "multi" or column is not None:
            raise fail("slots", "slots belong to a multi question without 'column'")
        if not items or any(item.value is None for item in items):
            raise fail("items", "every item of a slots question needs the 'value' it stands for")
    elif kind in ("single", "scale", "numeric"):
        if not isinstance(column, str):
            raise fail("column", f"a {kind} question needs the name of its column")
        if any(not item.other for item in items):
            raise fail(
                "items",
                f"a {kind} question has one column; its only item is the write-in option "
                "({label: Anders, other: true}, with the column of its text if it has one)",
            )
    elif kind == "battery":
        if not items:
            raise fail("items", "a battery needs at least one item with a column")
        if any(item.column is None for item in items):
            raise fail("items", "every battery item needs a 'column'")
    else:
        if column is not None:
            if not separator:
                raise fail(
                    "separator", "a multi question in one column needs a 'separator' such as ';'"
                )
        elif not items:
            raise fail("items", "a multi question needs items (one column each)")
        elif any(item.column is None for item in items):
            raise fail(
                "items", "every item needs a 'column' (or give the question a column and separator)"
            )
    value_labels = entry.get("value_labels") or {}
    if not isinstance(value_labels, dict):
        raise fail("value_labels", "must map codes to labels, e.g. {1: Ja, 2: Nee}")
    missing = entry.get("missing") or []
    if not isinstance(missing, list):
        raise fail("missing", "must be a list of codes that mean 'no answer', e.g. [8, 9]")
    categories = entry.get("categories") or []
    if not isinstance(categories, list):
        raise fail("categories", "must list the answers in the order asked, e.g. [Ja, Nee]")
    selected = entry.get("selected") or []
    if not isinstance(selected, list):
        raise fail("selected", "must list the codes that mean 'selected', e.g. [1]")
    as_category = entry.get("missing_as_category")
    if as_category is not None and not isinstance(as_category, bool):
        raise fail("missing_as_category", f"must be true or false, got {as_category!r}")
    return Question(
        id=question_id.strip(),
        type=kind,
        label=str(entry.get("label") or question_id),
        items=items,
        column=column,
        separator=separator,
        value_labels=value_labels,
        missing=missing,
        categories=[str(c) for c in categories],
        selected=selected,
        slots=list(slots),
        missing_as_category=as_category,
    )


def write_codebook(codebook: Codebook, path: str | Path) -> None:
    """Save a codebook as YAML (atomically) for a user to edit."""
    import yaml

    from monitorkit.io.files import write_atomic

    text = yaml.safe_dump(codebook.to_dict(), sort_keys=False, allow_unicode=True, width=100)
    write_atomic(Path(path), text.encode("utf-8"))


def check_columns(
    codebook: Codebook,
    columns: list[str],
    source: Location,
    duplicates: dict[str, list[str]] | None = None,
) -> None:
    """Every column the codebook names must exist, once; name the closest header if not."""
    present = set(columns)
    duplicates = duplicates or {}
    for question in codebook.questions:
        for column in question.columns:
            if column not in present and column in duplicates:
                names = " or ".join(f"'{name}'" for name in duplicates[column])
                raise CodebookError(
                    f"column '{column}' is ambiguous: the data has {len(duplicates[column])} "
                    "columns with that header",
                    Location(source.file, source.sheet, column=column, question=question.id),
                    f"name one of {names} in the codebook",
                )
            if column not in present:
                close = difflib.get_close_matches(column, columns, n=1, cutoff=0.5)
                hint = (
                    f"the closest header is '{close[0]}'"
                    if close
                    else "check the codebook's column names"
                )
                raise CodebookError(
                    f"column '{column}' named by the codebook is not in the data",
                    Location(source.file, source.sheet, column=column, question=question.id),
                    hint,
                )


def bundled_codebooks() -> list[Codebook]:
    """Every codebook shipped in data/codebooks/."""
    from monitorkit.io.datasets import data_dir

    folder = data_dir() / "codebooks"
    codebooks = []
    for path in sorted(folder.glob("*.yaml")):
        codebook = read_codebook(path, origin="bundled")
        codebook.path = f"codebooks/{path.name}"  # the same on every machine
        codebooks.append(codebook)
    return codebooks


def bundled_codebook(name: str) -> Codebook | None:
    """The bundled codebook named ``name`` (its instrument or file name), else None."""
    for codebook in bundled_codebooks():
        if name in (codebook.instrument, Path(str(codebook.path)).stem):
            return codebook
    return None
