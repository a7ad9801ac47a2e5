"""Short answers that are clauses rather than names or figures: the statement or denial
answering a yes/no question, what a message or warning says, what a verb acts on. Read by
rag/answer_span.py, which also weighs candidates by `distance` to the question's words."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .question import Question
from .retrieve import terms
from .sentence_table import Sent, SentenceTable
from .synonyms import concept_spans
from .typos import with_variants

# "what message does he say North Korea wants to send?": what the message says ("a clear
# message that China strongly remains its cooperative ally"), not the words around it
_CONTENT_HEADS = {
    "messag": "messages?", "signal": "signals?", "warn": "warnings?", "promis": "promises?",
    "assur": "assurances?", "hope": "hopes?", "fear": "fears?", "impress": "impressions?",
}  # fmt: skip


def content_of(q: Question, text: str) -> tuple[int, int, str] | None:
    """For a question asking for a message, warning, promise ... (its head noun): the
    "that" clause saying what it is, or None."""
    word = _CONTENT_HEADS.get(q.head or "")
    m = re.search(rf"\b{word}\s+that\s+([^.;:”\"]+)", text, re.I) if word else None
    if m is None or len(m.group(1).split()) > 25:
        return None
    # up to the attribution: "..., says Shi Yinhong, a political science professor"
    said = re.search(r",\s+(?:[^,]{0,40}?\b)?(?:said|says|added|noted|told|according to)\b", m.group(1))
    clause = m.group(1)[: said.start() if said else None].rstrip(" ,")
    return m.start(1), m.start(1) + len(clause), clause


# "what did he say Chinese leaders would never allow?": the question ends on the verb
# whose object it asks for (not a light one: "what will they do?")
_ENDS_ON_VERB = re.compile(
    r"\b(?:would|will|did|does|do|can|could|should|might|must)\s+(?:not\s+|never\s+|ever\s+)?([a-z]{4,})\W*$", re.I
)
_LIGHT_VERBS = frozenset(terms("do does be have get go say said tell think mean happen take make want need"))


def verb_object(q: Question, text: str) -> tuple[int, int, str] | None:
    """ "would never allow?" of "... would never allow an event to take place at the same time,
    if ...": what follows the question's last verb in the sentence, up to the clause's end."""
    m = _ENDS_ON_VERB.search(q.text)
    stem = terms(m.group(1)) if m else []
    if not stem or stem[0] in _LIGHT_VERBS:
        return None
    for w in re.finditer(r"[A-Za-z’'-]+", text):
        if terms(w.group(0))[:1] == stem:
            obj = re.match(r"\s+([^.;:!?”\"]+?)\s*(?:$|[.;:!?”\"])", text[w.end() :])
            if obj and 2 <= len(obj.group(1).split()) <= 25:
                a = w.end() + obj.start(1)
                return a, a + len(obj.group(1)), obj.group(1)
    return None


_OBJECT = re.compile(
    # ("linked to the planned second summit": what the link is to)
    # ("U.S." is one word: "the way the U.S. has pursued [the nuclear] issue")
    r"\s+(?:(?:to|with)\s+)?((?:the|a|an|its|his|her|their)\s+(?:(?:[A-Z]\.){2,}\s+|[\w’'\[\]-]+\s+){0,8}?"
    r"(?:(?:[A-Z]\.){2,}|[\w’'\]-]+?))(?=\s+(?:on|in|at|for|from|with|by|of|to|as|and|but|that)\b|\s*(?<!\b[A-Z])[,.;:!?”\"]|$)"
)


def objects(q: Question, text: str) -> list[tuple[int, int, str]]:
    """What the sentence's wording of a question's concept acts on: "can't deal with?"
    of "cannot handle the intensifying pressure on its own" -> "the intensifying pressure"."""
    out = []
    for c in q.terms:
        if c.startswith("~"):
            for _ca, cb in concept_spans(c, text):
                m = _OBJECT.match(text, cb)
                if m:
                    out.append((m.start(1), m.end(1), m.group(1)))
    verb = _WHAT_DID.match(q.text)
    if verb:
        # "what did Trump criticize?": what the sentence's own "criticized" acts on
        stem = terms(verb.group(1))
        for w in re.finditer(r"[\w’'-]+", text):
            if stem and terms(w.group(0)) == stem:
                m = _OBJECT.match(text, w.end())
                if m:
                    out.append((m.start(1), m.end(1), m.group(1)))
    return out


# "what did Trump criticize?", "what does China want?": a verb with its object asked for
_WHAT_DID = re.compile(
    r"^\W*(?:and\s+|so\s+)?what\s+(?:did|does|do|has|have|had|will|would)\s+(?:[\w’'.-]+\s+){1,4}?([a-z][\w-]+)\s*\?*\s*$",
    re.I,
)


def distance(lo: int, hi: int, anchors: list[int], default: int) -> int:
    """Words between the run lo..hi-1 and the nearest anchor word (0 inside it)."""
    return min((0 if lo <= j < hi else min(abs(j - lo), abs(j - hi + 1)) for j in anchors), default=default)


# the words stating or denying what a yes/no question asks: "there is no connection
# between the visit and the trade talks", "not a coincidence", "unlikely to take place"
_POLARITY = re.compile(r"\b(?:no|not|never|unlikely|neither|nor|cannot)\b|\w+n['’]t\b", re.I)
# a clause runs on over the stops of "U.S." and "U.N."
_CLAUSE = re.compile(r"(?:[^,;:.!?“”\"()\[\]]|(?<=\b[A-Z])\.)+")
_DENYING = re.compile(r"(?:un|surprise|without\b)", re.I)
_MAX_STATEMENT = 10  # words: a short answer, not the sentence again
_CIRCUMSTANCE = {"for", "which", "while", "when", "because", "after", "before", "during", "against", "over"}


# '..., said Kim Hyun-wook, a professor at ...', '..., says Shi Yinhong': who said it, at
# the sentence's end, which is not where a reason or the words themselves are
_ATTRIBUTION_TAIL = re.compile(
    r"(?:,|[”\"])\s*(?:(?:he|she|they)\s+)?(?:said|says|added|noted|told|argued|explained|according to)\b[^.!?]*[.!?]?\W*$"
)


def off_attribution(anchors: list[int], s: Sent) -> list[int]:
    """The anchors outside the sentence's closing attribution, when any are."""
    m = _ATTRIBUTION_TAIL.search(s.text)
    if m is None:
        return anchors
    words = s.words()
    return [i for i in anchors if words[i][0] < m.start()]


def anchor_words(qset: set[str], s: Sent) -> list[int]:
    """Indexes of the sentence's words the question asks about. A concept's wording is
    where the question's words are: "come to power" is at "taking office in 2012", not
    at "Kim ... last March"."""
    words = s.words()
    anchors = [i for i, (_, _, t) in enumerate(words) if t in qset]
    for t in qset:
        if t.startswith("~"):
            for ca, cb in concept_spans(t, s.text):
                anchors += [i for i, (wa, wb, _) in enumerate(words) if wa < cb and wb > ca]
    return sorted(set(anchors))


def yesno_span(q: Question, s: Sent, table: SentenceTable) -> tuple[int, int, str] | None:
    """The short answer to a yes/no question: the denial nearest the question's words
    ("not a coincidence", "an unannounced visit" for "was it announced?"), else the
    stretch of one clause from the first to the last word the question asks about
    ("China backed the US-led international sanctions"); None when neither is there."""
    qset = with_variants(set(q.terms) | set(q.carried), table.variants)
    words = s.words()
    anchors = anchor_words(qset, s)
    starts, ends = s.bounds()
    cands: list[tuple[int, int]] = []
    for m in _POLARITY.finditer(s.text):
        clause = _CLAUSE.match(s.text, m.start())
        end = clause.end() if clause else m.end()
        run = list(re.finditer(r"\S+", s.text[m.start() : end]))
        if len(run) > 8:
            # "not a coincidence for Kim to visit Beijing during ...": the denial ends
            # where the clause goes on to its circumstances
            cut = next((i for i in range(2, len(run)) if run[i].group(0).lower() in _CIRCUMSTANCE), len(run))
            run = run[:cut]
        if len(run) >= 2:
            cands.append((m.start(), m.start() + run[min(len(run), _MAX_STATEMENT) - 1].end()))
    # (of the question's own words too: "announced", which a concept stands for in its terms)
    said = qset | set(terms(q.text))
    for a, b, t in words:
        if t.startswith("un") and t[2:] in said:
            # "an unannounced visit": the word with the noun it qualifies
            noun = re.match(r"\s+[a-z]{3,}\b", s.text[b:])
            cands.append((a, b + noun.end()) if noun and noun.group(0).strip() not in _CIRCUMSTANCE else (a, b))
    # "a surprise visit" for "was it announced?": a concept's wording that denies it, with
    # the noun it qualifies
    for c in q.terms:
        for ca, cb in concept_spans(c, s.text) if c.startswith("~") else ():
            noun = re.match(r"\s+[a-z]{3,}\b", s.text[cb:])
            if _DENYING.match(s.text[ca:cb]) and noun:
                cands.append((ca, cb + noun.end()))
    if cands:

        def dist(c: tuple[int, int]) -> int:
            return distance(bisect_left(starts, c[0]), bisect_right(ends, c[1]), anchors, 99)

        a, b = min(cands, key=lambda c: (dist(c), c[0]))
        # a clause cut at its length limit may end on a joining word: "... the trade talks and"
        text = re.sub(r"(?:[\s,;:]+(?:and|or|but|that|which|as|to|the|a|an|of))+$", "", s.text[a:b].rstrip(" ,;:"))
        return a, a + len(text), text
    best: tuple[int, int] | None = None
    best_weight = 0.0
    for clause in _CLAUSE.finditer(s.text):
        inside = [j for j in anchors if clause.start() <= starts[j] < clause.end()]
        weight = sum(table.idf(words[j][2]) for j in inside)
        # ("Hu Xijin" is a name, and states nothing)
        said = s.text[starts[inside[0]] : ends[inside[-1]]] if inside else ""
        if (
            len(inside) >= 2
            and inside[-1] - inside[0] < _MAX_STATEMENT + 2
            and weight > best_weight
            and re.search(r"\b[a-z]", said)
        ):
            best, best_weight = (starts[inside[0]], ends[inside[-1]]), weight
    return (best[0], best[1], s.text[best[0] : best[1]]) if best else None
