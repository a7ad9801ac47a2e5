"""The sentences beside an answer's sentence that its quotes need: the one naming the
person it calls "the expert" or "he", the one naming the speaker of a quotation
attributed with "he said", and the one giving in full a name it gives by surname; and,
among sentences scoring alike, the one whose short answer more of them give."""

from __future__ import annotations

from dataclasses import replace

from .question_type import NUMBER, PERSON
from .retrieve import terms
from .sentence_table import SentenceTable
from .sentences import Scored
from .spans import spans


def antecedent(c: Scored, table: SentenceTable, ranked: list[Scored]) -> Scored | None:
    """The sentence naming the person that sentence c calls "the expert" or "he": the
    nearest of the two before it holding a name."""
    found = table.antecedent(c.sent)
    if found is None:
        return None
    prev, (a, b, name) = found
    known = next((x for x in ranked if x.sent.row == prev.row), None)
    return replace(known, span=(a, b, name)) if known else Scored(prev, c.score, 0.0, 0.0, None, (a, b, name))


def speaker_of(c: Scored, table: SentenceTable, ranked: list[Scored]) -> Scored | None:
    """For a quotation attributed in another sentence, that sentence with the speaker's
    name as its span ('"... enough is enough," he said.' -> "Bruce Bennett, a researcher
    for the RAND Corporation, said ..."), unless c's span already names them."""
    # (the surname in full only here, where the name is the answer: elsewhere "the
    # spokesman" would become "Lu Kang", whom his "he said" sentences do not name)
    found = table.speaker_named(c.sent, surname=True)
    if found is None:
        return None
    named, name = found
    if c.span is not None and set(terms(c.span[2])) & set(terms(name[2])):
        return None
    known = next((x for x in ranked if x.sent.row == named.row), None)
    return replace(known, span=name) if known else Scored(named, c.score, 0.0, 0.0, None, name)


def full_name(c: Scored, table: SentenceTable, ranked: list[Scored]) -> Scored | None:
    """The earlier sentence naming in full the person c's short answer names by surname
    alone ("..., said Stephens, president and CEO of ..." after "Kathleen Stephens told ...")."""
    if c.span is None or " " in c.span[2]:
        return None
    last = c.span[2]
    earlier = table.by_doc[c.sent.doc][: c.sent.pos]
    # a family name written first ("Shi Yinhong", "Ri Su-yong") counts when only one
    # person in the article has it
    first = {x[2] for prev in earlier for x in spans(prev.text, PERSON) if x[2].startswith(last + " ")}
    for prev in reversed(earlier):
        full = [x for x in spans(prev.text, PERSON) if x[2].endswith(" " + last) or (len(first) == 1 and x[2] in first)]
        if full:
            known = next((x for x in ranked if x.sent.row == prev.row), None)
            return replace(known, span=full[0]) if known else Scored(prev, c.score, 0.0, 0.0, None, full[0])
    return None


# answer types whose short answers the articles may give differently, each as of its
# day: "his fourth visit" (January 2019) and "for the second time" (May 2018)
VOTED = frozenset({NUMBER})
_TIE = 0.05  # sentences this close to the best are as good a source as it


def agreed(best: Scored, ranked: list[Scored]) -> Scored:
    """Among sentences scoring as well as the best, the short answer more of them give
    ("fourth", twice, over "second", once), else the best's own."""
    close = [c for c in ranked if c.span is not None and best.score - c.score <= _TIE]
    votes: dict[str, list[Scored]] = {}
    for c in close:
        votes.setdefault(c.span[2].lower(), []).append(c)  # type: ignore[index]
    mine = len(votes.get(best.span[2].lower(), []))  # type: ignore[index]
    top = max(votes.values(), key=len, default=[])
    return top[0] if len(top) >= 2 and len(top) > mine else best
