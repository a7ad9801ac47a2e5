"""Capitals for questions typed all in lower case ("how did moon jae-in react to kim's
trip?"), as the articles write their words ("Moon Jae-in", "Kim").

The question rules read capitals as names: whose words a sentence quotes, which terms a
sentence must name, whom a follow-up's "he" means. A chat question typed without
capitals would lose all of that, so it gets the articles' usual spelling of each word
first. Questions with any capital after their first letter (acronyms aside) are left
as typed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from .question_words import ROLE_STEMS
from .retrieve import terms

_TOKEN = re.compile(r"[A-Za-z][\w’'-]*")
# a word just after the start of a sentence, a line or a quotation is capitalised for
# its place, not for being a name
_OPENING = re.compile(r"(?:^|[.!?:\n][\s\"“‘'(\[]*|(?:^|\s)[\"“‘]\s*)$")
_POSSESSIVE = re.compile(r"[’']s$|(?<=s)[’']$")  # "Kim's", "Stephens'"
# share of a word's mid-sentence uses that must be capitalised: "US" is 30 of 31 ("push
# us" is the other), "the" is never
MIN_SHARE = 0.9


class Casing:
    """Lower-case word -> the capitalised form the articles write it in."""

    def __init__(self, forms: dict[str, str] | None = None) -> None:
        self.forms = forms or {}

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Casing:
        seen: dict[str, Counter[str]] = defaultdict(Counter)
        for text in texts:
            for m in _TOKEN.finditer(text):
                if _OPENING.search(text[max(0, m.start() - 4) : m.start()]):
                    continue
                word = _POSSESSIVE.sub("", m.group(0))
                seen[word.lower()][word] += 1
        forms = {}
        for low, counts in seen.items():
            form, n = counts.most_common(1)[0]
            # a title alone is a common noun ("South Korea's president"), as a reader
            # would type it: only the name after it is capitalised
            if form != low and n >= MIN_SHARE * sum(counts.values()) and not set(terms(low)) & ROLE_STEMS:
                forms[low] = form
        return cls(forms)

    def apply(self, text: str) -> str:
        """The question with the articles' capitals, when it was typed without any."""
        # an acronym in capitals ("according to KCNA") says nothing of how the rest was typed
        if not self.forms or re.search(r"[A-Z]", re.sub(r"\b[A-Z]{2,}s?\b", "", text)[1:]):
            return text

        def case(m: re.Match[str]) -> str:
            token = m.group(0)
            tail = _POSSESSIVE.search(token)
            word = token[: tail.start()] if tail else token
            if word.lower() in self.forms:
                word = self.forms[word.lower()]
            elif "-" in word:
                # "trump-kim", "inter-korean": each part as the articles write it
                word = "-".join(self.forms.get(p.lower(), p) for p in word.split("-"))
            return word + (tail.group(0) if tail else "")

        return _TOKEN.sub(case, text)
