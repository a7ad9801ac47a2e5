"""The short answer a sentence offers a question, and the type credit it earns: the typed
candidate span nearest the question's words, checked against what the question asks
(who heads it, what someone predicted, which post, who went along).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .clause_span import anchor_words, content_of, distance, objects, off_attribution, yesno_span
from .question import Question, described, kind_subject
from .question_type import DATE, NUMBER, ORG, OTHER, PERSON, PLACE, REASON
from .question_words import KIN, ROLE_STEMS
from .retrieve import terms
from .said_span import asks_words, quoted, said_span, seen_as
from .sentence_table import Sent, SentenceTable, is_headline
from .span_kinds import (
    activity_spans,
    agent_line,
    describe_spans,
    field_spans,
    fits_subtype,
    head_phrases,
    kind_spans,
    said_by_antecedent,
    said_by_speaker,
)
from .synonyms import concept_spans
from .typos import with_variants

# Prepositions (stemmed) the stopword list lets through: as anchors of a short answer they
# pin it to the wrong name ("green light from Xi Jinping" for "which diplomat from ...")
_PREPOSITIONS = frozenset(
    "from than per via across behind beyond near onto amid along around despit unlik versus about".split()
)
# words that name someone's companions ("Accompanying Kim was his younger sister")
_COMPANION = re.compile(r"\b(?:accompan\w*|along with|together with|joined by|entourage|delegation)\b", re.I)
_BEFORE = re.compile(r"\b(?:before|previous(?:ly)?|former(?:ly)?|earlier|past|used to)\b", re.I)
_NOW = re.compile(r"\b(?:current(?:ly)?|now|present(?:ly)?|these days|today)\b", re.I)
_FORMER = re.compile(r"\b(?:former(?:ly)?|retired|ex-|previous(?:ly)?|once|then)\b", re.I)
# "when does he expect/think ...": the date is in what he said, not in the line saying
# when or where he said it ("..., said Yun, ... speaking on a panel ... in 2019")
_OPINION = re.compile(r"\b(?:expect|predict|think|believe|forecast|anticipate|estimate|foresee|reckon)\w*", re.I)
# "where does he think they'll hold it?" (not "where was he speaking when he predicted it?")
_THINKS_WHERE = re.compile(
    r"\bwhere\s+(?:does|do|did)\s+(?:[\w’'-]+\s+){1,3}(?:think|expect|believe|reckon|predict|guess)\b", re.I
)
# a date the question places ahead ("when will the next summit happen?") is not one
# the article places behind ("the repeat of last year")
_FUTURE = re.compile(r"\b(?:will|next|upcoming|coming|going to|planned|expected)\b", re.I)
_PAST_DATE = re.compile(r"^(?:last|previous|earlier)\b|\b(?:ago|yesterday|earlier)$", re.I)
# a date question asking for several ("which months", "what were the dates") and a span
# naming several ("March and May", "Jan. 7-10")
_PLURAL_DATE = re.compile(r"\b(?:dates|days|months|years|weekdays)\b", re.I)
# "what did he do there / in Dalian / while he was there?" and the travel that got him there
_WHILE_THERE = re.compile(r"\b(?:there|while|during|in|at)\b", re.I)
_GOING = re.compile(r"(?:flew|went|came|arrived|left|returned|travel+ed|headed|departed|journeyed)\b", re.I)
_DATE_RANGE = re.compile(r"\d\s*[-–]\s*\d|\bfrom\b.+\b(?:to|until|till|through)\b", re.I)
_SEVERAL = re.compile(r"\w (?:and|through|to) \w|\d\s*[-–]\s*\d")
HEAD_IN_SPAN = 1.0  # extra type credit when the answer span names the noun asked for
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


def typed_span(q: Question, s: Sent, table: SentenceTable) -> tuple[tuple[int, int, str] | None, float]:
    """The sentence's short answer and its type credit: 1 for a span of the type asked,
    more where it also names the noun asked for, 0 where what the question asks of the
    answer (a post, a quotation, a companion) rules the span out."""
    span = best_span(q, s, table)
    if (
        span is not None
        and q.qtype == PERSON
        and is_headline(s.text)
        and (not table.named_in_body(s, span[2]) or re.fullmatch(r"[A-Z][a-z]+s", span[2]))
    ):
        # a headline's capitals name no one ("Kim Visits Beijing Amid US-China Trade
        # Talks"), nor does its "Experts: ..." say which expert
        span = None
    if q.qtype == PERSON and "~head" in q.terms and span is not None and not _heads_it(q, s.text, span):
        span = None  # "who headed the US delegation?": not whoever a sentence about the talks names
    typed = (
        1.0
        if span is not None and (q.qtype != OTHER or q.subtype in ("KIND", "DESCRIBE", "MEANS", "FIELD", "ACTIVITY"))
        else 0.0
    )
    if (
        span is not None
        and q.head
        and (q.qtype in (PERSON, ORG, PLACE, NUMBER) or q.subtype == "KIND")
        and (KIN if q.kin else {q.head}) & _span_nouns(q, s, span)
    ):
        # "which foreign minister" -> "Foreign Minister Wang Yi"; "what sort of process" ->
        # "a step-by-step process"
        typed += HEAD_IN_SPAN
    elif span is not None and q.qtype == PERSON and q.head in ROLE_STEMS:
        title = set(terms(" ".join(s.text[: span[0]].split()[-2:]) + " " + span[2]))
        if title & ROLE_STEMS:
            typed = 0.0  # "which foreign minister" is not "President Xi Jinping"
    if q.subtype == "DESCRIBE" and span is not None and _BEFORE.search(q.text) and not _FORMER.search(span[2]):
        typed = 0.0  # "his career before his current role": "a retired U.S. diplomat", not his title now
    elif q.subtype == "DESCRIBE" and span is not None and _NOW.search(q.text) and _FORMER.search(span[2]):
        typed = 0.0  # and "his current role" is his title now, not "a retired U.S. diplomat"
    if q.qtype == DATE and span is not None:
        if (_OPINION.search(q.text) and _outside_quotes(s.text, span)) or (
            _FUTURE.search(q.text) and _PAST_DATE.search(span[2])
        ):
            typed = 0.0
    if q.qtype == PLACE and span is not None and _THINKS_WHERE.search(q.text) and _outside_quotes(s.text, span):
        span, typed = None, 0.0  # "where does he think they'll hold it?": a place in his words, not his title's
    if said_by_antecedent(q, s, table):
        # "The expert pointed out ... to visit Beijing ...": the one a sentence or two
        # before names said it, whoever else this one names
        span, typed = None, 1.0
    elif (found := said_by_speaker(q, s, table)) is not None:
        # "... going to China not only to get permission from Xi Jinping ...": Joseph Yun
        # said it, named where the quotation ends, not Xi; but "who else ...?" is not
        # the one the previous turn named
        named, speaker = found
        who = set(terms(speaker[2]))
        if any(n <= who or who <= n for n in q.other_names):
            span, typed = None, 0.0
        elif named is s:
            span, typed = speaker, 1.0
        else:
            span, typed = None, 1.0
    if q.subtype == "MEANS" and span is not None and " " in span[2]:
        typed += HEAD_IN_SPAN  # "how did he get there": a vehicle named is the answer itself
    if (
        q.subtype == "ACTIVITY"
        and span is not None
        and re.search(r"(?i:\b(?:there|while|during)\b)|\b(?:in|at)\s+[A-Z]", q.text)
    ):
        # "what did he do while he was there": a deed done there ("attended a formal
        # banquet") is the answer itself, which his getting there is not
        typed += 0.5 * HEAD_IN_SPAN
    if q.qtype == PERSON and q.other_names and span is not None and re.fullmatch(r"[A-Z][a-z]+s", span[2]):
        span, typed = None, 0.0  # "who else did they talk to?": another one, not "Experts"
    if q.qtype == PERSON and q.subtype != "AGENT" and span is not None and agent_line("", s.text[: span[0]]):
        typed = 0.0  # "MOSCOW (Sputnik), Tommy Yang - ...": the reporter, no analyst he quotes
    if q.subtype == "COMPANY" and not _COMPANION.search(s.text):
        typed = 0.0  # "who went with him": not whoever he met there
    return span, typed


def best_span(q: Question, s: Sent, table: SentenceTable) -> tuple[int, int, str] | None:
    """The typed candidate nearest the question's words, preferring rare (specific) words."""
    if q.subtype == "YESNO":
        return yesno_span(q, s, table)
    if asks_words(q):
        said = said_span(q, s.text)
        if said is not None:
            return said
    seen = seen_as(q, s.text) if q.qtype == OTHER else None
    if seen is not None:
        return seen
    told = content_of(q, s.text) if q.qtype == OTHER and q.subtype is None else None
    if told is not None:
        return told
    if q.subtype == "EXPAND":
        cands = s.candidates("EXPAND")
    elif q.subtype == "DESCRIBE":
        name = described(q.text)
        cands = describe_spans(s.text, name) if name else []
    elif q.subtype == "MEANS":
        cands = s.candidates("MEANS")
    elif q.subtype == "FIELD":
        cands = field_spans(s.text)
    elif q.subtype == "ACTIVITY":
        # not what the question sets aside ("apart from the talks": "held discussions")
        aside = q.excluded | ({"discuss", "negoti", "meet"} if "talk" in q.excluded else set())
        cands = [c for c in activity_spans(s.text) if not aside & set(terms(c[2]))]
        if _WHILE_THERE.search(q.text):
            cands = [c for c in cands if not _GOING.match(c[2])]  # what he did there, not getting there
    elif q.subtype == "KIND" and kind_subject(q.text):
        cands = kind_spans(s.text, kind_subject(q.text))  # type: ignore[arg-type]
    elif q.qtype == OTHER:
        cands = s.candidates(OTHER) + (head_phrases(s.text, q.head) if q.head else []) + objects(q, s.text)
    else:
        cands = [c for c in s.candidates(q.qtype) if fits_subtype(c[2], s.text, c[0], q.subtype)]
        if q.subtype == "DURATION":
            # "how long was the trip to last?" -> "from Jan. 7-10": a span of dates is a length
            cands += [c for c in s.candidates(DATE) if _DATE_RANGE.search(c[2])]
    if not cands:
        return None
    qset = set(q.terms) | set(q.carried)
    aset = with_variants(qset - _PREPOSITIONS, table.variants)
    words = s.words()
    starts, ends = s.bounds()
    anchors = anchor_words(aset, s)
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
    qnames = _words_of(f"{q.text} {q.carried_text}") if q.qtype == PERSON else frozenset()
    plural = q.qtype == DATE and _PLURAL_DATE.search(q.text) is not None
    # (not for places: "in what venue" is "at the Moscone Center" as often as "in ...")
    prep = _asked_prep(q) if q.qtype == ORG else None
    official = q.qtype == PERSON and not q.kin and q.head in ROLE_STEMS and q.head not in KIN
    best, best_score = None, -1e9
    for a, b, text in cands:
        # the words wholly inside [a, b): a run lo..hi-1 (words are in text order)
        lo, hi = bisect_left(starts, a), bisect_right(ends, b)
        if hi <= lo:
            continue
        ct = s.stems_between(lo, hi)
        if q.qtype == PERSON and any(n <= ct or ct <= n for n in q.other_names):
            continue  # "the other expert" is not the one the previous turn named
        novel = ct - qset
        if ct and not novel:
            continue  # the question's own words are not its answer
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
    if best is not None and q.qtype == ORG:
        # the whole name: "Asan Institute for Policy Studies", "Korea Economic Institute of America"
        a, b, text = best
        longer = [
            c for c in cands if c[0] == a and c[1] > b and re.match(r"\s+(?:for|on)\s|\s+of\s+[A-Z]", s.text[b : c[1]])
        ]
        if longer:
            best = max(longer, key=lambda c: c[1])
        # "what organization is Yun affiliated with?": the body hosting a program ("the Asia
        # Program at the US Institute for Peace"), unless a program is asked for
        host = [c for c in cands if c[0] > best[1] and re.fullmatch(r"\s+at\s+(?:the\s+)?", s.text[best[1] : c[0]])]
        if host and q.head not in ("program", "depart", "divis", "offic", "servic"):
            best = host[0]
    if best is not None and q.subtype == "YEAR":
        # "what year did he take office?" -> "2012"; "when" keeps "in 2012"
        a, b, text = best
        m = re.match(r"in\s+(?:the\s+)?", text)
        if m and re.fullmatch(r"(?:1\d|20)\d{2}s?", text[m.end() :]):
            best = (a + m.end(), b, text[m.end() :])
    return best


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
    stretches = quoted(text)
    return bool(stretches) and not any(a <= span[0] and span[1] <= b for a, b in stretches)


def _span_nouns(q: Question, s: Sent, span: tuple[int, int, str]) -> set[str]:
    """Terms that describe the span: its own, and for a person the words of the title
    or apposition around the name ("Professor Shin", "Shi Yinhong, a ... professor at")."""
    if q.qtype != PERSON:
        return set(terms(span[2]))
    before = s.text[: span[0]].split()[-3:]
    after = s.text[span[1] :].split()[:6]
    return set(terms(" ".join(before) + " " + span[2] + " " + " ".join(after)))
