"""The exception types users see.

Every error carries the place it refers to (file, sheet, row, column,
question) and a hint, and renders as one line. The CLI maps each kind to its
exit code (DESIGN §8): 2 usage, 3 unreadable or invalid input, 4 output.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Location:
    """Where in the user's material a problem sits; every part is optional."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    question: str | None = None
    figure: str | None = None
    field: str | None = None

    def describe(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column '{self.column}'")
        if self.question:
            parts.append(f"question '{self.question}'")
        if self.figure:
            parts.append(f"figure '{self.figure}'")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts)


@dataclass
class MonitorkitError(Exception):
    """Base of every error monitorkit reports to a user."""

    message: str
    location: Location = field(default_factory=Location)
    hint: str | None = None
    exit_code = 1

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def __str__(self) -> str:
        where = self.location.describe()
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


class UsageError(MonitorkitError):
    """Options that cannot work together or name something that does not exist."""

    exit_code = 2


class InputError(MonitorkitError):
    """A survey file that cannot be read as it is."""

    exit_code = 3


class CodebookError(MonitorkitError):
    """A codebook that is invalid or does not fit the data."""

    exit_code = 3


class OutputError(MonitorkitError):
    """An output that could not be written."""

    exit_code = 4
