"""How a question stands in a conversation: whether it leans on the turns before it
(a pronoun, an elliptical start, "the trip" of the previous turn), and the parts of a
two-part question, each answered for itself (rag/pipeline.py)."""

from __future__ import annotations

import re

from .question_type import _NAME_THE, strip_lead
from .question_words import QWORDS
from .retrieve import terms

# Shorthand readers type that the articles spell out: "which Renmin prof", "the N. Korean
# govt". Only abbreviations with one reading in news questions.
_SHORTHAND = (
    (re.compile(r"\bprofs\b\.?", re.I), "professors"),
    (re.compile(r"\bprof\b\.?", re.I), "professor"),
    (re.compile(r"\bgov(?:t|['’]t)\b\.?", re.I), "government"),
    (re.compile(r"\buniv?\b\.?", re.I), "university"),
    (re.compile(r"\bdept\b\.?", re.I), "department"),
    (re.compile(r"\bintl\b\.?", re.I), "international"),
    # "whos the head of research", "whats his job": the apostrophe left out
    (re.compile(r"\b(who|what|where|when|how)s\b", re.I), r"\1's"),
    (re.compile(r"\byrs\b\.?", re.I), "years"),
    (re.compile(r"\byr\b\.?", re.I), "year"),
    (re.compile(r"\bprez\b", re.I), "president"),
    # "which ex-diplomat": a former one, a role the rules read ("which former diplomat")
    (re.compile(r"\b(?<![\w-])ex-(?=[a-z])", re.I), "former "),
    (re.compile(r"\bppl\b", re.I), "people"),
    (re.compile(r"\bmtg\b", re.I), "meeting"),
    # "what did they agree on nukes?": not a misspelt "dukes"
    (re.compile(r"\bnukes\b", re.I), "nuclear weapons"),
    (re.compile(r"\bnuke\b", re.I), "nuclear"),
    (re.compile(r"\b(?:NK|DPRK)\b"), "North Korea"),
    (re.compile(r"\bROK\b"), "South Korea"),
    # "the chinese FM spokesman" speaks for the ministry; "the FM" is the minister
    (re.compile(r"(?<![\w-])FM(?=\s+(?:spokes\w*|briefing)\b)", re.I), "foreign ministry"),
    (
        re.compile(r"\b(chinese|korean|american|russian|japanese|china['’]s)\s+FM\b(?![-–])", re.I),
        r"\1 foreign minister",
    ),
    (re.compile(r"\bnk\b"), "north korea"),
    # news outlets typed in lower case ("in the voa story"): no English word is spelled so
    (re.compile(r"\b(?:voa|rfa|bbc|cnn|afp|nyt|kcna|nhk|cctv|npr|wsj)\b"), lambda m: m.group(0).upper()),
    # "per the korea times": a paper's name, typed in lower case
    (
        re.compile(
            r"\b(?:korea|global|new\s+york|washington|financial|japan|china|straits|south\s+china\s+morning)\s+"
            r"(?:times|herald|post|journal|daily|tribune)\b",
            re.I,  # ("Korea times": the capitals the articles gave "korea" alone)
        ),
        lambda m: m.group(0).title(),
    ),
    (re.compile(r"\bN\.\s?(?=Korea)"), "North "),
    (re.compile(r"\bS\.\s?(?=Korea)"), "South "),
)


def expand_shorthand(text: str) -> str:
    """ "Which Renmin prof did VOA talk to?" -> "Which Renmin professor did VOA talk to?"."""
    for pattern, full in _SHORTHAND:
        text = pattern.sub(full, text)
    return text


_FOLLOWUP = re.compile(
    # ("this year", "this week" date the question, and point back to nothing)
    r"\b(he|him|his|she|her|hers|they|them|their|it|its|there|that|this(?!\s+(?:year|week|month|morning|weekend)\b)|"
    r"these|those|the two|the same)\b|"
    # "why china though?": the chat's word for "given what you just said"
    r"^(and|what about|how about|also)\b|\b(?:though|then)\W*$|"
    # "what had kim asked for instead?": in place of what the previous answer said
    r"\b(?:instead|rather)\W*$|"
    # "does Pompeo agree?": with what the previous turn was about
    r"\b(?:agree|agrees|disagree|disagrees|concur|concurs|go\s+along)\W*$",
    re.I,
)


def needs_context(text: str) -> bool:
    """Does this question lean on the conversation (a pronoun, an elliptical start)?"""
    return bool(_FOLLOWUP.search(text)) or len([t for t in terms(text) if t not in QWORDS]) <= 1


# "where was it?", "what did Pompeo say to that?", "counting this trip": a thing or an
# event the previous answer told of (not a person, whom a name replaces, nor "that" of
# "does he think that ...", which opens a clause)
_DEICTIC = re.compile(
    r"\b(?i:it|its|this|these|those|then)\b|"
    r"\b(?i:that)\s*(?:[?.!]|$)|\b(?i:that)['’]s\b|"  # "why does she think that's needed?"
    r"\b(?i:that\s+(?:idea|demand|view|claim|plan|deal|remark|comment|statement|decision|move|offer|request|"
    r"point|trip|visit|meeting|summit|talks?|one|time|day|date|year|place|city|number|platform|site|report|story|"
    r"article|approach|process|proposal|warning|message|signal|card|issue|question|event|war))\b"
)


def points_back(text: str) -> bool:
    """Does this question point at something the previous answer told ("where was it?")?"""
    return bool(_DEICTIC.search(text))


# "What was the trip meant to accomplish?" after "When did Pompeo travel to North
# Korea?": "the trip" is the one the previous turn asked about, though nothing in the
# question says it leans on the conversation
_THE_EVENT = re.compile(
    r"\bthe\s+(trips?|visits?|journey|tour|travels?|flight|meetings?|summit|talks|negotiations)\b", re.I
)
_EVENTS = (
    frozenset(terms("trip travel visit journey tour flew flight went")),
    frozenset(terms("meeting met summit talks negotiations")),
)


def refers_back(text: str, previous: str) -> bool:
    """Does "the trip" (or "the meeting", ...) in this question name the event of the
    previous question ("When did he travel to North Korea?")?"""
    m = _THE_EVENT.search(text)
    if m is None:
        return False
    said = set(terms(previous))
    word = set(terms(m.group(1)))
    return any(word & family and said & family for family in _EVENTS)


_SPLIT = re.compile(
    # not "to pin down when and where the summit would be": two wh-words of one clause
    r"(?<!\bwhen)(?<!\bwhere)(?<!\bwho)(?<!\bwhat)(?<!\bwhy)(?<!\bhow)"
    r",?\s+and\s+(?=(?:on |in |at |for |from |by |until |since |to |with )?(?:who|whom|where|when|what|which|how|why)\b)",
    re.I,
)


# "Name the X and the Y", "Name the universities of the X and of the Y"
_AND_THE = re.compile(r",?\s+and\s+(?=(?:of\s+)?the\s)", re.I)


# "Who are the Renmin University professor and the Shenzhen University institute
# director?", "What are the names of Kim's wife and his sister?": two people asked for
_WHO_ARE = re.compile(
    r"^\s*(?i:who\s+(?:are|were)|what\s+(?:are|were)\s+the\s+names\s+of)\s+"
    r"((?i:the\s+)(?:[\w’'-]+\s+){0,5}?[\w’'-]+|[A-Z][\w’'-]*['’]s\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+)"
    r",?\s+(?i:and)\s+((?i:the|his|her|their)\s+[^,?]+?)\s*\??\s*$"
)


def split_question(text: str) -> list[str]:
    """A two-part question ("Where did X, and when did Y?", "Name the X and the Y") as
    its parts."""
    parts = [p.strip(" ,?") for p in _SPLIT.split(text, maxsplit=1)]
    if len(parts) == 1 and _NAME_THE.match(text.strip()):
        first, *rest = _AND_THE.split(text.strip().rstrip(" .?"), maxsplit=1)
        first = strip_lead(first)
        if rest and rest[0].lower().startswith("of "):
            # "... of the X and of the Y": the second names the same thing of Y
            shared = re.match(r"(.+?)\s+of\s+the\s", first)
            parts = [first, f"{shared.group(1)} {rest[0]}"] if shared else [text]
        elif rest:
            parts = [first, "Which " + rest[0][len("the ") :]]
    pair = _WHO_ARE.match(text) if len(parts) == 1 else None
    # one person each, not "who are the two experts and their employers?"
    if pair and not re.search(r"\b(?:two|both|three|several|some)\b|[^s]s$", pair.group(1), re.I):
        parts = [f"Who is {pair.group(1)}", f"Who is {pair.group(2)}"]
    return [p + "?" for p in parts] if len(parts) == 2 and all(len(p.split()) >= 3 for p in parts) else [text]


def carried_context(turns: list, question: str) -> str:
    """What a follow-up carries from the previous turn (`turns`: (question, Answer)
    pairs): that turn's short answer and question, or nothing where it stands alone."""
    if not turns:
        return ""
    prev_q, prev = turns[-1]
    # "the trip" is the previous turn's when its question or its answer was about one
    # ("What did Pompeo do on Wednesday?" -> "... traveled to North Korea on Wednesday")
    answered = prev.quotes[0].text if prev.quotes and not prev.abstained else ""
    if (
        not needs_context(question)
        and not refers_back(question, prev.resolved_question or prev_q)
        and not refers_back(question, answered)
    ):
        return ""
    parts = []
    # a name, place or date, not a clause ("traveled to North Korea on Wednesday to
    # finalize ..."), whose words would be no answer to "what was the point of it?"
    if prev.short_answer and not prev.abstained and len(prev.short_answer.split()) <= 6:
        parts.append(prev.short_answer)
    # The subject of the previous question (names it mentioned), then its resolution.
    parts.append(prev.resolved_question or prev_q)
    return " ".join(parts)
