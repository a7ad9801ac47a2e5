"""Events the articles only look forward to. News is written before what it anticipates:
these articles speak of "a possible second Trump-Kim summit", "the planned second
summit", "preparations ... for an expected second summit". Asked where that summit was
eventually held or what came of it, the honest answer is that the articles don't say,
however well the question's words match a sentence about the first summit or another
meeting.

An event is an ordinal (or next/return/follow-up) and an event noun: "the second
summit", "a return visit". The rule declines a question that asks, in the past tense,
for a fact of the event itself (where it was held, what came of it, which city was
chosen) when the articles name the event with a word of the future next to it
("possible", "planned", "expected", "will be arranged") and never as past ("since the
first summit", "the summit held in Singapore"). A question about what someone expected
or said of it ("when did Yun expect the second summit to take place?") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_ORDINAL = r"first|second|third|fourth|fifth|sixth|next|return|follow-up"
_NOUN = r"summits?|visits?|meetings?|talks|trips?|conferences?|elections?|rounds?|negotiations|referendums?"
# "the second Trump-Kim summit", "Kim's second summit", "a second North Korea-U.S. summit"
_EVENT = re.compile(rf"\b({_ORDINAL})\s+(?:[\w.’'-]+\s+){{0,3}}?({_NOUN})\b", re.I)
# the question asks what happened: a past form and a fact of the event itself
_PAST = re.compile(r"\b(?:was|were|did|had)\b", re.I)
_FACT = re.compile(
    r"\b(?:held|hosted?|took place|take place|happen(?:ed)?|outcome|results?|end(?:ed)?|concluded?|"
    r"agreed?|signed?|achieved?|produced?|eventually|ultimately|finally|picked|chosen|chose|selected|"
    r"decided)\b",
    re.I,
)
# ... and not what someone thought, said or planned of it
_ATTITUDE = re.compile(
    r"\b(?:expect\w*|predict\w*|plan\w*|hop(?:e|ed|es|ing)|think|thought|believ\w*|say|said|says|tell|told|"
    r"would|will|could|might|may|should|likely|possible|prepar\w*|ahead|before|propos\w*|want\w*|wish\w*|"
    r"seek\w*|sought|aim\w*|intend\w*|anticipat\w*|forecast\w*|ask\w*|link\w*|tied|uncertain\w*)\b",
    re.I,
)
# words next to a mention that speak of the event as still to come ("a possible second
# summit", "preparing for his second summit", "a second summit will be arranged") ...
_FUTURE = re.compile(
    r"\b(?:possibl[ey]|planned|plans?|planning|expect\w*|will|would|could|can|may|might|shall|upcoming|"
    r"proposed|prepar\w*|uncertain\w*|towards?|hop(?:e|ed|es|ing)|likely|unlikely|forthcoming|potential|"
    r"future|await\w*|prospect\w*|anticipat\w*)\b",
    re.I,
)
# ... or as past: "since the first summit", "the summit held in Singapore", "in June"
_DONE_BEFORE = re.compile(r"\b(?:since|during)\s+(?:the|their|his|her|its)\s*$", re.I)
_DONE_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:was held|were held|took place|ended|concluded|held in|last (?:year|month|week)|"
    r"in (?:January|February|March|April|May|June|July|August|September|October|November|December))\b"
)
_BEFORE_CHARS, _AFTER_CHARS = 50, 30  # about six words before a mention, four after


def _stem_noun(noun: str) -> str:
    noun = noun.lower()
    return noun if noun in ("talks", "negotiations") else noun.rstrip("s")


def unreported_event(question: str, sentences: Iterable[str]) -> str | None:
    """The event ("second summit") a past-tense question asks about that the sentences
    only anticipate, or None. `sentences` are the articles' sentences; only those
    holding the ordinal are looked at. An event is anticipated when some mention of it
    has a word of the future next to it and none speaks of it as past."""
    m = _EVENT.search(question)
    if m is None or not _PAST.search(question) or not _FACT.search(question) or _ATTITUDE.search(question):
        return None
    ordinal, noun = m.group(1).lower(), _stem_noun(m.group(2))
    ahead = False
    for s in sentences:
        if ordinal not in s.lower():
            continue
        for e in _EVENT.finditer(s):
            if e.group(1).lower() != ordinal or _stem_noun(e.group(2)) != noun:
                continue
            before, after = s[max(0, e.start() - _BEFORE_CHARS) : e.start()], s[e.end() : e.end() + _AFTER_CHARS]
            if _DONE_BEFORE.search(before) or _DONE_AFTER.search(s[e.end() :]):
                return None
            ahead = ahead or bool(_FUTURE.search(before) or _FUTURE.search(after))
    return f"{m.group(1)} {m.group(2)}" if ahead else None
