"""The noun a which/what question asks for ("which Chinese foreign minister" ->
"minister"), and whether it asks for what something held or what was done."""

from __future__ import annotations

import re

from .question_words import ROLE
from .retrieve import terms

# The noun phrase a which/what question asks for: "which Chinese foreign minister did",
# "what kind of newspaper is", "which Renmin University professor was" -> its last word.
# "which of his ministers": the noun after the one it is chosen from
_HEAD = re.compile(
    r"\b(?:which|what|how many)\s+(?:(?:kinds?|types?|sorts?) of\s+)?"
    r"(?:(?:one\s+)?of\s+(?:his|her|their|its|the|those|these|(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.-]*['’]s)\s+)?"
    r"((?:[\w.’'–-]+\s*){1,5})",
    re.I,
)
_NAME_OF = re.compile(r"\bname of\s+(?:the\s+|(?:[\w.’'-]+\s+){0,3}[\w.-]+['’]s\s+)?((?:[\w.’'-]+\s*){1,5})", re.I)
# "what's the institute he directs called?": a name asked for, of that noun
_CALLED = re.compile(r"^\W*what(?:['’]?s|\s+is|\s+was)\s+(?:the|his|her|their|its)\s+([\w-]+)\s+.*\bcalled\W*$", re.I)
_NOT_HEAD = {"is", "was", "are", "were", "did", "does", "do", "has", "had", "will", "would", "can", "could"}
# words that end the noun phrase: verbs of the question, prepositions, pronouns
_PHRASE_END = _NOT_HEAD | {
    "of", "in", "on", "at", "for", "to", "from", "with", "by", "about", "after", "before", "during",
    "he", "she", "it", "they", "we", "you", "i", "that", "who", "which", "the", "a", "an", "his", "her",
    "their", "its", "where", "when", "whose", "said", "say", "says", "made", "make", "makes", "led", "lead", "leads",
    # verbs after the noun phrase ("which professor told ...", "which analyst thinks ...")
    "told", "tells", "met", "meets", "wrote", "writes", "spoke", "speaks", "gave", "went", "took", "saw", "sent",
    "held", "thinks", "thought", "believes", "argues", "warns", "expects", "predicts", "runs", "ran", "heads",
    "teaches", "taught", "works", "got", "came", "became", "left", "quotes", "calls", "appear", "appears",
    "seem", "seems", "flew", "flies", "goes", "comes", "brought", "sat", "stood", "won", "lost", "kept", "sought",
    "felt", "began", "begun", "spent", "paid", "drove", "rode", "knew", "shown",
    # "which official besides Xi": what is set aside follows the noun
    "besides", "except", "apart", "aside", "beyond", "excluding",
}  # fmt: skip


# "who is the Chinese foreign minister Kim met in Dalian?": a relative clause may follow
# the role without "who"/"that", opening on its subject
_WHO_ROLE = re.compile(
    rf"^\s*who\s+(?:is|was|are|were)\s+(?:the\s+)?(?:[\w.’'-]+\s+){{0,4}}?({ROLE}s?)\b"
    r"(?=\s+(?:of|in|at|for|on|to|who|that|during|he|she|they|we|among|between)\b|\s+(?-i:[A-Z])|\s*\?)",
    re.I,
)


_OF_THEM = re.compile(
    rf"\bwhich (?:one )?of (?:them|those|these) (?:is|was|are|were) (?:the |a |an )?(?:[\w’'-]+ ){{0,3}}?({ROLE}s?)\b",
    re.I,
)


_ON_THE = re.compile(
    r"^\s*what\s+(?:is|was|were|are)\s+(?:(?:on|in)\s+(?:the|his|her|their|its)\s+([a-z]+)\b|"
    # "what was served at the banquet?": the food, which a sentence saying there was a
    # banquet does not name (a closed list: "what was used to ..." is said otherwise)
    r"(served|eaten|drunk|cooked|gifted)\s+(?:at|during|in|on|for|to|by)\b)",
    re.I,
)

# "what model of jet": a model's name, which "his private jet" is not
_MODEL_OF = re.compile(r"\b(?:what|which)\s+(model|brand|make|version|variant)\s+of\b", re.I)


def asks_content(text: str) -> bool:
    """Does the question ask what something held or what was done ("what was on the
    menu?", "what was served at the banquet?") or which model of a thing it was, so that
    a sentence without that noun or verb cannot answer it?"""
    return _ON_THE.search(text) is not None or _MODEL_OF.search(text) is not None


def head_noun(text: str) -> str | None:
    """The stem of the noun the question asks for, or None."""
    word = _head_word(text)
    return (terms(word) or [None])[0] if word else None


def _head_word(text: str) -> str | None:
    """The last word of the noun phrase after which/what/how many, or None. In "who
    is/was the <role> ..." the role word is the head too."""
    # "what is the name of the hotel", "... of Kim's daughter": the noun after "name of"
    named = _NAME_OF.search(text) or _CALLED.search(text)
    among = _OF_THEM.search(text)
    if among:
        return among.group(1)  # "which of them is the foreign minister?" -> minister
    held = _ON_THE.search(text) or _MODEL_OF.search(text)
    if held:
        return next(g for g in held.groups() if g)  # "what was on the menu?" asks what it held
    m = named or _HEAD.search(text)
    if not m:
        who = _WHO_ROLE.search(text)
        return who.group(1) if who and re.fullmatch(rf"{ROLE}s?", who.group(1).lower()) else None
    words = re.findall(r"[\w.’'–-]+", m.group(1))  # "Carnegie–Tsinghua fellow": one word, then the head
    run: list[str] = []
    for i, w in enumerate(words):
        if (
            w.lower() in _PHRASE_END
            or (run and w.lower() == "other" and words[i + 1 : i + 2] == ["than"])
            or (run and w.lower().endswith("ed"))
            # "which two professors get quoted": a passive, not part of the noun
            or (run and w.lower() in ("get", "gets") and all(x.lower().endswith("ed") for x in words[i + 1 : i + 2]))
            or (named and run and w.lower().endswith("ing"))  # "the official leading ..."
            # "which two officials handling North Korea's US policy ...": a participle after the role
            or (run and w.lower().endswith("ing") and re.fullmatch(rf"{ROLE}s?", run[-1].lower()) is not None)
        ):
            break
        run.append(w)
    if not run or not re.fullmatch(r"[a-zA-Z][a-zA-Z-]+", run[-1]):
        return None
    return run[-1]
