"""Questions typed as chat: "how he get there", "why china would be happy", "was it a
coincidense". The question rules read a question's grammar ("how did he get there?" asks
for a means, "what did he say" for his words) and its words (a misspelt word matches no
sentence), so a casual question is put into the standard form first. Both steps leave a
question that was typed properly as it was."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .retrieve import terms

# Verbs a reader asks about, with their base form: "what he said" -> "what did he say".
_PAST = {
    "said": "say",
    "thought": "think",
    "went": "go",
    "got": "get",
    "met": "meet",
    "told": "tell",
    "meant": "mean",
    "came": "come",
    "took": "take",
    "left": "leave",
    "saw": "see",
    "felt": "feel",
    "did": "do",
    "made": "make",
    "gave": "give",
    "wrote": "write",
    "brought": "bring",
    "knew": "know",
    "held": "hold",
    "flew": "fly",
    "sought": "seek",
    "tried": "try",
}
_REGULAR = (
    "say think go get want meet visit tell talk mean need hope plan ask come take travel arrive leave tweet "
    "expect describe call see feel do make give write bring stay discuss sign agree promise warn suggest "
    "predict believe know hold fly reach show seek try use worry fear offer push urge demand claim announce "
    "last end begin start happen stop return cross "
    "react respond reply stress insist mention accuse blame refuse deny admit argue explain"
).split()


def _forms() -> dict[str, tuple[str, str]]:
    """Inflected form -> (base form, "did" or "does")."""
    out: dict[str, tuple[str, str]] = {}
    for base in _REGULAR:
        out[base] = (base, "did")
        third = (
            base + "es"
            if base.endswith(("s", "sh", "ch", "o"))
            else base[:-1] + "ies"
            if base[-1] == "y" and base[-2] not in "aeiou"
            else base + "s"
        )
        out[third] = (base, "does")
        if base[-1] == "e":
            past = base + "d"
        elif base[-1] == "y" and base[-2] not in "aeiou":
            past = base[:-1] + "ied"
        else:
            past = base + "ed"
        out.setdefault(past, (base, "did"))
    for past, base in _PAST.items():
        out[past] = (base, "did")
    out["travelled"] = ("travel", "did")
    out["planned"] = ("plan", "did")
    return out


_VERB = _forms()
# base form -> the past a chat leaves out: "who go there" -> "who went there"
_PAST_OF = {base: past for past, (base, aux) in _VERB.items() if aux == "did" and past != base}
_AUX = set(
    (
        "is are was were am be been do does did will would can could should shall may might must has have had "
        "isn't aren't wasn't weren't don't doesn't didn't won't wouldn't can't couldn't shouldn't hasn't haven't"
    ).split()
)
_MODAL = {"would", "will", "can", "could", "should", "might", "may", "must"}
_PRONOUN = {"he", "she", "they", "it", "we", "you", "i"}
_WH = {"what", "why", "where", "when", "how", "who", "whom", "which", "whose"}
_LEAD = {"and", "so", "but", "ok", "okay", "then"}
_NOT_SUBJECT = _AUX | set(_VERB) | _WH | {"not", "of", "to", "in", "on", "at", "for", "with", "about", "there", "that"}


def _subject(words: list[str]) -> bool:
    """A subject a chat puts before its verb: "he", "Kim", "the trip", "the US"."""
    low = [w.lower() for w in words]
    if any(w in _NOT_SUBJECT for w in low):
        return False
    if len(low) == 1:
        return low[0] in _PRONOUN or words[0][:1].isupper()
    # "the trip", "the us", "Kim Jong Un", "Xi Jinping"
    return (low[0] == "the" and "the" not in low[1:]) or all(w[:1].isupper() for w in words)


_AFTER = re.compile(
    r"^(\W*(?:(?:and|so|but|ok|okay)\W+)?)what(['’]s|\s+is|\s+was|\s+are)\s+((?:[\w’'-]+\s+){0,2}?[\w’'-]+)\s+"
    r"(?:really\s+|actually\s+)?(?:after|(?:hoping|looking|trying|wanting|aiming)\s+to\s+(?:get|gain|achieve|win)"
    # "what's he hoping to get out of it?", "... out of Beijing this time?"
    r"(?:\s+(?:out\s+of|from)\s+(?:it|this|that|the\s+[\w-]+|[A-Z][\w-]+))?(?:\s+this\s+time)?)(\W*)$",
    re.I,
)


def standard_grammar(text: str) -> str:
    """ "how he get there" -> "how did he get there", "why china would be happy" -> "why
    would china be happy", "what is he worry about" -> "what is he worried about"."""
    text = re.sub(
        r"\b(is|are|was|were)\s+(\w+)\s+(worry|concern)(?=\s+(?:about|that|over)\b)", r"\1 \2 \3ed", text, flags=re.I
    )
    text = re.sub(r"\bworryed\b", "worried", text)
    # "does he buy that North Korea is a card?": does he believe it
    text = re.sub(
        r"\b((?:does|did|do)\s+(?:[\w’'.-]+\s+){1,4}?)buy\s+(?:the\s+(?:idea|argument|claim|notion)\s+)?(that|it)\b",
        r"\1believe \2",
        text,
        flags=re.I,
    )
    # "what's he after?", "what is Kim really after?", "what's he hoping to get out of it?":
    # what he wants
    after = _AFTER.match(text)
    if after:
        lead, be, subj, end = after.groups()
        aux = "did" if be.strip().lower() == "was" else "do" if subj.lower() in ("they", "we", "you") else "does"
        return f"{lead}what {aux} {subj} want{end}"
    words = text.split(" ")
    i = 0
    while i < len(words) and words[i].lower() in _LEAD:
        i += 1
    if i >= len(words) or words[i].lower() not in _WH:
        return text
    wh = words[i].lower()
    if re.search(rf",\s*(?:{'|'.join(sorted(_WH | _AUX))})\b", text, re.I):
        return text  # "When Kim visited China in March, who did he meet?": a clause, then the question
    j = i + 1
    if wh == "how" and j < len(words) and words[j].lower() in ("many", "much"):
        j += 2  # "how many times"
    elif wh == "how" and j < len(words) and words[j].lower() in ("long", "often", "far", "soon"):
        j += 1
    # "what train kim take": the noun the wh-word asks of; without one, only a pronoun
    # is surely the subject ("which professor talked to VOA" is standard)
    nouns = (0, 1) if wh in ("what", "which", "whose") else (0,)
    for n in nouns:
        for size in (1, 2, 3):
            v = j + n + size
            if v >= len(words):
                break
            subj = words[j + n : v]
            if n and (words[j].lower() in _NOT_SUBJECT | _PRONOUN or words[j].lower() in ("the", "a", "an")):
                break  # "what did he say", "what the US should do": no noun asked of
            if not _subject(subj) or (wh in ("what", "which", "whose") and n == 0 and subj[0].lower() not in _PRONOUN):
                continue
            verb = re.sub(r"\W+$", "", words[v])
            low = verb.lower()
            head = words[: j + n]
            if low in _MODAL:  # "why china would be happy" -> "why would china be happy"
                return " ".join([*head, words[v], *subj, *words[v + 1 :]])
            if low in _VERB:
                base, aux = _VERB[low]
                return " ".join([*head, aux, *subj, base + words[v][len(verb) :], *words[v + 1 :]])
    # "which renmin professor talk about it", "who go there": the asked-of is the subject,
    # and its verb is told in the past, as the news is
    if wh in ("who", "which", "what"):
        for n in (0, 1, 2):
            v = j + n
            if v >= len(words) or any(w.lower() in _NOT_SUBJECT | _PRONOUN for w in words[j:v]):
                break
            verb = re.sub(r"\W+$", "", words[v])
            # (a plural's bare verb is standard: "which analysts say ...")
            plural = n and re.search(r"[^s]s$", words[v - 1].lower())
            if verb.lower() in _PAST_OF and verb.lower() not in _AUX and (n or wh == "who") and not plural:
                return " ".join([*words[:v], _PAST_OF[verb.lower()] + words[v][len(verb) :], *words[v + 1 :]])
    return text


def _edits(word: str) -> set[str]:
    """Every spelling one slip away: a letter dropped, doubled, swapped or mistyped."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in letters}
        | {a + c + b for a, b in splits for c in letters}
    )


_CHAT = {"whats", "wheres", "whens", "thats", "theres", "heres", "profs", "govts", "nukes"}


class Spelling:
    """Misspelt question words, mended to the word of the articles one slip away
    ("coincidense" -> "coincidence", "sanctons" -> "sanctions"). A word either the
    articles or the embedder's English vocabulary know is never changed, nor is any word
    shorter than five letters, where one slip makes another real word."""

    MIN_LEN = 5
    # no word is longer; and a run of letters pasted as a question must not cost
    # 50 x its length edits, each as long
    MAX_LEN = 24

    def __init__(self, corpus: dict[str, int], english: frozenset[str] = frozenset()) -> None:
        self.corpus = corpus  # lower-case word -> count in the articles
        self.english = english
        self._stems: set[str] | None = None  # built on the first unknown word

    @classmethod
    def from_texts(cls, texts: Iterable[str], vocab: Path | None = None) -> Spelling:
        counts: dict[str, int] = {}
        for text in texts:
            for w in re.findall(r"[a-z]+", text.lower()):
                counts[w] = counts.get(w, 0) + 1
        english: frozenset[str] = frozenset()
        if vocab is not None and vocab.is_file():
            english = frozenset(w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha() and w.islower())
        return cls(counts, english)

    def known(self, word: str) -> bool:
        if word in self.corpus or word in self.english:
            return True
        if self._stems is None:
            self._stems = {s for w in (*self.corpus, *self.english) for s in terms(w)}
        # an inflection neither lists ("sanctioning") has the stem of one they do
        return all(s in self._stems for s in terms(word))

    def fix(self, text: str) -> str:
        def mend(m: re.Match[str]) -> str:
            word = m.group(0)
            low = word.lower()
            # a name typed with its capital is as the reader means it; chat's own
            # spellings ("whats", "wheres") are read by rag/turns.py
            if not self.MIN_LEN <= len(low) <= self.MAX_LEN or self.known(low) or word[1:] != low[1:] or low in _CHAT:
                return word
            near = _edits(low)
            found = sorted(
                (w for w in near if w in self.corpus and len(w) >= self.MIN_LEN), key=lambda w: -self.corpus[w]
            )
            if not found:
                found = sorted(w for w in near if w in self.english)
                if len(found) != 1:
                    return word
            best = found[0]
            return best.capitalize() if word[0].isupper() else best

        return re.sub(r"(?<![\w’'-])[A-Za-z]+(?![\w’'-])", mend, text)
