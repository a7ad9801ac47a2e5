"""Who met whom. "Where did Trump and Kim meet first?" is not answered by "Kim and Xi met
in person for the first time ... in Beijing, after Trump accepted ...": every word of the
question is there, but the meeting is of another pair. A question naming the two who met
and a sentence naming the two who met must name the same two (other_pair); the place of
a meeting with someone else is not where they met (others_place); and "who did Kim
meet?" is answered by the one he met, not by one he is only to meet (met_score,
partners).

A pair is written "X and Y met", "X met (President) Y", "X's summit with (President) Y"
or "the X-Y summit"; a name is compared by any one of its words ("Kim" is Kim Jong Un).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .retrieve import terms

_MEET = r"(?:met|meet|meets|meeting|meetings|summits?|talks|sat\s+down|held\s+talks)"
_NAME = r"[A-Z][\w’'-]+"
# titles and words a name may follow: "Chinese President Xi Jinping", "South Korean President"
_TITLES = r"(?:(?:with|the|Chinese|South|North|Korean|US|U\.S\.|American|President|Leader|Premier|Chairman)\s+){0,4}"
_PAIRS = (
    # "Kim and Xi met", "Trump and Kim meet", "did Xi and Kim hold a summit"
    re.compile(rf"\b({_NAME})\s+and\s+({_NAME})\s+(?:(?:[\w’'-]+\s+){{0,2}}?{_MEET}|hold|held|have\s+held)\b"),
    # "Kim met Chinese President Xi Jinping", "Kim's meeting with Xi", "Kim's summit with ... Moon"
    re.compile(rf"\b({_NAME})(?:['’]s)?\s+{_MEET}\s+{_TITLES}({_NAME})"),
    # "the Trump-Kim summit", "a Kim-Xi meeting"
    re.compile(rf"\b({_NAME})[-–]({_NAME})\s+{_MEET}\b"),
)
_NOT_NAMES = frozenset(terms("president chinese korean american leader"))


@lru_cache(maxsize=512)
def _pairs(text: str, people: frozenset[str]) -> tuple[frozenset[str], ...]:
    # cached: scoring asks it of one question for every candidate sentence, and of one
    # sentence for every candidate name in it
    out = []
    for rule in _PAIRS:
        for m in rule.finditer(text):
            a, b = (next(iter(terms(w)), "") for w in m.groups())
            if a != b and a in people and b in people and not {a, b} & _NOT_NAMES:
                out.append(frozenset((a, b)))
    return tuple(out)


def pairs(text: str, people: frozenset[str]) -> list[frozenset[str]]:
    """The pairs of people a text says met: each a set of two name stems the articles
    know as someone's."""
    return list(_pairs(text, people))


def other_pair(question: str, sentence: str, people: frozenset[str]) -> bool:
    """Does the sentence say another pair met than the pair the question asks about (one
    of the two the same, the other not)?"""
    asked = pairs(question, people)
    if not asked:
        return False
    said = pairs(sentence, people)
    if not said:
        return False
    want = asked[0]
    return want not in said and any(p & want for p in said)


# "who did Kim meet in Beijing?": the one met; "who has he met?"
_WHO_MET = re.compile(
    rf"^\W*(?:and\s+|so\s+)?who(?:m)?\s+(?:did|has|had|does|will)\s+({_NAME})\s+"
    r"(?:(?:also|first|actually)\s+)?(?:meet|met|see|seen|sit\s+down\s+with|hold\s+talks\s+with|talk\s+(?:to|with))\b"
)
# "prepares for a second possible meeting with President Donald Trump": a meeting to come
_TO_COME = re.compile(
    r"\b(?:possible|expected|planned|prospective|upcoming|anticipated|potential|likely|proposed|future)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:meetings?|summits?|talks)\s+with\s+(?:[\w.-]+\s+){0,3}$",
    re.I,
)


def met_score(question: str, sentence: str, start: int, name: str, people: frozenset[str]) -> float:
    """For "who did X meet?", how well the name at `start` in the sentence answers it: the
    one X met there (+), another there named (-), or one X is only to meet, which a
    question in the past does not ask (-)."""
    m = _WHO_MET.match(question)
    if m is None:
        return 0.0
    who = next(iter(terms(m.group(1))), "")
    score = 0.0
    if re.search(r"\b(?:did|has|had)\b", question[: m.end()]) and _TO_COME.search(sentence[max(0, start - 80) : start]):
        score -= 0.5
    met = [p for p in pairs(sentence, people) if who in p]
    if met:
        mine = set(terms(name))
        score += 0.5 if any((p - {who}) & mine for p in met) else -0.3
    return score


def partners(question: str, sentence: str, people: frozenset[str]) -> list[tuple[int, int, str]]:
    """For "who did X meet?", the name of the one the sentence says X met, as a span of
    it ("Xi" of "Kim and Xi met", a name too short for the name rules)."""
    m = _WHO_MET.match(question)
    if m is None:
        return []
    who = next(iter(terms(m.group(1))), "")
    out = []
    for p in pairs(sentence, people):
        for other in p - {who} if who in p else ():
            for w in re.finditer(rf"\b{_NAME}(?:\s+{_NAME})*", sentence):
                if other in terms(w.group(0).split()[0]):
                    out.append((w.start(), w.end(), w.group(0)))
                    break
    return out


# "... meeting with Trump in Singapore": the place of a meeting with that one
_WITH_IN = re.compile(rf"\bwith\s+(?:[\w.’'-]+\s+){{0,2}}?({_NAME})\s+(?:in|at)\s+(?:the\s+)?$")


def others_place(question: str, sentence: str, place: str, people: frozenset[str]) -> bool:
    """For "where did Kim and Xi meet?", is `place` where the sentence says a meeting with
    someone else was ("his historic meeting with Trump in Singapore", and so "the
    Singapore summit" later in it)?"""
    asked = pairs(question, people)
    if not asked or {t for t in terms(question) if t in people} - asked[0]:
        return False  # (a question naming a third one may ask of that meeting too)
    for at in re.finditer(re.escape(place), sentence):
        m = _WITH_IN.search(sentence[max(0, at.start() - 60) : at.start()])
        who = next(iter(terms(m.group(1))), "") if m else ""
        if who in people and who not in asked[0]:
            return True
    return False
