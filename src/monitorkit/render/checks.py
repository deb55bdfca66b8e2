"""Terminal output of `monitorkit check`: every checked figure, then the relations."""

from __future__ import annotations

from rich.console import Console

from monitorkit.options import Locale
from monitorkit.published.consistency import ROUNDING_RULES, ConsistencyReport
from monitorkit.render.common import data_table, shown, terminal_console
from monitorkit.render.words import check_text, word


def _counts(counts: list[int], locale: Locale = "en") -> str:
    return ", ".join(str(k) for k in counts) if counts else word("none", locale)


def print_check(
    report: ConsistencyReport, console: Console | None = None, locale: Locale = "en"
) -> None:
    """Figures with a percentage and an N, with the counts that produce them, then relations."""
    console = console or terminal_console()
    checked = [f for f in report.figures if f.status != "not checkable"]
    console.print(
        word(
            "GRIM check: {checked} of {all} published figures are percentages with a printed "
            "N; counts k in 0..N that print as the published value:",
            locale,
        ).format(checked=len(checked), all=len(report.figures)),
        highlight=False,
    )
    table = data_table(console, header_style="bold")
    for title in ("Figure", "Label", "%", "N", *ROUNDING_RULES, "Status"):
        table.add_column(
            word(title, locale),
            justify="left" if title in ("Figure", "Label") else "right",
            overflow="fold",
        )
    for figure in checked:
        style = "bold red" if figure.status == "inconsistent" else None
        table.add_row(
            shown(figure.id),
            shown(figure.label),
            f"{figure.value:g}",
            str(figure.n),
            *[_counts(figure.feasible[rule], locale) for rule in ROUNDING_RULES],
            word(figure.status, locale),
            style=style,
        )
    console.print(table)
    console.print()
    console.print(word("Relations between figures:", locale), highlight=False)
    for relation in report.relations:
        mark = (
            "[green]ok[/green]  " if relation.ok else f"[bold red]{word('FAIL', locale)}[/bold red]"
        )
        detail = shown(check_text(relation.detail, locale))
        kind = word(relation.type, locale)
        console.print(f"  {mark} {kind:<14} {detail}", highlight=False)
    summary = report.as_dict()["summary"]
    console.print()
    console.print(
        word(
            "{inconsistent} inconsistent figure(s) (impossible rounding half up), "
            "{failing} failing relation(s) of {relations}.",
            locale,
        ).format(
            inconsistent=summary["inconsistent"],
            failing=summary["relations_failing"],
            relations=summary["relations"],
        ),
        style="bold" if report.inconsistent else None,
        highlight=False,
    )


#: The columns of `check -f csv`: one row per figure, then one per relation.
CHECK_CSV_COLUMNS = [
    "record",
    "id",
    "label",
    "value",
    "n",
    "status",
    *(f"counts_{rule}" for rule in ROUNDING_RULES),
    "figures",
    "detail",
]


def render_check(report: ConsistencyReport, fmt: str, locale: Locale = "en") -> bytes:
    """`check` as json or csv (a row per figure, then a row per relation between figures)."""
    from monitorkit.io.files import csv_bytes, json_bytes

    if fmt == "json":
        return json_bytes(report.as_dict())
    records = [
        {
            "record": "figure",
            "id": figure.id,
            "label": figure.label,
            "value": figure.value,
            "n": figure.n,
            "status": figure.status,
            **{f"counts_{rule}": _counts(figure.feasible.get(rule, [])) for rule in ROUNDING_RULES},
            "detail": figure.note,
        }
        for figure in report.figures
    ]
    records += [
        {
            "record": "relation",
            "id": relation.type,
            "status": "ok" if relation.ok else "fail",
            "figures": "; ".join(relation.figures),
            "detail": relation.detail,
        }
        for relation in report.relations
    ]
    return csv_bytes(CHECK_CSV_COLUMNS, records, dutch=locale == "nl")


def render_reproduction(results, fmt: str, locale: Locale = "en") -> bytes:
    """`reproduce` as json (a list of figures) or csv (a row per figure)."""
    from monitorkit.io.files import csv_bytes, json_bytes

    rows = [result.as_dict() for result in results]
    if fmt == "json":
        return json_bytes(rows)
    columns = list(rows[0]) if rows else []
    records = [
        {key: "; ".join(value) if isinstance(value, list) else value for key, value in row.items()}
        for row in rows
    ]
    return csv_bytes(columns, records, dutch=locale == "nl")


def print_reproduction(results, console: Console | None = None, locale: Locale = "en") -> None:
    """Published against computed, one row per figure, with a status count at the end.

    The N printed in the source and an N the reconstruction assumed stand in separate
    columns, and each computed figure says whether it was rebuilt from the figures it
    is compared with (consistency) or recomputed independently.
    """
    from collections import Counter

    from monitorkit.published.reproduce import INDEPENDENT, REBUILT

    console = console or terminal_console()
    table = data_table(console, header_style="bold")
    titles = ("Figure", "Label", "Published", "Computed", "N printed", "N assumed")
    for title in (*titles, "Rounding", "Basis", "Status"):
        table.add_column(
            word(title, locale),
            justify="left" if title in ("Figure", "Label", "Basis", "Status") else "right",
            overflow="fold",
        )
    styles = {"match": "green", "mismatch": "bold red", "not computable": "dim"}
    basis = {REBUILT: word("rebuilt", locale), INDEPENDENT: word("independent", locale)}
    for result in results:
        data = result.as_dict()
        computed = "–" if data["computed"] is None else f"{data['computed']:g}"
        reason = _reason(result, locale)
        status = word(data["status"], locale) + (f" ({reason})" if reason else "")
        table.add_row(
            shown(data["id"]),
            shown(data["label"]),
            shown(str(data["published"])),
            computed,
            str(data["n_printed"] or "–"),
            str(data["n_assumed"] or "–"),
            check_text(data["rounding"], locale) or "–",
            basis.get(data["basis"], "–"),
            shown(status),
            style=styles[data["status"]],
        )
    console.print(table)
    counts = Counter(result.status for result in results)
    console.print(
        word(
            "{match} match, {mismatch} mismatch, {other} not computable from survey data "
            "(of {total} published figures).",
            locale,
        ).format(
            match=counts["match"],
            mismatch=counts["mismatch"],
            other=counts["not computable"],
            total=len(results),
        ),
        highlight=False,
    )
    shown_bases = {result.basis for result in results} - {None}
    for text in (REBUILT, INDEPENDENT):
        if text in shown_bases:
            console.print(f"{basis[text]}: {word(text, locale)}", style="dim", highlight=False)
    _print_dataset_notes(sorted({r.dataset for r in results if r.dataset}), console, locale)
    if any(result.n_assumed for result in results):
        console.print(
            word(
                "N assumed: not printed in the source; the reconstruction chose it, and "
                "every computed value in its row depends on it.",
                locale,
            ),
            style="dim",
            highlight=False,
        )


def _reason(result, locale: Locale) -> str:
    """Why a figure is not computable, in the locale's words (a verbal quantity keeps its
    printed words)."""
    from monitorkit.published.reproduce import VERBAL

    text = result.figure.value_text
    if result.reason == VERBAL.format(text=text):
        return word(VERBAL, locale).format(text=text)
    return check_text(word(result.reason, locale), locale) if result.reason else ""


def _print_dataset_notes(names: list[str], console: Console, locale: Locale) -> None:
    """The assumptions and notes of each reconstructed dataset the figures came from."""
    from monitorkit.io.datasets import list_datasets
    from monitorkit.render.assumptions import dataset_notes

    provenance = {dataset.name: dataset.provenance for dataset in list_datasets()}
    for name in names:
        for line in dataset_notes(provenance.get(name), locale):
            console.print(f"{name}: {line}", style="yellow", highlight=False)


def print_raking(result, output: str, console: Console | None = None) -> None:
    """Convergence, the margins reached, and what the weights cost in precision."""
    console = console or terminal_console()
    data = result.as_dict()
    state = "converged" if result.converged else "did NOT converge"
    console.print(
        f"Raking {state} after {result.iterations} iteration(s); largest gap to a "
        f"target share {result.max_deviation:.2e}.",
        highlight=False,
        style=None if result.converged else "bold red",
    )
    for margin in data["margins"]:
        table = data_table(
            console,
            title=shown(margin["column"]),
            title_justify="left",
            header_style="bold",
        )
        for title in ("Category", "Target %", "Sample %", "Weighted %"):
            table.add_column(title, justify="left" if title == "Category" else "right")
        for row in margin["categories"]:
            table.add_row(
                shown(row["category"]),
                f"{100 * row['target']:.1f}",
                f"{100 * row['sample']:.1f}",
                f"{100 * row['weighted']:.1f}",
            )
        console.print(table)
    weights = data["weights"]
    console.print(
        f"Weights: min {weights['min']:.3f}, max {weights['max']:.3f}, mean "
        f"{weights['mean']:.3f}; Kish effective n {data['kish_effective_n']:.1f} of "
        f"{data['respondents']} (design effect {data['design_effect']:.2f}).",
        highlight=False,
    )
    console.print(f"wrote {output}", highlight=False)
