"""Exports written the way each survey platform writes them give a careful analyst's hand count.

Every case of tests/platforms/ is summarized without a codebook: each closed
question must be found with its type, source columns, items, counts and base,
and every other column must be listed as not tabulated with its reason.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter

import pytest

import platforms
from monitorkit.api import summarize_survey
from platforms import REASONS, ExpectedQuestion, PlatformCase


def _all_cases() -> list[PlatformCase]:
    cases = []
    for module in pkgutil.iter_modules(platforms.__path__):
        cases += importlib.import_module(f"platforms.{module.name}").CASES
    return cases


CASES = _all_cases()


def _compare_question(expected: ExpectedQuestion, actual) -> list[str]:
    name = f"question {actual.id} {expected.columns}"
    problems = []
    if actual.type != expected.type:
        problems.append(f"{name}: type {actual.type}, expected {expected.type}")
    if actual.base != expected.base:
        problems.append(f"{name}: base {actual.base}, expected {expected.base}")
    found = [(item.label, item.count) for item in actual.items]
    if expected.ordered and found != expected.items:
        problems.append(f"{name}: items {found}, expected in order {expected.items}")
    elif Counter(found) != Counter(expected.items) and expected.type != "numeric":
        problems.append(f"{name}: items {sorted(found)}, expected {sorted(expected.items)}")
    if expected.item_bases is not None:
        bases = [item.base for item in actual.items]
        if bases != expected.item_bases:
            problems.append(f"{name}: item bases {bases}, expected {expected.item_bases}")
    missing = [(row.label, row.count) for row in actual.missing]
    if Counter(missing) != Counter(expected.missing):
        problems.append(f"{name}: missing rows {missing}, expected {expected.missing}")
    if expected.mean is not None:
        stats = actual.stats if actual.type == "numeric" else actual.scale
        mean = stats.mean if stats else None
        if mean is None or abs(mean - expected.mean) > 1e-9:
            problems.append(f"{name}: mean {mean}, expected {expected.mean}")
    return problems


def check_case(case: PlatformCase, folder) -> list[str]:
    """Every difference between what monitorkit found and the case's hand count."""
    summary = summarize_survey(case.write(folder), **case.options)
    responses = summary.responses
    problems = []
    if responses.source.rows != case.respondents:
        problems.append(f"respondents {responses.source.rows}, expected {case.respondents}")
    if responses.previews_left_out != case.left_out:
        problems.append(
            f"previews left out {responses.previews_left_out}, expected {case.left_out}"
        )
    by_columns = {frozenset(q.columns): q for q in summary.questions}
    expected_sets = {frozenset(e.columns) for e in case.questions}
    for expected in case.questions:
        actual = by_columns.get(frozenset(expected.columns))
        if actual is None:
            holding = [
                q.columns for q in summary.questions if set(q.columns) & set(expected.columns)
            ]
            problems.append(
                f"no question with columns {expected.columns} ({expected.type}); "
                f"found in {holding or 'none'}"
            )
            continue
        problems += _compare_question(expected, actual)
    for question in summary.questions:
        if frozenset(question.columns) not in expected_sets:
            problems.append(f"unexpected {question.type} question {question.id} {question.columns}")
    reasons = {entry.column: entry.reason for entry in responses.not_tabulated}
    for column, reason in case.not_tabulated.items():
        if reasons.get(column) != reason:
            problems.append(
                f"column {column!r}: reason {reasons.get(column)!r}, expected {reason!r}"
            )
    tabulated = {column for question in summary.questions for column in question.columns}
    for column in responses.raw.columns:
        if column not in tabulated and column not in reasons:
            problems.append(f"column {column!r} neither tabulated nor listed as not tabulated")
    return problems


def test_the_cases_use_the_documented_reasons():
    for case in CASES:
        assert set(case.not_tabulated.values()) <= set(REASONS), case.name


#: Cases monitorkit does not yet read as a hand count does, and why (strict: a fix shows).
KNOWN_GAPS = {
    "limesurvey_nl_code_headings_answer_codes_csv": "a 1-10 grade under a bare code header "
    "('E3') whose answers run only from 4 to 9 cannot be told from a coded single question",
}


def _param(case: PlatformCase):
    gap = KNOWN_GAPS.get(case.name)
    marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
    return pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_platform_export_matches_the_hand_count(case, tmp_path):
    assert check_case(case, tmp_path) == []
