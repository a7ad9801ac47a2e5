"""Sentences and their scores. Every sentence of the index sits in a SentenceTable with
its stemmed terms; a question scores the sentences of its top passages (and the ones
closest to it by embedding anywhere) by the idf-weighted share of its key terms they
cover (neighbouring sentences count partly, so "he said" finds its speaker), their
cosine similarity to it, their passage's retrieval score, and whether they hold an
answer of the expected type (answer_span).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .candidates import candidate_pool
from .occasions import nth_of, trip_asked
from .outlets import names_domain
from .pairs import other_pair
from .question import ON_BOARD_Q, SPEAKER_Q, STANCE_Q, Question, asked_role, asks_stance, entities, role_qualifiers
from .question_type import OTHER, PERSON, REASON
from .question_words import KIN, KIN_ASKED, ROLE, companions
from .records import Hit
from .retrieve import terms
from .said_span import asks_words
from .sentence_table import Sent, SentenceTable
from .span_type import typed_span
from .spans import spans
from .synonyms import RELATIONS, sentence_concepts
from .who_said import NOBODY_SAYS, agent_line

# Scoring weights, tuned on the dev split of eval/gold.jsonl only.
W_COVER, W_DENSE, W_PASSAGE, W_TYPE = 0.45, 0.35, 0.15, 0.15
W_OUTLET = 0.15  # a sentence of the article whose outlet the question cites
# per relation the question asks about ("who heads", "when did it wrap up") that the
# sentence does not state in any wording: the one saying "which ends on Thursday"
# answers, not the one closer in words that says "two days from Tuesday"
W_RELATION = 0.1
W_SPEAKER = 0.1  # a sentence neither naming nor quoting the one whose view is asked
W_PAIR = 0.15  # a meeting of another pair than the two the question names
W_AMONG = 0.25  # the previous answer's sentence, for a follow-up asking "among them"
# a follow-up's sentence in the previous answer's article, and in the few sentences
# around that answer: what it goes on to ask is most often told there
W_SAME_DOC, W_NEXT_TO = 0.03, 0.08
OWN_FULL = 0.25  # the share of its own words from which a follow-up's sentence gets all of that
CARRIED_SHARE = 0.6  # carried terms weigh at most this fraction of the question's own
NEIGHBOUR_ENTITY, NEIGHBOUR_OTHER = 0.6, 0.25  # credit for a term found only next door
NAMED_CREDIT = 1.0  # a word of a full name the sentence gives only in part
ROLE_CREDIT = 1.0  # a role word of a person the sentence names
SPEAKER_ROLE_CREDIT = 0.8  # one of the person whose words it is, named in another sentence


@dataclass
class Scored:
    sent: Sent
    score: float
    cover: float  # share of the question's own key terms in the sentence (and next door)
    dense: float
    hit: Hit | None
    span: tuple[int, int, str] | None


# "the retired US diplomat": someone called by role, whoever else the question names
# ("... reckon the next Trump-Kim meeting will take place?")
_BY_ROLE = re.compile(rf"\b(?i:the|that|this)\s+(?:[\w.-]+\s+){{0,3}}?(?i:{ROLE}|guy)\b(?!\s+[A-Z])")


def _names_someone(text: str, people: frozenset[str]) -> bool:
    # the question's first word is capitalised as the sentence's, not as a name; and a
    # capitalised word is someone's only when the articles name a person so ("Pyongyang"
    # is no one)
    return any(a > 0 and people & set(terms(n)) for a, _b, n in _person_spans(text))


@lru_cache(maxsize=256)
def _person_spans(text: str) -> list[tuple[int, int, str]]:
    return spans(text, PERSON)


# a sentence giving someone's words or view, whoever they are
_VOICE = re.compile(
    r"[\"“”]|\b(?:said|says|say|saying|told|tells|added|noted|stated|according to|tweeted|wrote|writes|argued|"
    r"warned|pointed out|believes?|thinks?|expects?|suggested|predicted|explained|stressed|claimed)\b"
)


def _not_theirs(name: set[str], s: Sent, table: SentenceTable) -> bool:
    """Are the sentence's words someone else's, or narration, rather than the named
    person's? Unattributed words in quotation marks may be theirs."""
    who = table.speaker.get(s.row) or table.quote_of.get(s.row) or table.voices.get(s.row)
    if who:
        return not name & who
    return _VOICE.search(s.text) is None or NOBODY_SAYS.search(s.text) is not None  # no one in particular


@lru_cache(maxsize=256)
def _role_terms(roles: frozenset[str]) -> frozenset[str]:
    """Role words, with the concepts they state ("spokesman": ~spokes, for "the
    spokesperson")."""
    return frozenset(roles) | frozenset(sentence_concepts(" ".join(sorted(roles))))


def coverage(q: Question, table: SentenceTable, s: Sent) -> tuple[float, float]:
    """(own, total): idf-weighted coverage of the question's terms, and of its terms
    plus the carried ones (capped in weight, satisfied anywhere in a 5-sentence window)."""
    ents = entities(q)
    near = table.window(s, 1)
    # only a question calling someone by their role ("how did the US secretary of state
    # react"); one naming them asks about the role ("which university is Shi at?")
    by_role = not _names_someone(q.text, table.people) or _BY_ROLE.search(q.text) is not None
    kin = q.kin and bool(KIN & s.terms)
    # "who is the Kyungnam expert?" is answered where his name is, not in his words
    who = q.qtype == PERSON
    # "was it announced?" is answered no by "an unannounced visit"
    denial = q.subtype == "YESNO"
    num = den = 0.0
    for t in q.terms:
        w = table.idf(t)
        den += w
        if (
            t in s.terms
            or (kin and t in KIN_ASKED)
            or t in table.speaker.get(s.row, ())
            or (not who and (t in table.quote_of.get(s.row, ()) or t in table.narrator.get(s.row, ())))
            or (denial and "un" + t in s.terms)
        ):
            # "..., he added": the speaker is as good as named in the sentence; so is
            # the one whose quotation it opens ("“Kim wants China’s support." is
            # Bennett's), but not for "who is ...?", answered where he is introduced
            num += w
        elif t in ents and t in table.names.get(s.row, ()):
            num += w * NAMED_CREDIT  # "Pompeo, however, said" names Mike Pompeo
        elif by_role and t != q.head and t in table.roles.get(s.row, ()):
            num += w * ROLE_CREDIT  # "the US secretary of state" of "Pompeo, however, said"
        elif by_role and not who and t != q.head and t in _role_terms(frozenset(table.speaker_roles.get(s.row, ()))):
            num += w * SPEAKER_ROLE_CREDIT  # "the RAND researcher" of his words, named elsewhere
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


def _reason(span: tuple[int, int, str] | None) -> bool:
    # "to South Korea" (in "ambassador to South Korea") is where, not what for
    return span is not None and not re.match(r"to\s+[A-Z]", span[2])


def score_sentences(
    q: Question, hits: list[Hit], table: SentenceTable, qvec: np.ndarray | None, extra: int = 12
) -> list[Scored]:
    """Candidates: every sentence of the top passages, plus the sentences closest to
    the question by embedding anywhere in the collection."""
    top = max((h.score for h in hits), default=0.0) or 1.0
    sims = table.vectors @ qvec if qvec is not None and table.vectors is not None else None
    pool, close, last = candidate_pool(q, hits, table, sims, extra)
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
    relations = [t for t in q.terms if t in RELATIONS]
    counted = nth_of(q.text)
    trip = trip_asked(q.text)
    # "does Zhao Tong think ...?": someone else's words, or no one's, are not his view
    asked = SPEAKER_Q.search(q.text) or STANCE_Q.search(q.text) or ON_BOARD_Q.search(q.text)
    speaker = set(terms(asked.group(1))) if asked else None
    stance = asked is not None and asks_stance(asked)
    words_asked = asks_words(q)
    # "when does the retired US diplomat reckon ...?": the view of whoever holds that role
    role = asked_role(q.text)
    qualifiers = role_qualifiers(q.text)
    out = []
    for row, h in pool.items():
        s = table.rows[row]
        own, total = coverage(q, table, s)
        dense = float(sims[row]) if sims is not None else 0.0
        span, typed = typed_span(q, s, table)
        rel = max(0.0, h.score / top) if h is not None else 0.0
        if row in named_in:
            rel = max(rel, named_in[row].score / top)  # type: ignore[union-attr]
        score = W_COVER * total + W_DENSE * (dense / smax if smax > 0 else 0) + W_PASSAGE * rel + W_TYPE * typed
        score -= W_RELATION * sum(t not in s.terms for t in relations)
        if counted and (said := nth_of(s.text)) and not counted & said:
            score -= W_RELATION  # "the second time" is not "for the first time"
        if trip & table.trip.get(s.doc, set()):
            score += W_OUTLET  # "on his second trip": the article reporting that trip
        # ("what did Pompeo say?" is not "Mike Pompeo ... traveled to North Korea", which names
        # him but gives no words of anyone's)
        if speaker and (stance or not speaker & s.terms or words_asked) and _not_theirs(speaker, s, table):
            score -= W_SPEAKER
        elif role and (
            not role <= (held := table.speaker_roles.get(s.row, set())) or (qualifiers and not qualifiers & held)
        ):
            score -= W_SPEAKER  # (not another professor: "the North Korean studies professor")
        if other_pair(q.text, s.text, table.people):
            score -= W_PAIR  # "where did Trump and Kim meet?": not where Kim and Xi met
        if s.doc in q.outlet_docs:
            score += W_OUTLET  # "according to the Korea Times": that paper's article
        if (
            last is not None
            and s.doc == last.doc
            and (own > 0 or not q.terms)
            and (span is not None or q.qtype in (OTHER, REASON))
        ):
            # (one sharing nothing with a question that has words of its own, a byline
            # say, or holding nothing of the type asked, is no nearer an answer)
            # by the share of the question's own words it holds: a sentence near the
            # previous answer holding little of them is no nearer an answer
            score += (W_SAME_DOC + (W_NEXT_TO if row in close else 0.0)) * min(
                1.0, (own if q.terms else 1.0) / OWN_FULL
            )
        if q.qtype == REASON and last is not None and s.row == last.row and not q.among and not _reason(span):
            # "why does she think that's needed?": the answer just given, holding no
            # reason, does not give one by being quoted again
            score -= W_AMONG
        if (s.doc, s.start) in q.said_before:
            score -= W_AMONG  # "what else did he say": not what the previous answer quoted
        if (
            (s.doc, s.start) in q.among
            and (span is not None or not q.other_names)
            and (q.subtype != "COMPANY" or companions(s.text))  # "who else went?": a companion
        ):
            # "which of them": those the previous answer named (for "who else", only
            # where it names someone besides them; "why does he say so?" asks of those very
            # words, whoever else's the question's name matches)
            score += W_AMONG * (1.6 if q.qtype == REASON else 1.0)
        if q.other_names:
            said = (
                s.terms
                | table.speaker.get(s.row, set())
                | table.quote_of.get(s.row, set())
                | table.narrator.get(s.row, set())
            )
            spoke = table.speaker.get(s.row, set()) | table.quote_of.get(s.row, set())
            if any(n <= said for n in q.other_names) and (s.doc, s.start) not in q.among:
                # "the other expert": not the one asked about before ("who else" may be
                # in the very sentence that named them)
                score -= W_AMONG
            elif spoke and any(spoke <= n for n in q.other_names):
                # "who else was on that panel?" after Yun's words: not one his words name
                score -= W_AMONG
            if s.doc not in q.outlet_docs:
                score -= W_OUTLET  # and one in the same article
        if agent_docs and span is not None and s.doc in agent_docs and agent_line(q.text, s.text[: span[0]]):
            score = 0.8 + 0.4 * agent_docs[s.doc]
            own = max(own, 0.6)
        out.append(Scored(s, score, own, dense, h, span))
    # (scores within a rounding of each other tie: the one holding more of the question wins)
    return sorted(out, key=lambda x: (-round(x.score, 3), -x.cover))
