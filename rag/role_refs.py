"""People a follow-up calls by a description rather than a pronoun: "what does that guy
think about it?" (he), "what does the ex-diplomat expect next?" after "who is Joseph
Yun?" (Yun, a retired U.S. diplomat). rag/conversation.py rewrites these before it
resolves pronouns."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .question_type import PERSON
from .question_words import ROLE, ROLE_STEMS
from .records import Answer
from .referents import is_person
from .retrieve import terms
from .roles import GENERIC_EXPERTS
from .spans import spans

if TYPE_CHECKING:
    from .pipeline import Pipeline

# "that guy", "this woman": a pronoun in other words
_THAT_GUY = re.compile(r"\b(?:that|this)\s+(guy|man|person|fellow|gentleman|chap|dude|woman|lady)(['’]s)?(?!\w)", re.I)
# "the ex-diplomat", "the former ambassador", "the spokesperson" (not "the other ...")
_ROLE_NP = re.compile(
    rf"\b(?:the|that|this)\s+(?!other\b)((?:ex-|former\s+|retired\s+)?(?:[\w’'.-]+\s+){{0,2}}?(?i:{ROLE}|spokesperson))\b",
    re.I,
)
_NATIONS = frozenset(terms("chinese korean american japanese russian south north us u.s."))
_ASKS_WHO = re.compile(r"^\W*(?:and\s+|so\s+)?(?:who|whom|which|name)\b", re.I)
# words that say when someone held a post, not which post
_TENSE = frozenset(terms("ex former retired current"))
# one role, several words for it
_SAME_ROLE = {"spokesperson": "spokesman", "spokeswoman": "spokesman"}


def as_pronoun(question: str) -> str:
    """ "what does that guy think about it?" -> "what does he think about it?"."""

    def pronoun(m: re.Match[str]) -> str:
        she = m.group(1).lower() in ("woman", "lady")
        if m.group(2):
            return "her" if she else "his"  # "that guy's job": his job
        return "she" if she else "he"

    return _THAT_GUY.sub(pronoun, question)


def _people(turn: tuple[str, Answer], pipeline: Pipeline) -> list[str]:
    """Those a turn was about: named in its question, its short answer, or the one
    whose words its answer quotes."""
    asked, ans = turn
    text = ans.resolved_question or asked
    found = [n for _a, _b, n in spans(text, PERSON)]
    if ans.short_answer and not ans.abstained and is_person(ans.short_answer):
        found.append(ans.short_answer)
    if ans.quotes and not ans.abstained:
        spoke = pipeline.speaker_of(ans.quotes[0].doc, ans.quotes[0].start)
        found += [spoke] if spoke else [n for _a, _b, n in spans(ans.quotes[0].text, PERSON)]
    return [n for n in dict.fromkeys(found) if n]


def role_named(pipeline: Pipeline, turns: list[tuple[str, Answer]], question: str) -> str:
    """The question with "the ex-diplomat" replaced by the one person whose post the
    articles give as that (and whose post holds every other word of it: "the kyungnam
    professor" is not Shi Yinhong), from the latest turn naming anyone of that post;
    unchanged otherwise."""
    m = _ROLE_NP.search(question)
    if m is None or not turns or _ASKS_WHO.match(question):
        # ("which of them is the foreign minister?" asks who holds the post)
        return question
    said = [_SAME_ROLE.get(t, t) for t in terms(m.group(1).replace("ex-", "ex "))]
    role = {t for t in said if t in ROLE_STEMS} | {t for t in said if t == "spokesman"}
    rest = {t for t in said if t not in role and t not in _TENSE}
    if not role:
        return question
    # "the chinese scholar" after two turns about Shi Yinhong, a professor at Renmin
    # University: an expert of any post, whose country his post need not name
    generic = role <= GENERIC_EXPERTS and bool(rest) and rest <= _NATIONS
    for turn in reversed(turns):
        # the previous turn's person, else an earlier one's ("going back to the RAND
        # researcher, ..." after two turns about others)
        fits = [
            n
            for n in _people(turn, pipeline)
            if (held := pipeline.posts_of(n))
            and ((role <= held and rest <= held | set(terms(n))) or (generic and turn is turns[-1]))
        ]
        if generic:  # ("Shi" is Shi Yinhong)
            fits = [n for n in fits if not any(set(terms(n)) < set(terms(o)) for o in fits)]
        if len({frozenset(terms(n)) for n in fits}) == 1:
            return question[: m.start()] + fits[0] + question[m.end() :]
        if fits:
            break  # two people of that post: which one is not said
    return question


# "what did Hu Xijin's paper predict?": the paper he works for, by its name
_THEIR_PLACE = re.compile(
    r"\b((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)['’]s\s+(paper|newspaper|outlet|institute|university|think\s+tank|"
    r"organi[sz]ation)\b"
)
# "what is Bruce Bennett's employer?", "which is his paper?": the place is what is asked
_ASKS_PLACE = re.compile(
    r"^\W*(?:(?:and|so)\s+)?(?:what|which)(?:['’]s|\s+is|\s+was)\s+(?:[A-Z][\w’'-]+\s+){1,3}?\S*['’]s\s+\w+\W*$"
)


def employer_named(pipeline: Pipeline, question: str) -> str:
    """ "what did Hu Xijin's paper predict?" -> "what did the Global Times predict?", where
    the articles say which paper (institute, university) he works for; unchanged otherwise."""
    m = _THEIR_PLACE.search(question)
    if m is None or not pipeline.is_someone(m.group(1)) or _ASKS_PLACE.match(question):
        return question
    found = pipeline.answer(f"Which {m.group(2)} does {m.group(1)} work for?")
    name = found.short_answer if not found.abstained else None
    if not name or set(terms(name)) & set(terms(m.group(1))):
        return question
    the = "" if name.lower().startswith("the ") or re.search(r"['’]s\b", name) else "the "
    return question[: m.start()] + the + name + question[m.end() :]


def someone_new(ctx: str, short: str, person: bool, is_someone: Callable[[str], bool]) -> str:
    """The context of a turn led by someone new ("and the North Korean studies professor,
    what does China get out of it in his view?"): the last answer (a person, or "the
    institute Ding runs") is no word to find, and his sentence no nearer the answer; when
    the last answer was no person, neither is the one the turn before asked about ("Ding
    Xueliang" of "the Institute Ding Xueliang runs", not the "Kim" every turn is about)."""
    gone = [short] if person else [short] + [n for _a, _b, n in spans(ctx, PERSON)]
    for g in gone:
        ctx = re.sub(rf"\s*\b{re.escape(g)}\b", "", ctx)
    if not person:
        full = re.findall(r"(?=\b([A-Z][\w’'-]+\s+[A-Z][\w’'-]+))", ctx)
        for w in [w for w in full if all(is_someone(x) for x in w.split())]:
            ctx = re.sub(rf"\s*\b{re.escape(w)}\b", "", ctx)
    return ctx.strip()
