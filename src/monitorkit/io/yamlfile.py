"""Reading YAML files with errors that name the file and line, within limits.

Codebooks, margins and configs come from other people: a file of a few hundred
bytes must not expand into gigabytes (YAML aliases of aliases) or recurse
without end (deep nesting). Aliases and nesting are bounded while parsing.
"""

from __future__ import annotations

from functools import cache
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
        loader = _bounded_loader()(path.read_text(encoding="utf-8"))
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except _LimitError as exc:
        raise error(f"not accepted as YAML: {exc}", where, "write the file out plainly") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise error(
            f"not valid YAML: {problem}", Location(str(path), row=row), "check the indentation"
        ) from None
    except UnicodeDecodeError:
        raise error(f"{what} is not UTF-8 text", where, "save it as UTF-8") from None


#: More aliases than a hand-written file needs, too few to expand into a memory bomb
#: (each alias can at most double what a walk over the data visits: 2^20 at worst).
MAX_ALIASES = 20
MAX_DEPTH = 50


class _LimitError(Exception):
    pass


@cache
def _bounded_loader() -> Any:
    import yaml

    class BoundedLoader(yaml.SafeLoader):
        """SafeLoader that counts aliases and nesting depth as it composes the document."""

        aliases = 0
        depth = 0

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                self.aliases += 1
                if self.aliases > MAX_ALIASES:
                    raise _LimitError(f"more than {MAX_ALIASES} aliases (*references)")
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _LimitError(f"nested more than {MAX_DEPTH} levels deep")
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    return BoundedLoader
