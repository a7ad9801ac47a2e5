"""The sentences of the index: each with its stemmed terms (and the concepts it states),
its words' offsets and its candidate answer spans, computed once; the table adds
sentence-level idf, paragraphs, the speaker a pronoun attribution refers to, and each
article's headline, byline and outlet.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .casual import Spelling
from .gender import genders
from .index import Index
from .occasions import trip_counted
from .question_type import OTHER, PERSON
from .question_words import companions
from .retrieve import terms
from .roles import person_roles, speaker_roles
from .spans import phrases, spans
from .speakers import narrators, quotations, speakers, voices
from .synonyms import sentence_concepts
from .truecase import Casing
from .typos import name_variants, with_variants
from .who_said import OTHERS_SAY

# '"...," Lu said.' and "Lu said China believes ...": a short surname as the speaker
_SHORT_SAID = re.compile(r"[”\"]\s*,?\s*([A-Z][a-z]{1,3})\s+(?:said|added)\W*$|^([A-Z][a-z]{1,3})\s+(?:said|added)\b")


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


_DESCRIBED_SUBJECT = re.compile(
    r"^[“\"‘']?(?:The|This|That) (?:expert|analyst|professor|scholar|researcher|official|diplomat|spokesman|"
    r"spokeswoman|minister|adviser|former \w+)\b|^[“\"‘']?(?:He|She)\b"
)


def is_headline(text: str) -> bool:
    """Is every word of four letters or more capitalised, as in a headline?"""
    long = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) > 3]
    return len(long) >= 3 and all(w[0].isupper() for w in long)


_TITLED = re.compile(
    r"\b(?:President|Premier|Chairman|Minister|Secretary|Professor|Mr|Mrs|Ms|Dr|spokesman|spokeswoman)\.?\s+"
    r"((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)"
)


class SentenceTable:
    """Every sentence of the index, with term sets and sentence-level idf."""

    def __init__(self, index: Index, vocab: Path | None = None) -> None:
        self.by_doc: dict[str, list[Sent]] = {}
        self.lookup: dict[tuple[str, int], Sent] = {}
        self.rows: list[Sent] = []
        self.vectors = index.sent_vectors
        df: Counter[str] = Counter()
        # a name misspelt once ("Dailan" in an article that says Dalian) matches both ways
        self.variants = name_variants(d.text for d in index.docs.values())
        self.casing = Casing.from_texts(d.text for d in index.docs.values())
        # `vocab`: the embedder's word list, the English a misspelt word is told from
        self.spelling = Spelling.from_texts((d.text for d in index.docs.values()), vocab)
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
        self.genders = genders(self.by_doc.values(), self.rows, self.speaker, self.said_in)  # "she" is not Yun
        # names some article gives a title ("President Xi Jinping"): people, no places
        self.titled = frozenset(m.group(1) for d in index.docs.values() for m in _TITLED.finditer(d.text))
        self.narrator = narrators(self.by_doc, self.para)  # "The expert pointed out ..."
        self.voices = voices(self.by_doc)  # whom a sentence names as saying or thinking it
        self.quote_of = quotations(self.by_doc, self.para, self.speaker)  # whose quotation it is part of
        # the roles and full names of the people a sentence names ("Pompeo" is Mike
        # Pompeo, the US secretary of state)
        self.roles, self.names, self.role_of = person_roles(self.by_doc)
        # the words of people's names, less those of places ("in Pyongyang", "at Carnegie")
        # that a capitalised run also takes for a name
        joined = "\n".join(d.text for d in index.docs.values())
        placed = re.finditer(r"\b(?:in|at|near|via)\s+([A-Z][\w-]+)", joined)
        self.people = frozenset().union(*self.names.values()) - {t for m in placed for t in terms(m.group(1))}
        # ... and of the one whose words a sentence is, named in another sentence
        self.speaker_roles = speaker_roles(
            self.role_of, {**self.narrator, **self.voices, **self.quote_of, **self.speaker}
        )
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
        # the lines naming someone's companions ("... and his wife Ri Sol-ju inspect ...")
        self.companion_rows = [s.row for s in self.rows if companions(s.text)]
        # which of Kim's trips each article reports ("his fourth visit"): "where did they meet
        # on his second trip?" is asked of the article about that one
        self.trip = {doc: trip_counted(" ".join(s.text for s in seq[:7])) for doc, seq in self.by_doc.items()}
        # every term of each article: "the article about the Dalian meeting" is one holding both
        self.doc_terms = {doc: set().union(*(s.terms for s in seq)) for doc, seq in self.by_doc.items()}
        # to tell an outlet the articles name ("the Global Times") from one they don't
        self.lower = joined.lower()
        self.n = max(1, len(self.rows))
        self.df = df
        self._idf = {t: math.log(1 + self.n / (1 + c)) for t, c in df.items()}
        self._idf_unseen = math.log(1 + self.n)

    def antecedent(self, s: Sent) -> tuple[Sent, tuple[int, int, str]] | None:
        """For a sentence calling someone "the expert" or "he", the nearest of the two
        sentences before it naming a person, with that name; for "Other experts argued
        ...", the speaker of the quotation in the next few sentences."""
        if OTHERS_SAY.match(s.text):
            for nxt in self.by_doc[s.doc][s.pos + 1 : s.pos + 3]:
                found = self.speaker_named(nxt)
                if found is not None:
                    return found
            return None
        if not _DESCRIBED_SUBJECT.match(s.text):
            return None
        for prev in reversed(self.by_doc[s.doc][max(0, s.pos - 2) : s.pos]):
            names = spans(prev.text, PERSON)
            if names:
                return prev, names[0]
        return None

    def speaker_named(self, s: Sent, surname: bool = False) -> tuple[Sent, tuple[int, int, str]] | None:
        """For a sentence of someone's quotation attributed in another sentence ("..., he
        said." or "I have this big China card." before "..., said Joseph Yun, ..."), that
        sentence and the speaker's name in it; with `surname`, also for one attributed
        by a short surname that an earlier sentence gives in full ('"...," Lu said.')."""
        src = self.said_in.get(s.row)
        who = self.speaker.get(s.row) if src is not None else self.quote_of.get(s.row)
        if who:
            # a quotation is attributed at its end, in its paragraph
            rows = [self.rows[src]] if src is not None else self.by_doc[s.doc][s.pos : s.pos + 6]
            for named in rows:
                if src is None and self.para.get(named.row) is not self.para.get(s.row):
                    break
                name = next((x for x in spans(named.text, PERSON) if set(terms(x[2])) & who), None)
                if name is not None:
                    return named, name
        short = _SHORT_SAID.search(s.text) if src is None and surname else None
        if short:
            # '"...," Lu said.', "Lu said China ...": a surname too short to read as a name alone; the
            # article gave it in full a few sentences before (family name first or last)
            for named in reversed(self.by_doc[s.doc][max(0, s.pos - 6) : s.pos]):
                name = next(
                    (x for x in spans(named.text, PERSON) if short.group(short.lastindex or 1) in x[2].split()), None
                )
                if name is not None:
                    return named, name
        return None

    def named_in_body(self, s: Sent, name: str) -> bool:
        """Does a sentence of s's article other than s, and no headline, give the name?"""
        return any(name in o.text for o in self.by_doc[s.doc] if o is not s and not is_headline(o.text))

    def idf(self, t: str) -> float:
        return self._idf.get(t, self._idf_unseen)

    def window(self, s: Sent, radius: int) -> set[str]:
        seq = self.by_doc[s.doc]
        out: set[str] = set()
        for j in range(s.pos - radius, s.pos + radius + 1):
            if j != s.pos and 0 <= j < len(seq):
                out |= seq[j].terms
        return out
