"""Reading YAML files with errors that name the file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from monitorkit.errors import InputError, Location, MonitorkitError


def read_yaml(
    path: str | Path, error: type[MonitorkitError] = InputError, what: str = "file"
) -> Any:
    """Parse a YAML file; a missing file, bad YAML or non-UTF-8 text is one located error."""
    import yaml

    path = Path(path)
    where = Location(str(path))
    if not path.exists():
        raise error(f"{what} not found", where, "check the path")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise error(
            f"not valid YAML: {problem}", Location(str(path), row=row), "check the indentation"
        ) from None
    except UnicodeDecodeError:
        raise error(f"{what} is not UTF-8 text", where, "save it as UTF-8") from None
