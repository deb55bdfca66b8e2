"""The package layout follows the data flow: every import points down, none back up."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "monitorkit"

#: Floors from the ground up; a module may import from its own floor and the ones below.
FLOORS = [
    {"errors", "vocabulary", "results", "options"},
    {"io"},
    {"codebook"},
    {"stats"},
    {"published"},
    {"render"},
    {"api"},
    {"cli", "__main__"},
]


def floor_of(module: str) -> int:
    """The floor of 'monitorkit.stats.estimates' (by its first part below monitorkit)."""
    part = module.split(".")[1] if "." in module else module
    for level, names in enumerate(FLOORS):
        if part in names:
            return level
    raise AssertionError(f"{module} is on no floor: add it to FLOORS")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("monitorkit")
        ):
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            found.update(names if node.module == "monitorkit" else [node.module])
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("monitorkit."))
    return found


def test_every_import_points_down():
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).with_suffix("")
        if relative.name == "__init__" and len(relative.parts) == 1:
            continue
        module = "monitorkit." + ".".join(p for p in relative.parts if p != "__init__")
        for imported in imports_of(path):
            if floor_of(imported) > floor_of(module):
                upward.append(f"{module} imports {imported}")
    assert upward == []


def test_the_library_api_is_importable_from_the_package():
    import monitorkit
    from monitorkit import api

    assert set(api.__all__) <= set(dir(monitorkit))
    assert all(callable(getattr(monitorkit, name)) for name in api.__all__)
    assert monitorkit.summarize_survey is api.summarize_survey
