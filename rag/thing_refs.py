"""Places and things a follow-up calls by the kind of thing they are: "where is that
program based?" after "which research program is Zhao Tong a fellow in?" means
"Carnegie's Nuclear Policy Program", "who is the top editor at that paper?" after "which
newspaper ran ...?" the Global Times, "there" and "that city" the place just named, and
"that site" the platform the words just quoted were posted on. rag/conversation.py
rewrites these as it resolves pronouns, so the name the articles use is a word the
answer must hold."""

from __future__ import annotations

import re
from collections.abc import Callable

from .question import kind_subject
from .question_head import head_noun
from .question_type import DATE, ORG, PERSON, answer_type
from .records import Answer
from .referents import PLATFORM, THAT_PLACE, THAT_SITE, THERE, TO_PLACE
from .retrieve import terms

_THAT_KIND = re.compile(r"\b(?:that|this|the\s+same)\s+((?:think\s+)?[a-z]+)\b(?!['’]s)", re.I)

# nouns for one kind of thing: "the paper" is the newspaper just named
_KINDS = tuple(
    frozenset(terms(words))
    for words in (
        "paper papers newspaper newspapers tabloid daily outlet publication",
        "group organization organisation outfit institute institution tank center centre body program programme "
        "agency university foundation",
        "city town place location venue spot capital port",
    )
)
# a time or a person is not referred to this way ("that year" is no name to find)
_NOT_THINGS = frozenset(terms("year day month week time date guy man woman person one"))


# "who runs it?", "where is it based?": "it" is an organization when these ask of it
_IT_ORG = re.compile(
    r"\b(?:runs|heads|leads|owns|founded|funds|edits|publishes|chairs|directs)\s+(it)\b|"
    r"\b(?:is|was)\s+(it)\s+(?:based|located|headquartered|published)\b|\bdoes\s+(it)\s+(?:do|publish|cover|study)\b|"
    # "what did it say about the trip?" after "What is KCNA?"
    r"^\W*(?:and\s+|so\s+)?what\s+(?:else\s+)?(?:did|does|has)\s+(it)\s+(?:say|report|write|claim|announce)\b",
    re.I,
)


def it_named(question: str, thing: str | None) -> str:
    """ "who runs it?" after "what is the Global Times?" -> "who runs the Global Times?"."""
    m = _IT_ORG.search(question) if thing else None
    if m is None:
        return question
    g = next(i for i in (1, 2, 3, 4) if m.group(i))
    return question[: m.start(g)] + thing + question[m.end(g) :]  # type: ignore[operator]


def answer_named(question: str, asked: str, answer: str | None) -> str:
    """The question with "that <kind>" replaced by the previous turn's short answer, when
    the kind is what that turn asked for ("which newspaper" -> "that paper") or a word of
    the answer itself ("that program" -> "Carnegie's Nuclear Policy Program")."""
    if not answer or len(answer.split()) > 6:
        return question
    head = head_noun(asked)
    said = set(terms(answer))
    # "that panel" after "where was he speaking?" -> "on a panel in Washington": the panel
    answer = re.sub(r"^(?i:on|at|in)\s+(?=(?i:a|an|the)\s)", "", answer)

    def same(m: re.Match[str]) -> str:
        noun = terms(m.group(1).split()[-1])
        if not noun or noun[0] in _NOT_THINGS:
            return m.group(0)
        n = noun[0]
        if n in said or n == head or any(n in kind and head in kind for kind in _KINDS):
            return answer
        return m.group(0)

    return _THAT_KIND.sub(same, question)


def things_named(question: str, asked: str, prev: Answer) -> str:
    """The question with "that <kind>" and an organization's "it" replaced by the thing
    the previous turn (its question `asked`, its answer `prev`) named."""
    qtype = answer_type(asked)
    answer = None if prev.abstained else prev.short_answer
    if qtype not in (PERSON, DATE):
        question = answer_named(question, asked, answer)
    return it_named(question, kind_subject(asked) or (answer if qtype == ORG else None))


_MOTION_THERE = re.compile(
    r"\b(get|got|go|went|travel(?:l?ed)?|come|came|fly|flew|head(?:ed)?|drive|drove)\s+there\b", re.I
)

# "what is the Asan Institute?" then "who works there?": there is that body
_BODY_ASKED = re.compile(
    r"^\W*(?:(?i:and|so|ok(?:ay)?)[\s,]+)?(?i:what)(?:['’]s|\s+is|\s+was)\s+(?:the\s+)?"
    r"((?:[A-Z][\w’'&-]*\s+){0,4}(?:Institute|University|Center|Centre|Corporation|Foundation|Council|Academy|"
    r"Program|Agency|Ministry)(?:\s+(?:for|of|on)(?:\s+[A-Z][\w’'&-]*){1,4})?)\W*$"
)


def places_and_things(
    question: str,
    out: str,
    place: str | None,
    earlier: str,
    asked: str,
    prev: Answer,
    is_someone: Callable[[str], bool],
) -> str:
    """`out` (the question as resolved so far) with "there" and "that city" replaced by
    `place` (the previous answer's, else the last place `earlier` named), "that paper" and
    an organization's "it" by the thing named (things_named), and "that site" by the
    platform the previous answer's words were posted on."""
    if (
        place is None
        and (THERE.search(question) or THAT_PLACE.search(question))
        and not re.match(r"\W*(?:is|are|was|were)\s+there\b", question, re.I)
    ):
        # "what did he do while he was there?" after "How did Kim travel to Dalian?"
        places = [m for m in TO_PLACE.findall(earlier) if not is_someone(m)]
        place = places[-1] if places else None
    body = _BODY_ASKED.match(asked) if place is None and THERE.search(question) else None
    # "who's in charge there?" after "Which Chinese paper said ...?" -> the Global Times
    paper = (
        prev.short_answer
        if place is None and not body and THERE.search(question) and not prev.abstained and answer_type(asked) == ORG
        else None
    )
    # (through a function: the name's text is never read as a replacement template)
    if body:
        out = THERE.sub(lambda _m: f"at the {body.group(1)}", out)
    elif paper:
        out = THERE.sub(lambda _m: f"at {paper}", out)
    elif place:
        # "how did he get there?" is how he got to Dalian, not in it
        out = _MOTION_THERE.sub(lambda m: f"{m.group(1)} to {place}", out)
        out = THAT_PLACE.sub(lambda _m: place, THERE.sub(lambda _m: f"in {place}", out))
    out = things_named(out, asked, prev)
    said = " ".join(x.text for x in prev.quotes[:1]) if not prev.abstained else ""
    site = PLATFORM.search(f"{prev.short_answer or ''} {said}")
    if site:
        # "can people in China even get on that site?" after "... said on Twitter"
        out = THAT_SITE.sub(site.group(0), out)
    return out
