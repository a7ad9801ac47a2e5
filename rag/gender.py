"""Whether the articles call a person "he" or "she", so that a follow-up's pronoun finds
the right one: "what group does she run?" after a turn about Joseph Yun and Kathleen
Stephens is about her. Told by a kinship word or title before the name ("his younger
sister Kim Yo-jong", "Mr. Moon") and by the pronoun attributing a quotation to someone
named in an earlier sentence ("..., she said.")."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from .question_type import PERSON
from .retrieve import terms
from .spans import spans

_FEMALE = re.compile(
    r"\b(?:sister|wife|daughter|mother|aunt|niece|grandmother|widow|Ms\.?|Mrs\.?|Madam|Madame|first\s+lady)\s+$", re.I
)
_MALE = re.compile(r"\b(?:brother|husband|son|father|uncle|nephew|grandfather|widower|Mr\.?)\s+$", re.I)
# ", she said.", "he added": the pronoun attributing a quotation
_ATTRIBUTION = re.compile(
    r"\b(he|she)\s+(?:said|says|added|noted|told|explained|argued|warned|stressed|continued|wrote|insisted)\b|"
    r"\b(?:said|says|added)\s+(he|she)\b",
    re.I,
)


def genders(
    by_doc: Iterable[Sequence], rows: Sequence, speaker: dict[int, set[str]], said_in: dict[int, int]
) -> dict[str, str]:
    """Full name (lower case) -> "f" or "m", where the articles tell. `speaker` and
    `said_in` (from rag/speakers.py) give, for a sentence attributed by pronoun, the
    terms of its speaker's name and the row of the sentence naming them."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for seq in by_doc:
        for s in seq:
            for a, _b, name in spans(s.text, PERSON):
                before = s.text[max(0, a - 30) : a]
                if _FEMALE.search(before):
                    votes[name.lower()]["f"] += 1
                elif _MALE.search(before):
                    votes[name.lower()]["m"] += 1
    for row, src in said_in.items():
        m = _ATTRIBUTION.search(rows[row].text)
        who = speaker.get(row, set())
        name = next((x[2] for x in spans(rows[src].text, PERSON) if set(terms(x[2])) & who), None)
        if m and name:
            votes[name.lower()]["f" if (m.group(1) or m.group(2)).lower() == "she" else "m"] += 1
    # (a name both ways is two people, or a misreading: neither)
    return {name: c.most_common(1)[0][0] for name, c in votes.items() if len(c) == 1}


def gender_of(name: str, known: dict[str, str]) -> str | None:
    """ "f", "m" or None for a name as a reader gives it ("Stephens", "Kim Yo-jong"): the
    gender of every full name it is part of, when they agree."""
    key = name.lower().strip()
    if key in known:
        return known[key]
    # "Stephens" of "Kathleen Stephens", and "Joseph Yun" of "Yun" ("..., said Yun. ... he added")
    found = {
        g
        for full, g in known.items()
        if re.search(rf"(?:^|\s){re.escape(key)}(?:\s|$)", full) or re.search(rf"(?:^|\s){re.escape(full)}$", key)
    }
    return found.pop() if len(found) == 1 else None
