"""A capital for its government: "without Beijing at the table", "why would Washington
have a stake?" ask of articles that say "without China" and "the US". News English
names a state by its capital when the state acts; where the capital is a place ("in
Beijing", "flew to Pyongyang") it is that city, and keeps its own word."""

from __future__ import annotations

import re

from .concepts import Concept

# capital -> the state's names and adjectives (general knowledge, not this corpus)
_STATES = {
    "Beijing": r"China|Chinese",
    "Washington": r"U\.S\.|US|United\s+States|America|American|Americans",
    "Pyongyang": r"North\s+Korea|North\s+Korean|N\.\s*Korea|DPRK",
    "Seoul": r"South\s+Korea|South\s+Korean|S\.\s*Korea",
    "Tokyo": r"Japan|Japanese",
    "Moscow": r"Russia|Russian|Kremlin",
    "London": r"Britain|British|UK|U\.K\.",
    "Paris": r"France|French",
    "Berlin": r"Germany|German",
    "Tehran": r"Iran|Iranian",
    r"New\s+Delhi": r"India|Indian",
    "Taipei": r"Taiwan|Taiwanese",
    "Kyiv": r"Ukraine|Ukrainian",
}
# the capital as a place: after a preposition or a verb of going
_PLACE_BEFORE = (
    # ("the beijing prof", "University of Washington": a name's part, not the state)
    *("in", "to", "at", "from", "into", "near", "outside", "around", "of", "the"),
    *("visit", "visited", "visiting", "reach", "left", "leave", "leaving", "departed", "over"),
)


def _as_state(capital: str) -> re.Pattern[str]:
    lookbehinds = "".join(rf"(?<!\b{w}\s)" for w in _PLACE_BEFORE)
    return re.compile(rf"{lookbehinds}\b{capital}\b(?!['’]s\s+(?:airport|streets?|station))", re.I)


METONYMS: tuple[Concept, ...] = tuple(
    Concept(
        f"~state_{re.sub(r'[^a-z]', '', capital.lower())}",
        _as_state(capital),
        # (case kept: "let us" is no US)
        re.compile(rf"\b(?:{capital}|{names})(?![\w.])"),
        retrieve=False,
        keep_words=True,
    )
    for capital, names in _STATES.items()
)


# "will the North Koreans meet the Americans?": the people of a state for the state acting
# ("would meet with U.S. officials"); a plural whose stem the state's names do not share
# ("Chinese", "South Koreans" share theirs)
PEOPLE: tuple[Concept, ...] = (
    Concept(
        "~state_washington",
        re.compile(r"\b(?:the\s+)?Americans\b", re.I),
        re.compile(rf"\b(?:Washington|{_STATES['Washington']})(?![\w.])"),
        retrieve=False,
    ),
)
