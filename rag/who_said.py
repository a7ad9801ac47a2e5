"""Who said or wrote it: the speaker a "who said ...?" question asks for (the name after
a quotation, or the expert "he" or "other experts" stands for), and the credit line a
"who wrote it?" question asks for ("By X", "Translated by X")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .question_type import PERSON

if TYPE_CHECKING:
    from .question import Question
    from .sentence_table import Sent, SentenceTable


_AGENT_VERB = re.compile(r"\b(wrote|write|written|author\w*|translat\w*|report\w*|byline)\b")


def agent_line(question: str, before: str) -> bool:
    """Is the text before a name the credit line the question's verb asks about?
    "By X" (and a dateline "CITY (Outlet), X -") wrote it; "Translated by X" translated
    it; "Reporting by X" reported for it."""
    verb = _AGENT_VERB.search(question.lower())
    b = before.strip().lower()
    byline = b == "by" or bool(re.fullmatch(r"[a-z .]+\([^)]*\),", b))
    if verb is None:
        return byline
    v = verb.group(1)
    if v.startswith("translat"):
        return b.endswith("translated by")
    if v.startswith("report"):
        return byline or b.endswith("reporting by")
    return byline


_SAYS = r"(?:said|says|added|noted|pointed\s+out|argued|told|warned|believes|thinks|explained|stressed|suggested)"
_SUBJECT_SAYS = re.compile(rf"^[“\"‘']?(?:(?:The|This|That)\s+(?:[\w-]+\s+){{1,2}}?|He\s+|She\s+){_SAYS}\b")
# "However, other experts argued that ...": a view the quotation after it gives in full,
# with its speaker's name
OTHERS_SAY = re.compile(
    r"^(?:However,\s+|But\s+)?(?:other|some|many|several)\s+(?:experts|analysts|observers|scholars|commentators)\s+"
    r"(?:argued|argue|said|say|believe|believed|noted|pointed\s+out|warned|think|thought|disagreed|disagree)\b",
    re.I,
)
# "Experts say that ...", "..., analysts said on Tuesday.": no one in particular, so
# nobody's view and no speaker to name
NOBODY_SAYS = re.compile(
    r"^(?:However,\s+|But\s+)?(?:some\s+|other\s+|many\s+|several\s+)?(?:experts|analysts|observers|scholars|commentators)"
    r"\s+(?:say|said|argue|argued|believe|believed|note|noted|suggest|suggested)\b|"
    r",\s+(?:\w+\s+)?(?:experts|analysts|observers|officials|scholars)\s+(?:say|said|says|suggested|argued|noted|told\s+\w+)"
    r"\b[^,]*$",
    re.I,
)
_ASKS_WHO_SAID = re.compile(rf"\b(?:{_SAYS}|say|saying|tell|think|believe|argue|warn|point\s+out|suggest)\b", re.I)


# "who said Kim is worried ...?", "who described the trip as ...?": the one whose words
# these are
WHO_SAID = re.compile(
    r"^\W*(?:and\s+|so\s+)?who\s+(?:else\s+)?(?:was\s+quoted\s+as\s+saying|said|says|thinks|thought|believes|argued|argues|"
    r"warned|warns|told|predicted|suggested|claimed|noted|added|tweeted|wrote|described|called|characteri[sz]ed|"
    r"reckons|reckoned|expects|expected|insisted|stressed|pointed\s+out|mentioned|explained|believed|spoke|"
    r"commented)\b"
    # "which American expert says the trip sends two messages?": the one whose words say so
    r"|^\W*(?:and\s+|so\s+)?which\s+(?:[\w-]+\s+){0,2}?(?:ex-)?(?:expert|analyst|scholar|professor|researcher|official|"
    r"diplomat|academic|observer|commentator|specialist)s?\s+(?:says|said|thinks|believes|argues|argued|warns|warned|"
    r"predicts|predicted|suggests|suggested|claims|claimed|describes|described|calls|called)\b"
    # "which of them gave a time frame?": the one whose words give it
    r"|^\W*(?:and\s+|so\s+)?which\s+(?:one\s+)?of\s+(?:them|those|these)(?:\s+two)?\s+(?:said|says|gave|gives|predicted|"
    r"thinks|thought|expects|expected|believes|argued|warned|suggested|offered|put)\b",
    re.I,
)


def said_by_speaker(q: Question, s: Sent, table: SentenceTable) -> tuple[Sent, tuple[int, int, str]] | None:
    """For a "who said ...?" question, the sentence naming the speaker whose quotation s
    belongs to, and the name ("I have this big China card." -> "..., said Joseph Yun,
    ..."); None for the other kinds of question."""
    if q.qtype != PERSON or WHO_SAID.match(q.text) is None:
        return None
    return table.speaker_named(s)


def said_by_antecedent(q: Question, s: Sent, table: SentenceTable) -> bool:
    """Does a "who said ...?" question find its answer in a sentence whose speaker is
    "the expert" or "he", named a sentence or two before ("The expert pointed out that
    it was not a coincidence ...")?"""
    return (
        q.qtype == PERSON
        and q.subtype is None
        and "~head" not in q.terms
        and (_SUBJECT_SAYS.match(s.text) is not None or OTHERS_SAY.match(s.text) is not None)
        and _ASKS_WHO_SAID.search(q.text) is not None
        and table.antecedent(s) is not None
    )
