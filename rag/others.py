"""Someone else: "who else was on the panel?" and "the other expert in that article"
ask for a person besides the one the previous turn was about. rag/conversation.py asks
these of its turns."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .question_type import PERSON
from .records import Answer
from .referents import OTHER_EXPERT, OTHER_ONE, is_person, replace_pronoun
from .retrieve import terms
from .spans import spans

if TYPE_CHECKING:
    from .pipeline import Pipeline

# "who is Zhao Tong?": what `other_named` asks of "the other analyst?"
WHO_IS = re.compile(r"who is (.+)\?")
# (doc, start) of the previous answer's sentence, and the people the answer must not be
Other = tuple[str, int, tuple[str, ...]]


def other_than(turns: list[tuple[str, Answer]], question: str, force: bool = False) -> Other | None:
    """For "the other expert" (or, with `force`, "who else"): (doc, start) of the
    previous answer's sentence and the people the previous turn was about, whom the
    answer must not be."""
    if not turns or not (force or OTHER_ONE.search(question)):
        return None
    # the last turn answered ("who else was on the panel?" after "what org does she
    # run?" went unanswered is still about the one named before it)
    answered = [(q0, a) for q0, a in turns[-2:] if a.quotes and not a.abstained]
    if not answered:
        return None
    prev_q, prev = answered[-1]
    prev_q = prev.resolved_question or prev_q
    last = turns[-1][1].resolved_question or turns[-1][0]
    names = [n for _a, _b, n in spans(prev_q, PERSON) + (spans(last, PERSON) if last != prev_q else [])]
    if prev.short_answer and is_person(prev.short_answer):
        names.append(prev.short_answer)
    if not names:
        # "what did the kwangwoon university professor say?" named him by role; the
        # sentence quoted names him ("Professor Shin Sangjin of ...")
        names = [n for _a, _b, n in spans(prev.quotes[0].text, PERSON)]
    return prev.quotes[0].doc, prev.quotes[0].start, tuple(names)


def other_named(pipeline: Pipeline, question: str, other: Other) -> str | None:
    """ "the other chinese scholar quoted there — who is he?" -> "who is Zhao Tong?",
    where the article the previous answer came from introduces just one expert
    besides those the previous turn was about; None otherwise."""
    m = OTHER_EXPERT.search(question)
    if m is None:
        return None
    doc, _start, names = other
    experts = pipeline.experts_in(doc)
    gone: set[str] = set()
    for t in (set(terms(n)) for n in names):
        # "Zhao" is Zhao Tong, but "Kim" is neither Kim Hyun-wook nor Kim Dong-yub
        matches = [n for n in experts if t and t <= set(terms(n))]
        if len(t) > 1 or len(matches) == 1:
            gone.update(matches)
    left = [n for n in experts if n not in gone]
    # "the other south korean expert": one whose post says so, if any does
    told = set(terms(m.group(1) or "")) - {"other"}
    fits = [n for n in left if told and told <= pipeline.roles_of(n)]
    left = fits or left
    if len(left) != 1:
        return None
    name = left[0]
    rest = (question[: m.start()] + question[m.end() :]).strip(" ,.;:—–-?")
    rest = re.sub(r"^(?:and|so|what\s+about|how\s+about)\b\W*", "", rest, flags=re.I).strip(" ,.;:—–-")
    asks = re.search(
        r"\b(?:who|what|when|where|why|how|which|whom|does|did|do|is|was|has|had|will|would|can|could)\b", rest, re.I
    )
    if not asks or re.fullmatch(r"(?:who|what)\s+(?:is|was|'s)\s+(?:he|she)\W*", rest, re.I):
        return f"who is {name}?"  # "and the other analyst in that piece, the one from Carnegie?"
    if re.search(r"\b(?:he|she|him|his|her)\b", rest, re.I):
        return replace_pronoun(rest, name) + ("" if rest.endswith("?") else "?")
    return question[: m.start()] + name + question[m.end() :]
