"""Elliptical turns that ask an earlier question again, changed: "And Hu Xijin?" (of
someone else), "what about the RAND guy?" (of whoever holds a role), "and the second
time?" (of another occasion), "where was the trump one?" (of the event named before).
rag/conversation.py tries these before resolving pronouns."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .question_type import PERSON, answer_type
from .question_words import ROLE
from .records import Answer
from .referents import (
    ELLIPSIS,
    EVENT_NOUN,
    NTH,
    ONE,
    ORDINALS,
    OTHER_ONE,
    ROLE_ELLIPSIS,
    SAME_FOR,
    WHO_SAID_THAT,
    is_person,
    untitled,
)
from .spans import spans
from .turns import needs_context
from .who_said import NOBODY_SAYS

if TYPE_CHECKING:
    from .pipeline import Pipeline


def one_named(turns: list[tuple[str, Answer]], question: str) -> str:
    """ "where was the trump one?" after "how many summits did kim and xi have?": the
    Trump summit. "one" is the event an earlier question named (not "the other one",
    who is someone), as is "it" in "... before it?"."""
    one = ONE.search(question)
    m = one or _BEFORE_IT.search(question)
    if m is None or not turns:
        return question
    for q0, _t in reversed(turns):
        noun = EVENT_NOUN.search(q0)
        if noun and one:
            return question[: m.end(1)] + noun.group(1).lower() + question[m.end() :]
        if noun and not noun.group(0).lower().endswith("s"):  # ("it" is one event, not "how many trips")
            # "before it": "before the Singapore summit", with the words naming which
            named = _NAMED_EVENT.search(q0[: noun.end()])
            event = "the " + (named.group(0) if named else noun.group(0))
            return question[: m.start()] + m.group(1) + event + question[m.end() :]
    return question


# "how many trips had he made before it?" after "where was their first summit?": the event
# an earlier question named, which the answer calls so ("before ... the Singapore summit")
_NAMED_EVENT = re.compile(
    r"(?:\b(?:[A-Z][\w’'-]+|first|second|third|fourth|last|next)\s+){1,2}"
    r"(?:summit|meeting|trip|visit|journey|tour|speech|address|briefing|panel)s?$"
)
_BEFORE_IT = re.compile(r"\b((?:before|after|ahead\s+of|prior\s+to|since)\s+)(?:it|that)(?=\W*$)", re.I)


_WITH_ELLIPSIS = re.compile(
    r"^\W*(?i:(?:and\s+)?(?:what|how)\s+about|and)\s+(?i:with)\s+((?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]+)\s*[?.!]*\s*$"
)


def swapped(pipeline: Pipeline, turns: list[tuple[str, Answer]], question: str) -> str | None:
    """ "And Hu Xijin?" after "What did Lu Kang say about the talks?": the previous
    question asked of the person named instead of the one it named first."""
    m = ELLIPSIS.match(question) or _WITH_ELLIPSIS.match(question)
    # "and Xi?": one word is no name to the span rules, but the articles call him so
    if m is None or not turns or not (is_person(m.group(1)) or " " not in m.group(1)):
        return None
    if not pipeline.is_someone(m.group(1)):
        return None  # "and Beijing?": capitalised like a name, and no one's
    prev_q, prev = turns[-1]
    text = prev.resolved_question or prev_q
    people = [(a, b) for a, b, _n in spans(text, PERSON) if a > 0]
    if not people:
        return None
    # "and with Moon?" after "how many summits did Kim and Xi hold?": the one met,
    # named last, is the one replaced
    if m.re is _WITH_ELLIPSIS:
        # ("Xi", one word, is someone the articles name, though no name to the span rules)
        people += [
            (w.start(), w.end()) for w in re.finditer(r"\b[A-Z][\w’'-]+", text) if pipeline.is_someone(w.group(0))
        ]
        people = [p for p in people if p[0] > 0 and not any(o != p and o[0] <= p[0] and p[1] <= o[1] for o in people)]
    a, b = max(people) if m.re is _WITH_ELLIPSIS else people[0]
    return text[:a] + m.group(1) + text[b:]


def same_for(pipeline: Pipeline, turns: list[tuple[str, Answer]], question: str) -> str | None:
    """ "same question for xi, in the voa article" after "in the rfa story how many times
    did kim meet moon last year?": the previous question with its last person (the one
    met, told, asked about) replaced, and cited from the article named instead."""
    m = SAME_FOR.match(question)
    if m is None or not turns or not pipeline.is_someone(m.group("who")):
        return None
    prev_q, prev = turns[-1]
    text = prev_q if not needs_context(prev_q) else (prev.resolved_question or prev_q)
    if m.group("where"):
        text = pipeline.uncited(text)
        # ("in the rfa story" leaves "in the story" behind)
        text = re.sub(r"(?i)\b(?:in|from)\s+the\s+(?:story|article|piece|report)\b\s*", "", text).strip()
        text = f"{text.rstrip(' ?')} {m.group('where').strip()}?"
    people = [(a, b) for a, b, _n in spans(text, PERSON) if a > 0]
    if not people:
        return None
    a, b = people[-1]
    return text[:a] + m.group("who") + text[b:]


_SAME_FOR_ROLE = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?)[\s,]+)?(?:the\s+)?(?:same\s+(?:question\s+|thing\s+)?(?:for|about|but\s+for)|ditto\s+for)\s+"
    r"((?:the|that)\s+[^?,]+?)\s*[?.!]*\s*$",
    re.I,
)


def swapped_role(
    pipeline: Pipeline, turns: list[tuple[str, Answer]], question: str, k: int | None = None
) -> str | None:
    """ "what about the RAND guy?" after "what is Hill worried Beijing is pushing Kim to
    demand?": the previous question asked of the one the role names (Bruce Bennett).
    After a question asking who someone is, it asks who this one is, and is no swap."""
    same = _SAME_FOR_ROLE.match(question)
    if same:
        question = f"what about {same.group(1)}?"  # "same question for the editor"
    m = ROLE_ELLIPSIS.match(question)
    if m is None or not turns or OTHER_ONE.search(question) or answer_type(question) != PERSON:
        return None
    prev_q, prev = turns[-1]
    text = prev.resolved_question or prev_q
    people = [(a, b) for a, b, _n in spans(text, PERSON) if a > 0]
    if answer_type(text) == PERSON or re.match(r"\W*(?:and\s+|so\s+)?who\b", text, re.I) or not people:
        return None
    who = pipeline.answer(f"Who is {m.group(1)}?", k=k)
    if who.abstained or not who.short_answer or not is_person(who.short_answer):
        return None
    a, b = people[0]
    # "what does the RAND guy say Kim wants?": the one asked of is the role, not Kim
    role = _BY_ROLE.search(text[:a])
    if role:
        a, b = role.span()
    return text[:a] + who.short_answer + text[b:]


_BY_ROLE = re.compile(rf"\b(?:the|that|this)\s+(?:[\w’'.-]+\s+){{0,3}}?(?:(?i:{ROLE})|guy|man|woman|fellow)\b", re.I)


def nth(turns: list[tuple[str, Answer]], question: str) -> str | None:
    """ "and the second time?" after "when did Kim first go to China?": the previous
    question, of the occasion this one counts."""
    m = NTH.match(question)
    if m is None or not turns:
        return None
    prev_q, prev = turns[-1]
    # (a turn that leaned on the one before was asked as its resolution)
    text = (prev.resolved_question or prev_q) if needs_context(prev_q) else prev_q
    if text != prev_q and len(turns) > 1:
        # "where? late March when did Xi and Kim first meet ...": the first occasion's
        # answer, carried into "where?", is none of the second's
        first = turns[-2][1]
        if first.short_answer and not first.abstained:
            text = text.replace(f" {first.short_answer} ", " ")
    text = re.sub(rf"\s*\b(?:for\s+the\s+)?(?:{ORDINALS})(?:\s+time)?\b", "", text, flags=re.I).rstrip(" ?")
    return f"{text} for the {m.group(1).lower()} time?"


# "Zhao pointed out that ...", "Hu Xijin, the editor ... said on Twitter Tuesday that ...":
# the one whose words follow is named before the verb
_SAID_LEAD = re.compile(
    r"^[“\"]?[A-Z][^“\".]{0,100}?\b(?:said|says|told\s+[^,“\"]{1,40}?|pointed\s+out|argued|noted|added|warned|"
    # ('Professor Shin Sangjin of Kwangwoon University said, “Kim’s visit ...')
    r"expressed\s+concern|believes|thinks|stressed|explained|suggested)\b(?:[^“\"]{0,30}?\bthat\b)?(?:,?\s*[“\"]|\s+)"
)
# '..., ” said Joseph Yun, ...', '...," Zhao Tong, a fellow ..., told Sputnik.', '...,” he added.'
_SAID_TAIL = re.compile(
    r"[,.?!]?\s*[”\"]\s*,?\s+(?:said|says|told|added|[A-Z].{0,200}?\b(?:said|says|told|added))\b.*$"
)
_SPOKEN = re.compile(r"[“”\"]|\b(?:said|says|told|according\s+to)\b")
_WH_AUX = re.compile(
    r"^\W*(?:why|how|what|when|where|who)\s+(?:is|are|was|were|do|does|did|could|would|can|will|has|have|had)\s+", re.I
)


def whose_words(pipeline: Pipeline, turns: list[tuple[str, Answer]], question: str) -> str | None:
    """ "who argued that?": asked of the words the previous answer quoted, whose speaker
    is the answer. The speaker's own name and verb are taken off those words, or the
    name would be no answer to a question that holds it ("Zhao pointed out that ..." asks
    "who said China can no longer trust ...?"). Where the previous answer is the article's
    own narration, "that" is what the previous question asked about ("why are analysts
    calling it a dual message?" -> who said so: Joseph Yun)."""
    if not turns or not WHO_SAID_THAT.match(question):
        return None
    prev_q, prev = turns[-1]
    if prev.abstained or not prev.quotes:
        return None
    quote = prev.quotes[0]
    text = quote.text.strip()
    bare = _SAID_TAIL.sub("", _SAID_LEAD.sub("", text)).strip(' “”",')
    if pipeline.speaker_of(quote.doc, quote.start) is not None:
        # ('"...," Lu said.' asks who said the words, not who said "Lu said")
        text = bare if len(bare.split()) >= 4 else text
    else:
        if bare != text.strip(' “”",') and len(bare.split()) >= 4:
            text = bare
        elif _SPOKEN.search(text) is None or NOBODY_SAYS.search(text.rstrip(". ")):
            asked = (prev.resolved_question or prev_q) if needs_context(prev_q) else prev_q
            return f"who said {_WH_AUX.sub('', asked.strip()).rstrip('?')}?"
    return f"who said {text}"


# "does anyone disagree?", "who sees it differently?": the view the article sets against
# the one just quoted ("However, other experts argued that ...")
_DISAGREE = re.compile(
    r"^\W*(?:(?:and|so|but|ok(?:ay)?)[\s,]+)?(?:"
    r"(?:does|did|do|is|was)\s+(?:anyone|anybody|someone|somebody|any\s+(?:other\s+)?(?:experts?|analysts?|scholars?))"
    r"(?:\s+else)?(?:\s+in\s+(?:that|the|this)\s+(?:story|article|piece|report))?\s+(?:disagree|think\s+otherwise|see\s+it\s+differently|argue\s+(?:otherwise|the\s+opposite)|"
    r"push\s+back|dispute\s+(?:that|this|it))"
    r"|who\s+(?:else\s+)?(?:disagrees|disagreed|thinks\s+otherwise|sees\s+it\s+differently|argues\s+otherwise)"
    r"|(?:what|how)\s+about\s+(?:the\s+)?(?:other|opposing)\s+(?:view|side|camp)"
    r")(?:\s+(?:with|on|against)\s+(?:him|her|them|that|this|it))?\W*$",
    re.I,
)


def disagreeing(pipeline: Pipeline, turns: list[tuple[str, Answer]], question: str) -> str | None:
    """ "does anyone disagree?" after Ding's view: what the other experts of that article
    argued about it, where the article says so; None otherwise."""
    if not turns or not _DISAGREE.match(question):
        return None
    prev = turns[-1][1]
    if prev.abstained or not prev.quotes or not pipeline.dissent_in(prev.quotes[0].doc):
        return None
    # ("who disagrees?" asks for the name: the quotation after it gives it)
    return (
        "who else argued about that?"
        if re.match(r"\W*(?:\w+\W+)?who\b", question, re.I)
        else ("what did other experts argue about that?")
    )


# "whats his name btw", "what is her full name?": the name of whom "his" means
_NAME_ASKED = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|btw)[\s,]+)?(?:what(?:['’]?s|\s+is|\s+was)\s+)?(?:his|her)\s+(?:full\s+)?name\b", re.I
)
# (no apostrophe inside: "What's Hu Xijin's name?" is Hu Xijin's)
_NAME_OF = re.compile(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['’]s\s+(?:full\s+)?name\b")


def name_answered(typed: str, resolved: str | None, ans: Answer) -> None:
    """ "whats his name btw" after "what did the kwangwoon university professor say?":
    the name is the answer (in full where the sentence gives it), and the sentence
    naming him its first quote."""
    named = _NAME_OF.search(resolved or "") if _NAME_ASKED.match(typed) else None
    if not named or not ans.quotes or ans.abstained:
        return
    name = untitled(named.group(1))
    at = next((i for i, x in enumerate(ans.quotes) if name and name in x.text), 0)
    if at:
        # ("I think Kim Jong-un went to China ..." is his, but says "Kim" of someone else)
        ans.quotes.insert(0, ans.quotes.pop(at))
    if name and name in ans.quotes[0].text:
        # ("Bruce Bennett" for "Bennett")
        full = next((t for _a, _b, t in spans(ans.quotes[0].text, PERSON) if t.endswith(f" {name}")), None)
        ans.short_answer = untitled(full) if full and untitled(full) else name
