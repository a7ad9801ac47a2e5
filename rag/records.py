"""Plain records passed between the pipeline stages (Haystack-style dataclasses)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Document:
    doc_id: str  # the file name, relative to the seeds folder
    text: str  # cleaned article text; every offset in the system points into it
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    date: str | None = None
    sha256: str = ""  # of the raw file bytes

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Chunk:
    chunk_id: str  # "<doc_id>#<n>"
    doc_id: str
    start: int  # character offsets of the window in Document.text
    end: int
    text: str
    n_tokens: int  # cl100k_base tokens of `text`
    sentences: list[tuple[int, int]] = field(default_factory=list)  # document offsets

    def to_dict(self) -> dict:
        return {**asdict(self), "sentences": [list(s) for s in self.sentences]}

    @classmethod
    def from_dict(cls, d: dict) -> Chunk:
        return cls(**{**d, "sentences": [tuple(s) for s in d["sentences"]]})


@dataclass
class Hit:
    chunk: Chunk
    score: float  # fused score, higher is better
    dense: float = 0.0  # cosine similarity to the question
    bm25: float = 0.0
    rank: int = 0
    duplicates: list[str] = field(default_factory=list)  # chunk ids merged into this one


@dataclass
class Source:
    n: int  # the [n] used in citations
    doc: str
    title: str | None
    outlet: str | None
    date: str | None
    start: int  # passage offsets in the cleaned article
    end: int
    text: str
    score: float = 0.0
    highlights: list[tuple[int, int]] = field(default_factory=list)  # quote offsets inside `text`


@dataclass
class Quote:
    text: str  # one sentence, verbatim from the cleaned article
    citations: list[int]  # source numbers; more than one means corroboration
    doc: str  # the first cited file
    start: int  # offsets of `text` in that file's cleaned text
    end: int
    score: float = 0.0
    also: list[dict] = field(default_factory=list)  # {doc, start, end} of corroborating copies

    @property
    def display(self) -> str:
        """The sentence as a reader should see it quoted. A sentence without quotation
        marks gets a pair; one that closes a quotation opened in an earlier sentence
        (`… for North Korea,” said Bennett.`) gets only the opening mark, and one whose
        quotation runs on gets only the closing mark, so no mark is ever doubled."""
        t = self.text
        straight = t.count('"')
        if not (straight or "\u201c" in t or "\u201d" in t):
            return f"\u201c{t}\u201d"
        first_close, first_open = t.find("\u201d"), t.find("\u201c")
        if first_close != -1 and (first_open == -1 or first_close < first_open):
            return "\u201c" + t
        if t.rfind("\u201c") > t.rfind("\u201d"):
            return t + "\u201d"
        if straight % 2:  # straight marks: the odd one out opens if it comes first
            return t + "\u201d" if t.startswith('"') else "\u201c" + t
        return t


@dataclass
class Answer:
    question: str
    short_answer: str | None
    quotes: list[Quote]
    sources: list[Source]
    confidence: float
    abstained: bool
    latency_ms: float = 0.0
    resolved_question: str | None = None  # the question after follow-up resolution
    note: str | None = None  # why the articles can't answer, when there is more to say than that they don't
    passages: list[Hit] = field(default_factory=list, repr=False)  # ranked retrieval, for eval

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "short_answer": self.short_answer,
            "quotes": [
                {
                    "text": q.text,
                    "citations": q.citations,
                    "doc": q.doc,
                    "start": q.start,
                    "end": q.end,
                    "score": round(q.score, 4),
                    "also": q.also,
                }
                for q in self.quotes
            ],
            "sources": [
                {
                    "n": s.n,
                    "doc": s.doc,
                    "title": s.title,
                    "outlet": s.outlet,
                    "date": s.date,
                    "start": s.start,
                    "end": s.end,
                    "text": s.text,
                    "score": round(s.score, 4),
                }
                for s in self.sources
            ],
            "confidence": round(self.confidence, 4),
            "abstained": self.abstained,
            "latency_ms": round(self.latency_ms, 1),
            "resolved_question": self.resolved_question,
            "note": self.note,
        }
