"""The one answering path: question (+ conversation) -> retrieve -> extract -> Answer."""

from __future__ import annotations

import re
import sys
import threading
import time
import unicodedata
from collections.abc import Callable

from .casual import standard_grammar
from .config import Config
from .conversation import Conversation
from .embed import Embedder
from .extract import build_answer
from .gender import gender_of
from .index import Index, IndexError_, build
from .outlets import cited_outlet, cited_topic, names_outlet, outlet_docs, same_piece
from .question import Question, analyze
from .question_type import PERSON
from .records import Answer
from .referents import replace_pronoun, subject_of
from .retrieve import Retriever, terms
from .roles import experts_in, posts_of, roles_of
from .sentence_table import SentenceTable
from .synonyms import RELATIONS
from .turns import expand_shorthand, needs_context, split_question
from .who_said import OTHERS_SAY


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
        return index, Retriever(index, self.embedder, cfg), SentenceTable(index, self.embedder.path / "vocab.txt")

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
        other: tuple[str, int, tuple[str, ...]] | None = None,
        said_before: tuple[str, int] | None = None,
        after: tuple[str, int] | None = None,
        prior: str | None = None,
    ) -> Answer:
        """Answer one question; `context` is text carried from earlier turns,
        `resolved` the question with its pronouns replaced by what they refer to, and
        `among` the (doc, start) of the earlier answer's sentence it asks among, and
        `other` that sentence with the people the earlier turn was about, for "the
        other expert": someone else in the same article; `said_before` the earlier
        answer's sentence, for "what else did he say": not that one; `after` the
        previous answer's sentence, near which a follow-up's answer most often is; and
        `prior` the previous question, whose article a follow-up citing none keeps."""
        t0 = time.perf_counter()
        cfg = self.config
        text = clean_question(question, cfg.max_question_chars)
        k = cfg.k if k is None else k
        if not isinstance(k, int) or not 1 <= k <= 50:
            raise QuestionError(f"k={k!r} is out of range: ask for 1..50 passages")
        index, retriever, table = self._parts()
        text = self._standard(text, table)
        original = text
        if resolved:
            text = self._standard(clean_question(resolved, cfg.max_question_chars), table)
        # each part of a two-part question may cite its own article ("who wrote the
        # Korea Herald piece and who wrote the Korea Times one?")
        cited = [cited_outlet(p, table.lower, table.outlets) for p in split_question(text)]
        text, outlet = cited_outlet(text, table.lower, table.outlets)
        text, about = cited_topic(text, table.doc_terms)
        if after or among:
            text, same = same_piece(text)
            if same and not outlet and not about:
                about = {(after or among)[0]}  # type: ignore[index]
        q = analyze(text, context)
        docs = set(index.docs)  # an outlet no article is known by: one whose outlet is unknown
        if outlet:
            q.outlet_docs = outlet_docs(outlet, table.outlets, docs)
        elif about:
            q.outlet_docs = about
        elif (prior or context) and not names_outlet(text):
            # "when does this trip end?" after "... per voa?": that paper's article still
            _, carried = cited_outlet(prior or context, table.lower, table.outlets)
            if carried:
                q.outlet_docs = outlet_docs(carried, table.outlets, docs)
        if len(cited) > 1 and len({o for _, o in cited if o}) > 1:
            q.outlet_docs = set().union(*(outlet_docs(o, table.outlets, docs) for _, o in cited if o))
        if among:
            q.among = {among}
            prev = table.lookup.get(among) if other else None
            nxt = table.rows[prev.row + 1] if prev is not None and prev.row + 1 < len(table.rows) else None
            if nxt is not None and nxt.doc == prev.doc and table.para.get(nxt.row) is table.para.get(prev.row):
                # "who else did he talk to there?" after "Kim flew to Dalian ...": the
                # answer may be the next sentence of that paragraph ("He held discussions
                # with ... Wang Yi")
                q.among.add((nxt.doc, nxt.start))
        if said_before:
            q.said_before = {said_before}
        q.after = after
        if other:
            doc, start, names = other
            prev = table.lookup.get((doc, start))
            # the one who spoke in the earlier answer counts too ("..., he added.")
            spoke = (table.speaker.get(prev.row) or table.voices.get(prev.row) or set()) if prev else set()
            q.other_names = [frozenset(terms(n)) for n in names if terms(n)] + ([frozenset(spoke)] if spoke else [])
            if not q.outlet_docs:
                q.outlet_docs = {doc}  # "in that story": the same article
        if resolved:
            q.pronoun_terms = set(terms(text)) - set(terms(original))
        query = f"{text} {context}".strip()
        qvec = None if (mode or cfg.mode) == "bm25" else self.embedder.encode_query(query)
        hits = retriever.search(
            query, k=max(k, cfg.candidates), qvec=qvec, mode=mode, query_terms=bm25_terms(q, text, context)
        )
        parts = None
        pieces = [p for p, _ in cited] if len(cited) > 1 else split_question(text)
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
            for i, (p, c, qt, v) in enumerate(zip(pieces, ctx, queries, pvecs)):
                pq = analyze(p, c)
                part_outlet = cited[i][1] if len(cited) > 1 else None
                pq.outlet_docs = outlet_docs(part_outlet, table.outlets, docs) if part_outlet else set(q.outlet_docs)
                ph = retriever.search(qt, k=cfg.candidates, qvec=v, mode=mode, query_terms=bm25_terms(pq, p, c))
                parts.append((pq, v, ph))
        # Sentences are compared with the question itself: the retrieval query of a
        # follow-up also holds the earlier turn, whose sentences it would favour.
        svec = self.embedder.encode_query(text) if qvec is not None and context else qvec
        ans = build_answer(q, hits, index, table, cfg, k, qvec=svec, parts=parts)
        if (reader or cfg.reader) == "on":
            from .reader import default_reader
            from .reader_apply import apply_reader

            ans = apply_reader(ans, text, index, default_reader(), cfg)
        ans.question = question if isinstance(question, str) else text
        ans.resolved_question = query if context else None
        ans.latency_ms = (time.perf_counter() - t0) * 1000
        return ans

    def is_someone(self, name: str) -> bool:
        """Do the articles name a person with a word of this name ("Hu Xijin", not "Beijing")?"""
        return bool(set(terms(name)) & self._parts()[2].people)

    def gender_of(self, name: str) -> str | None:
        """ "f" or "m" where the articles tell ("she said" of Kathleen Stephens), else None."""
        return gender_of(name, self._parts()[2].genders)

    def dissent_in(self, doc: str) -> bool:
        """Does the article report a view against another's ("However, other experts argued ...")?"""
        return any(OTHERS_SAY.match(s.text) for s in self._parts()[2].by_doc.get(doc, ()))

    def speaker_of(self, doc: str, start: int) -> str | None:
        """The name of the one whose words the sentence at (doc, start) quotes, where
        another sentence names them ("That’s because ..." is Zhao Tong's), else None."""
        table = self._parts()[2]
        s = table.lookup.get((doc, start))
        found = table.speaker_named(s) if s is not None else None
        return found[1][2] if found else None

    def roles_of(self, name: str) -> set[str]:
        """The role words some article gives the person ("Zhao Tong": fellow, carnegi, ...)."""
        return roles_of(self._parts()[2].role_of, name)

    def posts_of(self, name: str) -> set[str]:
        """The posts of the one person a name means (none for "Kim", whom several share)."""
        return posts_of(self._parts()[2].role_of, name)

    def experts_in(self, doc: str) -> list[str]:
        """The experts an article names, in order: those "the other expert" can mean."""
        index, _retriever, table = self._parts()
        return experts_in(table.role_of, index.docs[doc].text)

    def truecase(self, question: str) -> str:
        """The question with the articles' capitals when it was typed without any."""
        if not isinstance(question, str) or len(question) > self.config.max_question_chars:
            return question  # answer() says what is wrong with it
        return self._standard(question, self._parts()[2])

    @staticmethod
    def _standard(text: str, table: SentenceTable) -> str:
        """The question as the rules read it: words mended, the articles' capitals,
        shorthand spelled out, a chat's word order made standard ("how he get there")."""
        return standard_grammar(expand_shorthand(table.casing.apply(table.spelling.fix(text))))

    def uncited(self, question: str) -> str:
        """The question without the outlet it cites ("in the rfa story how many ..." ->
        "in the story how many ...")."""
        table = self._parts()[2]
        return cited_outlet(question, table.lower, table.outlets)[0]

    def conversation(self) -> Conversation:
        return Conversation(self)


def bm25_terms(q: Question, text: str, context: str) -> list[str]:
    """BM25's query, read as sentence scoring reads the question: "wrap up" gives way to
    ~end, which the chunk saying "ends on Thursday" was indexed with."""
    return terms(text) + [t for t in q.terms if t in RELATIONS] + terms(context)


__all__ = ["Pipeline", "Conversation", "QuestionError", "PERSON", "replace_pronoun", "subject_of"]
