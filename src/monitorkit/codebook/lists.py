"""Options listed in one cell: find the separator, the options, write-ins and rankings.

Microsoft Forms joins a multi-select's answers with ';' (often with a trailing
one), Google Forms with ', ', other exports with '|' or '/'. Options may contain
the separator themselves ('Meetups (local, regional)'), a respondent's own
'Other' text is written into the list, and a ranking lists every option in the
chosen order. These rules work on the distinct cell texts and their counts.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from monitorkit.codebook.model import Item, Question
from monitorkit.vocabulary import (
    is_continuation,
    looks_exclusive,
    looks_typed,
    normalise,
    option_index,
    parse_number,
    split_fragments,
    split_options,
)

#: Separators of one-cell lists, most specific first ('/' is left out: it sits inside
#: options such as 'Samenwonend / getrouwd' far more often than between them).
SEPARATORS = (";", "|", ",", " ")
#: Cells a space may separate: lower-case option codes, as KoboToolbox, ODK and
#: SurveyCTO write a select_multiple ('werk schuldhulp', '1 3 4').
_CODE_LIST = re.compile(r"^[a-z0-9_.-]+( [a-z0-9_.-]+)*$")
#: Most options a one-cell list may have.
MAX_OPTIONS = 40
_DUTCH_WORDS = frozenset(
    re.findall(
        r"\w+",
        "de het een en van welke wat hoe uw u je jullie wij niet geen ja nee met voor op "
        "gemeente heeft bent zijn wordt worden anders namelijk",
    )
)


def find_separator(present: dict[str, int], coded: bool = False) -> str | None:
    """A separator that splits cells into a small set of options recurring across cells.

    Works on the distinct cell texts with their counts. Options are the fragments
    (joined with a following fragment that starts in lower case, after ', ') that
    at least two respondents gave, or that stand before another option in a cell;
    platforms write a respondent's own 'Other' text last. Most of what respondents
    wrote must be such options, and at least two respondents must have given two
    of them (a single choice whose option holds the separator has none). A space
    separates options only under a ``coded`` header (a variable name such as
    'hulp-diensten', as KoboToolbox writes), between lower-case codes.
    """
    for separator in SEPARATORS:
        if separator == " " and not (coded and all(_CODE_LIST.match(t) for t in present)):
            continue
        holding = [text for text in present if separator in text]
        if sum(present[text] for text in holding) < 2:
            continue
        if separator == "," and all(re.fullmatch(r"-?\d+,\d+", text) for text in holding):
            continue
        options = list_options(present, separator)
        if len(options) < 2 or len(options) > MAX_OPTIONS:
            continue
        known = option_index(options)
        matched = total = several = 0
        for text, count in present.items():
            cell = split_options(text, separator, known)
            parts = len(split_fragments(text, separator))
            total += count * parts
            matched += count * (parts - (1 if cell.write_in else 0))
            several += count if len(cell.options) >= 2 else 0
        if several >= 2 and matched >= 0.6 * total:
            return separator
    return None


def list_options(cells: dict[str, int], separator: str) -> list[str]:
    """The options of a one-cell list, most chosen first (ties alphabetical).

    An option is a part (joined with a following part that starts in lower case,
    after ', ', or that always follows it) that two or more respondents gave, that
    stands before another part in a cell, or that reads as an exclusive answer
    ('Geen', 'Weet ik niet'); platforms write a respondent's own 'Other' text
    last, so a one-off last part is taken as such a write-in, and so is a last
    part that reads as typed ('via de huisarts') however many gave it.
    """
    split = {text: _cell_parts(text, separator) for text in cells}
    _merge_inseparable(split, cells, separator)
    counts: Counter = Counter()
    leading: set[str] = set()
    shown: dict[str, str] = {}
    for text, parts in split.items():
        for position, option in enumerate(parts):
            key = normalise(option)
            shown.setdefault(key, option)
            counts[key] += cells[text]
            if position < len(parts) - 1:
                leading.add(key)
    options = [
        key
        for key in counts
        if key in leading
        or looks_exclusive(key)
        or (counts[key] >= 2 and (not separator.strip() or not looks_typed(shown[key])))
    ]
    numbers = {key: parse_number(key) for key in options}
    if all(number is not None for number in numbers.values()):
        options.sort(key=lambda key: numbers[key] or 0.0)  # option codes in code order
    else:
        options.sort(key=lambda key: (-counts[key], key))
    return [shown[key] for key in options]


def _joiner(separator: str) -> str:
    return f"{separator.strip()} " if separator.strip() else " "


def _cell_parts(text: str, separator: str) -> list[str]:
    """A cell's parts, a part that starts in lower case joined to the part before it.

    Codes separated by spaces are each an option, whatever their case.
    """
    parts: list[str] = []
    for fragment in split_fragments(text, separator):
        if parts and separator.strip() and is_continuation(fragment):
            parts[-1] = f"{parts[-1]}{_joiner(separator)}{fragment}"
        else:
            parts.append(fragment)
    return parts


def _merge_inseparable(split: dict[str, list[str]], cells: dict[str, int], separator: str) -> None:
    """Join parts that never occur apart: one option whose text holds ', '.

    'Hillcrest, Meadowbank and surrounding villages' splits in two parts that
    always come together, in that order; two options ticked together by every
    respondent who ticked either are rare enough once two or more gave them.
    """
    while True:
        after: dict[str, set] = defaultdict(set)
        before: dict[str, set] = defaultdict(set)
        together: Counter = Counter()
        for text, parts in split.items():
            keys = [normalise(part) for part in parts]
            for i, key in enumerate(keys):
                after[key].add(keys[i + 1] if i + 1 < len(keys) else None)
                before[key].add(keys[i - 1] if i else None)
                if i + 1 < len(keys):
                    together[(key, keys[i + 1])] += cells[text]
        pair = next(
            (
                (a, b)
                for (a, b), n in sorted(together.items())
                if n >= 2 and a != b and after[a] == {b} and before[b] == {a}
            ),
            None,
        )
        if pair is None:
            return
        for parts in split.values():
            keys = [normalise(part) for part in parts]
            for i in range(len(parts) - 1):
                if (keys[i], keys[i + 1]) == pair:
                    parts[i : i + 2] = [f"{parts[i]}{_joiner(separator)}{parts[i + 1]}"]
                    break


def ranking_options(present: dict[str, int], separator: str) -> list[str] | None:
    """The options of a ranking question (every answer orders all of them), by first place.

    Microsoft Forms writes a ranking as a list of every option in the chosen order;
    counted as a multi, each option would be 100%. What it tells is which option
    was ranked first.
    """
    orders = {text: [normalise(p) for p in split_fragments(text, separator)] for text in present}
    sets = {frozenset(order) for order in orders.values()}
    if len(sets) != 1 or any(len(set(o)) != len(o) for o in orders.values()):
        return None
    options = next(iter(sets))
    if len(options) < 3 or len(orders) < 2:
        return None
    shown = {normalise(p): p for text in present for p in split_fragments(text, separator)}
    first: Counter = Counter({key: 0 for key in options})
    for text, order in orders.items():
        first[order[0]] += present[text]
    return [shown[key] for key in sorted(options, key=lambda key: (-first[key], key))]


def list_question(
    column: str, question_id: str, label: str, separator: str, present: dict[str, int]
) -> Question:
    """A multi question in one cell; a written-in answer counts once as 'Anders'/'Other'."""
    options = list_options(present, separator)
    known = option_index(options)
    items = [Item(label=option, exclusive=looks_exclusive(option)) for option in options]
    if any(split_options(text, separator, known).write_in for text in present):
        dutch = looks_dutch([label, *options])
        items.append(Item(label="Anders" if dutch else "Other", other=True))
    return Question(
        id=question_id, type="multi", label=label, column=column, separator=separator, items=items
    )


def looks_dutch(texts: list[str]) -> bool:
    words = Counter(w for text in texts for w in re.findall(r"[a-zà-ÿ]+", text.casefold()))
    return sum(n for w, n in words.items() if w in _DUTCH_WORDS) > 0
