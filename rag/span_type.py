"""The type credit of a sentence's short answer (rag/sentences.py weighs it): 1 for a
span of the type asked, more where it also names the noun asked for, 0 where what the
question asks of the answer (a post, a quotation, a companion, the speaker) rules the
span out. The span itself comes from rag/answer_span.py."""

from __future__ import annotations

import re

from .answer_span import best_span
from .question import Question
from .question_type import DATE, NUMBER, ORG, OTHER, PERSON, PLACE
from .question_words import KIN, ROLE_STEMS, companions
from .retrieve import terms
from .roles import EXPERT_POSTS, GENERIC_EXPERTS, roles_of
from .said_span import quoted
from .sentence_table import Sent, SentenceTable, is_headline
from .synonyms import concept_spans
from .who_said import agent_line, said_by_antecedent, said_by_speaker

_BEFORE = re.compile(r"\b(?:before|previous(?:ly)?|former(?:ly)?|earlier|past|used to)\b", re.I)
_NOW = re.compile(r"\b(?:current(?:ly)?|now|present(?:ly)?|these days|today)\b", re.I)
_FORMER = re.compile(r"\b(?:former(?:ly)?|retired|ex-|previous(?:ly)?|once|then)\b", re.I)
# "when does he expect/think ...": the date is in what he said, not in the line saying
# when or where he said it ("..., said Yun, ... speaking on a panel ... in 2019")
_OPINION = re.compile(r"\b(?:expect|predict|think|believe|forecast|anticipate|estimate|foresee|reckon)\w*", re.I)
# "where does he think they'll hold it?" (not "where was he speaking when he predicted it?")
_THINKS_WHERE = re.compile(
    r"\b(?:where|which\s+(?:city|country|place|venue|location))\s+(?:does|do|did)\s+(?:[\w’'-]+\s+){1,3}"
    r"(?:think|expect|believe|reckon|predict|guess|suggest|propose|favou?r|prefer|want)\b",
    re.I,
)
# a date the question places ahead ("when will the next summit happen?") is not one
# the article places behind ("the repeat of last year")
_FUTURE = re.compile(r"\b(?:will|next|upcoming|coming|going to|planned|expected)\b", re.I)
_PAST_DATE = re.compile(r"^(?:last|previous|earlier)\b|\b(?:ago|yesterday|earlier)$", re.I)
# "who is the beijing professor quoted ...?": the answer is the one holding that post
_WHO_IS_ROLE = re.compile(
    r"^\W*(?:and\s+|so\s+|ok\s+)?(?:who(?:['’]s|\s+is|\s+was|\s+are|\s+were)|which|name)\s+(?:the\s+|a\s+|that\s+)?"
    r"(?:[\w.’'-]+\s+){0,4}?(professor|ambassador|editor|spokes(?:man|woman|person)|fellow|director|researcher|"
    r"diplomat|envoy|minister|secretary|economist|reporter|chairman)s?\b",
    re.I,
)
# "did the spokesman say when ...?": a date in his words, not that of his briefing
_SAY_WHEN = re.compile(r"\b(?:say|mention|tell|indicate|reveal|specify|give)\s+when\b", re.I)
HEAD_IN_SPAN = 1.0  # extra type credit when the answer span names the noun asked for


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
    if (
        span is not None
        and q.qtype == PERSON
        and q.subtype is None
        # (a bare "who" may be answered by a team or a country, as SQuAD's often are)
        and ((q.head in ROLE_STEMS and not set(terms(span[2])) & table.people) or set(terms(span[2])) <= ROLE_STEMS)
    ):
        # "which Asan Institute expert weighed in?": "Beijing", the only capital of "Kim's
        # four-day travel to Beijing", names no one the articles know; nor does "Experts"
        span = None
    if span is not None and q.qtype == PERSON and not _works_there(q, span[2], table):
        span = None  # "who at Carnegie argued ...?": not "Beijing", nor an expert elsewhere
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
        and (KIN if q.kin else _asked_posts(q.head)) & _span_nouns(q, s, span)
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
        elif _SAY_WHEN.search(q.text) and not _in_words(s.text, span):
            span, typed = None, 0.0  # "did Lu Kang say when ...?": not the day of his briefing
    if q.qtype == PLACE and span is not None and _THINKS_WHERE.search(q.text) and _outside_quotes(s.text, span):
        span, typed = None, 0.0  # "where does he think they'll hold it?": a place in his words, not his title's
    if q.qtype == PLACE and span is not None and _EVENT_ASKED.search(q.text):
        hosts = _hosts_event(q.text, s.text, span)
        if hosts > 0:
            typed += 0.5 * HEAD_IN_SPAN  # "where was the Trump summit?" -> "a ... Singapore summit with Trump"
        elif hosts < 0:
            typed = 0.0  # "where will the second summit be held?": not where another was
        elif _VISITED.search(s.text[max(0, span[0] - 30) : span[0]]):
            typed -= 0.5 * HEAD_IN_SPAN  # and not where Kim went ahead of it ("visit to China ... ahead of")
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
    if q.qtype == PERSON and span is not None and (post := _WHO_IS_ROLE.match(q.text)):
        held = roles_of(table.role_of, span[2])
        if held and not held & set(terms(post.group(1))):
            typed = 0.0  # "President Donald Trump" is no professor
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
    if q.subtype == "COMPANY" and not companions(s.text):
        typed = 0.0  # "who went with him": not whoever he met there
    return span, typed


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


# "who at Carnegie argued ...?", "who from the Asan Institute ...": someone of that body
_AT_BODY = re.compile(
    r"\bwho\s+(?:at|from|with)\s+(?:the\s+)?((?-i:[A-Z])[\w’'&-]*(?:\s+(?-i:[A-Z])[\w’'&-]*){0,4})", re.I
)


_BODY_KINDS = frozenset(terms("institute university program center centre foundation council academy agency ministry"))


def _works_there(q: Question, name: str, table: SentenceTable) -> bool:
    """Is `name` someone the articles place at the body the question asks about ("who at
    Carnegie ...?": Zhao Tong, "a fellow in Carnegie's Nuclear Policy Program")? True
    where the question names no body, or none the articles place anyone at."""
    m = _AT_BODY.search(q.text)
    if m is None:
        return True
    placed = set().union(*table.role_of.values()) if table.role_of else set()
    # (by its own name: "the Asan Institute" is Shin's "Asan" though no "institute" is in his post)
    body = set(terms(m.group(1))) & placed - _BODY_KINDS
    if not body:
        return True
    said = set(terms(name))
    return any(
        body & roles and said and (said <= set(terms(full)) or set(terms(full)) <= said)
        for full, roles in table.role_of.items()
    )


_EVENT_ASKED = re.compile(r"\bwhere\b.*\b(summit|meeting|talks|conference|panel|briefing|banquet)s?\b", re.I)


def _hosts_event(question: str, text: str, span: tuple[int, int, str]) -> int:
    """1 where the place hosted the event asked about ("the Singapore summit", "a summit
    in Singapore", "the meeting, held in Dalian"), -1 where it hosted another of its kind
    ("the G20 summit in Argentina" for "the Trump summit"), 0 where it hosted none."""
    m = _EVENT_ASKED.search(question)
    if m is None:
        return 0
    event = m.group(1).lower()
    after = text[span[1] : span[1] + 40].lower()
    before = text[max(0, span[0] - 40) : span[0]]
    held = re.search(rf"(\S+)\s+{event}s?\b(?:,?\s+(?:was\s+|were\s+)?held)?\s+(?:in|at)\s+(?:the\s+)?$", before, re.I)
    if held and held.group(1)[:1].isupper() and not set(terms(held.group(1))) & set(terms(question)):
        return -1  # "the G20 summit in Argentina" is not "the Trump summit"
    if not (re.match(rf"\s*(?:[-–][\w-]+\s+)?{event}", after) or held):
        return 0
    # and the same event: what the question says of it ("the second Trump-Kim summit",
    # "the April 27 summit between Kim and Moon") is said in the sentence
    mods = re.search(r"\b(?:the|their|a|an|his|its|that|this)\s+((?:[\w’'-]+\s+){0,3})$", question[: m.start(1)], re.I)
    whose = re.match(r"s?\s+(?:between|with|of)\s+([^?,.;]+)", question[m.end(1) :], re.I)
    said = (mods.group(1).split() if mods else []) + (whose.group(1).split()[:6] if whose else [])
    near = set(terms(text))
    # (a year may be told as "last year")
    named = [w for w in said if w[:1].isupper() or _LATER.fullmatch(w.lower())]
    return 1 if set(terms(" ".join(named))) - {"where"} <= near else -1


_VISITED = re.compile(r"\b(?:visit|visits|trip|journey|went|flew|travel+ed|headed)\s+(?:to|in)\s+(?:the\s+)?$", re.I)
_LATER = re.compile(r"second|third|fourth|fifth|next|latest|upcoming|last")


def _outside_quotes(text: str, span: tuple[int, int, str]) -> bool:
    """Does the span lie outside the quotation of a sentence that quotes someone?"""
    stretches = quoted(text)
    return bool(stretches) and not any(a <= span[0] and span[1] <= b for a, b in stretches)


def _in_words(text: str, span: tuple[int, int, str]) -> bool:
    """Is the span in what someone said: inside a quotation, or after "said" or "told"
    in a sentence quoting no one?"""
    stretches = quoted(text)
    if stretches:
        return any(a <= span[0] and span[1] <= b for a, b in stretches)
    return re.search(r"\b(?:said|says|told|added|stated|announced|noted)\b", text[: span[0]]) is not None


def _asked_posts(head: str) -> set[str]:
    # "which analyst", "which expert": any expert's post says so ("Bruce Bennett, a
    # researcher for the RAND Corporation"); "which professor" wants that post
    return {head} | (EXPERT_POSTS if head in GENERIC_EXPERTS else set())


def _span_nouns(q: Question, s: Sent, span: tuple[int, int, str]) -> set[str]:
    """Terms that describe the span: its own, and for a person the words of the title
    or apposition around the name ("Professor Shin", "Shi Yinhong, a ... professor at")."""
    if q.qtype != PERSON:
        return set(terms(span[2]))
    before = s.text[: span[0]].split()[-3:]
    after = s.text[span[1] :].split()[:6]
    return set(terms(" ".join(before) + " " + span[2] + " " + " ".join(after)))
