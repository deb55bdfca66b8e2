"""Bundled datasets: the reconstructed survey files shipped with monitorkit.

They live in data/reconstructed/ and are listed in its datasets.yaml; a
command accepts a dataset's name wherever it accepts a file path.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any


@cache
def data_dir() -> Path:
    """The bundled data folder: inside the installed package, or the checkout's data/."""
    packaged = Path(__file__).parents[1] / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


@dataclass(frozen=True)
class Dataset:
    """A bundled dataset and what it is (and is not)."""

    name: str
    path: Path
    title: str
    provenance: dict[str, Any]

    @property
    def reconstructed(self) -> bool:
        return self.provenance.get("kind") == "reconstructed"


@cache
def list_datasets() -> tuple[Dataset, ...]:
    """Every bundled dataset, from data/reconstructed/datasets.yaml."""
    import yaml

    folder = data_dir() / "reconstructed"
    index = folder / "datasets.yaml"
    if not index.exists():
        return ()
    entries = yaml.safe_load(index.read_text(encoding="utf-8")) or []
    return tuple(
        Dataset(
            name=entry["name"],
            path=folder / entry["file"],
            title=entry.get("title", entry["name"]),
            provenance=dict(entry.get("provenance") or {}),
        )
        for entry in entries
    )


@cache
def dutch_texts() -> dict[str, str]:
    """The Dutch of the bundled datasets' assumptions and notes (data/reconstructed/
    dutch.yaml: a list of {en, nl}), keyed by the English text with spaces normalised."""
    import yaml

    path = data_dir() / "reconstructed" / "dutch.yaml"
    if not path.exists():
        return {}
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {" ".join(entry["en"].split()): " ".join(entry["nl"].split()) for entry in entries}


def in_dutch(text: str) -> str:
    """A bundled dataset's assumption or note in Dutch, where a translation is recorded."""
    return dutch_texts().get(" ".join(text.split()), text)


#: Provenance fields that serve `reproduce` (which column rebuilds which figure, and
#: under which rounding); left out of user-facing output, kept in datasets.yaml.
INTERNAL_PROVENANCE = ("figures", "rounding")


def public_provenance(provenance: dict[str, Any]) -> dict[str, Any]:
    """A dataset's provenance as outputs show it."""
    return {key: value for key, value in provenance.items() if key not in INTERNAL_PROVENANCE}


def resolve_input(name_or_path: str | Path) -> Path:
    """A path as given, or the file of the bundled dataset with that name."""
    path = Path(name_or_path)
    if path.is_file() or path.suffix:
        return path
    for dataset in list_datasets():
        if dataset.name == str(name_or_path):
            return dataset.path
    return path


def provenance_of(path: str | Path) -> dict[str, Any] | None:
    """The provenance note of a bundled dataset file, or None for a user's file."""
    try:
        resolved = Path(path).resolve()
    except OSError:
        return None
    for dataset in list_datasets():
        if dataset.path.resolve() == resolved:
            return {"dataset": dataset.name, **dataset.provenance}
    return None
