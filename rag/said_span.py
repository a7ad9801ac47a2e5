"""The short answer to "what did he say ...?": the part of someone's reported words the
question does not already say.

"What did he say the timing of Kim's trip was linked to?" is answered by a quotation
that repeats the question's words and adds the answer ("the timing of Kim's China visit
is clearly linked to the planned second summit between him and President Trump"). The
answer is the longest stretch of the reported words that holds none of the question's
words, not a name or title from the attribution around them ("the editor in chief at").
"""

from __future__ import annotations

import re

from .question import Question
from .question_type import OTHER
from .retrieve import terms
from .synonyms import concept_spans

# "what did he say ...", "what does Bennett think ...", "and what does he reckon ..."
_ASKS_WORDS = re.compile(
    r"\bwhat\s+(?:else\s+)?(?:did|does|do|has|had|would|will)\s+(?:[\w’'.-]+\s+){1,7}?"
    r"(?:say|tweet|think|reckon|believe|warn|tell|claim|argue|suggest|write|post|fear|worry|expect|suspect|predict)\b|"
    # "what is he worried the Chinese might be pushing on Kim?": what he fears
    r"\bwhat(?:['’]s|\s+(?:is|was|are|were))\s+(?:[\w’'.-]+\s+){1,4}?(?:worried|concerned|afraid|fearful)\b|"
    # "what was Pompeo's position on the phased approach?": his words on it
    r"\bwhat(?:['’]s|\s+(?:is|was|are|were))\s+(?:[\w’'.-]+\s+){1,4}?(?:position|stance|take|view|opinion|verdict|line)\s+"
    r"(?:on|about|regarding|towards?)\b|"
    # "and the former ambassador, what was her take?": her words, on what was asked before
    r"\bwhat(?:['’]s|\s+(?:is|was|are|were))\s+(?:[\w’'.-]+\s+){1,4}?(?:take|view|opinion|verdict|assessment)\W*$|"
    # "how did Pompeo react to that?": what he said to it
    r"\bhow\s+(?:did|does|do|has|had|would|will)\s+(?:[\w’'.-]+\s+){1,4}?(?:react|respond|reply|describe|sum\s+up|"
    r"assess)\b",
    re.I,
)
# "X said that ...", "Zhao pointed out that ...": the words reported after the verb
_SAID_THAT = re.compile(
    r"\b(?:said|says|told|added|noted|tweeted|wrote|warned|argued|claimed|"
    r"stressed|insisted|believes|thinks|expects|suggested|predicted|pointed out|explained|expressed concern|reiterated)"
    # "he said the delegations were ...": a clause may follow without "that", but not
    # where the verb goes on to say when, where or to whom ("said on Twitter Tuesday")
    r"\s+(?:(?:[\w’'.-]+,?\s+){0,7}?that\s+|(?!(?:on|in|at|to|during|when|while|after|before|by|from|with|of|for|and|but|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?=(?-i:[a-z]|\d))|"
    # "said China would also welcome ...": a clause whose subject is a name
    r"(?=(?-i:[A-Z])[\w’'.-]+\s+(?:[\w’'.-]+\s+){0,2}?(?-i:would|will|is|was|are|were|has|had|have|may|might|could|"
    r"can|should|must|wants|needs)\b))",
    re.I,
)
# '..., Shin said.', '..., said Yun, a retired U.S. diplomat.': the words before the attribution
# "..., quoting one analyst who argued ...": where the attribution goes on to its source
# ", highlighting their differences ...": the writer's comment on them
_SOURCE = re.compile(
    r",\s+(?:quoting|citing|adding|according to|referring to|highlighting|underscoring|signall?ing|reflecting)\b"
)
_SAID_AFTER = re.compile(
    r",\s+(?:[^,]{0,60}?\b)?(?:said|says|added|noted|told|according to|suggested|argued|warned|explained|stressed|"
    r"pointed out)\b",
    re.I,
)
_WORD = re.compile(r"[\w’'-]+")
MIN_WORDS = 3  # a quoted name or phrase ("enough is enough" inside a longer quote) is no statement


def quoted(text: str) -> list[tuple[int, int]]:
    """The quoted stretches of a sentence. One whose first mark closes a quotation was
    opened in an earlier sentence ('... in the near future. But this can be realized
    sometime after the second summit."'), so it is quoted from its start."""
    marks = [(m.start(), m.group(0)) for m in re.finditer(r"[“”\"]", text)]
    if not marks:
        return []
    straight = sum(c == '"' for _, c in marks)
    first = marks[0][1]
    inside = first == "”" or (first == '"' and straight % 2 == 1 and not text.lstrip().startswith('"'))
    out, start = [], 0
    for pos, c in marks:
        if inside and c != "“":
            out.append((start, pos))
            inside = False
        elif not inside and c != "”":
            start, inside = pos + 1, True
    if inside:
        out.append((start, len(text)))
    return out


def asks_words(q: Question) -> bool:
    """Does the question ask for what someone said or thinks?"""
    return q.qtype == OTHER and q.subtype is None and _ASKS_WORDS.search(q.text) is not None


def reported(text: str) -> list[tuple[int, int]]:
    """Where a sentence gives someone's words: its quotations, else the clause after
    "said that", else what comes before ", he said"."""
    regions = [(a, b) for a, b in quoted(text) if len(_WORD.findall(text[a:b])) >= MIN_WORDS]
    if regions:
        return regions
    m = _SAID_THAT.search(text)
    if m:
        # "... said 2019 may be a seminal year, quoting one analyst who argued ...": the
        # words end where the attribution goes on to its source
        end = _SOURCE.search(text, m.end())
        return [(m.end(), end.start() if end else len(text))]
    m = _SAID_AFTER.search(text)
    if m and len(_WORD.findall(text[: m.start()])) >= MIN_WORDS:
        return [(0, m.start())]
    return []


# "what does he say about the chances of a trilateral summit?": the words about that
_ABOUT = re.compile(
    r"\b(?:say|said|says|think|thinks|tweet|tweeted|write|wrote|tell|told)\b.*?\babout\s+(.+?)\W*$", re.I
)


def _about_clause(q: Question, text: str) -> tuple[int, int, str] | None:
    """For "what does he say about X?": the clause of the reported words that speaks of
    X (most of X's words, at least four words long), its own words included."""
    m = _ABOUT.search(q.text)
    if m is None:
        return None
    topic = set(terms(m.group(1))) - q.pronoun_terms
    best: tuple[int, int, int] | None = None
    for ra, rb in reported(text):
        for c in re.finditer(r"[^,;:]+", text[ra:rb]):
            a, b = ra + c.start(), ra + c.end()
            lead = re.match(r"\s*(?:(?:but|while|although|though|and|yet|that|so)\s+)*", text[a:b], re.I)
            a += lead.end() if lead else 0
            words = _WORD.findall(text[a:b])
            hits = len(topic & set(terms(text[a:b])))
            if len(words) >= 4 and 2 * hits >= len(topic) and hits and (best is None or hits > best[0]):
                best = (hits, a, b)
    if best is None:
        return None
    _, a, b = best
    text_ab = text[a:b].rstrip(' .”"')
    return a, a + len(text_ab), text_ab


def _after_verb(q: Question, text: str) -> tuple[int, int, int] | None:
    """ "what does he say China wants?": his words after the "wants" the question ends on
    ("... as the country wants to show off its political influence on the peninsula")."""
    verb = re.search(r"([a-z]+)\W*$", q.text)
    stem = terms(verb.group(1)) if verb else []
    for ra, rb in reported(text) if stem else ():
        for m in _WORD.finditer(text, ra, rb):
            rest = text[m.end() : rb]
            # (its words go on from it: not "[through the visit] boasting ...", an aside)
            if terms(m.group(0)) == stem and len(_WORD.findall(rest)) >= 2 and re.match(r"\s+[\w“‘\"']", rest):
                a = m.end() + len(rest) - len(rest.lstrip())
                return 0, a, a + len(rest.strip().rstrip(" .,;:!?”’\"'"))
    return None


def said_span(q: Question, text: str) -> tuple[int, int, str] | None:
    """The longest run of reported words holding none of the question's words (the
    later one of equal length), or None when the sentence reports no one's words. Asked
    what someone said about something, the clause about it."""
    about = _about_clause(q, text)
    if about is not None:
        return about
    asked = set(q.terms) | q.pronoun_terms
    best: tuple[int, int, int] | None = _after_verb(q, text)  # (content words, start, end)
    for ra, rb in reported(text) if best is None else ():
        run: list[re.Match[str]] = []
        for m in [*_WORD.finditer(text, ra, rb), None]:
            stems = terms(m.group(0)) if m else []
            if m is not None and not (set(stems) & asked):
                run.append(m)
                continue
            content = sum(bool(terms(w.group(0))) for w in run)
            if content and (best is None or content >= best[0]):
                best = (content, run[0].start(), run[-1].end())
            run = []
    if best is None:
        return None
    _, a, b = best
    # "linked to?" asks for what follows "to"; "the timing of Kim's visit": "of" goes on
    # from the question's own noun. Neither word is part of the answer.
    last = re.search(r"(\w+)\W*$", q.text)
    ends_on = re.escape(last.group(1)) if last else "of"
    lead = re.match(rf"(?:(?:that|and|but|so|of|{ends_on})\s+)+", text[a:b], re.I)
    if lead and lead.end() < b - a:
        a += lead.end()
    # "what could 2019 be?" -> "a seminal year", not "may be a seminal year for"
    if re.search(r"\b(?:be|is|was|are|were)\b", q.text, re.I):
        copula = re.match(r"(?:(?:may|might|could|would|will|can|should)\s+)?(?:be|is|was|are|were)\s+", text[a:b])
        if copula and copula.end() < b - a:
            a += copula.end()
    # the sentence's wording of the question's concept opens no answer ("worried" for
    # "afraid": "the President will tell him ...", not "worried that the President ...")
    said = {t for c in q.terms if c.startswith("~") for ca, cb in concept_spans(c, text) for t in terms(text[ca:cb])}
    opener = re.match(r"(?:(?:is|are|was|were)\s+)?([\w’'-]+)\s+(?:(?:that|about|of)\s+)?", text[a:b], re.I)
    if opener and set(terms(opener.group(1))) & said and opener.end() < b - a:
        a += opener.end()
    # "... as part of any settlement and they may attempt to ...": a second statement
    second = re.search(r"\s+and\s+(?:they|he|she|we|it)\s+(?:may|might|will|would|could|can|should|must)\b", text[a:b])
    if second and second.start() > 0:
        b = a + second.start()
    tail = re.search(r"(?:\s+(?:for|of|to|in|on|at|with|by|and|or|the|a|an))+$", text[a:b])
    if tail and tail.start() > 0:
        b = a + tail.start()
    return a, b, text[a:b]


# "how does he say China sees North Korea?", "how did the North describe the US push?":
# the words of the view or the name given ("as one of its bargaining chips", "a
# 'unilateral demand'")
_HOW_SEEN = re.compile(
    r"^\W*(?:and\s+|so\s+)?how\s+(?:do|does|did|would|will)\b.*\b(?:see|sees|view|views|regard|regards|perceive|"
    r"perceives|consider|considers|describe|characteri[sz]e|call|label|term|portray|depict)\b|"
    # "what did he call this week's meetings?"
    r"^\W*(?:and\s+|so\s+)?what\s+(?:do|does|did|would|will)\b.*\b(?:call|label|term|dub)\b",
    re.I,
)
_SEEN_AS = re.compile(
    r"\b(?:see|sees|seeing|saw|seen|view|views|viewing|viewed|regard(?:s|ed|ing)?|perceiv(?:e|es|ed|ing)|"
    r"consider(?:s|ed|ing)?|describ(?:e|es|ed|ing)|characteri[sz](?:e|es|ed|ing)|portray(?:s|ed|ing)?)\b"
    r"[^,;.]{0,60}?\s(as\s+[^,;.”\"]+)"
)
_CALLED = re.compile(
    r"\b(?:called|calls|call|dubbed|dubs|termed|terms|label+ed|branded|described\s+as)\s+(?:it\s+)?"
    r"(?:(?:a|an|the)\s+)?[“\"]([^”\"]+)[”\"]"
)


def seen_as(q: Question, text: str) -> tuple[int, int, str] | None:
    """For "how does X see Y?": the "as ..." of the sentence's view of it, or the phrase
    it is called in quotation marks; None when the question asks no such thing."""
    if not _HOW_SEEN.search(q.text):
        return None
    m = _CALLED.search(text)
    if m:
        return m.start(1), m.end(1), m.group(1)
    m = _SEEN_AS.search(text)
    if m:
        phrase = m.group(1).rstrip()
        return m.start(1), m.start(1) + len(phrase), phrase
    # "how did Hill characterize the meetings?" of '... told RFA that the meetings are "part
    # of the process of warming ..."': the words he gave them
    for a, b in quoted(text):
        phrase = text[a:b].strip(" ,.")
        if len(_WORD.findall(phrase)) >= MIN_WORDS:
            a = text.find(phrase, a)
            return a, a + len(phrase), phrase
    return None


# "does the Global Times editor think the timing means something?": his view
_THINKS_WHETHER = re.compile(
    r"\W*(?:and\s+|so\s+)?(?:[\w\s’'-]+,\s+)?(?:does|did|do)\s+(?:[\w’'.-]+\s+){1,5}?(?:think|believe|expect|reckon|see|"
    r"agree|feel|consider|say|said)\b",
    re.I,
)


def in_their_words(q: Question, text: str, span: tuple[int, int, str] | None) -> tuple[int, int, str] | None:
    """A yes/no question of someone's view is answered in his words ("the timing of Kim's
    China visit is clearly linked ..."), not by his title: the first words the sentence
    reports, when the short answer found lies outside them."""
    regions = reported(text) if span is not None and _THINKS_WHETHER.match(q.text) else []
    if not regions or any(a <= span[0] and span[1] <= b for a, b in regions):  # type: ignore[index]
        return span
    a, b = regions[0]
    words = text[a:b].strip(' .,;:“”"')
    a = text.find(words, a)
    return a, a + len(words), words
