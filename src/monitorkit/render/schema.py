"""The JSON Schemas of ``summarize`` and ``compare --format json``, generated from the results.

Each result class in ``monitorkit.results`` becomes a definition: its fields
and their types come from the class annotations, and the fields it leaves out
when empty (``OPTIONAL``) are the ones not required. The envelope around the
questions (source, codebook) is described here, next to ``Summary.as_dict``
which writes it; the design used comes from ``DesignUsed``, whose fields sit
at the top level of the summary, and ``tests/test_schema.py`` validates
real outputs against the result.
"""

from __future__ import annotations

import dataclasses
import itertools
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
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(arguments[1], definitions)}
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        _define(annotation, definitions)
        return {"$ref": f"#/$defs/{annotation.__name__}"}
    if annotation in _SCALARS:
        return dict(_SCALARS[annotation])
    raise TypeError(f"no JSON Schema for {annotation!r}")


def _object(
    properties: dict[str, Any],
    required: list[str],
    description: str | None = None,
    nullable: bool = False,
) -> dict[str, Any]:
    """A closed object schema: these properties, these required, no others."""
    schema: dict[str, Any] = {"type": ["object", "null"] if nullable else "object"}
    if description:
        schema["description"] = description
    schema.update(properties=properties, required=required, additionalProperties=False)
    return schema


def _define(cls: Any, definitions: dict[str, Any]) -> None:
    """Add the definition of a result class (and the classes it holds) to ``definitions``.

    The class's JSON rules apply: OPTIONAL fields are not required, RENAMED ones
    take their JSON name, and a FLATTENED field contributes its own properties.
    """
    if cls.__name__ in definitions:
        return
    definitions[cls.__name__] = {}
    hints = typing.get_type_hints(cls, vars(results))
    optional = getattr(cls, "OPTIONAL", ())
    renamed = getattr(cls, "RENAMED", {})
    flattened = getattr(cls, "FLATTENED", ())
    comments = _field_comments(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for spec in dataclasses.fields(cls):
        if spec.name in flattened:
            _define(hints[spec.name], definitions)
            inner = definitions[hints[spec.name].__name__]
            properties.update(inner["properties"])
            required += inner["required"]
            continue
        name = renamed.get(spec.name, spec.name)
        properties[name] = _type_schema(hints[spec.name], definitions)
        if spec.name in comments:
            properties[name]["description"] = comments[spec.name]
        if spec.name not in optional:
            required.append(name)
    definitions[cls.__name__] = _object(
        properties, required, (cls.__doc__ or "").strip().splitlines()[0]
    )


def _field_comments(cls: Any) -> dict[str, str]:
    """Each field's ``#:`` comment in the class source, read once per class."""
    import inspect

    try:
        lines = inspect.getsource(cls).splitlines()
    except (OSError, TypeError):
        return {}
    comments = {}
    for previous, line in itertools.pairwise(lines):
        if "#:" in previous and ":" in line and not line.strip().startswith("#"):
            comments[line.strip().split(":", 1)[0]] = previous.split("#:", 1)[1].strip()
    return comments


def summary_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one summary as ``summarize --format json`` writes it."""
    definitions: dict[str, Any] = {}
    question = _type_schema(results.QuestionResult, definitions)
    integer, string = {"type": "integer"}, {"type": "string"}
    _type_schema(results.DesignUsed, definitions)
    design_properties = definitions.pop("DesignUsed")["properties"]
    source = _object(
        {"path": string, "format": string, "reader": string, "rows": integer,
         "sheet": _NULLABLE_STRING, "header_rows": integer,
         "header_style": {"enum": ["single", "two-row", "qualtrics", "spss", "parquet"]},
         "encoding": _NULLABLE_STRING, "delimiter": _NULLABLE_STRING, "decimal": string},
        ["path", "format", "reader", "rows", "sheet", "header_rows", "header_style"],
        "What was read and how; CSV adds encoding, delimiter and decimal.",
    )  # fmt: skip
    codebook = _object(
        {"instrument": string, "origin": {"enum": ["bundled", "file", "inferred"]},
         "path": _NULLABLE_STRING},
        ["instrument", "origin", "path"],
    )  # fmt: skip
    not_tabulated = _object(
        {"column": string, "reason": string, "detail": string},
        ["column", "reason"],
        "A column no question uses, and why.",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "monitorkit summary",
        "description": "monitorkit summarize --format json: percentages unrounded, 0-100.",
        "type": "object",
        "properties": {
            "source": source,
            "codebook": codebook,
            **design_properties,
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


COMPARE_SCHEMA_ID = "https://monitorkit.example/schema/compare.schema.json"


def comparison_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``compare --format json``."""
    definitions: dict[str, Any] = {}
    question = _type_schema(results.QuestionChange, definitions)
    fpc = _type_schema(results.FpcUsed, definitions)
    string = {"type": "string"}
    wave = _object(
        {"label": string, "source": {"type": "object"}, "codebook": _NULLABLE_STRING,
         "fpc": fpc, "provenance": {"type": "object"}},
        ["label", "source", "codebook", "fpc"],
        "One wave: its label, what was read (as in a summary's source), its codebook and FPC.",
    )  # fmt: skip
    panel = _object(
        {"keys": {"type": "array", "items": string}, "matched": {"type": "integer"},
         "warnings": {"type": "array", "items": string}},
        ["keys", "matched", "warnings"],
        "The respondents matched between the first and last wave, and on which columns.",
    )  # fmt: skip
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": COMPARE_SCHEMA_ID,
        "title": "monitorkit comparison",
        "description": "monitorkit compare --format json: percentages unrounded, 0-100; "
        "changes last minus first wave.",
        "type": "object",
        "properties": {
            "waves": {"type": "array", "items": wave},
            "interval": {
                "type": "string",
                "description": "The interval of the change of independent waves.",
            },
            "test": {"type": "string", "description": "The test of that change."},
            "trend_scores": {
                "type": "object",
                "additionalProperties": {"type": "number"},
                "description": "Three or more waves: each wave's place on the trend's axis.",
            },
            "panel": panel,
            "questions": {"type": "array", "items": question},
        },
        "required": ["waves", "interval", "test", "questions"],
        "additionalProperties": False,
        "$defs": definitions,
    }
