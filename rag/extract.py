"""Retrieved passages -> scored sentences -> an extractive Answer with citations.

No generative model: quotes are sentences copied from the cleaned articles by their
offsets, the short answer is a span inside the first quote. A sentence's score mixes
the idf-weighted share of the question's key terms it covers (with a smaller share
for its neighbours, so "he said" finds its speaker), the retrieval score of its
passage, and whether it holds an answer of the expected type.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .config import Config
from .index import Index
from .question import OTHER, PERSON, REASON, Question, phrases, spans
from .records import Answer, Hit, Quote, Source
from .retrieve import jaccard, terms

# Scoring weights, tuned on the dev split of eval/gold.jsonl only.
W_COVER, W_CONTEXT, W_PASSAGE, W_TYPE, W_CARRIED = 0.55, 0.15, 0.25, 0.12, 0.5


@dataclass
class Sent:
    doc: str
    start: int
    end: int
    text: str
    terms: set[str]
    pos: int  # index in its document's sentence list


class SentenceTable:
    """Every sentence of the index, with term sets and sentence-level idf."""

    def __init__(self, index: Index) -> None:
        self.by_doc: dict[str, list[Sent]] = {}
        self.lookup: dict[tuple[str, int], Sent] = {}
        df: Counter[str] = Counter()
        spans_by_doc: dict[str, set[tuple[int, int]]] = {}
        for c in index.chunks:
            spans_by_doc.setdefault(c.doc_id, set()).update(c.sentences)
        for doc_id, sps in spans_by_doc.items():
            text = index.docs[doc_id].text
            sents = []
            for i, (a, b) in enumerate(sorted(sps)):
                s = Sent(doc_id, a, b, text[a:b], set(terms(text[a:b])), i)
                sents.append(s)
                self.lookup[(doc_id, a)] = s
                df.update(s.terms)
            self.by_doc[doc_id] = sents
        self.n = max(1, len(self.lookup))
        self.df = df

    def idf(self, t: str) -> float:
        return math.log(1 + self.n / (1 + self.df.get(t, 0)))

    def neighbours(self, s: Sent) -> set[str]:
        seq = self.by_doc[s.doc]
        out: set[str] = set()
        for j in (s.pos - 1, s.pos + 1):
            if 0 <= j < len(seq):
                out |= seq[j].terms
        return out


@dataclass
class Scored:
    sent: Sent
    score: float
    cover: float
    hit: Hit
    span: tuple[int, int, str] | None


def _coverage(q: Question, table: SentenceTable, have: set[str]) -> float:
    num = den = 0.0
    for t in q.terms:
        w = table.idf(t)
        den += w
        num += w if t in have else 0.0
    for t in q.carried:
        w = W_CARRIED * table.idf(t)
        den += w
        num += w if t in have else 0.0
    return num / den if den else 0.0


def _best_span(q: Question, s: Sent, table: SentenceTable) -> tuple[int, int, str] | None:
    """The typed candidate nearest the question's words, preferring rare (specific) words."""
    cands = spans(s.text, q.qtype) if q.qtype != OTHER else phrases(s.text)
    qset = set(q.terms) | set(q.carried)
    words = [(m.start(), m.end(), (terms(m.group(0)) or [""])[0]) for m in re.finditer(r"[\w’'-]+", s.text)]
    anchors = [i for i, (_, _, t) in enumerate(words) if t in qset]
    max_idf = table.idf("")
    best, best_score = None, -1e9
    for a, b, text in cands:
        ct = set(terms(text))
        if ct and ct <= qset:
            continue  # the question's own words are not its answer
        inside = [i for i, (x, y, _) in enumerate(words) if x >= a and y <= b]
        if not inside:
            continue
        dist = min((min(abs(i - j) for i in inside) for j in anchors), default=8)
        novel = ct - qset
        novelty = len(novel) / max(1, len(ct))
        rarity = sum(table.idf(t) for t in novel) / (max_idf * max(1, len(novel)))
        n = len(text.split())
        score = novelty + 0.5 * rarity - 0.08 * min(dist, 12) - 0.03 * max(0, n - 3)
        if q.qtype == PERSON and n > 1:
            score += 0.3
        if score > best_score:
            best, best_score = (a, b, text), score
    return best


def score_sentences(q: Question, hits: list[Hit], table: SentenceTable) -> list[Scored]:
    if not hits:
        return []
    top = max(h.score for h in hits) or 1.0
    seen: dict[tuple[str, int], Scored] = {}
    for h in hits:
        rel = max(0.0, h.score / top)
        for a, _b in h.chunk.sentences:
            s = table.lookup.get((h.chunk.doc_id, a))
            if s is None or (s.doc, s.start) in seen:
                continue
            cover = _coverage(q, table, s.terms)
            ctx = _coverage(q, table, s.terms | table.neighbours(s)) - cover
            span = _best_span(q, s, table)
            typed = 1.0 if span is not None and q.qtype != OTHER else 0.0
            short = 0.1 if len(s.text.split()) < 6 else 0.0
            score = W_COVER * cover + W_CONTEXT * ctx + W_PASSAGE * rel + W_TYPE * typed - short
            seen[(s.doc, s.start)] = Scored(s, score, cover, h, span)
    return sorted(seen.values(), key=lambda x: -x.score)


def confidence(q: Question, best: Scored, table: SentenceTable, unseen: float) -> float:
    """A calibrated-ish probability that `best` answers the question."""
    typed = best.span is not None or q.qtype in (OTHER, REASON)
    z = -3.0 + 5.5 * best.cover + 2.0 * best.hit.dense + (0.6 if typed else -0.6) - 4.0 * unseen
    return 1.0 / (1.0 + math.exp(-z))


def unseen_share(q: Question, table: SentenceTable) -> float:
    """Idf-weighted share of the question's key terms that occur nowhere in the corpus
    (capitalised ones count double: an unknown name means an unknown subject)."""
    caps = {terms(w)[0] for w in re.findall(r"\b[A-Z][a-z]+\b", q.text[1:]) if terms(w)}
    num = den = 0.0
    for t in q.terms:
        w = table.idf(t) * (2.0 if t in caps else 1.0)
        den += w
        if table.df.get(t, 0) == 0:
            num += w
    return num / den if den else 1.0


def build_answer(q: Question, hits: list[Hit], index: Index, table: SentenceTable, config: Config, k: int) -> Answer:
    ranked = score_sentences(q, hits[: config.candidates], table)
    unseen = unseen_share(q, table)
    conf = confidence(q, ranked[0], table, unseen) if ranked else 0.0
    abstain = not ranked or conf < config.abstain_threshold

    sources: list[Source] = []
    src_of: dict[str, int] = {}

    def source_for(hit: Hit) -> int:
        cid = hit.chunk.chunk_id
        if cid not in src_of:
            d = index.docs[hit.chunk.doc_id]
            sources.append(
                Source(
                    n=len(sources) + 1,
                    doc=d.doc_id,
                    title=d.title,
                    outlet=d.outlet,
                    date=d.date,
                    start=hit.chunk.start,
                    end=hit.chunk.end,
                    text=hit.chunk.text,
                    score=hit.score,
                )
            )
            src_of[cid] = len(sources)
        return src_of[cid]

    quotes: list[Quote] = []
    short = None
    if not abstain:
        best = ranked[0]
        chosen = [best]
        for cand in ranked[1:]:
            if len(chosen) >= config.max_quotes or cand.score < 0.75 * best.score:
                break
            if any(jaccard(cand.sent.terms, c.sent.terms) >= config.dup_threshold for c in chosen):
                continue
            if cand.cover < 0.5 * best.cover:
                continue
            chosen.append(cand)
        short = best.span[2] if best.span else None
        for c in chosen:
            cites = [source_for(c.hit)]
            also = []
            # Corroboration: the same statement (or the same answer to it) in another article.
            for other in ranked:
                if other.sent.doc == c.sent.doc or other.sent.doc in {a["doc"] for a in also}:
                    continue
                same = jaccard(other.sent.terms, c.sent.terms) >= config.dup_threshold
                agrees = c is best and short is not None and short in other.sent.text and other.cover >= 0.8 * c.cover
                if same or agrees:
                    cites.append(source_for(other.hit))
                    also.append({"doc": other.sent.doc, "start": other.sent.start, "end": other.sent.end})
            quotes.append(
                Quote(
                    text=c.sent.text,
                    citations=sorted(set(cites)),
                    doc=c.sent.doc,
                    start=c.sent.start,
                    end=c.sent.end,
                    score=c.score,
                    also=also,
                )
            )
    for h in hits[:k]:
        if len(sources) >= max(k, len(src_of)):
            break
        source_for(h)
    for s in sources:
        for qt in quotes:
            for doc, a, b in [(qt.doc, qt.start, qt.end)] + [(x["doc"], x["start"], x["end"]) for x in qt.also]:
                if doc == s.doc and s.start <= a and b <= s.end:
                    s.highlights.append((a - s.start, b - s.start))
    return Answer(
        question=q.text,
        short_answer=short,
        quotes=quotes,
        sources=sources,
        confidence=conf,
        abstained=abstain,
        passages=hits,
    )
