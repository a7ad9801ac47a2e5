"""Typed answer spans: the candidate short answers of a sentence for an answer type
(dates, numbers, names, places, organisations, reasons), untyped phrases, and the
descriptions a sentence gives of a named person or thing."""

from __future__ import annotations

import re
from functools import lru_cache

from .question import DATE, NUMBER, ORG, PERSON, PLACE, REASON, ROLE_STEMS
from .retrieve import terms

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATE_RE = re.compile(
    rf"(?:(?:the\s+)?(?:end|beginning|start|middle) of\s+)?(?:(?:late|early|mid|last|next|this)[- ])?"
    rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{_MONTH}(?:\s+\d{{1,2}}(?:-\d{{1,2}})?\b)?(?:,?\s+\d{{4}})?(?:\s+(?:or|and|to)\s+(?:early |late |mid-)?{_MONTH})?|"
    rf"(?:(?:last|next|this|on)\s+)?{_WEEKDAY}(?:\s+(?:morning|evening|night|afternoon))?|"
    # years back to 1000 ("In 1273", "the 1060s"), and centuries ("the 16th century")
    r"\b(?:in\s+)?(?:the\s+)?(?:1\d|20)\d{2}s?\b|\b(?:the\s+)?(?:early |late |mid-)?\d{1,2}(?:st|nd|rd|th)"
    r"(?:\s+(?:and|or|to)\s+\d{1,2}(?:st|nd|rd|th))?\s+centur(?:y|ies)\b|\b(?:last|next|this) (?:year|week|month|decade)\b|"
    r"\bNew Year[’']?s?(?: Day)?\b(?!\s+(?:address|speech|message|remarks|statement)\b)|\bmid-\w+\b|"
    # a time given by another event: "sometime after the second Washington-Pyongyang summit"
    r"\b(?:(?:sometime|some time|soon|shortly|right|immediately|long|just|well)\s+)?"
    r"(?:after|before|ahead of|following|prior to|until)\s+(?:the|his|her|their|its|a|an)\s+"
    r"(?:[\w’'-]+\s+){0,3}?(?:summit|visit|meeting|talks|election|war|trip|conference|vote|negotiations|"
    r"deal|revolution|invasion|game|match|season|ceremony|treaty|agreement)s?\b",
)
_NUMWORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand|"
    r"million|billion|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twice|once|"
    r"dozen|several"
)
_NUMBER_RE = re.compile(
    rf"(?:\b(?:more than|less than|about|nearly|over|almost|some|around)\s+)?"
    rf"\b\d[\d,.]*(?:-\w+)?(?:\s+(?:percent|per cent|million|billion|thousand|years?|days?|months?|times|"
    rf"troops|people|visits?|summits?))?\b|(?:\b(?:more than|less than|about|nearly|over|almost)\s+)?"
    rf"\b(?:{_NUMWORDS})(?:[- ](?:{_NUMWORDS}|days?|years?|months?|weeks?|way|times))?\b",
    re.I,
)
_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Za-z]+)*(?:[’'][A-Z][a-z]+)?"
_NAME_RE = re.compile(rf"\b{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|[A-Z]\.))+(?:[’']s\b)?|\b[A-Z][a-z]{{2,}}\b(?:[’']s\b)?")
_CAPS_RE = re.compile(r"\b[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the|for|and|on))*\b")
_ORG_WORDS = re.compile(
    r"University|Institute|Agency|Ministry|Corporation|Center|Centre|Program|Service|Times|"
    r"Council|Academy|Party|News|Department|Association|Foundation|Post|Herald"
)
# Capitalised runs that are places or nationalities, not people: "Korean Peninsula",
# "North Korean", "South China Sea", "United States"
_NOT_NAME = re.compile(
    r"(?:North|South|East|West|Peninsula|Sea|Ocean|Island|Islands|Province|City|Republic|Kingdom|"
    r"United|States|Nations|Union|Street|Avenue|Square|Airport|Station|Hotel|Palace|House|Hall|Summit|"
    r"Korea|Korean|China|Chinese|Japan|Japanese|America|American|Russia|Russian|Asia|Asian|Europe|European|"
    # the end of an office's name: "... for East Asian and Pacific Affairs Christopher Hill"
    r"Affairs|Studies|Relations|Policy|Security|Strategy)(?:[’']s)?"
)
_TITLE_ACRONYM = re.compile(r"(?:CEO|CFO|COO|CTO|MP|MEP|VP|PM)\b(?:\s+of\b(?:\s+the\b)?)?")
_EVENT_AFTER = re.compile(r"\s+(?:summit|meeting|talks|conference|visit|trip)\b")
_DEMONYM = re.compile(
    r"(?:North |South )?(?:Korean|Chinese|American|Japanese|Russian|Asian|European|[A-Z][a-z]+(?:ese|ian))s?"
)
_LEAD_WORDS = {"behind", "after", "before", "in", "at", "on", "the", "a", "an", "as", "with", "for", "from", "but"}
_PLACE_PREP = re.compile(r"\b(?:in|at|to|from|near|on|via|of)\s+(?:the\s+)?$")
_REASON_CUE = re.compile(
    r"\b(because of|because|since(?!\s+(?:last|then|early|late|\d|(?-i:[A-Z][a-z]+\s+\d)))|so that|in order to|due to|resulted from|result of|driven by|so|to|"
    # "as China backed the sanctions" gives a reason; "viewed as a sign", "as well as",
    # "such as", "as part of" do not
    r"(?<!well\s)(?<!such\s)(?<!same\s)(?<!\bso\s)"
    r"as(?!\s+(?:a|an|well|part|if|though|long|soon|much|many|such|of|for|to|per|usual|expected|planned)\b))"
    r"\b\s+",
    re.I,
)
# "is willing to give", "is likely to hold": "to" completing the word before it, not
# the purpose of an act ("went to China to get the green light")
_COMPLEMENT_TO = re.compile(
    r"\b(?:willing|unwilling|able|unable|going|want|wants|wanted|likely|unlikely|set|expected|has|have|had|"
    r"need|needs|needed|plan|plans|planned|try|tries|tried|trying|began|begin|begins|seem|seems|seemed|appear|"
    r"appears|appeared|agreed|agree|hope|hopes|hoped|refused|decided|used|continue|continues|continued|ready|"
    r"eager|about|is|was|are|were|ought|supposed|sure|certain|bound|start|started|starts)\s+$",
    re.I,
)
_STOP_CAPS = {
    "By",
    "Translated",
    "Reporting",
    "The",
    "A",
    "An",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "It",
    "He",
    "She",
    "They",
    "This",
    "That",
    "When",
    "While",
    "If",
    "For",
    "Of",
    "To",
    "I",
    "We",
    "Mr",
    "Ms",
    "Former",
    "Meanwhile",
    "According",
    "After",
    "Before",
    "During",
    "Despite",
    "Now",
    "Any",
    "Also",
    "So",
    "However",
    "Key",
    "What",
    "Whoever",
    "Without",
    "With",
    "Just",
    "Even",
    "Theoretically",
    "Essentially",
    "Additional",
}


# how someone travelled: "flew to Dalian", "on his private jet", "by train"
_MEANS_RE = re.compile(
    r"\b(?:(?:on|in|aboard|by) (?:(?:his|her|their|a|an|the) )?(?:[\w-]+ )?(?:jet|plane|aircraft|airplane|train|"
    r"ship|boat|helicopter)|by (?:air|rail|road|sea|land)|flew|flown|on foot|sailed)\b"
)

_CLAUSE_BREAK = {"against", "over", "in", "with", "which", "while", "for", "on", "from", "after", "before", "by"}


class _Run:
    """A match-like (start, end, text) for capitalised runs and their parts."""

    def __init__(self, start: int, text: str) -> None:
        self._start, self._text = start, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._start + len(self._text)

    def group(self, _: int = 0) -> str:
        return self._text


def _caps_runs(sentence: str) -> list[_Run]:
    """Capitalised runs, plus their parts split at lower-case connectors:
    "Professor Shin Sangjin of Kwangwoon University" also gives "Kwangwoon University"."""
    out = []
    for m in _CAPS_RE.finditer(sentence):
        out.append(_Run(m.start(), m.group(0)))
        for p in re.finditer(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*", m.group(0)):
            if p.group(0) != m.group(0):
                out.append(_Run(m.start() + p.start(), p.group(0)))
    return out


def _trim(span: str) -> str:
    span = re.sub(r"[’']s$", "", span.strip()).strip(" ,.;:“”\"'’‘()[]-–—")
    words = span.split()
    while words and words[0] in _STOP_CAPS | {"of", "the", "for", "and", "on"}:
        words = words[1:]
    while words and words[-1] in {"of", "the", "for", "and", "on"}:
        words = words[:-1]
    return " ".join(words)


def spans(sentence: str, qtype: str) -> list[tuple[int, int, str]]:
    """Candidate short answers of the expected type: (start, end, text) in sentence."""
    out: list[tuple[int, int, str]] = []

    def add(a: int, b: int) -> None:
        text = _trim(sentence[a:b])
        if text:
            a = sentence.find(text, a)
            out.append((a, a + len(text), text))

    if qtype == DATE:
        for m in _DATE_RE.finditer(sentence):
            add(m.start(), m.end())
    elif qtype == NUMBER:
        for m in _NUMBER_RE.finditer(sentence):
            add(m.start(), m.end())
    elif qtype == PERSON:
        for m in _NAME_RE.finditer(sentence):
            name = re.sub(rf"(?:\s+(?:{_WEEKDAY}|{_MONTH}))+$", "", m.group(0))  # "Twitter Tuesday"
            # Place and nationality words, and a sentence-initial function word, are not
            # part of a name: the name is what follows the last of them ("South Korea
            # Kathleen Stephens", "Behind Kim Jong-un"); "Korean Peninsula" is no name.
            skip = 0
            for w in re.finditer(r"[^\s]+", name):
                if _NOT_NAME.fullmatch(w.group(0)) or (w.start() == 0 and w.group(0).lower() in _LEAD_WORDS):
                    skip = w.end()
            skip += len(name[skip:]) - len(name[skip:].lstrip())
            name = name[skip:]
            # "Asan Institute for Policy Studies", "Institute for China's Overseas
            # Interests": the run after "Institute for" is the rest of the organisation's name
            of_org = re.search(
                rf"(?:{_ORG_WORDS.pattern})\s+(?:for|of|on)\s+(?:the\s+)?(?:[A-Z][\w.-]*['’]s\s+)?$",
                sentence[: m.start() + skip],
            )
            if len(_trim(name)) > 2 and not _ORG_WORDS.search(name) and not _DATE_RE.fullmatch(name) and not of_org:
                add(m.start() + skip, m.start() + skip + len(name))
    elif qtype in (PLACE, ORG):
        for m in _caps_runs(sentence):
            s = m.group(0)
            if qtype == ORG and not (_ORG_WORDS.search(s) or re.fullmatch(r"[A-Z]{2,6}", _trim(s))):
                continue
            title = _TITLE_ACRONYM.match(s) if qtype == ORG else None
            if title:
                # "president and CEO of the Korea Economic Institute": a title, not the organisation
                if title.end() == len(s):
                    continue
                add(m.start() + title.end(), m.start() + len(s))
                continue
            if (
                qtype == PLACE
                and not _PLACE_PREP.search(sentence[max(0, m.start() - 9) : m.start()])
                # "the Singapore summit" (not "Kim Jong-un’s visit")
                # nor "the Washington-Pyongyang (U.S.-North Korea) summit", which names its two sides
                and not (_EVENT_AFTER.match(sentence[m.end() :]) and not re.search(r"[’']s$|[A-Za-z.]-[A-Z]", s))
            ):
                continue
            if qtype == PLACE and _DEMONYM.fullmatch(_trim(s)):
                continue  # "in Korean" is a language or an adjective, not a place
            # a place run stops at a date word: "on Twitter Tuesday" -> "Twitter"
            d = _DATE_RE.search(s)
            owner = re.search(rf"(?:{_ORG_WORDS.pattern})(?=[’']s\s)", s) if qtype == ORG else None
            if owner:  # "Renmin University's Shi": the university, not its professor
                add(m.start(), m.start() + owner.end())
                continue
            add(m.start(), m.start() + (d.start() if d and d.start() > 0 else len(s)))
    elif qtype == "ORG_OR_CAPS":
        for m in _caps_runs(sentence):
            if len(m.group(0).split()) > 1:
                add(m.start(), m.end())
    elif qtype == "DESCRIBE":
        pass  # handled by describe_spans, which needs the name
    elif qtype == "MEANS":
        for m in _MEANS_RE.finditer(sentence):
            add(m.start(), m.end())
    elif qtype == "EXPAND":
        for m in re.finditer(r"((?:[A-Z][\w’'-]*\s+){1,7})\(([A-Z]{2,8})\)", sentence):
            add(m.start(1), m.end(1))
    elif qtype == REASON:
        for m in _REASON_CUE.finditer(sentence):
            if m.group(1).lower() == "to" and _COMPLEMENT_TO.search(sentence[: m.start()]):
                continue
            rest = sentence[m.end() :]
            stop = re.search(r"[,;:.”\"]|\s--\s|\s–\s", rest)
            end = stop.start() if stop else len(rest)
            # a reason is a short clause: cut at a later preposition past the 4th word
            words = list(re.finditer(r"\S+", rest[:end]))
            if len(words) > 8:
                cut = next((w.start() for w in words[4:9] if w.group(0) in _CLAUSE_BREAK), words[8].start())
                end = cut
            add(m.start(), m.end() + end)
    return [s for s in out if s[2] and not _DATE_RE.fullmatch(s[2]) or qtype == DATE]


def phrases(sentence: str) -> list[tuple[int, int, str]]:
    """Untyped candidates: runs of words between punctuation and function words."""
    out = []
    for m in re.finditer(r"[^,;:.!?“”\"()–—]+", sentence):
        chunk = m.group(0)
        for p in re.finditer(
            r"(?:\b(?!(?:is|are|was|were|be|been|has|have|had|will|would|could|can|said|says|"
            r"that|which|who|when|while|and|but|with|by|as)\b)[\w’'-]+\b\s*){1,6}",
            chunk,
        ):
            text = _trim(p.group(0))
            if text and len(text) > 2:
                a = sentence.find(text, m.start() + p.start())
                out.append((a, a + len(text), text))
    return out


def head_phrases(sentence: str, head: str) -> list[tuple[int, int, str]]:
    """Noun phrases ending in the noun the question asks for: "what kinds of cards" ->
    "strategic and diplomatic cards". The modifiers run back from the noun over words
    and and/or, stopping at punctuation and function words."""
    out = []
    words = list(re.finditer(r"[\w’'-]+|[^\w\s]", sentence))
    sw = _stop()
    for i, w in enumerate(words):
        if (terms(w.group(0)) or [""])[0] != head:
            continue
        j = i
        while j > 0:
            prev = words[j - 1].group(0)
            low = prev.lower()
            if not re.match(r"[\w’'-]", prev) or (low in sw and low not in ("and", "or")) or low in _NOT_MODIFIER:
                break
            j -= 1
        if 0 < j < i and words[j - 1].group(0).lower() == "to":
            j += 1  # "to hold multinational talks": the word after "to" is a verb
        while j < i and words[j].group(0).lower() in ("and", "or"):
            j += 1
        if j < i:
            out.append((words[j].start(), w.end(), sentence[words[j].start() : w.end()]))
    return out


_NOT_MODIFIER = {
    "is", "are", "was", "were", "has", "have", "had", "said", "says", "still", "also", "maybe", "some", "any",
    "many", "more", "less", "most", "few", "fewer", "several", "other", "such", "these", "those", "this", "that",
    "all", "both", "each", "every", "no", "its", "his", "her", "their", "our", "the", "a", "an",
}  # fmt: skip


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    from .retrieve import stopwords

    return stopwords()


_AGE_RE = re.compile(r"\b\d{1,3}-year-old\b|\b\d{1,3} years old\b|\baged \d{1,3}\b")
_UNITS = re.compile(r"\b(years?|months?|weeks?|days?|hours?|decades?)\b", re.I)
_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.I)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    import pycountry

    names: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                names.add(v.lower())
    # city-states are cities too
    names -= {"singapore", "monaco", "hong kong", "macao", "luxembourg", "san marino", "gibraltar"}
    return frozenset(names | {"north korea", "south korea", "the united states", "the u.s.", "u.s.", "us", "america"})


def fits_subtype(text: str, sentence: str, a: int, subtype: str | None) -> bool:
    """Does a typed candidate satisfy the question's finer type?"""
    if subtype == "WEEKDAY":
        return bool(re.search(_WEEKDAY, text))
    if subtype == "YEAR":
        return bool(re.search(r"\b(1\d|20)\d{2}s?\b", text))
    if subtype == "CITY":  # "which city": a country is not an answer
        return _trim(text).lower() not in _countries()
    if subtype == "MONTH":  # "in which months": a month named, not "last year"
        return bool(re.search(rf"\b(?:{_MONTH})\b", text))
    if subtype == "CALENDAR":  # "what date": a day of a month, not "last year"
        return bool(
            re.search(rf"(?:{_MONTH})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{_MONTH})|\b\d{{1,2}}/\d{{1,2}}\b", text)
        )
    if subtype == "DURATION":
        # "four days", "more than five years"; an ordinal ("second day") is not a length
        return bool(_UNITS.search(text)) and not _ORDINAL.search(text)
    if subtype in ("TIMES", "COUNT"):
        # a count of things or occasions is no length of time, and only occasions are
        # counted by an ordinal ("his fourth visit")
        # nor is the day or year of a date ("on Jan. 8, 2019")
        dated = re.fullmatch(r"(1\d|20)\d{2}", text) or re.search(rf"\b(?:{_MONTH})\.?\s*$", sentence[:a])
        return not _UNITS.search(text) and (subtype == "TIMES" or not _ORDINAL.search(text)) and not dated
    if subtype == "AGE":
        return bool(_AGE_RE.search(text))
    if subtype == "MAGNITUDE":
        # "how large", "what rate": a measured figure ("$375 billion", "25 percent"), not
        # a count of things ("the two countries")
        return bool(
            re.search(
                r"\d|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|percent|per cent|half|quarter|"
                r"thirds?|dozens?)\b",
                text,
                re.I,
            )
        )
    if subtype == "AGENT":
        # "By Eugene Whong", "Translated by Yewon Ji", "MOSCOW (Sputnik), Tommy Yang -"
        return bool(re.search(r"(\b[Bb]y|\)\s*,)\s+$", sentence[max(0, a - 5) : a]))
    return True


_PREPS = {"at", "in", "of", "for", "on", "to", "from", "with", "by", "about", "the", "a", "an"}


def kind_spans(sentence: str, name: str) -> list[tuple[int, int, str]]:
    """What kind of thing a sentence calls `name`: the modifiers before it ("the
    communist party backed nationalist tabloid the Global Times") or its apposition.
    A description ending in a preposition ("the editor in chief at the Global Times")
    says where someone works, not what the thing is."""
    out: list[tuple[int, int, str]] = []
    for a, _b, text in describe_spans(sentence, name):
        words = list(re.finditer(r"\S+", text))
        while words and words[-1].group(0).lower() in {"the", "a", "an"}:
            words.pop()
        if not words or words[-1].group(0).lower() in _PREPS:
            continue
        while words and words[0].group(0).lower() in _PREPS:
            words.pop(0)
        if words:
            i, j = words[0].start(), words[-1].end()
            out.append((a + i, a + j, text[i:j]))
    return out


def describe_spans(sentence: str, name: str) -> list[tuple[int, int, str]]:
    """What a sentence says a person is: "Chinese Foreign Ministry spokesman Lu Kang",
    "Shi Yinhong, a political science professor at ...", "..., vice party chairman, Ri Su-yong"."""
    out: list[tuple[int, int, str]] = []
    last = name.split()[-1]
    for m in re.finditer(re.escape(last), sentence):
        # after: ", a researcher for the RAND Corporation," (stops before "said")
        after = re.match(
            r"[’']?s?,\s+((?:an?\s+|the\s+)?[a-zA-Z][^,;“”\"]{3,80}?)(?=\s+(?:said|says|told|added|who|which)\b|[,;“”\"]|(?<!\b[A-Z])\.\s|\.$|$)",
            sentence[m.end() :],
        )
        # a capitalised one is a title ("Joseph Yun, Senior Adviser to the Asia Program")
        # only when it names a role: ", North Korea's ..." does not
        if after and after.group(1)[0].isupper() and not ROLE_STEMS & set(terms(after.group(1))):
            after = None
        if after:
            a = m.end() + after.start(1)
            out.append((a, a + len(after.group(1)), after.group(1)))
        start = sentence.rfind(name, 0, m.end()) if name in sentence else m.start()
        head = sentence[max(0, start - 120) : start]
        base = start - len(head)
        if head.rstrip().endswith(","):  # "..., vice party chairman on international affairs, Ri Su-yong"
            body = head.rstrip()[:-1]
            cut = max(body.rfind(x) for x in (",", "--", "–", "(", ":"))
            text = body[cut + 1 :].strip(" -–")
        else:  # "Former U.S. ambassador to South Korea Kathleen Stephens"
            cut = max(head.rfind(x) for x in (",", "--", "–", "(", ":", "“", '"'))
            text = " ".join(head[cut + 1 :].split()[-8:])
        words = text.split()
        while words and words[0].lower() in {"and", "as", "well", "including", "meanwhile", "by", "said", "says"}:
            words = words[1:]
        text = " ".join(words)
        if text and re.search(r"\b[a-z]{4,}\b", text) and not re.search(r"\b(said|says|told)\b", text):
            a = sentence.rfind(text, base, start)
            if a >= 0:
                out.append((a, a + len(text), text))
    return out
