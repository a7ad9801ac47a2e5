"""The short answer a sentence offers a question: the typed candidate span nearest the
question's words, preferring rare words. rag/span_type.py checks it against what the
question asks (who heads it, what someone predicted, which post, who went along) and
gives its type credit.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .clause_span import anchor_words, content_of, distance, objects, off_attribution, verb_object, yesno_span
from .occasions import counts_asked, lasts_other
from .pairs import met_score, others_place, partners
from .question import Question, described, kind_subject
from .question_type import DATE, NUMBER, ORG, OTHER, PERSON, PLACE, REASON
from .question_words import KIN, ROLE_STEMS
from .referents import is_person
from .retrieve import terms
from .roles import holds_post_asked
from .said_span import asks_words, in_their_words, said_span, seen_as
from .sentence_table import Sent, SentenceTable, is_headline
from .span_kinds import (
    activity_spans,
    describe_spans,
    field_spans,
    fits_subtype,
    head_phrases,
    kind_spans,
)
from .span_refine import refine
from .spans import spans
from .synonyms import concept_spans
from .typos import with_variants

# Prepositions (stemmed) the stopword list lets through: as anchors of a short answer they
# pin it to the wrong name ("green light from Xi Jinping" for "which diplomat from ...")
_PREPOSITIONS = frozenset(
    "from than per via across behind beyond near onto amid along around despit unlik versus about".split()
)
# a date question asking for several ("which months", "what were the dates") and a span
# naming several ("March and May", "Jan. 7-10")
_PLURAL_DATE = re.compile(r"\b(?:dates|days|months|years|weekdays)\b", re.I)
# "what did he do there / in Dalian / while he was there?" and the travel that got him there
_WHILE_THERE = re.compile(r"\b(?:there|while|during|in|at)\b", re.I)
_GOING = re.compile(r"(?:flew|went|came|arrived|left|returned|travel+ed|headed|departed|journeyed)\b", re.I)
_DATE_RANGE = re.compile(r"\d\s*[-–]\s*\d|\bfrom\b.+\b(?:to|until|till|through)\b", re.I)
_SEVERAL = re.compile(r"\w (?:and|through|to) \w|\d\s*[-–]\s*\d")
_NAME_ASKED = re.compile(r"\bnames?\W*$|\bname of\b", re.I)
_SAY_WHETHER = re.compile(
    r"\W*(?:and\s+|so\s+)?(?:did|does|do|has|had|would|will)\s+(?:[\w’'.-]+\s+){1,3}?(?:say|said|mention|tell|indicate)\b",
    re.I,
)
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


_SAID_BY = re.compile(r"\b(?:said|says|added|told)\s+$")


def best_span(q: Question, s: Sent, table: SentenceTable) -> tuple[int, int, str] | None:
    """The typed candidate nearest the question's words, preferring rare (specific) words."""
    acted: list[tuple[int, int, str]] = []
    if q.subtype == "YESNO":
        # "did he say whether they would meet?": what he said when asked, not the asking
        said = said_span(q, s.text) if _SAY_WHETHER.match(q.text) else None
        span = said or yesno_span(q, s, table)
        span = in_their_words(q, s.text, span)
        # "another summit" for "does he think another summit is coming soon?" only
        # repeats a phrase of the question: it states nothing ("Twitter is blocked in
        # China" does, for "is Twitter blocked in China?")
        asked = with_variants(set(q.terms) | set(q.carried), table.variants)
        echo = span is not None and len(span[2].split()) <= 3 and set(terms(span[2])) <= asked
        return None if echo else span
    if asks_words(q):
        said = said_span(q, s.text)
        if said is not None:
            return said
    seen = seen_as(q, s.text) if q.qtype == OTHER else None
    if seen is not None:
        return seen
    told = (content_of(q, s.text) or verb_object(q, s.text)) if q.qtype == OTHER and q.subtype is None else None
    if told is not None:
        return told
    if q.subtype == "EXPAND":
        cands = s.candidates("EXPAND")
    elif q.subtype == "DESCRIBE":
        name = described(q.text)
        cands = describe_spans(s.text, name) if name else []
    elif q.subtype == "MEANS":
        cands = s.candidates("MEANS")
    elif q.subtype == "SETTING":
        # where the words were spoken; a sentence that names no setting still has places,
        # though not those of a title ("Senior Adviser to the Asia Program at ...")
        cands = s.candidates("SETTING") or [
            c for c in s.candidates(PLACE) if re.search(r"\b[Ii]n\s+(?:the\s+)?$", s.text[: c[0]])
        ]
    elif q.subtype == "FIELD":
        cands = field_spans(s.text)
    elif q.subtype == "ACTIVITY":
        # not what the question sets aside ("apart from the talks": "held discussions")
        aside = q.excluded | ({"discuss", "negoti", "meet"} if "talk" in q.excluded else set())
        cands = [c for c in activity_spans(s.text) if not aside & set(terms(c[2]))]
        if is_headline(s.text) or not re.search(r"[.!?”\"]\W*$", s.text):
            cands = []  # "NK, US poised for ...": a headline (with no full stop) tells no deed
        if _WHILE_THERE.search(q.text):
            cands = [c for c in cands if not _GOING.match(c[2])]  # what he did there, not getting there
    elif q.subtype == "KIND" and kind_subject(q.text):
        cands = kind_spans(s.text, kind_subject(q.text))  # type: ignore[arg-type]
    elif q.qtype == OTHER:
        acted = objects(q, s.text)
        cands = s.candidates(OTHER) + (head_phrases(s.text, q.head) if q.head else []) + acted
    else:
        cands = [c for c in s.candidates(q.qtype) if fits_subtype(c[2], s.text, c[0], q.subtype)]
        if q.subtype == "DURATION":
            # "how long was the trip to last?" -> "from Jan. 7-10": a span of dates is a length
            cands += [c for c in s.candidates(DATE) if _DATE_RANGE.search(c[2])]
    if q.qtype == PERSON:
        cands = cands + partners(q.text, s.text, table.people)  # "Kim and Xi met": Xi
    if q.qtype == DATE and _BYLINE.match(s.text) and not _PUBLISHED.search(q.text):
        return None  # "By Bill Ide January 08, 2019" dates the article, not what it reports
    if not cands:
        return None
    qset = set(q.terms) | set(q.carried)
    aset = with_variants(qset - _PREPOSITIONS, table.variants)
    starts, ends = s.bounds()
    anchors = anchor_words(aset, s)
    if q.carried and q.qtype in (DATE, NUMBER):
        # "and when was that first trip?" after "how long after taking power did he
        # wait?": the answer is by the question's own words ("first visit ... last
        # March"), not by the earlier turn's ("taking office in 2012")
        own_anchors = anchor_words(with_variants(set(q.terms) - _PREPOSITIONS, table.variants), s)
        anchors = own_anchors or anchors
    if q.qtype == REASON:
        anchors = off_attribution(anchors, s)  # the reason is not where its speaker is named
    if q.qtype == OTHER:
        # a concept's wording in the sentence is the question's, said otherwise ("cannot
        # handle" for "can't deal with"): no answer either (but "for four days" is the
        # answer to how long, though it says ~last)
        qset = qset | {
            t for c in qset if c.startswith("~") for ca, cb in concept_spans(c, s.text) for t in terms(s.text[ca:cb])
        }
    max_idf = table.idf("")
    # "what's his sister's name?" after "who came along?": the name may be the one the
    # previous answer gave, which the question carries
    named = q.qtype == PERSON and _NAME_ASKED.search(q.text) is not None
    # (an organisation the previous answer named may be the one asked: "where does he
    # teach?" after "..., says Shi Yinhong, a ... professor at Renmin University")
    # (nor his post: "what's his job?" after "who said that?" -> "Professor Shin Sangjin")
    own = set(q.terms) if named or q.qtype == ORG or q.subtype == "DESCRIBE" else qset
    qnames = _words_of(q.text if named else f"{q.text} {q.carried_text}") if q.qtype == PERSON else frozenset()
    plural = q.qtype == DATE and _PLURAL_DATE.search(q.text) is not None
    # (not for places: "in what venue" is "at the Moscone Center" as often as "in ...")
    prep = _asked_prep(q) if q.qtype == ORG else None
    official = q.qtype == PERSON and not q.kin and q.head in ROLE_STEMS and q.head not in KIN
    untitled_asked = q.qtype == PERSON and q.subtype != "DESCRIBE" and not spans(q.text, PERSON)
    best, best_score = None, -1e9
    for a, b, text in cands:
        # the words wholly inside [a, b): a run lo..hi-1 (words are in text order)
        lo, hi = bisect_left(starts, a), bisect_right(ends, b)
        if hi <= lo:
            continue
        ct = s.stems_between(lo, hi)
        if q.qtype == PERSON and any(n <= ct or ct <= n for n in q.other_names):
            continue  # "the other expert" is not the one the previous turn named
        novel = ct - own
        if ct and not novel:
            continue  # the question's own words are not its answer
        lead = _LEAD_NAME.match(text) if q.qtype == OTHER and _OF_POST.match(q.text) else None
        if (
            lead
            and is_person(lead.group(0))
            and holds_post_asked(table.role_of, lead.group(0), s.text[a + lead.end() :], own)
        ):
            continue  # "what did the Global Times editor tie it to?": not "Hu Xijin", whom it asks of
        if q.subtype == "TIMES" and not counts_asked(q, qset, s.text, b):
            continue  # "how many times had he visited?" is not "an expected second summit"
        if q.subtype == "DURATION" and lasts_other(qset, s.text, a):
            continue  # "how long did Kim stay?" is not "a ... talk ... takes place for two days"
        if untitled_asked and set(terms(text.split()[-1])) & ROLE_STEMS:
            # "who's the ex-diplomat quoted?": not "Former Assistant Secretary of State ...
            # Christopher Hill"'s title (but "who is Joseph Yun?" asks for his)
            continue
        if q.qtype == PERSON and re.fullmatch(r"[A-Z][\w’']+-[A-Z][\w’']+", text):
            continue  # "the Kim-Xi meeting": a pair, no one person
        dist = distance(lo, hi, anchors, 8)
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
        # a reason is a clause, whose length is no fault
        per_len = 0.01 if q.qtype == REASON else 0.03
        score = novelty + 0.5 * rarity - per_word * min(dist, 12) - per_len * max(0, n - 3)
        if q.head and q.head in ct:
            score += 0.6  # "which university" -> "Shenzhen University"
        if q.qtype == PERSON and n > 1:
            score += 0.3
        if q.qtype == OTHER and (a, b, text) in acted:
            score += 0.3  # what the question's relation acts on ("linked to the planned summit")
        if q.qtype == PLACE and (text in table.titled or any(w in table.titled for w in text.split())):
            continue  # "Xi Jinping" is someone ("President Xi Jinping"), no place; nor is "Trump Kim"
        if q.qtype == PLACE and others_place(q.text, s.text, text, table.people):
            continue  # "where did Kim and Xi meet?" is not "his meeting with Trump in Singapore"
        if q.qtype == PERSON and not set(terms(text)) & table.people:
            score -= 0.5  # "on a panel in Washington": a place, where "said Yun" names someone
        met = met_score(q.text, s.text, a, text, table.people) if q.qtype == PERSON else 0.0
        if met <= -0.5:
            continue  # "who did Kim meet?" is not "prepares for a possible meeting with Trump"
        score += met  # (and is Xi of "Kim and Xi met", not Trump in the same sentence)
        if q.qtype == PERSON and _SAID_BY.search(s.text[max(0, a - 12) : a]):
            score += 0.3  # '..., said Yun, a retired U.S. diplomat': the one speaking, not Xi in his words
        if official and KIN & set(terms(" ".join(s.text[max(0, a - 30) : a].split()[-3:]))):
            score -= 0.5  # "which official went along?" is not "his younger sister Kim Yo-jong"
        if plural and _SEVERAL.search(text):
            score += 0.5  # "which months were those?" -> "March and May", not one of them
        if q.subtype == "MEANS" and n > 1:
            score += 1.0  # the vehicle ("his private jet") says how; a bare "flew" only half
        if prep and re.search(rf"\b{prep}\s+(?:the\s+)?$", s.text[max(0, a - 12) : a], re.I):
            score += 0.6  # "an adviser at which organization?" -> "at the US Institute for Peace"
        if q.qtype == REASON:
            cue = re.match(r"\w+(?: \w+)?", text.lower())
            score += max((v for k, v in _CUE_RANK.items() if cue and cue.group(0).startswith(k)), default=0.0)
            if s.text[max(0, a - 1) : a] == "(":
                score -= 0.3  # "(to make it successful)" is an aside to the reason before it
        if score > best_score:
            best, best_score = (a, b, text), score
    return refine(q, s, best, cands, qset) if best is not None else None


# "what did the Global Times editor tie it to?": a question about what one called by his
# post did ("name the RAND researcher" asks for him)
_OF_POST = re.compile(
    r"^\W*(?:and\s+|so\s+)?(?:what|how)\s+(?:did|does|do|has|had|is|was|would|will)\s+(?:the|that|this)\s+", re.I
)
_LEAD_NAME = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")
_BYLINE = re.compile(
    r"^\W*By\s+(?:[A-Z][\w.’'-]*\s+){1,4}(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})\W*$"
)
_PUBLISHED = re.compile(
    r"\b(?:publish\w*|publication|dated?|posted|written|filed|came\s+out|come\s+out|run|ran)\b"
    r"|\b(?:article|story|piece|report)\b.*\b(?:when|date|day)\b|\b(?:when|date|day)\b.*\b(?:article|story|piece|report)\b\W*$",
    re.I,
)
# an ordinal, or a count, just before what it counts ("his fourth visit", "one analyst")


_PREP_WH = re.compile(r"\b(at|for|with|from|of|in)\s+(?:which|what)\b", re.I)
_WORKS_WHERE = re.compile(
    r"\b(?:teach\w*|taught|work\w*|stud\w*|lectur\w*|professor|adviser|fellow)\b.*\bwhere\b", re.I
)


def _asked_prep(q: Question) -> str | None:
    """The preposition the answer follows: "at which organization" -> "at"; "where does
    she work", "he works where?" -> "at"."""
    m = _PREP_WH.search(q.text)
    if m:
        return m.group(1).lower()
    return "at" if q.qtype == ORG and _WORKS_WHERE.search(q.text) else None


@lru_cache(maxsize=64)
def _words_of(text: str) -> frozenset[str]:
    """Lower-case words of a question, without possessive 's: the names it says."""
    return frozenset(re.sub(r"['’]s$", "", w.strip(".,?:;’'")).lower() for w in text.split())
