"""Word lists for reading questions: the role and kinship words that name people, and
the question, function, pronoun and filler words that carry no topic."""

from __future__ import annotations

import re
from functools import lru_cache

from .retrieve import terms

ROLE = (
    r"(person|official|expert|analyst|professor|academic|leader|president|minister|spokesman|spokesperson|"
    r"researcher|scholar|diplomat|ambassador|editor|director|reporter|author|journalist|man|woman|sister|"
    r"wife|adviser|advisor|secretary|fellow|chairman|negotiator|envoy|aide|economist|relative|member|"
    r"brother|son|daughter|husband|mother|father|sibling|spouse)"
)
# stems of the role words: "minist", "professor", "spokesman"
ROLE_STEMS = frozenset(terms(" ".join(re.findall(r"[a-z]+", ROLE))))
KIN_QUESTION = re.compile(r"\b(?:family members?|relatives?|siblings?|spouses?)\b", re.I)
# kinship words answer "which family member" (Question.kin), and cover its words
KIN = frozenset(
    terms(
        "sister brother wife husband son daughter father mother uncle aunt cousin niece nephew "
        "sibling spouse grandson granddaughter grandfather grandmother"
    )
)
KIN_ASKED = frozenset(terms("family relative member sibling spouse"))  # found as "sister", "wife"

QWORDS = {
    "who",
    "whom",
    "whose",
    "what",
    "which",
    "when",
    "where",
    "why",
    "how",
    "many",
    "much",
    "did",
    "does",
    "do",
    "is",
    "are",
    "was",
    "were",
    # auxiliaries: "how many trips had he made?" asks about trips
    "had",
    "has",
    "have",
    "name",
    "according",
    "per",
    "article",
    "articles",
    "say",
    "tell",
}

# Function words bm25s's English list lacks; they carry no topic.
FUNCTION_WORDS = {
    "during",
    "before",
    "after",
    "about",
    "against",
    "between",
    "into",
    "through",
    "over",
    "under",
    "again",
    "further",
    "once",
    "while",
    "within",
    "without",
    "since",
    "until",
    "upon",
    "among",
    "according",
    "toward",
    "towards",
    "would",
    "could",
    "should",
    "might",
    "must",
    "may",
    "can",
}
PRONOUNS = {
    "he",
    "him",
    "his",
    "she",
    "her",
    "hers",
    "they",
    "them",
    "their",
    "it",
    "its",
    "there",
    "this",
    "that",
    "these",
    "those",
    "i",
    "we",
    "you",
    "later",
    "also",
}


# words a reader adds for emphasis or negation ("what exactly did he say", "wouldn't
# China just retaliate"): the articles' answer does not say them
FILLER = {
    "even", "just", "really", "actually", "exactly", "ever", "else", "wouldn", "couldn", "shouldn", "didn",
    "doesn", "isn", "wasn", "weren", "aren", "hasn", "haven", "hadn", "though", "anyway", "lot", "lots",
    "anyone", "anybody", "someone", "somebody", "any", "anything", "something", "realistically",
    "guy",  # "the RAND guy": the one the articles call "a researcher for the RAND Corporation"
}  # fmt: skip


@lru_cache(maxsize=1)
def qstems() -> frozenset[str]:
    return frozenset(t for w in QWORDS | PRONOUNS | FUNCTION_WORDS | FILLER for t in terms(w, keep_stopwords=True))


# "where did he say that?", "where was she speaking?": the setting of someone's words
# (a briefing, a panel, Twitter, the outlet told), not a place the words name
SETTING_Q = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[\s,]+)?where\s+(?:did|does|do|was|is|were|has|had)\s+"
    r"(?:he|she|they|[\w’'.-]+(?:\s+[\w’'.-]+){0,3}?)\s+(?:"
    r"(?:say|said|tell|told|write|wrote|tweet|tweeted|post|posted|mention|mentioned)\s+(?:that|this|so|it|those\s+things)"
    r"|(?:speaking|talking|commenting|quoted|interviewed|speak|talk|comment)"
    r"|make\s+(?:that|this|those|these|the)\s+(?:remarks?|comments?|points?|claims?|statements?))\W*$"
    # "who was he talking to when he said that?": the outlet or panel he told
    r"|^\W*(?:(?:and|so|ok(?:ay)?|but)[\s,]+)?(?:who|whom)\s+(?:was|is|did|were)\s+(?:he|she|they|[\w’'.-]+(?:\s+[\w’'.-]+)?)"
    r"\s+(?:talking|speaking|talk|speak)\s+to(?:\s+when\s+(?:he|she|they)\s+said\s+(?:that|this|so|it))?\W*$",
    re.I,
)


# "Who went there with him?", "Who travelled with Kim?", "Who accompanied him?"
TRAVEL = r"went|go|goes|going|travel|travels|travell?ed|travell?ing|came|come|flew|fly|journeyed"
COMPANY = re.compile(
    rf"^\s*(?:and\s+)?(?:(?:who|whom|which\s+(?!of\b)[\w’'-]+(?:\s+of\s+[\w’'-]+)?)\b(?=.*\b(?:{TRAVEL})\b(?:\s+[\w’'-]+){{0,4}}?\s+with\b|.*\baccompan)|"
    # "which foreign minister came along?", "who tagged along?"
    r"(?:who|whom|which)\b(?=.*\b(?:came|come|went|go|tagged|tag)\s+along\b)|"
    # "who was with Kim in Pyongyang as he set off?"
    r"(?:who|whom)\s+(?:was|were|is)\s+(?:\w+\s+)?with\s+(?=[A-Z]|him\b|her\b|them\b)|"
    # "who did Kim take with him to China?", "who did he bring along?"
    r"(?:who|whom)\s+(?:did|does|will|would|has|had)\s+(?:[\w’'-]+\s+){1,3}?(?:take|bring)\s+(?:with\s+(?:him|her|them)|along)\b|"
    # "who else went?": with the one just named
    rf"(?:who|whom)\s+else\s+(?:{TRAVEL}|joined|tagged)\b|"
    r"(?:was|were|is|did)\s+(?:anyone|anybody|someone|somebody)\s+(?:else\s+)?(?:with|accompany|go\s+with|come\s+with|travel\s+with)\b)",
    re.I,
)


# words that name someone's companions ("Accompanying Kim was his younger sister")
_COMPANION = re.compile(
    r"\b(?:accompan\w*|along with|together with|joined by|entourage|delegation|"
    # "Kim Jong-un and his wife Ri Sol-ju inspect an honor guard"
    r"and\s+(?:his|her)\s+(?:wife|husband|sister|brother|daughter|son))\b",
    re.I,
)


def companions(text: str) -> bool:
    """Does the sentence name someone's companions?"""
    return _COMPANION.search(text) is not None
