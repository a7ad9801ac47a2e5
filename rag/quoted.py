"""Concepts of the people a story quotes: how a question and an article each word that
someone was quoted ("the academic quoted about ...": "..., says Shi Yinhong") and what
kind of expert they are ("the academic": "a political science professor"). Part of the
concepts rag/synonyms.py matches (rag/concepts.py has the others)."""

from __future__ import annotations

from .concepts import Concept, wording

_SAID = (
    r"said|says|say|told|tells|added|noted|argued|pointed\s+out|according\s+to|explained|stressed|warned|"
    r"tweeted|quoted|cited"
)

QUOTED: tuple[Concept, ...] = (
    # "who's the academic quoted about the trip?", "which expert weighed in?": anyone
    # whose words the sentence gives
    Concept(
        "~quoted",
        wording(
            r"quot(?:e|es|ed|ing)|cit(?:e|es|ed|ing)|interview(?:s|ed|ing)?|weigh(?:s|ed|ing)?\s+in|"
            r"comment(?:s|ed|ing)?\s+on|spoke\s+to|talked\s+to"
        ),
        wording(_SAID),
        retrieve=False,
    ),
    # "the academic", "the scholar": "a political science professor", "a researcher for"
    Concept(
        "~academic",
        # (a question saying "professor" or "researcher" finds the word itself)
        wording(r"academics?|academicians?|scholars?"),
        wording(r"academics?|scholars?|professors?|lecturers?|researchers?|research\s+fellows?"),
        retrieve=False,
        keep_words=True,
    ),
)
