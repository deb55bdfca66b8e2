"""What a reconstructed dataset assumes and how it was rebuilt, for every output format.

A dataset rebuilt from published tables records its assumptions (an N the source does
not print, which peiling a figure belongs to) and notes (rounding per table, bases taken
from another question) in its provenance. Every renderer shows them through these lines:
the terminal and Markdown print them, xlsx gets a notes sheet, and a CSV gets a sidecar
file (or the lines on standard error when the CSV goes to standard output).
"""

from __future__ import annotations

from typing import Any

from monitorkit.options import Locale
from monitorkit.render.words import word


def dataset_notes(provenance: dict[str, Any] | None, locale: Locale = "en") -> list[str]:
    """'Assumption: …' and 'Note: …' lines of a reconstructed dataset (none otherwise)."""
    if not provenance or provenance.get("kind") != "reconstructed":
        return []
    from monitorkit.io.datasets import in_dutch

    def shown(text: str) -> str:
        return in_dutch(text) if locale == "nl" else text

    lines = [
        f"{word('Assumption:', locale)} {shown(text)}" for text in provenance.get("assumptions", [])
    ]
    lines += [f"{word('Note:', locale)} {shown(text)}" for text in provenance.get("notes", [])]
    return lines


def summary_notes(summary, locale: Locale = "en") -> list[str]:
    """The lines of one summarized dataset."""
    return dataset_notes(summary.provenance, locale)


def comparison_notes(comparison, locale: Locale = "en") -> list[str]:
    """The lines of every wave, each led by its label."""
    return [
        f"{label}: {line}"
        for label, summary in zip(comparison.labels, comparison.summaries, strict=True)
        for line in dataset_notes(summary.provenance, locale)
    ]


def notes_sheet_name(locale: Locale = "en") -> str:
    """The name of a workbook's sheet of assumptions and notes."""
    return word("Notes", locale)[:31]


def add_notes_sheet(workbook, lines: list[str], locale: Locale = "en", document: str = "") -> None:
    """A sheet holding the lines, one per row of a named table, set up to print one page
    wide like every sheet; nothing when there are no lines."""
    from monitorkit.io.files import add_row
    from monitorkit.render.workbook import add_table, set_up_pages, set_widths

    if not lines:
        return
    sheet = workbook.create_sheet(notes_sheet_name(locale))
    add_row(sheet, [word("Assumptions and notes", locale)])
    for line in lines:
        add_row(sheet, [line])
    set_widths(sheet, (110,))
    add_table(sheet, 1, 1)
    set_up_pages(sheet, notes_sheet_name(locale), document, locale)


def link_notes_sheet(overview, lines: list[str], locale: Locale = "en") -> None:
    """A line on the overview that links to the notes sheet, when there is one."""
    from monitorkit.io.files import add_row
    from monitorkit.render.workbook import link

    if not lines:
        return
    add_row(overview, [])
    add_row(overview, [notes_sheet_name(locale)])
    link(overview.cell(overview.max_row, 1), notes_sheet_name(locale))


def sidecar_bytes(lines: list[str]) -> bytes:
    """The text of a CSV's notes sidecar (``<name>.notes.txt``)."""
    return ("\n".join(lines) + "\n").encode("utf-8")
