"""The package layout follows the data flow: every import points down, none back up."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

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


def test_options_are_checked_when_made_and_keywords_win():
    from monitorkit import summarize_survey
    from monitorkit.errors import UsageError
    from monitorkit.options import DesignOptions, ReadOptions, sort_options

    with pytest.raises(UsageError, match=r"header rows must be 1, 2 or 3, got -1"):
        ReadOptions(header_rows=-1)
    with pytest.raises(UsageError, match=r"the confidence level must be a number, got '0\.9'"):
        DesignOptions(confidence="0.9")
    with pytest.raises(UsageError, match="unknown adjustment 'bonf'"):
        DesignOptions(adjust="bonf")
    with pytest.raises(TypeError, match="unexpected keyword argument 'wieght'"):
        summarize_survey("wijkteams-2015", wieght="w")
    with pytest.raises(TypeError, match=r"takes design=DesignOptions\(...\), got dict"):
        summarize_survey("wijkteams-2015", design={"confidence": 0.9})
    _, design = sort_options(None, DesignOptions(confidence=0.8), {"confidence": 0.9}, "f")
    assert design.confidence == 0.9


def test_one_path_is_one_file_not_its_letters(tmp_path):
    from monitorkit import check_table, compare_waves, count_stapeling
    from monitorkit.errors import UsageError

    with pytest.raises(UsageError, match="compare needs at least two files"):
        compare_waves("wijkteams-2015")
    register = tmp_path / "r.csv"
    register.write_text("persoon,gemeente,periode,wet\np1,GM0363,2024,Wmo\n")
    cells = {c.category: c.count for c in count_stapeling(str(register)).cells}
    assert cells["Alleen Wmo"] == 1 and cells["Totaal"] == 1
    with pytest.raises(UsageError, match="a percentage needs its n"):
        check_table(percent="12,5")
