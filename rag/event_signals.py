"""A signal that a sentence gives no venue of the occasion asked about: "where will the
second summit be held?" of one naming a place that is no venue of it ("said on Twitter
... the planned second summit"). Read by rag/confidence.py.

(A count the sentence leaves out, "the second summit" of one on "the Singapore summit",
was tried as a signal too and dropped: the sentence that does answer often leaves the
count out as well, "Kim met Xi ... in Dalian" for "where was their second meeting?".)"""

from __future__ import annotations

import re

from .retrieve import terms
from .sentences import Scored

_EVENTS = frozenset(
    terms("summit summits meeting meetings visit visits trip trips talks round conference session election")
)


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
