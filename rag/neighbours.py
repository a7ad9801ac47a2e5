"""The sentences beside an answer's sentence that its quotes need: the one naming the
person it calls "the expert" or "he", the one naming the speaker of a quotation
attributed with "he said", and the one giving in full a name it gives by surname."""

from __future__ import annotations

import re
from dataclasses import replace

from .question_type import PERSON
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


# "who said Kim is worried ...?": the one whose words these are
WHO_SAID = re.compile(
    r"^\W*(?:and\s+|so\s+)?who\s+(?:was\s+quoted\s+as\s+saying|said|says|thinks|thought|believes|argued|argues|"
    r"warned|warns|told|predicted|suggested|claimed|noted|added|tweeted|wrote)\b",
    re.I,
)


def speaker_of(c: Scored, table: SentenceTable, ranked: list[Scored]) -> Scored | None:
    """For a quotation attributed with "he said", the sentence naming its speaker, with
    the name as its span ('"... enough is enough," he said.' -> "Bruce Bennett, a
    researcher for the RAND Corporation, said ..."), unless c's span already names them."""
    src = table.said_in.get(c.sent.row)
    who = table.speaker.get(c.sent.row, set())
    if src is None or not who or (c.span is not None and set(terms(c.span[2])) & who):
        return None
    named = table.rows[src]
    name = next((x for x in spans(named.text, PERSON) if set(terms(x[2])) & who), None)
    if name is None:
        return None
    known = next((x for x in ranked if x.sent.row == src), None)
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
