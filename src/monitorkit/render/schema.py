"""The JSON Schema of ``summarize --format json``, generated from the typed results.

Each result class in ``monitorkit.results`` becomes a definition: its fields
and their types come from the class annotations, and the fields it leaves out
when empty (``OPTIONAL``) are the ones not required. The envelope around the
questions (source, codebook, design) is described here, next to
``Summary.as_dict`` which writes it, and ``tests/test_schema.py`` validates
real outputs against the result.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from monitorkit import results

SCHEMA_ID = "https://monitorkit.example/schema/summary.schema.json"

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
}

_NULLABLE_STRING = {"type": ["string", "null"]}


def _type_schema(annotation: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    """The schema of one annotated type; result classes become references."""
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(arg, definitions) for arg in arguments if arg is not type(None)]
        nullable = type(None) in arguments
        if len(options) == 1 and "type" in options[0] and nullable:
            return {**options[0], "type": [options[0]["type"], "null"]}
        return {"anyOf": options + ([{"type": "null"}] if nullable else [])}
    if origin is tuple:
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return {"type": "array", "items": _type_schema(arguments[0], definitions)}
        items = [_type_schema(arg, definitions) for arg in arguments]
        return {
            "type": "array",
            "prefixItems": items,
            "minItems": len(items),
            "maxItems": len(items),
        }
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        _define(annotation, definitions)
        return {"$ref": f"#/$defs/{annotation.__name__}"}
    if annotation in _SCALARS:
        return dict(_SCALARS[annotation])
    raise TypeError(f"no JSON Schema for {annotation!r}")


def _define(cls: Any, definitions: dict[str, Any]) -> None:
    """Add the definition of a result class (and the classes it holds) to ``definitions``."""
    if cls.__name__ in definitions:
        return
    definitions[cls.__name__] = {}
    hints = typing.get_type_hints(cls, vars(results))
    optional = getattr(cls, "OPTIONAL", ())
    properties = {
        spec.name: _type_schema(hints[spec.name], definitions) for spec in dataclasses.fields(cls)
    }
    for name, prop in properties.items():
        if spec_doc := _field_description(cls, name):
            prop["description"] = spec_doc
    definitions[cls.__name__] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": False,
    }


def _field_description(cls: Any, name: str) -> str | None:
    """A field's ``#:`` comment in the class source, if it has one."""
    import inspect

    try:
        lines = inspect.getsource(cls).splitlines()
    except (OSError, TypeError):
        return None
    for index, line in enumerate(lines):
        if line.strip().startswith(f"{name}:") and index and "#:" in lines[index - 1]:
            return lines[index - 1].split("#:", 1)[1].strip()
    return None


def summary_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one summary as ``summarize --format json`` writes it."""
    definitions: dict[str, Any] = {}
    question = _type_schema(results.QuestionResult, definitions)
    fpc = {
        "type": "object",
        "description": "Finite population correction: one population size, or one per stratum.",
        "properties": {
            "applied": {"type": "boolean"},
            "population": {"type": "integer"},
            "per_stratum": {"type": "boolean"},
            "source": {"type": "string"},
        },
        "required": ["applied"],
        "additionalProperties": False,
    }
    weights = {
        "type": ["object", "null"],
        "description": "The weight column, the sum of weights and Kish's effective sample size.",
        "properties": {
            "column": {"type": "string"},
            "sum": {"type": "number"},
            "kish_effective_n": {"type": "number"},
        },
        "required": ["column", "sum", "kish_effective_n"],
        "additionalProperties": False,
    }
    stratum = {
        "type": "object",
        "properties": {
            "stratum": {"type": "string"},
            "respondents": {"type": "integer"},
            "population": {"type": ["integer", "null"]},
        },
        "required": ["stratum", "respondents", "population"],
        "additionalProperties": False,
    }
    strata = {
        "type": ["object", "null"],
        "description": "The --strata column and each stratum's respondents and population size.",
        "properties": {
            "column": {"type": "string"},
            "strata": {"type": "array", "items": stratum},
        },
        "required": ["column", "strata"],
        "additionalProperties": False,
    }
    source = {
        "type": "object",
        "description": "What was read and how; CSV adds encoding, delimiter and decimal.",
        "properties": {
            "path": {"type": "string"},
            "format": {"type": "string"},
            "reader": {"type": "string"},
            "rows": {"type": "integer"},
            "sheet": _NULLABLE_STRING,
            "header_rows": {"type": "integer"},
            "header_style": {
                "enum": ["single", "two-row", "qualtrics", "spss", "parquet"],
            },
            "encoding": _NULLABLE_STRING,
            "delimiter": _NULLABLE_STRING,
            "decimal": {"type": "string"},
        },
        "required": ["path", "format", "reader", "rows", "sheet", "header_rows", "header_style"],
        "additionalProperties": False,
    }
    codebook = {
        "type": "object",
        "properties": {
            "instrument": {"type": "string"},
            "origin": {"enum": ["bundled", "file", "inferred"]},
            "path": _NULLABLE_STRING,
        },
        "required": ["instrument", "origin", "path"],
        "additionalProperties": False,
    }
    not_tabulated = {
        "type": "object",
        "description": "A column no question uses, and why.",
        "properties": {
            "column": {"type": "string"},
            "reason": {"type": "string"},
            "detail": {"type": "string"},
        },
        "required": ["column", "reason"],
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "monitorkit summary",
        "description": "monitorkit summarize --format json: percentages unrounded, 0-100.",
        "type": "object",
        "properties": {
            "source": source,
            "codebook": codebook,
            "confidence": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
            "interval": {
                "type": "string",
                "description": "'wilson', or the design-based method with weights or strata.",
            },
            "fpc": fpc,
            "weights": weights,
            "strata": strata,
            "provenance": {
                "type": "object",
                "description": "Only for bundled reconstructed data: where it was rebuilt from.",
            },
            "by": {"type": "string"},
            "previews_left_out": {"type": "integer"},
            "warnings": {"type": "array", "items": {"type": "string"}},
            "questions": {"type": "array", "items": question},
            "not_tabulated": {"type": "array", "items": not_tabulated},
        },
        "required": [
            "source",
            "codebook",
            "confidence",
            "interval",
            "fpc",
            "weights",
            "strata",
            "questions",
            "not_tabulated",
        ],
        "additionalProperties": False,
        "$defs": definitions,
    }
