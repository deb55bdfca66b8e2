"""monitorkit: tabulate, compare and check surveys of the Dutch social domain.

The public functions (``read_survey``, ``summarize_survey``, ``compare_waves``,
``reproduce_figures``, ``check_figures``, ``build_report``, ``rake_weights``, ...)
are importable from here; they load the scientific stack only when first used.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any


def __getattr__(name: str) -> Any:
    api = import_module("monitorkit.api")
    if name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module 'monitorkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *import_module("monitorkit.api").__all__])
