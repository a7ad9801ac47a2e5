"""Typed answer spans: the candidate short answers of a sentence for an answer type
(dates, numbers, names, places, organisations, reasons) and untyped phrases. The finer
kinds (subtypes, head-noun phrases, descriptions of a named person) are in span_kinds.py."""

from __future__ import annotations

import re

from .question_type import DATE, NUMBER, ORG, PERSON, PLACE, REASON

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
# "Accompanying Kim was his younger sister ...": a sentence-initial verb, not a first name
_LEAD_GERUND = re.compile(r"[A-Z][a-z]{4,}ing")
_MONTH_SHORT = re.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_FORUM = re.compile(r"\s+(?:summits?|meetings?|talks|forums?|nations|countries|leaders|members|group)\b", re.I)
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
    r"Affairs|Studies|Relations|Policy|Security|Strategy|"
    # events and documents: "the Korean War", "the April 27 Declaration"
    r"War|Wars|Declaration|Treaty|Accord|Agreement|Games|Olympics|"
    # news agencies, as a photo is credited ("... with Xi Jinping. / Yonhap")
    r"Yonhap|Xinhua|Reuters|Sputnik|KCNA|AFP|Bloomberg)(?:[’']s)?"
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
    r"eager|about|is|was|are|were|ought|supposed|sure|certain|bound|start|started|starts|"
    # "a major role to play": what the role is, no purpose
    r"role|part|chance|opportunity|way|effort|bid|attempt|ability|right)\s+$",
    re.I,
)
# "went to China", "his trip to Beijing": where, not why ("went to China to get ...")
_MOTION_TO = re.compile(
    r"\b(?:went|go|goes|going|gone|came|come|comes|travel(?:l?ed|s|ling)?|flew|fly|flies|headed|returned|"
    r"trip|trips|visit|visits|journey|return)\s+$",
    re.I,
)
# capitalised words that begin no name (a sentence's first word, a byline's "By")
_STOP_CAPS = {
    "By", "Translated", "Reporting", "The", "A", "An", "But", "And", "In", "On", "At", "As", "It", "He", "She",
    "They", "This", "That", "When", "While", "If", "For", "Of", "To", "I", "We", "Mr", "Ms", "Former", "Meanwhile",
    "According", "After", "Before", "During", "Despite", "Now", "Any", "Also", "So", "However", "Key", "What",
    "Whoever", "Without", "With", "Just", "Even", "Theoretically", "Essentially", "Additional",
}  # fmt: skip


# how someone travelled: "flew to Dalian", "on his private jet", "by train"
_MEANS_RE = re.compile(
    r"\b(?:(?:on|in|aboard|by) (?:(?:his|her|their|a|an|the) )?(?:[\w-]+ )?(?:jet|plane|aircraft|airplane|train|"
    r"ship|boat|helicopter)|by (?:air|rail|road|sea|land)|flew|flown|on foot|sailed)\b"
)

# where someone spoke: "At a regular briefing", "on a panel in Washington", (on) "Twitter",
# "told Sputnik", "told RFA’s Korean Service", "told the same panel"
_SETTING_RE = re.compile(
    r"\b(?:[Aa]t|[Oo]n|[Ii]n)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:briefing|panel|forum|conference|"
    r"interview|seminar|hearing|speech|address|statement|broadcast|event)\b(?:\s+in\s+[A-Z][\w-]+)?"
    r"|(?<=\b[Oo]n\s)(?:Twitter|Facebook|Weibo|WeChat|television|TV|radio|state\s+(?:TV|television|media))\b"
    r"|(?<=\btold\s)(?:the\s+same\s+panel|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})"
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
                lead = w.start() == 0 and (w.group(0).lower() in _LEAD_WORDS or _LEAD_GERUND.fullmatch(w.group(0)))
                if _NOT_NAME.fullmatch(w.group(0)) or lead:
                    skip = w.end()
            skip += len(name[skip:]) - len(name[skip:].lstrip())
            name = name[skip:]
            # "Asan Institute for Policy Studies", "Institute for China's Overseas
            # Interests": the run after "Institute for" is the rest of the organisation's name
            of_org = re.search(
                rf"(?:{_ORG_WORDS.pattern})\s+(?:for|of|on)\s+(?:the\s+)?(?:[A-Z][\w.-]*['’]s\s+)?$",
                sentence[: m.start() + skip],
            )
            dated = _DATE_RE.fullmatch(name) or _MONTH_SHORT.fullmatch(name)  # "Oct. 4, 2007"
            if len(_trim(name)) > 2 and not _ORG_WORDS.search(name) and not dated and not of_org:
                add(m.start() + skip, m.start() + skip + len(name))
    elif qtype in (PLACE, ORG):
        for m in _caps_runs(sentence):
            s = m.group(0)
            if qtype == ORG and not (_ORG_WORDS.search(s) or re.fullmatch(r"[A-Z]{2,6}", _trim(s))):
                continue
            if qtype == PLACE and re.fullmatch(r"[A-Z]+\d+", _trim(s)) and _FORUM.match(sentence, m.end()):
                continue  # "the G20 summit in Argentina": a forum, not a place (but "in C4 plants")
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
            if qtype == PLACE and (_DEMONYM.fullmatch(_trim(s)) or _MONTH_SHORT.fullmatch(_trim(s))):
                continue  # "in Korean" is a language or an adjective, not a place; "on Jan. 8" a date
            # a place run stops at a date word: "on Twitter Tuesday" -> "Twitter"
            d = _DATE_RE.search(s) or re.search(rf"\s+(?:(?:on|in|of)\s+)?{_MONTH_SHORT.pattern}$", s)
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
    elif qtype == "SETTING":
        # the preposition of an occasion stays: "At a regular briefing", "on a panel"
        out += [(m.start(), m.end(), m.group(0)) for m in _SETTING_RE.finditer(sentence)]
    elif qtype == "EXPAND":
        for m in re.finditer(r"((?:[A-Z][\w’'-]*\s+){1,7})\(([A-Z]{2,8})\)", sentence):
            add(m.start(1), m.end(1))
    elif qtype == REASON:
        for m in _REASON_CUE.finditer(sentence):
            if m.group(1).lower() == "to" and _COMPLEMENT_TO.search(sentence[: m.start()]):
                continue
            if m.group(1).lower() == "to" and _MOTION_TO.search(sentence[: m.start()]):
                continue
            rest = sentence[m.end() :]
            stop = re.search(r"[,;:”\")]|(?<!\b[A-Z])\.|\s--\s|\s–\s", rest)  # not "U.S."
            end = stop.start() if stop else len(rest)
            # a reason is a short clause: cut at a later preposition past the 4th word
            words = list(re.finditer(r"\S+", rest[:end]))
            # "as working with the US to implement sanctions on North Korea did not stop
            # ...": a clause whose subject is an act runs on to its verb
            acted = bool(words) and words[0].group(0).lower().endswith("ing") and len(words) <= 25
            if len(words) > 8 and not acted:
                cut = next((w.start() for w in words[4:9] if w.group(0) in _CLAUSE_BREAK), words[8].start())
                end = cut
            add(m.start(), m.end() + end)
        # "If China punishes US companies ..., it could risk putting more pressure on the
        # economy": what would follow is the reason not to
        cond = re.match(r"\W*If\b[^,]{5,}?,\s+", sentence)
        if cond:
            rest = sentence[cond.end() :]
            stop = re.search(r"[;:”\"]|(?<!\b[A-Z])\.|\s--\s|\s–\s|,\s+(?:and|but|which)\b", rest)
            add(cond.end(), cond.end() + (stop.start() if stop else len(rest)))
    return [s for s in out if s[2] and not _DATE_RE.fullmatch(s[2]) or qtype == DATE]


def phrases(sentence: str) -> list[tuple[int, int, str]]:
    """Untyped candidates: runs of words between punctuation and function words."""
    out = []
    for m in re.finditer(r"(?:[^,;:.!?“”\"()–—]|(?<=\b[A-Z])\.)+", sentence):
        chunk = m.group(0)
        for p in re.finditer(
            r"(?:\b(?!(?:is|are|was|were|be|been|has|have|had|will|would|could|can|said|says|"
            # ("U.S." is one word)
            r"that|which|who|when|while|and|but|with|by|as)\b)(?:(?:[A-Z]\.){2,}|[\w’'-]+\b)\s*){1,6}",
            chunk,
        ):
            text = _trim(p.group(0))
            if text and len(text) > 2:
                a = sentence.find(text, m.start() + p.start())
                out.append((a, a + len(text), text))
    return out
