"""Sure misses about bodies: whose spokesman a sentence names ("who spoke for the US
State Department?" is not "Chinese Foreign Ministry spokesman Lu Kang") and which body's
base it gives ("where is the Asan Institute based?" is not another institute's)."""

from __future__ import annotations

import re

from .question import Question
from .question_type import PERSON
from .retrieve import terms
from .sentences import Scored

_NATIONS = {
    "cn": re.compile(r"\b(?:China|Chinese|Beijing)\b", re.I),
    "nk": re.compile(r"\b(?:North\s+Korean?|Pyongyang|DPRK|Kim['’]s\s+(?:government|regime|side|country))\b", re.I),
    "sk": re.compile(r"\b(?:South\s+Korean?|Seoul)\b", re.I),
    "us": re.compile(r"\b(?:U\.S\.|US|United\s+States|American|Washington|White\s+House|State\s+Department)\b"),
}
# whose spokesman: "for China's foreign ministry", "the Chinese foreign ministry spokesperson"
_SPOKES_FOR = re.compile(
    r"\b(?:spoke|speaks?|speaking|spokes\w+)\s+(?:for|of|at)\s+([^?]*?)(?=\s+(?:about|on|when|during|regarding)\b|\W*$)",
    re.I,
)
_SPOKES_PRE = re.compile(r"\b(?:the|a|an)\s+((?:[\w’'.-]+\s+){1,4}?)spokes\w+", re.I)
_GENERIC_BODY = frozenset(terms("government side country state officials leadership authorities regime administration"))
_NATION_TERMS = {
    "cn": frozenset(terms("China Chinese Beijing")),
    "nk": frozenset(terms("North Korea Korean Pyongyang DPRK Kim")),
    "sk": frozenset(terms("South Korea Korean Seoul")),
    "us": frozenset(terms("US U.S. United States American Washington White House State Department")),
}
_SPOKES_S = re.compile(r"((?:[\w’'.-]+\s+){1,4})spokes\w+")


def _nations(text: str) -> set[str]:
    return {code for code, pat in _NATIONS.items() if pat.search(text)}


def spokes_missing(q: Question, best: Scored) -> bool:
    """Does "who spoke for the US State Department?" get a sentence naming no spokesman,
    or the spokesman of another country ("Chinese Foreign Ministry spokesman Lu Kang")?"""
    anyone = re.search(r"\b(?:anyone|anybody|someone|somebody)\b", q.text, re.I)
    if (q.qtype != PERSON and not anyone) or "~spokes" not in q.terms:
        return False
    if "~spokes" not in best.sent.terms:
        return True
    m, n = _SPOKES_FOR.search(q.text) or _SPOKES_PRE.search(q.text), _SPOKES_S.search(best.sent.text)
    body = m.group(1) if m else ""
    asked = _nations(body)
    held = _nations(n.group(1)) if n else set()
    if asked and held and not asked & held:
        return True
    # "who spoke for KCNA?", "for China at the trade talks?": a body or occasion the
    # sentence does not name (a country's "government" or "side" is the country)
    words = set(terms(body)) - _GENERIC_BODY - {t for c in asked for t in _NATION_TERMS[c]}
    return bool(words and not words & best.sent.terms)


# "where is the Asan Institute based?": where a body named in the question is
_BASED_Q = re.compile(
    r"\bwhere\s+(?:is|are|was)\s+(?:the\s+)?((?:[A-Z][\w’'&-]*\s+){1,6}?)(?:based|located|headquartered|situated)\b"
)
_BODY_WORDS = frozenset(terms("institute university center centre corporation foundation council academy program"))


def body_missing(q: Question, best: Scored) -> bool:
    """Does "where is the Asan Institute based?" get a sentence that names another body
    ("the Washington-based Korea Economic Institute of America")?"""
    m = _BASED_Q.search(q.text)
    if m is None:
        return False
    named = set(terms(m.group(1)))
    own = named - _BODY_WORDS
    # (a person's base is told by their post, which need not name them)
    return bool(named & _BODY_WORDS) and bool(own) and not own <= best.sent.terms
