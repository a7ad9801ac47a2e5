"""Sentences and their scores. Every sentence of the index sits in a SentenceTable with
its stemmed terms; a question scores the sentences of its top passages (and the ones
closest to it by embedding anywhere) by the idf-weighted share of its key terms they
cover (neighbouring sentences count partly, so "he said" finds its speaker), their
cosine similarity to it, their passage's retrieval score, and whether they hold an
answer of the expected type. `confidence` turns the best score into a probability
that the articles answer the question.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from .index import Index
from .outlets import names_domain
from .question import DATE, NUMBER, ORG, OTHER, PERSON, PLACE, REASON, ROLE_STEMS, Question, described, kind_subject
from .records import Hit
from .retrieve import terms
from .spans import describe_spans, fits_subtype, head_phrases, kind_spans, phrases, spans
from .speakers import speakers
from .synonyms import RELATIONS, concept_spans, sentence_concepts
from .typos import name_variants, with_variants

# Scoring weights, tuned on the dev split of eval/gold.jsonl only.
W_COVER, W_DENSE, W_PASSAGE, W_TYPE = 0.45, 0.35, 0.15, 0.15
# Prepositions (stemmed) the stopword list lets through: as anchors of a short answer they
# pin it to the wrong name ("green light from Xi Jinping" for "which diplomat from ...")
_PREPOSITIONS = frozenset(
    "from than per via across behind beyond near onto amid along around despit unlik versus about".split()
)
# words that name someone's companions ("Accompanying Kim was his younger sister")
_COMPANION = re.compile(r"\b(?:accompan\w*|along with|together with|joined by|entourage|delegation)\b", re.I)
_BEFORE = re.compile(r"\b(?:before|previous(?:ly)?|former(?:ly)?|earlier|past|used to)\b", re.I)
_FORMER = re.compile(r"\b(?:former(?:ly)?|retired|ex-|previous(?:ly)?|once|then)\b", re.I)
# "when does he expect/think ...": the date is in what he said, not in the line saying
# when or where he said it ("..., said Yun, ... speaking on a panel ... in 2019")
_OPINION = re.compile(r"\b(?:expect|predict|think|believe|forecast|anticipate|estimate|foresee)\w*", re.I)
# a date the question places ahead ("when will the next summit happen?") is not one
# the article places behind ("the repeat of last year")
_FUTURE = re.compile(r"\b(?:will|next|upcoming|coming|going to|planned|expected)\b", re.I)
_PAST_DATE = re.compile(r"^(?:last|previous|earlier)\b|\b(?:ago|yesterday|earlier)$", re.I)
W_OUTLET = 0.15  # a sentence of the article whose outlet the question cites
# per relation the question asks about ("who heads", "when did it wrap up") that the
# sentence does not state in any wording: the one saying "which ends on Thursday"
# answers, not the one closer in words that says "two days from Tuesday"
W_RELATION = 0.1
HEAD_IN_SPAN = 1.0  # extra type credit when the answer span names the noun asked for
CARRIED_SHARE = 0.6  # carried terms weigh at most this fraction of the question's own
NEIGHBOUR_ENTITY, NEIGHBOUR_OTHER = 0.6, 0.25  # credit for a term found only next door
# kinship words answer "which family member" (Question.kin), and cover its words
_KIN = frozenset(
    terms(
        "sister brother wife husband son daughter father mother uncle aunt cousin niece nephew "
        "sibling spouse grandson granddaughter grandfather grandmother"
    )
)
_KIN_ASKED = frozenset(terms("family relative member"))
_AGENT_VERB = re.compile(r"\b(wrote|write|written|author\w*|translat\w*|report\w*|byline)\b")
_CUE_RANK = {
    "because": 0.35,
    "due to": 0.3,
    "resulted from": 0.3,
    "result of": 0.25,
    "driven by": 0.25,
    "as": 0.2,
    "since": 0.15,
    "so that": 0.2,
    "in order to": 0.2,
}


@dataclass
class Sent:
    doc: str
    start: int
    end: int
    text: str
    terms: set[str]
    pos: int  # index in its document's sentence list
    row: int  # row in Index.sent_vectors
    _words: list[tuple[int, int, str]] | None = field(default=None, repr=False, compare=False)
    _stems: list[tuple[str, ...]] | None = field(default=None, repr=False, compare=False)
    _bounds: tuple[list[int], list[int]] | None = field(default=None, repr=False, compare=False)
    # candidate spans by answer type: the same for every question that reads this sentence
    _spans: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict, repr=False, compare=False)

    def candidates(self, kind: str) -> list[tuple[int, int, str]]:
        got = self._spans.get(kind)
        if got is None:
            got = phrases(self.text) + spans(self.text, "ORG_OR_CAPS") if kind == OTHER else spans(self.text, kind)
            self._spans[kind] = got
        return got

    def bounds(self) -> tuple[list[int], list[int]]:
        """Start and end offsets of the words, for bisection."""
        if self._bounds is None:
            ws = self.words()
            self._bounds = ([w[0] for w in ws], [w[1] for w in ws])
        return self._bounds

    def words(self) -> list[tuple[int, int, str]]:
        """(start, end, stem) of every word, computed once: spans are measured against
        them for every question that reads this sentence."""
        if self._words is None:
            found = [(m.start(), m.end(), tuple(terms(m.group(0)))) for m in _WORD.finditer(self.text)]
            self._words = [(a, b, (t or ("",))[0]) for a, b, t in found]
            self._stems = [t for _a, _b, t in found]
        return self._words

    def stems_between(self, lo: int, hi: int) -> set[str]:
        """All stems of words lo..hi-1: terms() of the text they span."""
        self.words()
        return {t for ts in self._stems[lo:hi] for t in ts}  # type: ignore[index]


_WORD = re.compile(r"[\w’'-]+")


class SentenceTable:
    """Every sentence of the index, with term sets and sentence-level idf."""

    def __init__(self, index: Index) -> None:
        self.by_doc: dict[str, list[Sent]] = {}
        self.lookup: dict[tuple[str, int], Sent] = {}
        self.rows: list[Sent] = []
        self.vectors = index.sent_vectors
        df: Counter[str] = Counter()
        # a name misspelt once ("Dailan" in an article that says Dalian) matches both ways
        self.variants = name_variants(d.text for d in index.docs.values())
        for row, (doc_id, a, b) in enumerate(index.sentence_keys):
            text = index.docs[doc_id].text[a:b]
            seq = self.by_doc.setdefault(doc_id, [])
            found = set(terms(text)) | sentence_concepts(text)
            s = Sent(doc_id, a, b, text, with_variants(found, self.variants), len(seq), row)
            seq.append(s)
            self.rows.append(s)
            self.lookup[(doc_id, a)] = s
            s.words()  # once here, not inside each question's span search
            df.update(s.terms)
        # the terms of each paragraph: a quote running over several sentences names its
        # speaker once, at its start or end ("..., Ding Xueliang ... told Sputnik.")
        self.para: dict[int, set[str]] = {}
        for doc_id, seq in self.by_doc.items():
            breaks = [m.start() for m in re.finditer(r"\n\n", index.docs[doc_id].text)]
            groups: dict[int, list[Sent]] = {}
            for s in seq:
                groups.setdefault(bisect_left(breaks, s.start), []).append(s)
            for group in groups.values():
                shared = set().union(*(g.terms for g in group))
                for g in group:
                    self.para[g.row] = shared
        # the speaker a pronoun attribution refers to ("..., he added."), and the row of
        # the sentence naming them
        self.speaker, self.said_in = speakers(self.by_doc, self.para)
        # a name in the headline is what every sentence of the article is about, as the
        # reader knows: "he died ... on 18 February 1546" under "Martin Luther"
        self.headline = {d.doc_id: set(terms(d.title or "")) for d in index.docs.values()}
        # words of each article's headline and byline, and of its outlet (who wrote "the
        # Sputnik story")
        self.meta = {
            d.doc_id: (self.headline[d.doc_id] | set(terms(d.byline or "")), set(terms(d.outlet or "")))
            for d in index.docs.values()
        }
        self.outlets = {d.doc_id: d.outlet for d in index.docs.values() if d.outlet}
        # to tell an outlet the articles name ("the Global Times") from one they don't
        self.lower = "\n".join(d.text for d in index.docs.values()).lower()
        self.n = max(1, len(self.rows))
        self.df = df
        self._idf = {t: math.log(1 + self.n / (1 + c)) for t, c in df.items()}
        self._idf_unseen = math.log(1 + self.n)

    def idf(self, t: str) -> float:
        return self._idf.get(t, self._idf_unseen)

    def window(self, s: Sent, radius: int) -> set[str]:
        seq = self.by_doc[s.doc]
        out: set[str] = set()
        for j in range(s.pos - radius, s.pos + radius + 1):
            if j != s.pos and 0 <= j < len(seq):
                out |= seq[j].terms
        return out


@dataclass
class Scored:
    sent: Sent
    score: float
    cover: float  # share of the question's own key terms in the sentence (and next door)
    dense: float
    hit: Hit | None
    span: tuple[int, int, str] | None


def _entities(q: Question) -> set[str]:
    return {t for w in re.findall(r"\b[A-Z][\w’'-]+", q.text[1:] + " " + q.carried_text) for t in terms(w)}


def coverage(q: Question, table: SentenceTable, s: Sent) -> tuple[float, float]:
    """(own, total): idf-weighted coverage of the question's terms, and of its terms
    plus the carried ones (capped in weight, satisfied anywhere in a 5-sentence window)."""
    ents = _entities(q)
    near = table.window(s, 1)
    kin = q.kin and bool(_KIN & s.terms)
    num = den = 0.0
    for t in q.terms:
        w = table.idf(t)
        den += w
        if t in s.terms or (kin and t in _KIN_ASKED) or t in table.speaker.get(s.row, ()):
            # "..., he added": the speaker is as good as named in the sentence
            num += w
        elif t in near:
            num += w * (1.0 if t in q.pronoun_terms else NEIGHBOUR_ENTITY if t in ents else NEIGHBOUR_OTHER)
        elif t in ents and (t in table.para.get(s.row, ()) or t in table.headline[s.doc]):
            num += w * NEIGHBOUR_ENTITY
    own = num / den if den else 0.0
    if not q.carried:
        return own, own
    cw = [table.idf(t) for t in q.carried]
    # a pronoun resolved to a name already says whom the follow-up is about: what else
    # the earlier turn said matters less ("What is he worried ...?" after "Which former
    # Assistant Secretary of State ... spoke to RFA?" is not about RFA)
    share = CARRIED_SHARE / 2 if q.pronoun_terms else CARRIED_SHARE
    scale = min(1.0, share * den / sum(cw)) if den else 1.0
    wide = s.terms | table.window(s, 2)
    cnum = sum(w * scale for t, w in zip(q.carried, cw) if t in wide)
    cden = sum(w * scale for w in cw)
    total = (num + cnum) / (den + cden)
    # "In which months?": an elliptical follow-up asks only about what it carries
    return (own if den else total), total


def best_span(q: Question, s: Sent, table: SentenceTable) -> tuple[int, int, str] | None:
    """The typed candidate nearest the question's words, preferring rare (specific) words."""
    if q.subtype == "EXPAND":
        cands = s.candidates("EXPAND")
    elif q.subtype == "DESCRIBE":
        name = described(q.text)
        cands = describe_spans(s.text, name) if name else []
    elif q.subtype == "MEANS":
        cands = s.candidates("MEANS")
    elif q.subtype == "KIND" and kind_subject(q.text):
        cands = kind_spans(s.text, kind_subject(q.text))  # type: ignore[arg-type]
    elif q.qtype == OTHER:
        cands = s.candidates(OTHER) + (head_phrases(s.text, q.head) if q.head else [])
    else:
        cands = [c for c in s.candidates(q.qtype) if fits_subtype(c[2], s.text, c[0], q.subtype)]
    if not cands:
        return None
    qset = set(q.terms) | set(q.carried)
    aset = with_variants(qset - _PREPOSITIONS, table.variants)
    words = s.words()
    starts, ends = s.bounds()
    anchors = [i for i, (_, _, t) in enumerate(words) if t in aset]
    max_idf = table.idf("")
    qnames = _words_of(f"{q.text} {q.carried_text}") if q.qtype == PERSON else frozenset()
    best, best_score = None, -1e9
    for a, b, text in cands:
        # the words wholly inside [a, b): a run lo..hi-1 (words are in text order)
        lo, hi = bisect_left(starts, a), bisect_right(ends, b)
        if hi <= lo:
            continue
        ct = s.stems_between(lo, hi)
        novel = ct - qset
        if ct and not novel:
            continue  # the question's own words are not its answer
        dist = min((0 if lo <= j < hi else min(abs(j - lo), abs(j - hi + 1)) for j in anchors), default=8)
        novelty = len(novel) / max(1, len(ct))
        if q.qtype == PERSON:
            # a name is new unless the question names it: "Kim Yo-jong" is not "Kim
            # Jong-un", though the two share two of their three stems
            names = [w.strip(".,’'").lower() for w in text.split()]
            novelty = max(novelty, sum(w not in qnames for w in names) / max(1, len(names)))
        rarity = sum(table.idf(t) for t in novel) / (max_idf * max(1, len(novel)))
        n = len(text.split())
        # names usually open the sentence ("X, the editor in chief, said ..."): distance
        # to the question's words matters less for them
        per_word = 0.04 if q.qtype == PERSON else 0.08
        score = novelty + 0.5 * rarity - per_word * min(dist, 12) - 0.03 * max(0, n - 3)
        if q.head and q.head in ct:
            score += 0.6  # "which university" -> "Shenzhen University"
        if q.qtype == PERSON and n > 1:
            score += 0.3
        if q.subtype == "MEANS" and n > 1:
            score += 1.0  # the vehicle ("his private jet") says how; a bare "flew" only half
        if q.qtype == REASON:
            cue = re.match(r"\w+(?: \w+)?", text.lower())
            score += max((v for k, v in _CUE_RANK.items() if cue and cue.group(0).startswith(k)), default=0.0)
        if score > best_score:
            best, best_score = (a, b, text), score
    if best is not None and q.qtype == PERSON:
        # the title the question already names is not the answer: "who was the foreign
        # minister" -> "Ri Yong-ho", not "Foreign Minister Ri Yong-ho"
        a, b, text = best
        words = list(re.finditer(r"\S+", text))
        cut = 0
        while (
            cut < len(words) - 2 and all(t in qset for t in terms(words[cut].group(0))) and terms(words[cut].group(0))
        ):
            cut += 1
        if cut:
            off = words[cut].start()
            best = (a + off, b, text[off:])
    return best


@lru_cache(maxsize=64)
def _words_of(text: str) -> frozenset[str]:
    """Lower-case words of a question, without possessive 's: the names it says."""
    return frozenset(re.sub(r"['’]s$", "", w.strip(".,?:;’'")).lower() for w in text.split())


def score_sentences(
    q: Question, hits: list[Hit], table: SentenceTable, qvec: np.ndarray | None, extra: int = 12
) -> list[Scored]:
    """Candidates: every sentence of the top passages, plus the sentences closest to
    the question by embedding anywhere in the collection."""
    top = max((h.score for h in hits), default=0.0) or 1.0
    sims = table.vectors @ qvec if qvec is not None and table.vectors is not None else None
    pool: dict[int, Hit | None] = {}
    for h in hits:
        for a, _b in h.chunk.sentences:
            s = table.lookup.get((h.chunk.doc_id, a))
            if s is not None and s.row not in pool:
                pool[s.row] = h
    if sims is not None:
        near = np.argpartition(-sims, extra)[:extra] if len(sims) > extra else np.arange(len(sims))
        for row in near[np.argsort(-sims[near])]:
            pool.setdefault(int(row), None)
    agent_docs: dict[str, float] = {}
    if q.subtype == "AGENT":
        # Authorship lives in bylines and credit lines of the article the question
        # describes, which share few words with the question: add them by document.
        for h in hits:
            if h.chunk.doc_id not in agent_docs and len(agent_docs) < 3:
                agent_docs[h.chunk.doc_id] = 1.0 - 0.15 * len(agent_docs)
        # "the Sputnik story", "the Newsmaker piece": the question names the outlet or headline
        # An outlet named outright decides; headline words count by the share of the
        # headline they cover, since every headline here shares the topic's words.
        qset = set(q.terms)
        for doc in list(agent_docs) + [d for d in table.meta if d not in agent_docs]:
            head_terms, outlet_terms = table.meta[doc]
            outlet = bool(outlet_terms & qset) or names_domain(q.text, table.outlets.get(doc)) or doc in q.outlet_docs
            bonus = (1.0 if outlet else 0.0) + 0.6 * len(head_terms & qset) / max(1, len(head_terms))
            if bonus:
                agent_docs[doc] = agent_docs.get(doc, 0.7) + bonus
        for doc in agent_docs:
            for sent in table.by_doc[doc]:
                if re.search(r"(\b[Bb]y|\)\s*,)\s+[A-Z]", sent.text):
                    pool.setdefault(sent.row, None)
    # "..., he added." is as relevant as the passage naming its speaker, which a chunk
    # boundary between the two may have left out of its own passage
    named_in = {row: pool[src] for row, src in table.said_in.items() if pool.get(src) is not None}
    for row in named_in:
        pool.setdefault(row, None)
    smax = max((float(sims[r]) for r in pool), default=1.0) if sims is not None else 1.0
    heads = _KIN if q.kin else {q.head}
    relations = [t for t in q.terms if t in RELATIONS]
    opinion = q.qtype == DATE and _OPINION.search(q.text) is not None
    ahead = q.qtype == DATE and _FUTURE.search(q.text) is not None
    out = []
    for row, h in pool.items():
        s = table.rows[row]
        own, total = coverage(q, table, s)
        dense = float(sims[row]) if sims is not None else 0.0
        span = best_span(q, s, table)
        if q.qtype == PERSON and "~head" in q.terms and span is not None and not _heads_it(q, s.text, span):
            span = None  # "who headed the US delegation?": not whoever a sentence about the talks names
        typed = 1.0 if span is not None and (q.qtype != OTHER or q.subtype in ("KIND", "DESCRIBE", "MEANS")) else 0.0
        if span is not None and q.head and q.qtype in (PERSON, ORG, PLACE, NUMBER) and heads & _span_nouns(q, s, span):
            typed += HEAD_IN_SPAN  # "which foreign minister" -> "Foreign Minister Wang Yi"
        elif span is not None and q.qtype == PERSON and q.head in ROLE_STEMS:
            title = set(terms(" ".join(s.text[: span[0]].split()[-2:]) + " " + span[2]))
            if title & ROLE_STEMS:
                typed = 0.0  # "which foreign minister" is not "President Xi Jinping"
        if q.subtype == "DESCRIBE" and span is not None and _BEFORE.search(q.text) and not _FORMER.search(span[2]):
            typed = 0.0  # "his career before his current role": "a retired U.S. diplomat", not his title now
        if q.qtype == DATE and span is not None:
            if (opinion and _outside_quotes(s.text, span)) or (ahead and _PAST_DATE.search(span[2])):
                typed = 0.0
        if q.subtype == "MEANS" and span is not None and " " in span[2]:
            typed += HEAD_IN_SPAN  # "how did he get there": a vehicle named is the answer itself
        if q.subtype == "COMPANY" and not _COMPANION.search(s.text):
            typed = 0.0  # "who went with him": not whoever he met there
        rel = max(0.0, h.score / top) if h is not None else 0.0
        if row in named_in:
            rel = max(rel, named_in[row].score / top)  # type: ignore[union-attr]
        score = W_COVER * total + W_DENSE * (dense / smax if smax > 0 else 0) + W_PASSAGE * rel + W_TYPE * typed
        score -= W_RELATION * sum(t not in s.terms for t in relations)
        if s.doc in q.outlet_docs:
            score += W_OUTLET  # "according to the Korea Times": that paper's article
        if agent_docs and span is not None and s.doc in agent_docs and _agent_line(q, s.text[: span[0]]):
            score = 0.8 + 0.4 * agent_docs[s.doc]
            own = max(own, 0.6)
        out.append(Scored(s, score, own, dense, h, span))
    return sorted(out, key=lambda x: -x.score)


def _quoted(text: str) -> list[tuple[int, int]]:
    """The quoted stretches of a sentence. One whose first mark closes a quotation was
    opened in an earlier sentence ('... in the near future. But this can be realized
    sometime after the second summit."'), so it is quoted from its start."""
    marks = [(m.start(), m.group(0)) for m in re.finditer(r"[“”\"]", text)]
    if not marks:
        return []
    straight = sum(c == '"' for _, c in marks)
    first = marks[0][1]
    inside = first == "”" or (first == '"' and straight % 2 == 1 and not text.lstrip().startswith('"'))
    out, start = [], 0
    for pos, c in marks:
        if inside and c != "“":
            out.append((start, pos))
            inside = False
        elif not inside and c != "”":
            start, inside = pos + 1, True
    if inside:
        out.append((start, len(text)))
    return out


def _heads_it(q: Question, text: str, span: tuple[int, int, str]) -> bool:
    """Does the sentence say the span's person heads what the question asks about: a
    post next to the name ("Stephens, president and CEO of the ... Institute") whose
    next words are the question's ("the editor in chief at the Global Times" heads no
    delegation)?"""
    qset = set(q.terms)
    for a, b in concept_spans("~head", text):
        near = len(text[min(b, span[1]) : max(a, span[0])].split()) <= 6
        # what is headed follows the post, and stops at the name if the name follows
        headed = text[b : span[0]] if span[0] >= b else text[b:]
        if near and qset & set(terms(" ".join(headed.split()[:10]))):
            return True
    return False


def _outside_quotes(text: str, span: tuple[int, int, str]) -> bool:
    """Does the span lie outside the quotation of a sentence that quotes someone?"""
    quoted = _quoted(text)
    return bool(quoted) and not any(a <= span[0] and span[1] <= b for a, b in quoted)


def _span_nouns(q: Question, s: Sent, span: tuple[int, int, str]) -> set[str]:
    """Terms that describe the span: its own, and for a person the words of the title
    or apposition around the name ("Professor Shin", "Shi Yinhong, a ... professor at")."""
    if q.qtype != PERSON:
        return set(terms(span[2]))
    before = s.text[: span[0]].split()[-3:]
    after = s.text[span[1] :].split()[:6]
    return set(terms(" ".join(before) + " " + span[2] + " " + " ".join(after)))


def _agent_line(q: Question, before: str) -> bool:
    """Is the text before a name the credit line the question's verb asks about?
    "By X" (and a dateline "CITY (Outlet), X -") wrote it; "Translated by X" translated
    it; "Reporting by X" reported for it."""
    verb = _AGENT_VERB.search(q.text.lower())
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


def unseen_share(q: Question, table: SentenceTable) -> float:
    """Idf-weighted share of the question's key terms found nowhere in the corpus."""
    caps = _entities(q)
    num = den = 0.0
    for t in q.terms:
        if t == q.head and (q.qtype in (PERSON, PLACE, ORG, DATE) or q.subtype == "KIND") and t not in _KIN:
            # "which organization", "which city": the answer's type, which the type rules
            # check; "how many troops" or "what gifts" name the content itself, and so
            # does a kinship word ("Kim's daughter" must be in the articles)
            continue
        if q.kin and t in _KIN_ASKED:
            continue  # "which family member": a type word, found as "sister" or "son"
        w = table.idf(t) * (2.0 if t in caps else 1.0)
        den += w
        if table.df.get(t, 0) == 0:
            # an unknown common word is often a paraphrase; an unknown name, or the very
            # thing asked for ("what gifts"), means the articles are about something else
            num += w if t in caps or t == q.head else 0.3 * w
    if q.choices and not any(table.df.get(t, 0) for c in q.choices for t in terms(c)):
        return 1.0  # "by train or by plane?": neither is in the articles
    # no words of its own: a follow-up leaning wholly on the conversation has nothing
    # unseen; a first question without words has nothing to find
    return num / den if den else (0.0 if q.carried else 1.0)


_SPEAKER_Q = re.compile(
    r"\b(?:did|does|do|has|had|will|would)\s+((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+)\s+"
    r"(?:say|said|predict|think|expect|believe|argue|warn|claim|suggest|tell|describe|forecast|see)\b"
)


def speaker_missing(q: Question, best: Scored, table: SentenceTable) -> bool:
    """Does the question ask what someone said or thinks ("when did Stephens predict
    ...") of a sentence quoting someone else ("..., he added." after "said Yun")? A
    sentence with no attribution of its own may be quoting them: quotations run over
    sentences and paragraphs before the name comes."""
    m = _SPEAKER_Q.search(q.text)
    speaker = table.speaker.get(best.sent.row)
    if m is None or not speaker:
        return False
    surname = terms(m.group(1).split()[-1])
    return bool(surname) and surname[-1] not in speaker | best.sent.terms


def confidence(q: Question, best: Scored, table: SentenceTable) -> float:
    """Probability-like score that `best` answers the question (weights fit on dev)."""
    unseen = unseen_share(q, table)
    # quoting someone else is a sure miss: weighs like a whole sentence of coverage
    missing = -3.0 if speaker_missing(q, best, table) else 0.0
    typed = best.span is not None or (q.qtype in (OTHER, REASON) and q.subtype != "MEANS")
    # Grid-searched on the dev split for the most abstentions at <= 8% false abstains;
    # the boundary (z = 0) maps to confidence 0.5, Config.abstain_threshold's default.
    # A date, figure or place question whose best sentence holds nothing of its type
    # ("how large was the surplus" -> no figure) was answerable in none of 100+ fresh
    # questions over these articles, hence the larger penalty; a "who" can be a country
    # or a group ("who would dominate the talks?" -> "the US and South Korea"). On
    # SQuAD, whose "where" answers are often common nouns, it declines ~3% more.
    untyped = -1.0 if q.qtype == PERSON else -2.0
    z = missing + 2.0 * best.cover + 1.0 * best.dense - 8.0 * unseen + (1.0 if typed else untyped) - 1.075
    return 1.0 / (1.0 + math.exp(-3.0 * z))
