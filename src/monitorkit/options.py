"""The options of a run, typed: how to read, which design to assume, how to render.

The command line parses its flags into these objects and hands them to the
library API; a notebook may pass them too, or plain keywords, which
:func:`sort_options` sorts into the same objects. Each object checks its own
values once, so the layers below never re-validate a loose string.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

from monitorkit.errors import UsageError

Locale = Literal["en", "nl"]
LOCALES: tuple[Locale, ...] = ("en", "nl")
#: Multiplicity control across the tests of a table's items (statsmodels method names).
ADJUSTMENTS = {"holm": "Holm", "bh": "Benjamini-Hochberg"}


@dataclass(frozen=True)
class ReadOptions:
    """How to read a survey file: its codebook, sheet, text encoding and header."""

    codebook: Any = None
    sheet: str | int | None = None
    encoding: str | None = None
    delimiter: str | None = None
    header_rows: int | None = None
    input_format: str | None = None
    include_previews: bool = False
    missing_as_category: bool = False

    def __post_init__(self) -> None:
        if self.header_rows is not None and self.header_rows not in (1, 2, 3):
            raise UsageError(
                f"header rows must be 1, 2 or 3, got {self.header_rows!r}",
                hint="2 = SurveyMonkey, 3 = Qualtrics; leave it out to detect it",
            )
        if self.delimiter is not None and len(self.delimiter) != 1:
            raise UsageError(
                f"--delimiter must be one character, got {self.delimiter!r}",
                hint="e.g. --delimiter ';' (a tab: --delimiter $'\\t')",
            )

    def as_kwargs(self) -> dict[str, Any]:
        """The options that differ from the defaults, as keywords for a reader."""
        return {
            spec.name: getattr(self, spec.name)
            for spec in fields(self)
            if getattr(self, spec.name) != spec.default
        }


@dataclass(frozen=True)
class DesignOptions:
    """How estimates generalise: confidence level, weights, strata, population, adjustment.

    ``population`` is a size, 'auto', a per-stratum file (with ``strata``) or a
    ``Population``; ``adjust`` is 'holm' or 'bh' for multiplicity control over
    the group tests of a table's items.
    """

    confidence: float = 0.95
    population: Any = None
    weight: str | None = None
    strata: str | None = None
    adjust: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.confidence, bool) or not isinstance(self.confidence, (int, float)):
            raise UsageError(
                f"the confidence level must be a number, got {self.confidence!r}",
                hint="e.g. 0.95 for 95% intervals",
            )
        if not 0 < self.confidence < 1:
            raise UsageError(
                f"the confidence level must lie between 0 and 1, got {self.confidence}",
                hint="e.g. 0.95 for 95% intervals",
            )
        if self.adjust is not None and self.adjust not in ADJUSTMENTS:
            raise UsageError(
                f"unknown adjustment '{self.adjust}'",
                hint=f"choose one of {', '.join(ADJUSTMENTS)}",
            )


#: The narrowest and widest terminal output --width accepts.
MIN_WIDTH, MAX_WIDTH = 40, 1000


@dataclass(frozen=True)
class RenderOptions:
    """How results are shown: format, target file, number locale and progress messages."""

    fmt: str | None = None
    output: str | Path | None = None
    locale: Locale = "en"
    quiet: bool = False
    #: Terminal output's width in characters (default: the terminal's; unwrapped in a pipe).
    width: int | None = None

    def __post_init__(self) -> None:
        if self.locale not in LOCALES:
            raise UsageError(
                f"unknown locale '{self.locale}'", hint=f"choose one of {', '.join(LOCALES)}"
            )
        if self.width is not None and not (
            isinstance(self.width, int) and MIN_WIDTH <= self.width <= MAX_WIDTH
        ):
            raise UsageError(
                f"width {self.width!r} is out of range",
                hint=f"give a number of characters from {MIN_WIDTH} to {MAX_WIDTH}",
            )


def sort_options(
    reading: ReadOptions | None,
    design: DesignOptions | None,
    keywords: dict[str, Any],
    what: str,
) -> tuple[ReadOptions, DesignOptions]:
    """Keyword options of an API call sorted into reading and design options.

    Keywords override the fields of the objects given; an unknown keyword is a
    TypeError naming the function ``what``, as Python's own would be, and so is an
    options argument of the wrong type.
    """
    for given, cls, name in ((reading, ReadOptions, "reading"), (design, DesignOptions, "design")):
        if given is not None and not isinstance(given, cls):
            raise TypeError(
                f"{what}() takes {name}={cls.__name__}(...), got {type(given).__name__}"
            )
    reading, design = reading or ReadOptions(), design or DesignOptions()
    read_names = {spec.name for spec in fields(ReadOptions)}
    design_names = {spec.name for spec in fields(DesignOptions)}
    unknown = sorted(set(keywords) - read_names - design_names)
    if unknown:
        raise TypeError(f"{what}() got an unexpected keyword argument '{unknown[0]}'")
    read_changes = {k: v for k, v in keywords.items() if k in read_names}
    design_changes = {k: v for k, v in keywords.items() if k in design_names}
    return replace(reading, **read_changes), replace(design, **design_changes)
