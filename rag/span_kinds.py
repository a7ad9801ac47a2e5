"""Finer answer kinds inside a sentence: the noun phrase ending in the noun asked for
("what kinds of cards" -> "strategic and diplomatic cards"), whether a candidate fits the
question's subtype (a weekday, a year, a length of time, a count), and what a sentence
says a named person or thing is ("Shi Yinhong, a political science professor at ...")."""

from __future__ import annotations

import re
from functools import lru_cache

from .question_words import ROLE_STEMS
from .retrieve import terms
from .spans import _MONTH, _WEEKDAY, _trim

# "April 27", "Jan. 7-10", "4 October": a day of a month
DAY_OF_MONTH = rf"(?:{_MONTH})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{_MONTH})"


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


# "Northeast Asia", "the Korean peninsula", "East Asia": a region, no city
_REGION = re.compile(
    r"\b(?:(?:North|South|East|West)(?:east|west)?(?:ern)?\s+)?(?:Asia|Europe|Africa|Americas?|Pacific|Atlantic|"
    r"Middle\s+East|peninsula|Peninsula)\b$"
)


def fits_subtype(text: str, sentence: str, a: int, subtype: str | None) -> bool:
    """Does a typed candidate satisfy the question's finer type?"""
    if subtype == "WEEKDAY":
        return bool(re.search(_WEEKDAY, text))
    if subtype == "YEAR":
        return bool(re.search(r"\b(1\d|20)\d{2}s?\b", text))
    if subtype == "CITY":  # "which city": a country is not an answer, nor a region
        # ("North Korea-US" is two countries)
        return not any(
            p.strip().lower() in _countries() for p in re.split(r"[-–/]", _trim(text))
        ) and not _REGION.search(text)
    if subtype == "MONTH":  # "in which months": a month named, not "last year"
        return bool(re.search(rf"\b(?:{_MONTH})\b", text))
    if subtype == "CALENDAR":  # "what date": a day of a month, not "last year"
        # ("between what dates": "November 2006 and May 2008" dates it as closely as it says)
        return bool(
            re.search(
                rf"{DAY_OF_MONTH}|\b\d{{1,2}}/\d{{1,2}}\b|(?:{_MONTH})\.?,?\s+\d{{4}}\b",
                text,
            )
        )
    if subtype == "DURATION":
        # "four days", "more than five years"; an ordinal ("second day") is not a length
        return bool(_UNITS.search(text)) and not _ORDINAL.search(text)
    if subtype in ("TIMES", "COUNT"):
        # a count of things or occasions is no length of time, and only occasions are
        # counted by an ordinal ("his fourth visit")
        # nor is the day or year of a date ("on Jan. 8, 2019")
        dated = re.fullmatch(r"(1\d|20)\d{2}", text) or re.search(rf"\b(?:{_MONTH})\.?\s*$", sentence[:a])
        # nor "one of its bargaining chips", "the one who ...": no count
        partitive = text.lower() == "one" and re.match(r"\s+(?:of|who|that|which)\b", sentence[a + len(text) :])
        return (
            not _UNITS.search(text)
            and (subtype == "TIMES" or not _ORDINAL.search(text))
            and not dated
            and not partitive
        )
    if subtype == "AGE":
        return bool(_AGE_RE.search(text))
    if subtype == "MONEY":
        # the currency may sit just outside the figure: "$" before "60,000", "dollars" after
        around = sentence[max(0, a - 2) : a] + text + sentence[a + len(text) : a + len(text) + 20]
        return bool(
            re.search(
                r"[$€£¥₩]|\b(?:dollars?|yuan|euros?|pounds? sterling|rubles?|USD|RMB)\b|\d\s*(?:[mb]illion\s+)?won\b",
                around if sentence else text,
                re.I,
            )
        )
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


_SAYING = {"said", "says", "told", "added", "noted", "argued", "wrote", "explained", "warned"}
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
        if words and words[0].group(0).lower() in _SAYING:
            continue  # "..., a researcher for the RAND Corporation, said of the meeting": no apposition
        if words:
            i, j = words[0].start(), words[-1].end()
            out.append((a + i, a + j, text[i:j]))
    return out


_TITLE_RUN = re.compile(r"(?:[A-Z][\w.’'-]*\s+)(?:(?:[A-Z][\w.’'-]*|of|for|and|the|on)\s+){1,13}$")


def describe_spans(sentence: str, name: str) -> list[tuple[int, int, str]]:
    """What a sentence says a person is: "Chinese Foreign Ministry spokesman Lu Kang",
    "Shi Yinhong, a political science professor at ...", "..., vice party chairman, Ri Su-yong"."""
    out: list[tuple[int, int, str]] = []
    last = name.split()[-1]
    for m in re.finditer(re.escape(last), sentence):
        # after: ", a researcher for the RAND Corporation," (stops before "said")
        after = re.match(
            r"[’']?s?,\s+((?:an?\s+|the\s+)?[a-zA-Z][^,;“”\"]{3,140}?)(?=\s+(?:said|says|told|added|who|which)\b|[,;“”\"]|(?<!\b[A-Z])\.\s|\.$|$)",
            sentence[m.end() :],
        )
        # a capitalised one is a title ("Joseph Yun, Senior Adviser to the Asia Program")
        # only when it names a role: ", North Korea's ..." does not
        if after and after.group(1)[0].isupper() and not ROLE_STEMS & set(terms(after.group(1))):
            after = None
        if after and re.match(rf"(?:{_PAST}|and|or)\b", after.group(1)):
            after = None  # "Wang Yi, attended a formal banquet", "Ri Su-yong, and Foreign Minister ...": no description
        if after:
            a = m.end() + after.start(1)
            out.append((a, a + len(after.group(1)), after.group(1)))
        start = sentence.rfind(name, 0, m.end()) if name in sentence else m.start()
        head = sentence[max(0, start - 120) : start]
        base = start - len(head)
        titled = False
        if head.rstrip().endswith(","):  # "..., vice party chairman on international affairs, Ri Su-yong"
            body = head.rstrip()[:-1]
            cut = max(body.rfind(x) for x in (",", "--", "–", "(", ":"))
            text = body[cut + 1 :].strip(" -–")
        else:  # "Former U.S. ambassador to South Korea Kathleen Stephens"
            cut = max(head.rfind(x) for x in (",", "--", "–", "(", ":", "“", '"'))
            text = " ".join(head[cut + 1 :].split()[-8:])
            # a whole capitalised title: "Former Assistant Secretary of State for East
            # Asian and Pacific Affairs Christopher Hill"
            title = _TITLE_RUN.search(head[cut + 1 :])
            if title and ROLE_STEMS & set(terms(title.group(0))) and len(title.group(0).split()) > len(text.split()):
                text, titled = title.group(0).strip(), True
        words = text.split()
        while words and words[0].lower() in {"and", "as", "well", "including", "meanwhile", "by", "said", "says"}:
            words = words[1:]
        text = " ".join(words)
        copula = list(re.finditer(r"\b(?:was|is|were|are)\s+(?=\S)", text))
        if copula and not titled:
            text = text[copula[-1].end() :]  # "Accompanying Kim was his younger sister Kim Yo-jong"
        listed = list(re.finditer(r"\b(?:including|such\s+as|among\s+them)\s+", text))
        if listed and not titled:
            text = text[listed[-1].end() :]  # "... with Chinese officials including Foreign Minister Wang Yi"
        named = titled or re.search(r"\b[a-z]{4,}\b", text) or ROLE_STEMS & set(terms(text))  # "Foreign Minister"
        if text and named and not re.search(r"\b(said|says|told)\b", text):
            a = sentence.rfind(text, base, start)
            if a >= 0:
                out.append((a, a + len(text), text))
    return out


# the words a professor's title says he teaches: "a political science professor",
# "professor of North Korean studies"; not a rank ("a senior professor")
_FIELD_BEFORE = re.compile(
    r"\b(?:an?|the)\s+((?:(?!(?:former|senior|visiting|associate|assistant|adjunct|retired|full|leading|"
    r"prominent|professor)\b)[A-Za-z-]+\s+){1,3}?)(?:professor|lecturer|teacher)\b"
)
_FIELD_AFTER = re.compile(
    r"\b(?:professor|lecturer|teacher)\s+of\s+((?:[A-Za-z-]+\s+){0,3}?[A-Za-z-]+?)(?=\s+at\b|[,.;]|$)"
)


def field_spans(sentence: str) -> list[tuple[int, int, str]]:
    """What a professor in the sentence teaches, as the title says it."""
    out = []
    for pat in (_FIELD_BEFORE, _FIELD_AFTER):
        for m in pat.finditer(sentence):
            text = m.group(1).strip()
            out.append((m.start(1), m.start(1) + len(text), text))
    return out


# what someone did, as the article lists it: "He held discussions with ..., attended a
# formal banquet and took a stroll on a beachfront sidewalk with Xi."
_PAST = (
    r"(?:[a-z]{2,}ed|held|met|took|made|gave|went|paid|spent|ate|saw|sat|rode|spoke|shook|began|led|flew|left|"
    r"came|won|lost|sent|told|brought|bought|wrote|laid|threw|drove|stood|oversaw)"
)
_DOER = re.compile(
    # "Mike Pompeo, US secretary of state, traveled ...": the subject may have a title after it
    rf"(?:^|[.;:]\s+|,\s+)[“\"]?(?:He|She|They|We|I|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,2}}(?:,\s+[^,]{{3,60}},)?)\s+"
    rf"(?:also\s+|then\s+|later\s+|together\s+)?(?={_PAST}\b)"
)
# a photo caption tells what its people do in the present: "North Korean leader Kim
# Jong-un and his wife Ri Sol-ju inspect an honor guard in Pyongyang ..."
_NAMES = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"
_CAPTION_DOER = re.compile(
    rf"^(?:[A-Z][\w’'-]+\s+){{0,3}}(?:[a-z]+\s+)?{_NAMES}(?:\s+and\s+(?:his|her|their)\s+[a-z]+\s+{_NAMES})?\s+"
    r"(?=(?:inspect|review|greet|shake|wave|board|attend|tour|walk|pose|sign|toast|meet|talk)s?\b)"
)
_NEXT_ACT = re.compile(rf",\s*(?:and\s+|then\s+)?(?={_PAST}\b)|\s+and\s+(?:then\s+)?(?={_PAST}\b)")


def activity_spans(sentence: str) -> list[tuple[int, int, str]]:
    """The things a sentence says someone did: each of the verb phrases that follow its
    subject ("held discussions with ...", "attended a formal banquet", "took a stroll ...")."""
    out: list[tuple[int, int, str]] = []
    for m in [*_DOER.finditer(sentence), *_CAPTION_DOER.finditer(sentence)]:
        stop = re.search(r"[.;:](?:\s|$)|$", sentence[m.end() :])
        end = m.end() + (stop.start() if stop else 0)
        a = m.end()
        for nxt in [*_NEXT_ACT.finditer(sentence, a, end), None]:
            b = nxt.start() if nxt else end
            text = sentence[a:b].rstrip(' ,”"')
            if len(text.split()) >= 2:
                out.append((a, a + len(text), text))
            if nxt:
                a = nxt.end()
    return out
