"""Benchmark: monitorkit against the fastest sensible alternatives, in the same run.

Generates one municipality survey design (bench/bench_design.py, ~60 columns) as csv and
parquet (100k and 1M rows) and xlsx (100k rows), then measures, each job in a fresh
process, medians over the repeats of wall time, CPU time and peak memory (RSS):

* ``monitorkit summarize`` (the CLI, JSON out) and the library call, plain and
  ``--by Gemeentegrootte``;
* a hand-written DuckDB query and a polars query counting the same answers and bases,
  whose counts are asserted equal to monitorkit's;
* the raw read with the fastest reader (the floor) and, for xlsx, pandas + openpyxl;
* start-up: ``python -c "import click"`` against ``monitorkit --help``, and
  ``summarize`` on a 100-row csv.

Ratios are against DuckDB on the same input. Writes bench/RESULTS.md (or --results)
with the machine described. Run with ``make bench``; ``--quick`` for a small run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import bench_design
from bench_workers import comparable, summary_counts

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BY = bench_design.SIZE
#: Which runs each target compares, and the largest ratio it allows.
SUMMARIZE_TARGET = 1.5
BY_TARGET = 2.0
XLSX_TARGET = 1.2
MEMORY_TARGET = 2.0
SMALL_FILE_SECONDS = 0.6
HELP_TARGET = 2.0
#: Share of the CPU used by other processes above which the run is reported as shared.
SHARED_MACHINE = 0.05


@dataclass
class Job:
    """One command measured on one input; its counts, if it writes any, are checked."""

    name: str
    command: list[str]
    counts_file: Path | None = None
    summary_file: Path | None = None
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)

    def median(self, measure: str) -> float:
        return statistics.median(getattr(self, measure))


def _environment() -> dict[str, str]:
    """The measured processes import this checkout's monitorkit, not an installed copy."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "src"), str(BENCH), *filter(None, [env.get("PYTHONPATH")])]
    )
    return env


#: Started as a small interpreter of its own, this runs the measured command and prints its
#: resource use: the peak RSS of a child forked from the (larger) harness would include the
#: harness's own memory, copied at the fork.
_LAUNCHER = """
import json, os, sys
quiet = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=quiet)
_, status, usage = os.wait4(pid, 0)
print(json.dumps([os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime,
                  usage.ru_maxrss]))
"""


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one command."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-S", "-c", _LAUNCHER, *command],
        env=_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    lines = done.stdout.strip().splitlines()
    code, cpu, rss = json.loads(lines[-1]) if lines else (done.returncode, 0.0, 0)
    if code != 0 or done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({code}):\n{done.stderr}")
    return wall, cpu, rss / 1024


def run_jobs(jobs: list[Job], repeats: int) -> None:
    """Every job ``repeats`` times, in turns, so a busy moment does not hit one job only."""
    for _ in range(repeats):
        for job in jobs:
            wall, cpu, rss = measure(job.command)
            job.wall.append(wall)
            job.cpu.append(cpu)
            job.rss.append(rss)
            print(f"    {job.name:<34} {wall:8.2f} s  {rss:8.0f} MiB", flush=True)


def check_counts(jobs: list[Job]) -> str:
    """Assert that every job writing counts agrees with DuckDB's; say what was compared."""
    reference_job = next(job for job in jobs if job.name.startswith("duckdb"))
    assert reference_job.counts_file is not None
    reference = json.loads(reference_job.counts_file.read_text(encoding="utf-8"))
    compared = []
    for job in jobs:
        if job is reference_job:
            continue
        if job.summary_file is not None:
            summary = json.loads(job.summary_file.read_text(encoding="utf-8"))
            counts = comparable(summary_counts(summary))
        elif job.counts_file is not None:
            counts = json.loads(job.counts_file.read_text(encoding="utf-8"))
        else:
            continue
        if counts != reference:
            wrong = sorted(
                k for k in set(counts) | set(reference) if counts.get(k) != reference.get(k)
            )
            raise AssertionError(
                f"{job.name} counts differ from {reference_job.name} for {len(wrong)} "
                f"question(s), first {wrong[0]}: "
                f"{counts.get(wrong[0])} != {reference.get(wrong[0])}"
            )
        compared.append(job.name)
    return f"{len(reference)} bases with their counts: " + ", ".join(compared) + " = DuckDB"


def input_jobs(path: Path, folder: Path) -> tuple[list[Job], list[Job]]:
    """The plain and the --by jobs on one input."""
    python = sys.executable
    workers = str(BENCH / "bench_workers.py")
    stem = path.name.replace(".", "-")
    plain, grouped = [], []
    for by, jobs in ((None, plain), (BY, grouped)):
        flag = ["--by", by] if by else []
        suffix = "-by" if by else ""
        for engine in ("duckdb", "polars"):
            out = folder / f"{stem}-{engine}{suffix}.json"
            command = [python, workers, engine, str(path), *flag, "--out", str(out)]
            jobs.append(Job(f"{engine}{suffix}", command, counts_file=out))
        summary = folder / f"{stem}-summary{suffix}.json"
        cli = [python, "-m", "monitorkit", "summarize", str(path), *flag, "-f", "json", "-q"]
        jobs.append(
            Job(f"monitorkit summarize{suffix}", [*cli, "-o", str(summary)], summary_file=summary)
        )
        out = folder / f"{stem}-library{suffix}.json"
        library = [python, workers, "monitorkit", str(path), *flag, "--out", str(out)]
        jobs.append(Job(f"summarize_survey(){suffix}", library, counts_file=out))
    plain.append(Job("floor (fastest raw read)", [python, workers, "floor", str(path)]))
    if path.suffix == ".xlsx":
        plain.append(Job("pandas + openpyxl read", [python, workers, "openpyxl", str(path)]))
    return plain, grouped


def _size(rows: int) -> str:
    """100k, 1M: the sizes as the results name them."""
    if rows % 1_000_000 == 0:
        return f"{rows // 1_000_000}M"
    return f"{rows // 1000}k" if rows % 1000 == 0 else str(rows)


@dataclass
class Measured:
    """The jobs run on one input, with what their counts were checked against."""

    label: str
    path: Path
    megabytes: float
    jobs: list[Job]
    checked: str

    def job(self, name: str) -> Job:
        return next(job for job in self.jobs if job.name == name)

    def ratio(self, name: str, reference: str, measure: str) -> float:
        return self.job(name).median(measure) / self.job(reference).median(measure)


def machine() -> list[str]:
    """What the numbers were measured on."""
    import importlib.metadata as metadata

    cpu = platform.processor() or platform.machine()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    usable = len(os.sched_getaffinity(0))
    names = ("monitorkit", "pandas", "numpy", "pyarrow", "fastexcel", "openpyxl", "scipy")
    names += ("statsmodels", "duckdb", "polars")
    versions = []
    for name in names:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores ({usable} usable by this run)",
        f"- RAM: {memory:.1f} GiB; OS: {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
        "- " + ", ".join(versions),
    ]


def _busy_seconds() -> float:
    """CPU seconds the whole machine has been busy since boot (all processes, all cores)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _own_seconds() -> float:
    """CPU seconds used by this run: the harness and every measured process."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _row(job: Job, reference: Job) -> str:
    wall, cpu, rss = job.median("wall"), job.median("cpu"), job.median("rss")
    ratios = [job.median(measure) / reference.median(measure) for measure in ("wall", "cpu", "rss")]
    shown = " | ".join(f"{ratio:.2f}×" for ratio in ratios)
    return f"| {job.name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {shown} |"


def _verdict(ratio: float, limit: float) -> str:
    return f"{ratio:.2f}× (target ≤ {limit}×, {'met' if ratio <= limit else 'NOT met'})"


def targets(measured: list[Measured], startup: dict[str, Job]) -> list[str]:
    """One line per target of the benchmark, each a ratio measured in this run (wall time,
    with the CPU-time ratio beside it: steadier on a machine that other work shares)."""

    def timed(entry: Measured, name: str, reference: str, limit: float) -> str:
        cpu = entry.ratio(name, reference, "cpu")
        return f"{_verdict(entry.ratio(name, reference, 'wall'), limit)}; CPU {cpu:.2f}×"

    lines = []
    for entry in measured:
        if entry.path.suffix == ".xlsx":
            against, limit = "(fastexcel read + DuckDB count)", XLSX_TARGET
        else:
            against, limit = "DuckDB", SUMMARIZE_TARGET
        lines += [
            f"- summarize / {against}, {entry.label}: "
            + timed(entry, "monitorkit summarize", "duckdb", limit),
            f"- summarize --by / DuckDB --by, {entry.label}: "
            + timed(entry, "monitorkit summarize-by", "duckdb-by", BY_TARGET),
            f"- peak RSS summarize / DuckDB, {entry.label}: "
            + _verdict(entry.ratio("monitorkit summarize", "duckdb", "rss"), MEMORY_TARGET),
        ]
    small = startup["monitorkit summarize, 100-row csv"].median("wall")
    verdict = "met" if small < SMALL_FILE_SECONDS else "NOT met"
    lines.append(
        f"- summarize on a 100-row csv: {small:.2f} s wall "
        f"(target < {SMALL_FILE_SECONDS} s, {verdict})"
    )
    click = startup["python -c 'import click'"].median("wall")
    ratio = startup["monitorkit --help"].median("wall") / click
    lines.append("- monitorkit --help / python -c 'import click': " + _verdict(ratio, HELP_TARGET))
    return lines


def write_results(
    path: Path, measured: list[Measured], startup: dict[str, Job], header: list[str]
) -> list[str]:
    """RESULTS.md: the machine, the targets as ratios, then every measurement."""
    goal_lines = targets(measured, startup)
    lines = ["# Benchmark results", "", *header, "", "## Targets (ratios in this run)", ""]
    lines += [*goal_lines, ""]
    columns = "| job | wall s | CPU s | peak RSS MiB | wall ×DuckDB | CPU ×DuckDB | RSS ×DuckDB |"
    rule = "|---|---:|---:|---:|---:|---:|---:|"
    for entry in measured:
        lines += [
            f"## {entry.label} ({entry.megabytes:.0f} MiB)",
            "",
            f"Counts checked: {entry.checked}.",
            "",
        ]
        lines += [columns, rule]
        for job in entry.jobs:
            reference = entry.job("duckdb-by" if job.name.endswith("-by") else "duckdb")
            lines.append(_row(job, reference))
        lines.append("")
    lines += ["## Start-up", "", "| job | wall s | CPU s | peak RSS MiB |", "|---|---:|---:|---:|"]
    for job in startup.values():
        lines.append(
            f"| {job.name} | {job.median('wall'):.2f} | {job.median('cpu'):.2f} "
            f"| {job.median('rss'):.0f} |"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return goal_lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--startup-repeats", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="20k rows, 5k in xlsx, 1 repeat")
    parser.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.rows, args.xlsx_rows, args.repeats = [20_000], 5_000, 1
    started, clock = datetime.now(UTC), time.perf_counter()
    busy, own = _busy_seconds(), _own_seconds()
    measured: list[Measured] = []
    with tempfile.TemporaryDirectory(prefix="monitorkit-bench-") as name:
        folder = Path(name)
        inputs = []
        for rows in sorted({*args.rows, args.xlsx_rows}):
            table = bench_design.build_table(rows)
            if rows in args.rows:
                for suffix, write in (
                    (".csv", bench_design.write_csv),
                    (".parquet", bench_design.write_parquet),
                ):
                    inputs.append(
                        (f"{suffix[1:]} {_size(rows)} rows", folder / f"survey-{rows}{suffix}")
                    )
                    write(table, inputs[-1][1])
            if rows == args.xlsx_rows:
                inputs.append((f"xlsx {_size(rows)} rows", folder / f"survey-{rows}.xlsx"))
                bench_design.write_xlsx(table, inputs[-1][1])
        small = folder / "survey-100.csv"
        bench_design.write_csv(bench_design.build_table(100), small)
        python = sys.executable
        startup = {
            job.name: job
            for job in (
                Job("python -c 'import click'", [python, "-c", "import click"]),
                Job("monitorkit --help", [python, "-m", "monitorkit", "--help"]),
                Job(
                    "monitorkit summarize, 100-row csv",
                    [python, "-m", "monitorkit", "summarize", str(small), "-f", "json", "-q"],
                ),
            )
        }
        print("Start-up:", flush=True)
        run_jobs(list(startup.values()), args.startup_repeats)
        for label, path in inputs:
            print(f"{label} ({path.stat().st_size / 1024**2:.0f} MiB):", flush=True)
            plain, grouped = input_jobs(path, folder)
            run_jobs(plain, args.repeats)
            run_jobs(grouped, args.repeats)
            checked = check_counts(plain) + "; with --by: " + check_counts(grouped)
            size = path.stat().st_size / 1024**2
            measured.append(Measured(label, path, size, plain + grouped, checked))
    cores = os.cpu_count() or 1
    others = (_busy_seconds() - busy) - (_own_seconds() - own)
    other_share = max(others, 0.0) / ((time.perf_counter() - clock) * cores)
    header = [
        f"Measured {started:%Y-%m-%d %H:%M} UTC by `python bench/bench_summarize.py "
        + " ".join(argv if argv is not None else sys.argv[1:])
        + f"`: medians of {args.repeats} run(s) per job ({args.startup_repeats} for start-up), "
        "each job a "
        "fresh process; ratios are against DuckDB on the same input (for xlsx: fastexcel "
        "read + DuckDB count).",
        "",
        *machine(),
        f"- Other processes used {other_share:.0%} of the machine's CPU time during the run"
        + (
            ": measured on a shared machine, so the timings are noisy"
            if other_share > SHARED_MACHINE
            else ""
        ),
    ]
    goal_lines = write_results(args.results, measured, startup, header)
    print("\n".join(["Targets:", *goal_lines, f"Written to {args.results}"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
