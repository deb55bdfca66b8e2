"""The monitorkit command line: argument parsing only, each command one library call.

Heavy libraries (pandas, statsmodels, matplotlib) are imported inside the
commands, so `monitorkit --help` starts instantly. Errors reach the user as
one line with an exit code (DESIGN §8); `--debug` shows the traceback.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from monitorkit.errors import MonitorkitError, UsageError
from monitorkit.io.readers import KNOWN_EXTENSIONS
from monitorkit.options import (
    LOCALES,
    MAX_WIDTH,
    MIN_WIDTH,
    DesignOptions,
    Locale,
    ReadOptions,
    RenderOptions,
)
from monitorkit.render.words import word
from monitorkit.stats.stapeling import CBS_ROUNDING_BASE, CBS_THRESHOLD

OUTPUT_FORMATS = ("terminal", "json", "csv", "md", "xlsx")
EXIT_INTERNAL = 70


def _apply(options, command):
    for option in reversed(options):
        command = option(command)
    return command


def _collect(name: str, cls, command):
    """Gather the command's click parameters that are fields of ``cls`` into one ``name``.

    The command then receives a typed options object instead of loose flags;
    fields a command does not offer keep their defaults.
    """
    from dataclasses import fields

    names = [spec.name for spec in fields(cls)]

    @functools.wraps(command)
    def gathered(*args, **kwargs):
        given = {field: kwargs.pop(field) for field in names if field in kwargs}
        previous = kwargs.get(name)
        kwargs[name] = cls(**{**(previous.__dict__ if previous else {}), **given})
        return command(*args, **kwargs)

    return gathered


def reading_options(command):
    """How to read a survey file: sheet, encoding, delimiter, header rows."""
    return _apply(
        [
            click.option(
                "--sheet", help="Workbook sheet, by name or 1-based number (default: the first)."
            ),
            click.option(
                "--encoding",
                help="Text encoding of a CSV (default: detected; utf-8, utf-8-sig, cp1252, "
                "utf-16).",
            ),
            click.option("--delimiter", help="CSV delimiter (default: detected among , ; tab |)."),
            click.option(
                "--header-rows",
                type=click.IntRange(1, 3),
                help="Number of header rows (default: detected; 2 = SurveyMonkey, 3 = Qualtrics).",
            ),
            click.option(
                "--input-format",
                type=click.Choice(sorted(e.lstrip(".") for e in KNOWN_EXTENSIONS)),
                help="What standard input holds when FILE is '-' (default: csv).",
            ),
        ],
        _collect("reading", ReadOptions, command),
    )


def input_options(command):
    """Options every command that reads survey answers shares: the codebook and how to read."""
    options = [
        click.option(
            "--codebook",
            "-c",
            type=click.Path(dir_okay=False),
            help="YAML codebook, or the name of a bundled one (default: inferred from the "
            "file; a bundled dataset uses its own).",
        ),
        click.option(
            "--include-previews",
            is_flag=True,
            help="Keep Qualtrics test and preview responses (left out by default).",
        ),
        click.option(
            "--missing-as-category",
            is_flag=True,
            help="Count non-answers (Weet niet, n.v.t., user-missing codes) in the base.",
        ),
    ]
    return _apply(options, reading_options(command))


by_option = click.option(
    "--by",
    multiple=True,
    help="Break every table down by this single-choice question or column; repeat it for "
    "breakdowns side by side (--by gemeentegrootte --by regio), or join columns with * to "
    "nest them (--by 'gemeentegrootte*regio': each size split by region).",
)
labels_option = click.option(
    "--labels", help="Wave labels, comma-separated (default: the year in each file name)."
)
quiet_option = click.option(
    "--quiet", "-q", is_flag=True, help="No progress or 'wrote …' messages."
)


def design_options(command):
    """How estimates generalise: confidence level, weights, finite population."""
    return _apply(
        [
            click.option(
                "--confidence",
                type=click.FloatRange(0.5, 0.999),
                default=0.95,
                show_default=True,
                help="Confidence level of the intervals.",
            ),
            click.option(
                "--population",
                help="Population size for the finite population correction, 'auto' for "
                "municipality surveys (CBS count of gemeenten in the survey's year), or with "
                "--strata a YAML/CSV file of the size per stratum.",
            ),
            click.option(
                "--weight",
                help="Column of positive weights: weighted percentages, design-based intervals.",
            ),
            click.option(
                "--strata",
                help="Column of the strata of a stratified sample (e.g. gemeentegrootte); with "
                "--population FILE giving each stratum's size.",
            ),
        ],
        _collect("design", DesignOptions, command),
    )


adjust_option = click.option(
    "--adjust",
    type=click.Choice(["holm", "bh"]),
    help="Adjust the group tests' p-values over the items of each table: Holm, or "
    "Benjamini-Hochberg (false discovery rate).",
)


def _output_options(formats: tuple[str, ...], locale_help: str):
    """The options of a command that writes results: the format (terminal or one of
    ``formats``), -o FILE, --locale, --width and --quiet, gathered into RenderOptions."""

    def decorate(command):
        options = [
            click.option(
                "--format",
                "-f",
                "fmt",
                type=click.Choice(["terminal", *formats]),
                help="Output format (default: terminal, or taken from the -o suffix).",
            ),
            click.option(
                "--output",
                "-o",
                type=click.Path(dir_okay=False),
                help="Write to this file (atomically) instead of standard output.",
            ),
            click.option(
                "--locale",
                type=click.Choice(LOCALES),
                default="en",
                show_default=True,
                help=locale_help,
            ),
            click.option(
                "--width",
                type=click.IntRange(MIN_WIDTH, MAX_WIDTH),
                help="Width of terminal output in characters (default: the terminal's; "
                "output to a pipe or file is not wrapped).",
            ),
            quiet_option,
        ]
        return _apply(options, _collect("render", RenderOptions, command))

    return decorate


#: Options every command that writes results (summarize, compare, stapeling) shares.
output_options = _output_options(OUTPUT_FORMATS[1:], "Number formatting: nl gives decimal commas.")
#: What check and reproduce write besides the terminal table.
TABLE_FORMATS = ("json", "csv")
#: Output options of the commands that print one table (check, reproduce).
table_output_options = _output_options(
    TABLE_FORMATS,
    "Language of headers, statuses and reasons, and number format of the csv: nl gives "
    "Dutch (';' and decimal commas).",
)


def _question_ids(ctx, param, value: str | None) -> list[str] | None:
    """'Q2,knelpunten' -> ['Q2', 'knelpunten']."""
    if value is None:
        return None
    ids = [part.strip() for part in value.split(",") if part.strip()]
    if not ids:
        raise click.BadParameter("give one or more question ids, separated by commas")
    return ids


questions_option = click.option(
    "--questions",
    metavar="ID,...",
    callback=_question_ids,
    help="Only these questions, in this order (ids as shown by --format json or the codebook).",
)


report_format = click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["terminal", "json"]),
    default="terminal",
    show_default=True,
    help="Output format.",
)


def _echo_json(data) -> None:
    import json

    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _choose_format(
    fmt: str | None, output: str | Path | None, formats: tuple[str, ...] = OUTPUT_FORMATS[1:]
) -> str:
    """The output format: as given, else from the -o file's suffix (one of ``formats``)."""
    if fmt is None and output:
        suffix = Path(output).suffix.lower().lstrip(".")
        fmt = {"markdown": "md"}.get(suffix, suffix)
        if fmt not in formats:
            raise UsageError(
                f"cannot tell the format from '{output}'",
                hint=f"pass --format {'|'.join(formats)}",
            )
    fmt = fmt or "terminal"
    if fmt == "xlsx" and not output:
        raise UsageError("xlsx output needs a file", hint="add -o summary.xlsx")
    if fmt == "terminal" and output:
        raise UsageError(
            "terminal output cannot go to a file", hint="pick --format json|csv|md|xlsx"
        )
    return fmt


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="monitorkit")
@click.option("--debug", is_flag=True, help="Show the full traceback on errors.")
def cli(debug: bool) -> None:
    """Tabulate, compare and check surveys of the Dutch social domain.

    FILE may be an export (.xlsx, .xls, .ods, .csv, .tsv, .txt, .sav, .parquet)
    or the name of a bundled dataset (see `monitorkit datasets`).
    """


@cli.command(short_help="Tabulate every question with its base and intervals.")
@click.argument("file")
@input_options
@by_option
@click.option(
    "--charts",
    type=click.Path(file_okay=False),
    help="Also write a bar chart per question (PNG and SVG) into this folder.",
)
@adjust_option
@design_options
@click.option(
    "--readings",
    is_flag=True,
    help="Also show how every raw value was read (selected, not selected, missing).",
)
@questions_option
@output_options
def summarize(
    file: str,
    reading: ReadOptions,
    by: tuple[str, ...],
    charts: str | None,
    design: DesignOptions,
    readings: bool,
    questions: list[str] | None,
    render: RenderOptions,
):
    """Tabulate every question of FILE: counts, bases, percentages and intervals.

    Every column that is not tabulated is listed after the tables with the reason
    (platform metadata, respondent id, timestamp, personal data, open text, ...).
    FILE '-' reads standard input (see --input-format).

    \b
    Examples:
      monitorkit summarize survey.xlsx
      monitorkit summarize survey.csv --by gemeentegrootte
      monitorkit summarize survey.sav --format json -o summary.json --charts charts/
    """
    from monitorkit.api import summarize_survey
    from monitorkit.render.progress import status

    fmt = _choose_format(render.fmt, render.output)
    with status(
        word("Reading and tabulating {file}…", render.locale).format(file=file), render.quiet
    ):
        result = summarize_survey(
            file, by=list(by), questions=questions, reading=reading, design=design
        )
    _emit_summary(result, fmt, render, readings)
    if charts:
        from monitorkit.render.charts import write_charts

        written = write_charts(result, charts, render.locale)
        _wrote(f"{len(written)} {word('chart files in', render.locale)} {charts}", render)


def _emit_summary(result, fmt: str, render: RenderOptions, readings: bool) -> None:
    from functools import partial

    from monitorkit.render.outputs import render_summary
    from monitorkit.render.terminal import print_summary

    codebook = result.responses.codebook
    inputs = [Path(result.responses.source.input_path)]
    inputs += [Path(codebook.path)] if codebook.origin == "file" and codebook.path else []
    from monitorkit.render.assumptions import summary_notes

    notes = summary_notes(result, render.locale)
    show = partial(print_summary, readings=readings)
    _emit(result, fmt, render, show, render_summary, inputs, notes)


def _wrote(what: str, render: RenderOptions) -> None:
    """'wrote <file>' on standard error, in the output's language, unless --quiet."""
    if not render.quiet:
        click.echo(f"{word('wrote', render.locale)} {what}", err=True)


def _emit(
    result,
    fmt: str,
    render: RenderOptions,
    show,
    as_bytes,
    inputs: list[Path],
    notes: list[str] | None = None,
) -> None:
    """Print a result on the terminal, or write its bytes in ``fmt`` to -o (never over an
    input) or to standard output.

    A CSV cannot hold the dataset's assumptions and notes, so they go to a sidecar
    ``<name>.notes.txt`` next to it, or to standard error when the CSV goes to standard
    output."""
    if fmt == "terminal":
        from monitorkit.render.common import terminal_console

        show(result, console=terminal_console(render.width), locale=render.locale)
        return
    data = as_bytes(result, fmt, render.locale)
    sidecar = fmt == "csv" and bool(notes)
    if render.output:
        from monitorkit.io.files import write_atomic

        write_atomic(Path(render.output), data, inputs=inputs)
        _wrote(str(render.output), render)
        if sidecar:
            from monitorkit.render.assumptions import sidecar_bytes

            path = Path(render.output).with_name(Path(render.output).name + ".notes.txt")
            write_atomic(path, sidecar_bytes(notes or []), inputs=inputs)
            _wrote(str(path), render)
    else:
        click.echo(data.decode("utf-8"), nl=False)
        if sidecar:
            for line in notes or []:
                click.echo(f"# {line}", err=True)


@cli.command(short_help="Compare waves: change, interval, test, panel.")
@click.argument("files", nargs=-1, required=True)
@labels_option
@click.option(
    "--codebook",
    "-c",
    "codebooks",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Codebook per wave, in file order (repeat the option); default: bundled or inferred.",
)
@click.option(
    "--key",
    help="Column with municipality codes for the paired analysis "
    "(default: detected from headers such as 'gemeentecode' or from the values).",
)
@click.option(
    "--mergers",
    type=click.Path(dir_okay=False),
    help="CSV of municipal mergers (old_code, new_code, date) to map codes forward.",
)
@click.option(
    "--allow-unit-mismatch",
    is_flag=True,
    help="Compare a question even where the waves are shares of different units (gemeenten "
    "in one, teams in the other); every output then says so.",
)
@design_options
@click.option(
    "--charts",
    type=click.Path(file_okay=False),
    help="Also write grouped bar and slope charts per question (PNG and SVG).",
)
@questions_option
@output_options
def compare(
    files: tuple[str, ...],
    labels: str | None,
    codebooks: tuple[str, ...],
    key: str | None,
    mergers: str | None,
    allow_unit_mismatch: bool,
    design: DesignOptions,
    charts: str | None,
    questions: list[str] | None,
    render: RenderOptions,
):
    """Compare the same questions across waves: FILE_A FILE_B [FILE_C...].

    Per item: count, base and percent per wave and the change from the first to the
    last wave in percentage points, with its interval and test: Newcombe's interval
    and the pooled z-test for independent samples; design-based with --weight or
    --strata; paired (Newcombe square-and-add, exact McNemar) when the same
    municipalities answer both waves, and with a partial panel the paired and the
    independent part side by side. Three or more waves add a test for trend and one
    across all waves; numeric questions compare means (Welch).

    A question whose waves are shares of different units (as a bundled dataset records
    them) is refused unless --allow-unit-mismatch, and then every format says so.

    \b
    Example:
      monitorkit compare wijkteams-2014 wijkteams-2015 --allow-unit-mismatch
    """
    from monitorkit.api import compare_waves

    if codebooks and len(codebooks) != len(files):
        raise UsageError(
            f"{len(codebooks)} codebooks for {len(files)} files",
            hint="give one --codebook per file, in the same order",
        )
    result = compare_waves(
        list(files),
        labels=labels,
        codebooks=list(codebooks) or None,
        key=key,
        mergers=mergers,
        questions=questions,
        design=design,
        allow_unit_mismatch=allow_unit_mismatch,
    )
    from monitorkit.render.outputs import render_comparison
    from monitorkit.render.terminal import print_comparison

    fmt = _choose_format(render.fmt, render.output)
    inputs = [Path(f) for f in (*files, *codebooks, *([mergers] if mergers else []))]
    from monitorkit.render.assumptions import comparison_notes

    notes = comparison_notes(result, render.locale)
    _emit(result, fmt, render, print_comparison, render_comparison, inputs, notes)
    if charts:
        from monitorkit.render.charts import write_comparison_charts

        written = write_comparison_charts(result, charts, render.locale)
        _wrote(f"{len(written)} {word('chart files in', render.locale)} {charts}", render)


@cli.command(short_help="Rake to known margins and write weights.")
@click.argument("file")
@reading_options
@click.option(
    "--margins",
    "-m",
    required=True,
    type=click.Path(dir_okay=False),
    help="YAML with the target per category of each column to rake on.",
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False),
    help="CSV to write: the data with a weight column.",
)
@click.option("--weight-name", default="weight", show_default=True, help="Name of the new column.")
@click.option("--base-weight", help="Column of design weights to start from (default: 1).")
@click.option("--max-iterations", type=click.IntRange(1, 100000), default=100, show_default=True)
@click.option(
    "--tolerance",
    type=click.FloatRange(0, 0.1, min_open=True),
    default=1e-8,
    show_default=True,
    help="Largest allowed gap between a weighted share and its target.",
)
@report_format
def weight(
    file,
    reading: ReadOptions,
    margins,
    output,
    weight_name,
    base_weight,
    max_iterations,
    tolerance,
    fmt,
):
    """Rake FILE to known margins (iterative proportional fitting) and write weights.

    \b
    Example margins.yaml:
      gemeentegrootte: {G4: 4, G32: 36, overig: 353}
      regio: {Noord: 0.2, Oost: 0.25, West: 0.35, Zuid: 0.2}
    """
    from monitorkit.api import rake_weights

    result = rake_weights(
        file,
        margins,
        output,
        weight_name=weight_name,
        base_weight=base_weight,
        max_iterations=max_iterations,
        tolerance=tolerance,
        **reading.as_kwargs(),
    )
    if fmt == "json":
        _echo_json(result.as_dict())
    else:
        from monitorkit.render.checks import print_raking

        print_raking(result, output)
    if not result.converged:
        raise SystemExit(1)


@cli.command(short_help="Write an HTML, Markdown and xlsx report.")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--output",
    "-o",
    "folder",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder to write report.html, report.md (+ charts/) and the xlsx files into.",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    help="YAML with title, subtitle, questions (ids, in order), by, population, weight, "
    "labels, compare, locale.",
)
@by_option
@adjust_option
@design_options
@labels_option
@click.option(
    "--compare/--no-compare",
    default=None,
    help="Compare the files as waves (default: when there are several files).",
)
@click.option(
    "--allow-unit-mismatch",
    is_flag=True,
    help="Compare questions whose waves are shares of different units; the report says so.",
)
@click.option(
    "--locale",
    type=click.Choice(LOCALES),
    default=None,
    help="Number formatting: nl gives decimal commas (default: en, or the config's).",
)
@questions_option
@quiet_option
def report(
    files: tuple[str, ...],
    folder: str,
    config: str | None,
    by: tuple[str, ...],
    design: DesignOptions,
    labels: str | None,
    compare: bool | None,
    allow_unit_mismatch: bool,
    locale: Locale | None,
    questions: list[str] | None,
    quiet: bool,
):
    """Write a report of FILES: self-contained HTML, Markdown with PNG charts, and xlsx.

    The same inputs always give the same bytes (no timestamps, fixed chart ids).

    \b
    Examples:
      monitorkit report divosa-monitor-2011 -o reports/divosa-monitor-2011
      monitorkit report wijkteams-2014 wijkteams-2015 --allow-unit-mismatch -o reports/wijkteams
    """
    from monitorkit.api import build_report

    written = build_report(
        list(files),
        folder,
        config=config,
        locale=locale,
        by=list(by) or None,
        design=design,
        compare=compare,
        labels=labels,
        questions=questions,
        quiet=quiet,
        allow_unit_mismatch=allow_unit_mismatch,
    )
    if not quiet:
        click.echo(f"wrote {len(written)} files to {folder}", err=True)


@cli.command(short_help="Users under more than one law (Jeugdwet, P-wet, Wmo) per region.")
@click.argument("files", nargs=-1, required=True)
@click.option("--person", help="Column of the person id (default: found from the headers).")
@click.option("--household", help="Column of the household id (optional).")
@click.option("--region", help="Column of the gemeente (code).")
@click.option("--period", help="Column of the period (year, month).")
@click.option("--law", help="Column naming the law: Jeugdwet, Participatiewet or Wmo.")
@click.option("--provision", help="Column of the provision (voorziening), optional.")
@click.option("--by", help="Split every count by the values of this column.")
@click.option(
    "--population",
    type=click.Path(dir_okay=False),
    help="CSV or YAML of inhabitants (region, optional period, inhabitants): adds rates per 1,000.",
)
@click.option(
    "--disclosure",
    type=click.Choice(["cbs"]),
    help="Publication rules: cbs rounds counts to multiples of 5 and shows cells below 10 "
    "as '.', after shares and rates are computed.",
)
@click.option(
    "--rounding-base",
    type=click.IntRange(1),
    default=CBS_ROUNDING_BASE,
    show_default=True,
    help="With --disclosure: round counts to multiples of this.",
)
@click.option(
    "--threshold",
    type=click.IntRange(0),
    default=CBS_THRESHOLD,
    show_default=True,
    help="With --disclosure: suppress cells with fewer users than this.",
)
@click.option(
    "--chart",
    type=click.Path(dir_okay=False),
    help="Also write an UpSet-style chart (.png or .svg) of Totaal, persons, last period.",
)
@output_options
def stapeling(
    files: tuple[str, ...],
    person: str | None,
    household: str | None,
    region: str | None,
    period: str | None,
    law: str | None,
    provision: str | None,
    by: str | None,
    population: str | None,
    disclosure: str | None,
    rounding_base: int,
    threshold: int,
    chart: str | None,
    render: RenderOptions,
):
    """Count users of provisions under each combination of laws (stapeling), per region
    and period, from person-level records: FILES are csv or parquet files, folders of
    them, or globs, with one row per person x provision x period.

    The categories are CBS's (Alleen Jeugd, Alleen P-wet, Alleen Wmo, Jeugd en P-wet,
    Jeugd en Wmo, P-wet en Wmo, Jeugd, P-wet en Wmo, Totaal), for persons and, with a
    household column, households; with a provision column also by number of
    provisions. Region 'Totaal' counts each person once over all regions.

    \b
    Example:
      monitorkit stapeling registers/2024/*.parquet -f csv -o stapeling.csv
    """
    from monitorkit.api import Disclosure, count_stapeling

    if chart and by:
        raise UsageError("--chart draws the counts without --by", hint="leave out one of them")
    rules = Disclosure(disclosure, rounding_base, threshold) if disclosure else None
    result = count_stapeling(
        list(files),
        person=person,
        household=household,
        region=region,
        period=period,
        law=law,
        provision=provision,
        by=by,
        population=population,
        disclosure=rules,
    )
    from monitorkit.render.stapeling import print_stapeling, render_stapeling

    fmt = _choose_format(render.fmt, render.output)
    inputs = [Path(source) for source in result.sources]
    inputs += [Path(population)] if population else []
    _emit(result, fmt, render, print_stapeling, render_stapeling, inputs)
    if fmt != "terminal" and not render.quiet:
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
    if chart:
        from monitorkit.io.files import check_output_path
        from monitorkit.render.stapeling import write_upset_chart

        check_output_path(Path(chart), inputs)
        write_upset_chart(result, chart, render.locale)
        _wrote(chart, render)


@cli.group(short_help="Infer and validate codebooks.")
def codebook():
    """Infer, check and write codebooks (which columns form which question)."""


@codebook.command("infer")
@click.argument("file")
@reading_options
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Write the YAML here (default: standard output).",
)
def codebook_infer(file: str, reading: ReadOptions, output: str | None):
    """Infer a codebook from FILE's headers and values, for editing.

    Test and preview responses are left out first, as summarize leaves them out.
    """
    from monitorkit.api import infer_codebook_of, write_codebook

    inferred = infer_codebook_of(file, **reading.as_kwargs())
    if output:
        from monitorkit.io.datasets import resolve_input
        from monitorkit.io.files import check_output_path

        check_output_path(Path(output), [resolve_input(file)])
        write_codebook(inferred, output)
        click.echo(f"wrote {output}: {len(inferred.questions)} questions", err=True)
    else:
        import yaml

        click.echo(
            yaml.safe_dump(inferred.to_dict(), sort_keys=False, allow_unicode=True, width=100),
            nl=False,
        )


@codebook.command("validate")
@click.argument("codebook_file", type=click.Path(dir_okay=False))
@click.argument("file", required=False)
@reading_options
def codebook_validate(codebook_file: str, file: str | None, reading: ReadOptions):
    """Check CODEBOOK_FILE, and that FILE has every column it names."""
    from monitorkit.codebook.model import check_columns, read_codebook

    checked = read_codebook(codebook_file)
    message = f"{codebook_file}: valid, {len(checked.questions)} questions"
    if file:
        from monitorkit.io.datasets import resolve_input
        from monitorkit.io.readers import read_table

        raw = read_table(resolve_input(file), **reading.as_kwargs())
        check_columns(checked, raw.columns, raw.location(), raw.duplicates)
        message += f"; every column is present in {file}"
    click.echo(message)


@cli.command(short_help="Are published percentages possible for their N? (GRIM)")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--percent", type=str, help="Check one printed percentage (e.g. 41 or 12,5)...")
@click.option("--n", "base", type=click.IntRange(1), help="...for this N.")
@table_output_options
def check(files, percent, base, render: RenderOptions):
    """Check that published percentages are possible for their N (GRIM), and related figures.

    FILES are registry files (default: every bundled one in data/published/), or csv
    tables of your own with columns label, percent and n (optionally decimals), as
    copied from a report. For each percentage with an N: the counts k that print as the
    published value when rounding half up, half to even, or truncating; for registries
    also whole tables, yes/no pairs that must add to 100, group splits that must average
    to a total, sums of counts, and the relations the figures state themselves: a figure
    the text computes by division, counts printed as parts of a count, two counts of one
    population, a finding printed twice (its ranges must overlap and be shares of one
    unit), and counts printed with their share of one unprinted total. Verbal quantities
    ('de helft') are judged by the range their words allow, never as exact percentages.
    Exit code 1 when something is inconsistent.

    \b
    Examples:
      monitorkit check --percent 41 --n 17
      monitorkit check tabel.csv
    """
    from monitorkit.api import check_figures, check_table

    if (percent is None) != (base is None):
        raise UsageError(
            "--percent and --n go together", hint="monitorkit check --percent 41 --n 17"
        )
    tables = [f for f in files if Path(f).suffix.lower() in (".csv", ".txt")]
    if percent is not None or tables:
        if len(tables) != len(files):
            raise UsageError(
                "check takes registry files or your own tables, not both at once",
                hint="run them separately",
            )
        report = check_table(tables, percent, base)
    else:
        report = check_figures(list(files))
    from monitorkit.render.checks import print_check, render_check

    fmt = _choose_format(render.fmt, render.output, TABLE_FORMATS)
    _emit(report, fmt, render, print_check, render_check, [Path(f) for f in files])
    if report.inconsistent:
        raise SystemExit(1)


@cli.command(short_help="Recompute the published figures from bundled data.")
@click.argument("source", required=False)
@click.option(
    "--chart",
    type=click.Path(dir_okay=False),
    help="Also write a dot plot of published against reproduced figures (.png or .svg).",
)
@table_output_options
def reproduce(source, chart, render: RenderOptions):
    """Recompute the published figures from the bundled data and compare (SOURCE: a source id
    such as vj2012, or its file name; default: all).

    Each figure goes through the same read -> codebook -> estimates path as a user's file,
    is rounded as the source rounded, and gets a status: match, mismatch, or not computable
    from survey data (with the reason the registry's kind gives: a national statistic, the
    authors' estimate, a practice example, a sample size, a policy target, a rule of the
    law, a threshold, a verbal quantity). A match from a reconstructed dataset is a
    consistency check (the data were rebuilt from these figures), not an independent
    replication; the N printed in the source and an N the reconstruction assumed are
    separate columns. Exit code 1 on any mismatch.
    """
    from monitorkit.api import reproduce_figures
    from monitorkit.published.reproduce import MISMATCH

    results = reproduce_figures(source)
    from monitorkit.render.checks import print_reproduction, render_reproduction

    fmt = _choose_format(render.fmt, render.output, TABLE_FORMATS)
    _emit(results, fmt, render, print_reproduction, render_reproduction, [])
    if chart:
        from monitorkit.render.charts import reproduction_figure, save_figure

        save_figure(reproduction_figure(results, render.locale), chart)
        _wrote(chart, render)
    if any(r.status == MISMATCH for r in results):
        raise SystemExit(1)


@cli.command(short_help="Rebuild respondent data from published figures.")
@click.argument("specs", nargs=-1, type=click.Path(dir_okay=False, exists=True))
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder holding published/, reconstructed/specs/ and codebooks/ "
    "(default: the bundled data folder).",
)
def reconstruct(specs, data_dir):
    """Rebuild respondent-level data from published figures (SPECS: data/reconstructed/specs/).

    Deterministic (fixed seeds): the same specs and registry always give the same bytes.
    The files reproduce the printed marginals, not the original responses. Without SPECS,
    the person-level registers of specs/registers/ are also written (as parquet, for
    `monitorkit stapeling`).
    """
    from monitorkit.api import reconstruct_datasets

    for rebuilt in reconstruct_datasets(list(specs), data_dir):
        click.echo(
            f"{rebuilt.name}: {len(rebuilt.rows)} respondents, {len(rebuilt.columns) - 1} columns"
        )
        for text in rebuilt.assumptions:
            click.echo(f"  assumption: {text}")
        for note in rebuilt.notes:
            click.echo(f"  note: {note}")
    if not specs:
        from monitorkit.api import reconstruct_registers

        for register, path in reconstruct_registers(data_dir):
            click.echo(f"{register.name}: {register.total:,} persons, register written to {path}")
            for text in register.assumptions:
                click.echo(f"  assumption: {text}")


@cli.command(short_help="List the bundled datasets.")
@report_format
def datasets(fmt):
    """List the bundled datasets (usable wherever a FILE is asked for)."""
    from monitorkit.io.datasets import list_datasets

    entries = list_datasets()
    if fmt == "json":
        from monitorkit.io.datasets import public_provenance

        _echo_json(
            [
                {
                    "name": d.name,
                    "path": str(d.path),
                    "title": d.title,
                    "provenance": public_provenance(d.provenance),
                }
                for d in entries
            ]
        )
        return
    for dataset in entries:
        kind = " [reconstructed from published tables]" if dataset.reconstructed else ""
        click.echo(f"{dataset.name}\t{dataset.title}{kind}")


@cli.command(short_help="Print the JSON Schema of summarize (or compare) --format json.")
@click.argument("output", type=click.Choice(["summary", "compare"]), default="summary")
def schema(output: str):
    """Print the JSON Schema (draft 2020-12) that `summarize` (or `compare`) --format json
    output follows.

    It is generated from the result types, so it always matches the output;
    validate an output with any JSON Schema validator.
    """
    from monitorkit.render.schema import comparison_schema, summary_schema

    _echo_json(summary_schema() if output == "summary" else comparison_schema())


def _stdout_to_devnull() -> None:
    """After the reader of a pipe went away (``| head``): send what is still buffered
    nowhere, so the interpreter's final flush does not fail a second time."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the CLI and turn errors into one line and an exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    if debug:
        args.remove("--debug")
    try:
        cli.main(args=args, prog_name="monitorkit", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("monitorkit: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if isinstance(exc, click.UsageError) else exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except MonitorkitError as exc:
        if debug:
            raise
        click.echo(f"monitorkit: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("monitorkit: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        _stdout_to_devnull()
        sys.exit(0)
    except Exception as exc:
        if debug:
            raise
        click.echo(
            f"monitorkit: internal error: {type(exc).__name__}: {exc} "
            "(run again with --debug for the traceback, and please report it)",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
