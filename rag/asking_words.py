"""The words a question asks with, not words its answer holds: "how long", "the aim
of", "what reasons did he give", "in Hill's view", "ahead of time", "the two leaders" of
a follow-up. rag/question.py leaves them out of the terms a sentence must cover."""

from __future__ import annotations

import re

from .retrieve import terms

TELL_ME = re.compile(r"^\s*(?:(?:can|could|would|will) you\s+)?(?:please\s+)?tell\b", re.I)
_HOW_MEASURE = re.compile(r"\bhow (long|far|much|often|soon|big|large|late|early)\b", re.I)
# "was it due to end", "is set to meet": when something happens, not what it is about
_SCHEDULED = re.compile(
    r"\b(?:(?:is|was|are|were|be|been)(?:\s+\w+){0,2}\s+(due|set|slated)|(supposed|scheduled|meant))\s+to\s+\w", re.I
)
# "in Hill's view", "per his remarks": whose words the answer is, which the sentence
# says with "said" or not at all ("may view the meeting as ..." is no answer)
_ATTRIBUTION = re.compile(
    r"\b(?i:per|in|according to|from|by)\s+(?:(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*['’]s|his|her|their|the)\s+"
    r"(?:[\w-]+\s+)?(remarks|comments|words|view|views|account|assessment|analysis|opinion|estimate|reckoning)\b"
)
# "what does the academic in the (Sputnik) piece say?": where he is quoted, no word of his
# ("did that piece compare it to ...?": the report just named, as the answer calls it)
_IN_PIECE = re.compile(r"\b(?:(?:in|from)\s+(?:the|that|this)|that|this)\s+(piece|article|story|report)\b", re.I)
# "what was the main focus of the trip?": the focus, which the answer states ("will
# center on meetings"), not its rank
_MAIN = re.compile(r"\b(main|chief|primary|principal)\s+(?:focus|aim|goal|purpose|objective|agenda|topic)\b", re.I)
# "what earlier year": the year asked for, however qualified (the answer says "1979")
_WHEN_QUAL = re.compile(
    r"\b(?:what|which)\s+(earlier|later|previous|prior|following|particular)\s+(?:years?|days?|dates?|months?)\b", re.I
)
# "apart from the talks, what did they do?": the words setting aside what is known; what
# they set aside stays a term (the answer often lists it: "held talks ... and took a stroll")
_EXCEPT = re.compile(r"\b(?:apart|aside)\s+from\b|\bbesides\b|\bother\s+than\b|\bexcept(?:\s+for)?\b", re.I)
# "was it announced ahead of time?": when it was said, which the article states as
# "an unannounced visit", not in these words
_IN_ADVANCE = re.compile(r"\b(?:ahead of time|in advance|beforehand)\b", re.I)
# "meant to accomplish", "the aim of": the asking for a purpose, which the answer states
# in its own words ("to finalize a date ...")
_PURPOSE = re.compile(
    r"\bthe (aim|goal|objective|purpose|point) of\b|\b(?:meant|intended|designed|aimed|supposed) to (accomplish|achieve)\b",
    re.I,
)
# "what reasons did he give for the trip?": the asking for a reason, which the answer
# states in its own words ("The visit is intended to seek sanctions relief")
_REASON_ASK = re.compile(
    # "did he give a reason why ...?"
    r"\b(give|offer|provide|cite)\s+(?:a|any|the)\s+(reasons?)\b|"
    r"\bwhat (?:main |other |real |key )?(reasons?|motives?|motivations?)\b"
    r"(?:\s+(?:did|does|do|has|have|had)\s+(?:[\w-]+\s+){1,3}?(give|given|cite|cited|offer|offered|provide))?"
    # "how come?": a way of asking why, no words to find
    r"|\bhow\s+(come)\b",
    re.I,
)
# "how long was the trip expected to last?", "how long did it take?": the verb of the
# measure (the articles' "last year" and "it took" are about something else)
_LONG_VERB = re.compile(
    r"\bhow long\b.*\b(last|lasted)\s*\??\s*$|\bhow long (?:did|does|do|will|would) it (take)\b", re.I
)
# "what was his position on the phased approach?": his words on it, which the article
# gives as what he said ("the US has no interest in ..."), not as a "position"
_STANCE = re.compile(
    r"\b(position|stance|view|take|opinion|attitude|thoughts|verdict|line)\s+(?:on|about|regarding|towards?)\b", re.I
)
_THE_PAIR = re.compile(
    r"\bthe\s+two(?:\s+(?:leaders|men|presidents|of\s+them))?\b|\bboth\s+(?:leaders|men|of\s+them)\b", re.I
)
# ("what did the Asan one say?": the one from the Asan Institute)
_THIS_ONE = re.compile(
    r"\b(?:this|that|the\s+other|the\s+same|the\s+latest|the\s+new|the\s+[A-Z][\w’'-]+)\s+one\b(?!\s+of\b)", re.I
)
# "how long is his trip this time?": the occasion now talked of, not "for the second time"
_THIS_TIME = re.compile(r"\b(?:this|that)\s+time\W*$|\b(?:this|that)\s+time\s+(?:round|around)\b", re.I)
# "the second time around": the occasion counted, "around" no word to find
_TIME_AROUND = re.compile(r"\btime\s+(around|round)\b", re.I)


def asking_words(text: str, followup: bool = False) -> set[str]:
    """Stems of the words `text` asks with (see the module's docstring); `followup` when
    it follows earlier turns."""
    drop: set[str] = set()
    # "how long", "how far": the measure asked for, not a topic word ("old" stays: an
    # age is written "35-year-old")
    drop = drop | {t for m in _HOW_MEASURE.finditer(text) for t in terms(m.group(1))}
    drop = drop | {t for m in _LONG_VERB.finditer(text) for t in terms(m.group(1) or m.group(2))}
    drop = drop | {t for m in _SCHEDULED.finditer(text) for t in terms(m.group(1) or m.group(2))}
    drop = drop | {t for m in _PURPOSE.finditer(text) for t in terms(m.group(1) or m.group(2))}
    drop = drop | {t for m in _REASON_ASK.finditer(text) for t in terms(" ".join(g for g in m.groups() if g))}
    drop = drop | {t for m in _ATTRIBUTION.finditer(text) for t in terms(m.group(1))}
    drop = drop | {t for m in _EXCEPT.finditer(text) for t in terms(m.group(0))}
    drop = drop | {t for m in _IN_ADVANCE.finditer(text) for t in terms(m.group(0))}
    drop = drop | {t for m in _STANCE.finditer(text) for t in terms(m.group(1))}
    drop = drop | {t for m in _IN_PIECE.finditer(text) for t in terms(m.group(1))}
    drop = drop | {t for m in _WHEN_QUAL.finditer(text) for t in terms(m.group(1))}
    drop = drop | {t for m in _MAIN.finditer(text) for t in terms(m.group(1))}
    if (
        followup
        and _THE_PAIR.search(text)
        and re.match(r"\W*(?:did|does|do|was|were|is|are|had|has|have)\b", text, re.I)
    ):
        # "did the two leaders go for a walk together?": the pair the chat is about, whom
        # the answer names ("took a stroll ... with Xi"); (a question asking what, when or
        # where keeps them: "when had the two leaders first met?" is "the two met ...")
        drop = drop | {t for m in _THE_PAIR.finditer(text) for t in terms(m.group(0))} | {"togeth"}
    if _THIS_ONE.search(text):
        drop = drop | {"one"}  # "how long's this one supposed to last?": the one just talked of
    if _THIS_TIME.search(text):
        drop = drop | {"time"}
    drop = drop | {t for m in _TIME_AROUND.finditer(text) for t in terms(m.group(1))}
    return drop
