"""The one answering path: question (+ conversation) -> retrieve -> extract -> Answer."""

from __future__ import annotations

import re
import sys
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from .config import Config
from .embed import Embedder
from .extract import build_answer
from .index import Index, IndexError_, build
from .outlets import cited_outlet, outlet_docs
from .question import PERSON, PLACE, Question, analyze, answer_type
from .records import Answer
from .retrieve import Retriever, terms
from .sentence_table import SentenceTable
from .spans import spans
from .synonyms import RELATIONS
from .turns import expand_shorthand, needs_context, refers_back, split_question


class QuestionError(ValueError):
    """The question cannot be answered as typed; the message says why."""


def clean_question(text: object, max_chars: int) -> str:
    if not isinstance(text, str):
        raise QuestionError(f"the question must be text, got {type(text).__name__}")
    # Control characters (other than spaces) carry no meaning in a question.
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise QuestionError("the question is empty: type a question about the articles")
    if len(text) > max_chars:
        raise QuestionError(f"the question is {len(text):,} characters long; keep it under {max_chars:,}")
    if not re.search(r"\w\w", text):
        raise QuestionError(f"{text[:40]!r} is not a question: ask with words, e.g. 'Who met Kim in Beijing?'")
    return text


class Pipeline:
    """Cheap to construct; loads (and if needed builds) the index and model on first use."""

    def __init__(
        self, config: Config | None = None, embedder: Embedder | None = None, log: Callable[[str], None] | None = None
    ) -> None:
        self.config = config or Config()
        self.embedder = embedder or Embedder(self.config.model, self.config.batch_size, self.config.precision)
        self.log = log or (lambda s: print(s, file=sys.stderr))
        self._state: tuple[Index, Retriever, SentenceTable] | None = None
        self._lock = threading.Lock()

    # --- index lifecycle ------------------------------------------------------------
    def load(self, auto_build: bool = True) -> Index:
        with self._lock:
            if self._state is None:
                self._state = self._open(auto_build)
            return self._state[0]

    def _open(self, auto_build: bool) -> tuple[Index, Retriever, SentenceTable]:
        cfg = self.config
        try:
            index = Index.load(cfg.index_dir)
            reason = index.stale_reason(cfg, self.embedder)
        except IndexError_ as e:
            if not auto_build:
                raise
            self.log(f"{e}; building it now")
            index, reason = None, None
        if reason:
            if not auto_build:
                raise IndexError_(f"the index is stale: {reason}. Run `rag index` to update it")
            self.log(f"index is stale ({reason}); updating it")
            index = None
        if index is None:
            index, stats = build(cfg, self.embedder, log=self.log)
            self.log(
                f"indexed {stats['documents']} articles, {stats['chunks']} chunks "
                f"({stats['embedded']} embedded) in {stats['seconds']:.1f}s"
            )
        return index, Retriever(index, self.embedder, cfg), SentenceTable(index)

    def reload(self) -> Index:
        """Swap in the index on disk (after a rebuild); answering continues meanwhile."""
        state = self._open(auto_build=True)
        with self._lock:
            self._state = state
        return state[0]

    @property
    def index(self) -> Index:
        return self.load()

    def _parts(self) -> tuple[Index, Retriever, SentenceTable]:
        self.load()
        return self._state  # type: ignore[return-value]

    # --- answering ------------------------------------------------------------------
    def answer(
        self,
        question: str,
        context: str = "",
        k: int | None = None,
        mode: str | None = None,
        resolved: str | None = None,
        reader: str | None = None,
        among: tuple[str, int] | None = None,
    ) -> Answer:
        """Answer one question; `context` is text carried from earlier turns,
        `resolved` the question with its pronouns replaced by what they refer to, and
        `among` the (doc, start) of the earlier answer's sentence it asks among."""
        t0 = time.perf_counter()
        cfg = self.config
        text = clean_question(question, cfg.max_question_chars)
        k = cfg.k if k is None else k
        if not isinstance(k, int) or not 1 <= k <= 50:
            raise QuestionError(f"k={k!r} is out of range: ask for 1..50 passages")
        index, retriever, table = self._parts()
        text = table.casing.apply(expand_shorthand(text))
        original = text
        if resolved:
            text = table.casing.apply(expand_shorthand(clean_question(resolved, cfg.max_question_chars)))
        text, outlet = cited_outlet(text, table.lower)
        q = analyze(text, context)
        if outlet:
            q.outlet_docs = outlet_docs(outlet, table.outlets)
        if among:
            q.among = {among}
        if resolved:
            q.pronoun_terms = set(terms(text)) - set(terms(original))
        query = f"{text} {context}".strip()
        qvec = None if (mode or cfg.mode) == "bm25" else self.embedder.encode_query(query)
        hits = retriever.search(
            query, k=max(k, cfg.candidates), qvec=qvec, mode=mode, query_terms=bm25_terms(q, text, context)
        )
        parts = None
        pieces = split_question(text)
        if len(pieces) > 1:
            # A later part leaning on the first names its subject when it says "he"
            # ("..., and where did he later hold his first summit with Trump?"), and
            # otherwise carries the first part ("and on which weekday was it due to
            # end?"), as a follow-up carries the previous turn.
            subject = subject_of(pieces[0])
            ctx = [context]
            for i, p in enumerate(pieces[1:], 1):
                pieces[i] = replace_pronoun(p, subject) if subject else p
                carry = pieces[i] == p and needs_context(p)
                ctx.append(f"{pieces[0]} {context}".strip() if carry else context)
            # a carried part is embedded with what it carries: "on which weekday was it
            # due to end?" alone is close to every weekday in the articles
            queries = [f"{p} {c}".strip() for p, c in zip(pieces, ctx)]
            pvecs = self.embedder.encode(queries) if qvec is not None else [None] * len(pieces)
            # each part retrieves for itself: its answer may sit in a passage the whole
            # question does not rank high
            parts = []
            for p, c, qt, v in zip(pieces, ctx, queries, pvecs):
                pq = analyze(p, c)
                ph = retriever.search(qt, k=cfg.candidates, qvec=v, mode=mode, query_terms=bm25_terms(pq, p, c))
                parts.append((pq, v, ph))
        # Sentences are compared with the question itself: the retrieval query of a
        # follow-up also holds the earlier turn, whose sentences it would favour.
        svec = self.embedder.encode_query(text) if qvec is not None and context else qvec
        ans = build_answer(q, hits, index, table, cfg, k, qvec=svec, parts=parts)
        if (reader or cfg.reader) == "on":
            from .reader import apply_reader, default_reader

            ans = apply_reader(ans, text, index, default_reader(), cfg)
        ans.question = question if isinstance(question, str) else text
        ans.resolved_question = query if context else None
        ans.latency_ms = (time.perf_counter() - t0) * 1000
        return ans

    def truecase(self, question: str) -> str:
        """The question with the articles' capitals when it was typed without any."""
        return self._parts()[2].casing.apply(expand_shorthand(question)) if isinstance(question, str) else question

    def conversation(self) -> Conversation:
        return Conversation(self)


def bm25_terms(q: Question, text: str, context: str) -> list[str]:
    """BM25's query, read as sentence scoring reads the question: "wrap up" gives way to
    ~end, which the chunk saying "ends on Thursday" was indexed with."""
    return terms(text) + [t for t in q.terms if t in RELATIONS] + terms(context)


def subject_of(question: str) -> str | None:
    """The person a question is about: its subject ("did Kim meet ...") or else the
    last full name in it."""
    subj = re.search(r"\b(?:did|does|do|was|is|has|had|will|would)\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)", question)
    # a person's name, not a place or body's ("... the UN Security Council ... North Korea?")
    names = [n for n in re.findall(r"\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)+\b", question[1:]) if _is_person(n)]
    # "What is Mike Pompeo's job?" is about Mike Pompeo
    found = subj.group(1) if subj else (names[-1] if names else None)
    return re.sub(r"['’]s$", "", found) if found else None


def _is_person(name: str) -> bool:
    return any(text == name for _a, _b, text in spans(name, PERSON))


def replace_pronoun(question: str, person: str) -> str:
    """The question with its first he/she/him/his/her replaced by the person. Only the
    first: in "does he think Kim fears Trump will tell him", "him" is someone else."""
    m = re.search(r"\b(he|she|him|his|her)\b", question, flags=re.I)
    if not m:
        return question
    possessive = m.group(1).lower() in ("his", "her") and re.match(r"\s+\w", question[m.end() :])
    return question[: m.start()] + (f"{person}'s" if possessive else person) + question[m.end() :]


# "which of them is the foreign minister?", "who among those was ...": a choice among
# the people or things the previous answer named
_AMONG = re.compile(r"\b(?:among|of|from)\s+(?:them|those|these)\b|\bwhich\s+one\b", re.I)


@dataclass
class Conversation:
    """One chat: remembers its turns and carries their subject into follow-ups."""

    pipeline: Pipeline
    turns: list[tuple[str, Answer]] = field(default_factory=list)

    def resolve(self, question: str) -> str | None:
        """The question with he/she/his/her/him (and "there") replaced by the person
        (or place) the previous turn was about, or None when nothing is replaced."""
        if not self.turns:
            return None
        prev_q, prev = self.turns[-1]
        prev_q = prev.resolved_question or prev_q
        qtype = answer_type(prev_q)
        person = place = None
        if prev.short_answer and not prev.abstained:
            # "Shi" (the article names him in full once, then by surname) counts too
            if qtype == PERSON and _is_person(prev.short_answer):
                person = prev.short_answer
            elif qtype == PLACE:
                place = prev.short_answer
        # else the subject of an earlier question ("did Kim meet ...") or a full name in it
        for q_text in [t.resolved_question or q0 for q0, t in reversed(self.turns)] if person is None else []:
            person = subject_of(q_text)
            if person:
                break
        out = replace_pronoun(question, person) if person else question
        if place:
            out = re.sub(r"\bthere\b", f"in {place}", out, flags=re.I)
        return out if out != question else None

    def context_for(self, question: str) -> str:
        if not self.turns:
            return ""
        prev_q, prev = self.turns[-1]
        if not needs_context(question) and not refers_back(question, prev.resolved_question or prev_q):
            return ""
        parts = []
        if prev.short_answer and not prev.abstained:
            parts.append(prev.short_answer)
        # The subject of the previous question (names it mentioned), then its resolution.
        parts.append(prev.resolved_question or prev_q)
        return " ".join(parts)

    def ask(self, question: str, k: int | None = None, mode: str | None = None, reader: str | None = None) -> Answer:
        typed = question
        # "how did moon jae-in react?": names read as names when the turn is resolved
        question = self.pipeline.truecase(question)
        ctx = self.context_for(question)
        resolved = self.resolve(question) if ctx else None
        if resolved and not needs_context(resolved):
            # "What is he worried ...?" -> "What is Christopher Hill worried ...?": the
            # name says whom it is about, and the rest of the earlier question (his
            # title, the outlet he spoke to) would only pull its own sentences back in
            prev = self.turns[-1][1]
            ctx = prev.short_answer if prev.short_answer and not prev.abstained else ctx
        among = None
        if self.turns and _AMONG.search(question):
            prev = self.turns[-1][1]
            if prev.quotes and not prev.abstained:
                among = (prev.quotes[0].doc, prev.quotes[0].start)
        ans = self.pipeline.answer(question, context=ctx, k=k, mode=mode, resolved=resolved, reader=reader, among=among)
        if resolved:
            ans.resolved_question = resolved
        ans.question = typed
        self.turns.append((question, ans))
        return ans

    def history(self) -> list[str]:
        return [q for q, _ in self.turns]

    def replay(self, history: list[str], k: int | None = None) -> None:
        """Answer earlier questions (e.g. from a gold file) to rebuild the context."""
        for q in history:
            self.ask(q, k=k)

    def clear(self) -> None:
        self.turns.clear()


__all__ = ["Pipeline", "Conversation", "QuestionError", "PERSON"]
