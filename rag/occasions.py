"""Which occasion a count or a length is of: "for the second time", "his fourth visit",
the trip an article reports, and whether "three times" or "for two days" counts what the
question asks about (trips, meetings) or something else the sentence names."""

from __future__ import annotations

import re

from .question import Question
from .retrieve import terms

_COUNTED = re.compile(r"\b(first|second|third|fourth|fifth)\s+(?:time|visit|trip|summit|meeting)\b", re.I)


def nth_of(text: str) -> set[str]:
    """The occasions a text counts: "for the second time" -> {"second"}."""
    return {m.group(1).lower() for m in _COUNTED.finditer(text)}


_NTH = r"(first|second|third|fourth|fifth)"
# "his fourth visit in less than a year", "Kim's visit to China for the second time", "a
# fourth summit with Chinese President Xi": the trip an article is about, as its opening
# lines count it
_TRIP_COUNTED = re.compile(
    rf"\b{_NTH}\s+(?:visit|trip)\b|\bfor\s+the\s+{_NTH}\s+time\b|\b{_NTH}\s+summit\s+with\s+(?:Chinese\s+President\s+)?Xi\b",
    re.I,
)
# a count of the meetings with someone else ("the second summit with Trump") is no trip's
_OTHER_PARTY = re.compile(r"\b(?:Trump|Moon|U\.?S\.?|Washington|American|Singapore|Pompeo)\b")


_ORDER = ("first", "second", "third", "fourth", "fifth")


def trip_counted(text: str) -> set[str]:
    """The trip an article's opening counts: "for the second time" -> {"second"}. Where
    it counts two ("after his first visit last March, ... his fourth visit"), the report
    is of the later one."""
    found = [next(g for g in m.groups() if g).lower() for m in _TRIP_COUNTED.finditer(text)]
    return {max(found, key=_ORDER.index)} if found else set()


def trip_asked(text: str) -> set[str]:
    """The trip a question counts ("on his second trip to China", "the second time
    around"), unless the count is of meetings with someone else."""
    return set() if _OTHER_PARTY.search(text) else nth_of(text)


_COUNTING = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|\d+)$",
    re.I,
)


def counts_asked(q: Question, qset: set[str], sentence: str, end: int) -> bool:
    """An ordinal or a count answers "how many times" only of what the question counts:
    "his fourth visit" for visits, "the second time" for any occasion, not "quoting one
    analyst"."""
    asked = qset | ({q.head} if q.head else set())
    if re.search(r"\bfor\s+the\s+first$", sentence[:end], re.I) and re.match(r"\s+time\b", sentence[end:]):
        # "met in person for the first time in late March" says which occasion that was,
        # not how many there have been
        return False
    # "how many times had he gone to China before the first summit?" counts trips: the
    # summit only dates them
    head, *rest = re.split(r"\b(?:before|after|since|prior\s+to|ahead\s+of|until)\b", q.text, maxsplit=1, flags=re.I)
    if rest:
        asked = asked - (set(terms(rest[0])) - set(terms(head)))
    times = re.search(r"\b(?:once|twice|\w+\s+times)$", sentence[:end], re.I)
    if times and "time" not in qset:
        # "meeting Moon three times": what the verb before it does is counted
        before = set(terms(" ".join(sentence[: times.start()].split()[-8:])))
        met = [family for family in _OCCASIONS if before & family]
        if met and not any(asked & family or "~travel" in asked and family is _OCCASIONS[0] for family in met):
            return False
    if not _COUNTING.search(sentence[:end]):
        return True
    m = re.match(r"[\s-]+([A-Za-z]+)", sentence[end:])
    if m is None:
        return True
    said = set(terms(m.group(1)))
    if not said or said & (asked | {"time", "occas", "round"}):
        return True
    # "which number trip" counts visits; "how many times did they meet" counts summits
    return any(
        said & family and (asked & family or "~travel" in asked and family is _OCCASIONS[0]) for family in _OCCASIONS
    )


_OTHER_EVENTS = frozenset(terms("talk talks negotiations meeting summit conference session"))


def lasts_other(qset: set[str], sentence: str, start: int) -> bool:
    """Is the length at `start` that of an occasion the question does not ask about: the
    words before it name talks or a meeting, and none of the question's own?"""
    before = set(terms(" ".join(sentence[:start].split()[-12:])))
    return bool(before & _OTHER_EVENTS) and not before & qset


_OCCASIONS = (
    # ("how many times did he go see Xi?" counts his visits)
    frozenset(terms("trip visit journey tour travel flight go went gone")),
    frozenset(terms("meeting meet met sit summit talks negotiations")),
)
