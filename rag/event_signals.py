"""Signals that a sentence tells of another occasion than the one asked about: "where
will the second summit be held?" of a sentence about the Singapore summit (the first),
or of one naming a place that is no venue of it ("said on Twitter ... the planned second
summit"). Read by rag/confidence.py."""

from __future__ import annotations

import re

from .question_type import DATE, PLACE
from .retrieve import terms
from .sentences import Scored

# "the second Trump-Kim summit", "his fourth visit": an ordinal and
# the noun it counts (up to two words between)
_ORDINAL = r"second|third|fourth|fifth|sixth"
_COUNTED = re.compile(rf"\b({_ORDINAL})\s+((?:[\w’'-]+\s+){{0,2}}[\w’'-]+)", re.I)
_EVENTS = frozenset(
    terms("summit summits meeting meetings visit visits trip trips talks round conference session election")
)


def ordinal_missing(text: str, qtype: str, best: Scored) -> bool:
    """Does the question ask where or when of a counted occasion ("the second summit")
    that the sentence names without that count? A summit the sentence does not number is
    another one, or one it says nothing of the number of. (Asked who was quoted about
    "Kim's fourth visit", a sentence on "his visit this week" is about the same one.)"""
    if qtype not in (PLACE, DATE):
        return False
    for m in _COUNTED.finditer(text):
        noun = set(terms(m.group(2).replace("-", " "))) & _EVENTS
        if noun and noun <= best.sent.terms and not set(terms(m.group(1))) & best.sent.terms:
            return True
    return False


# "where will the summit be held?", "where is it going to take place?": the venue of an
# occasion, which the sentence gives beside the occasion ("the G20 summit in Argentina")
_VENUE_Q = re.compile(
    r"^\W*(?:and\s+)?where\b.*\b(?:held|hosted|host|take\s+place|taking\s+place|took\s+place|happen|happening|"
    r"happened|convene|convened|staged)\b",
    re.I,
)
_NEAR = 6  # words between the place and the occasion's noun at most


def venue_missing(text: str, best: Scored) -> bool:
    """For "where will the summit be held?": is the place the sentence gives far from
    its word for the occasion? "Hu Xijin said on Twitter that ... the planned second
    summit" names where he said it, not where the summit will be. A sentence naming no
    such occasion ("The game was played at Levi's Stadium") is not judged."""
    if best.span is None or not _VENUE_Q.search(text):
        return False
    asked = set(terms(text)) & _EVENTS
    words = [(m.start(), m.end(), set(terms(m.group(0)))) for m in re.finditer(r"[\w’'-]+", best.sent.text)]
    at = [i for i, (_a, _b, ts) in enumerate(words) if ts & asked]
    if not asked or not at:
        return False
    if any(re.match(r"\s+(?:[\w’'-]+\s+){0,2}?(?:in|at)\s", best.sent.text[words[j][1] :]) for j in at):
        return False  # "Plenary meetings in the debating chamber": a venue beside it, whatever its kind
    a, b = best.span[0], best.span[1]
    span = [i for i, (wa, wb, _t) in enumerate(words) if wa < b and wb > a]
    if not span:
        return False
    return min(abs(i - j) for i in span for j in at) > _NEAR
