"""Paraphrases word overlap cannot bridge. Readers ask "when did Kim come to power?" of
an article that says "after taking office in 2012", "when was the visit due to wrap
up?" of one that says "which ends on Thursday". The embedder does not bridge these
either (cosine 0.29 between the question and "after taking office in 2012"), so the
question and the sentence each get a concept term when they use one of its wordings,
and coverage counts the concept like any other term (with its own idf).

A concept has the wordings that set it off in a question and those that satisfy it in
a sentence; they differ where a question word is ambiguous in running text ("who
heads the institute?" asks for its president, but "Kim headed to Beijing" is travel,
so articles satisfy it only with "president", "head of", "headed by" and the like).
Only general English paraphrases belong here, none about this corpus.
"""

from __future__ import annotations

from .attitudes import ATTITUDES
from .concepts import CONCEPTS as _WORDINGS
from .event_concepts import EVENTS
from .metonyms import METONYMS, PEOPLE
from .quoted import QUOTED
from .retrieve import terms

CONCEPTS = _WORDINGS + EVENTS + ATTITUDES + METONYMS + PEOPLE + QUOTED

# the concepts that name what a question asks about, not its topic: BM25 indexes and
# searches by these, and sentence scoring wants them stated
RELATIONS = frozenset(c.term for c in CONCEPTS if c.retrieve)


def concept_spans(term: str, text: str) -> list[tuple[int, int]]:
    """Where a sentence says concept `term` ("president and CEO of" for ~head)."""
    c = next(c for c in CONCEPTS if c.term == term)
    return [m.span() for m in c.sentence.finditer(text)]


def sentence_concepts(text: str) -> set[str]:
    """The concept terms a sentence satisfies."""
    return {c.term for c in CONCEPTS if c.sentence.search(text)}


def question_concepts(text: str, qtype: str) -> tuple[list[str], set[str]]:
    """(concept terms, stems of the words that said them) for a question: the words give
    way to the concept, since the articles say it otherwise."""
    found: list[str] = []
    spent: set[str] = set()
    for c in CONCEPTS:
        if c.qtypes is not None and qtype not in c.qtypes:
            continue
        hits = list(c.question.finditer(text))
        if hits:
            found.append(c.term)
            if not c.keep_words:
                spent |= {t for m in hits for t in terms(m.group(0))}
    return found, spent
