"""A signal that a sentence gives no venue of the occasion asked about: "where will the
second summit be held?" of one naming a place that is no venue of it ("said on Twitter
... the planned second summit"). Read by rag/confidence.py, which declines on it.

(A count the sentence leaves out, "the second summit" of one on "the Singapore summit",
was tried as a signal too and dropped: the sentence that does answer often leaves the
count out as well, "Kim met Xi ... in Dalian" for "where was their second meeting?".
The venue signal was tried in sentence scoring too, as no answer of the type asked: it
moved "where did they have their first summit?" from "the U.S." to Singapore, but "where
is the second summit to be held?" from the declined Twitter sentence to the Singapore
summit; one more hit and two fewer declined on the dev sets, so it was left out. So was
"where did they have their first summit?" as a venue question: it declined the wrong "the
U.S." there, but the third quote named Singapore.)"""

from __future__ import annotations

import re

from .retrieve import terms

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


def venue_far(text: str, sentence: str, span: tuple[int, int, str] | None) -> bool:
    """For "where will the summit be held?": is the place `span` of the sentence far from
    its word for the occasion? "Hu Xijin said on Twitter that ... the planned second
    summit" names where he said it, not where the summit will be. A sentence naming no
    such occasion ("The game was played at Levi's Stadium") is not judged."""
    if span is None or not _VENUE_Q.search(text):
        return False
    asked = set(terms(text)) & _EVENTS
    words = [(m.start(), m.end(), set(terms(m.group(0)))) for m in re.finditer(r"[\w’'-]+", sentence)]
    # (the verb is no occasion named: "Kim met Xi on Monday and Tuesday in ... Dailan" is
    # where they met, however many words apart)
    at = [
        i
        for i, (wa, wb, ts) in enumerate(words)
        if ts & asked and sentence[wa:wb].lower() not in ("met", "meets", "meet")
    ]
    if not asked or not at:
        return False
    if any(re.match(r"\s+(?:[\w’'-]+\s+){0,2}?(?:in|at)\s", sentence[words[j][1] :]) for j in at):
        return False  # "Plenary meetings in the debating chamber": a venue beside it, whatever its kind
    a, b = span[0], span[1]
    inside = [i for i, (wa, wb, _t) in enumerate(words) if wa < b and wb > a]
    if not inside:
        return False
    return min(abs(i - j) for i in inside for j in at) > _NEAR
