"""Things a follow-up calls by the kind of thing they are: "where is that program based?"
after "which research program is Zhao Tong a fellow in?" means "Carnegie's Nuclear Policy
Program", and "who is the top editor at that paper?" after "which newspaper ran ...?"
means the Global Times. rag/conversation.py rewrites these before it resolves pronouns,
so the name the articles use is a word the answer must hold."""

from __future__ import annotations

import re

from .question import kind_subject
from .question_head import head_noun
from .question_type import DATE, ORG, PERSON, answer_type
from .records import Answer
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
    r"\b(?:is|was)\s+(it)\s+(?:based|located|headquartered|published)\b|\bdoes\s+(it)\s+(?:do|publish|cover|study)\b",
    re.I,
)


def it_named(question: str, thing: str | None) -> str:
    """ "who runs it?" after "what is the Global Times?" -> "who runs the Global Times?"."""
    m = _IT_ORG.search(question) if thing else None
    if m is None:
        return question
    g = next(i for i in (1, 2, 3) if m.group(i))
    return question[: m.start(g)] + thing + question[m.end(g) :]  # type: ignore[operator]


def answer_named(question: str, asked: str, answer: str | None) -> str:
    """The question with "that <kind>" replaced by the previous turn's short answer, when
    the kind is what that turn asked for ("which newspaper" -> "that paper") or a word of
    the answer itself ("that program" -> "Carnegie's Nuclear Policy Program")."""
    if not answer or len(answer.split()) > 6:
        return question
    head = head_noun(asked)
    said = set(terms(answer))

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
