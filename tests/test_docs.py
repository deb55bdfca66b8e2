"""The README documents every command; its CLI reference is generated from the code."""

from __future__ import annotations

from pathlib import Path

import click

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[str]:
    paths = []
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, (*prefix, name)))
        else:
            paths.append(" ".join((*prefix, name)))
    return paths


def test_every_command_is_in_the_cli_reference_and_described():
    from monitorkit.cli import cli

    for path in command_paths(cli):
        assert f"### monitorkit {path}\n" in README, path
        assert f"`monitorkit {path}" in README.split("## CLI reference")[0], path


def test_exit_codes_and_json_schemas_are_documented():
    for text in (
        "## Exit codes",
        "| 3 | unreadable or invalid input",
        "## JSON output",
        "## Codebook format",
        "`--format json` (or `-o file.json`)",
    ):
        assert text in README
