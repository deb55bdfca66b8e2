"""Terminal output of `monitorkit check`: every checked figure, then the relations."""

from __future__ import annotations

from rich.console import Console

from monitorkit.published.consistency import ROUNDING_RULES, ConsistencyReport
from monitorkit.render.common import data_table, shown, terminal_console


def _counts(counts: list[int]) -> str:
    return ", ".join(str(k) for k in counts) if counts else "none"


def print_check(report: ConsistencyReport, console: Console | None = None) -> None:
    """Figures with a percentage and an N, with the counts that produce them, then relations."""
    console = console or terminal_console()
    checked = [f for f in report.figures if f.status != "not checkable"]
    console.print(
        f"GRIM check: {len(checked)} of {len(report.figures)} published figures are percentages "
        "with a printed N; counts k in 0..N that print as the published value:",
        highlight=False,
    )
    table = data_table(console, header_style="bold")
    for title in ("Figure", "Label", "%", "N", *ROUNDING_RULES, "Status"):
        table.add_column(
            title, justify="left" if title in ("Figure", "Label") else "right", overflow="fold"
        )
    for figure in checked:
        style = "bold red" if figure.status == "inconsistent" else None
        table.add_row(
            shown(figure.id),
            shown(figure.label),
            f"{figure.value:g}",
            str(figure.n),
            *[_counts(figure.feasible[rule]) for rule in ROUNDING_RULES],
            figure.status,
            style=style,
        )
    console.print(table)
    console.print()
    console.print("Relations between figures:", highlight=False)
    for relation in report.relations:
        mark = "[green]ok[/green]  " if relation.ok else "[bold red]FAIL[/bold red]"
        console.print(f"  {mark} {relation.type:<14} {shown(relation.detail)}", highlight=False)
    summary = report.as_dict()["summary"]
    console.print()
    console.print(
        f"{summary['inconsistent']} inconsistent figure(s) (impossible rounding half up), "
        f"{summary['relations_failing']} failing relation(s) of {summary['relations']}.",
        style="bold" if report.inconsistent else None,
        highlight=False,
    )


def print_reproduction(results, console: Console | None = None) -> None:
    """Published against computed, one row per figure, with a status count at the end."""
    from collections import Counter

    console = console or terminal_console()
    table = data_table(console, header_style="bold")
    for title in ("Figure", "Label", "Published", "Computed", "N", "Rounding", "Status"):
        table.add_column(
            title,
            justify="left" if title in ("Figure", "Label", "Status") else "right",
            overflow="fold",
        )
    styles = {"match": "green", "mismatch": "bold red", "not computable": "dim"}
    for result in results:
        data = result.as_dict()
        computed = "–" if data["computed"] is None else f"{data['computed']:g}"
        status = data["status"] + (f" ({data['reason']})" if data["reason"] else "")
        table.add_row(
            shown(data["id"]),
            shown(data["label"]),
            shown(str(data["published"])),
            computed,
            "–" if not data["n"] else f"{data['n']}{' (assumed)' if data['n_assumed'] else ''}",
            data["rounding"] or "–",
            shown(status),
            style=styles[data["status"]],
        )
    console.print(table)
    counts = Counter(result.status for result in results)
    console.print(
        f"{counts['match']} match, {counts['mismatch']} mismatch, "
        f"{counts['not computable']} not computable from survey data "
        f"(of {len(results)} published figures).",
        highlight=False,
    )
    if any(result.dataset for result in results):
        from monitorkit.published.reproduce import REBUILT

        console.print(
            f"Matches and mismatches are {REBUILT}. N (assumed): not printed in the source; "
            "the reconstruction chose it.",
            style="dim",
            highlight=False,
        )


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
