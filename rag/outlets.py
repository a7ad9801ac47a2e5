"""Which publication a question cites: "..., per the VOA report?", "according to the
Korea Times", "the Korea Herald story on ...". Readers name the outlet they read, and
an article's own outlet is often not in its text (a byline, a logo, a web address): an
outlet the articles never mention is a word no sentence can hold, so it would sink
every sentence's coverage and make the question look unanswerable. Such a citation is
taken out of the question, and the article it names, when one is known by that outlet,
is preferred."""

from __future__ import annotations

import re

from .retrieve import terms

# Words that make a name a publication's: a name ending in one of these, or written as
# an acronym, cites a source rather than a person ("per the RAND researcher" does not).
_NEWS = (
    r"Times|Herald|Post|News|Journal|Daily|Agency|Press|Tribune|Guardian|Gazette|Service|Radio|"
    r"Television|TV|Broadcasting|Wire|Magazine|Review|Chronicle|Telegraph|Observer|Sputnik|Xinhua|"
    r"Yonhap|Reuters|Bloomberg"
)
_PIECE = (
    r"reports?|reporting|stor(?:y|ies)|articles?|pieces?|coverage|accounts?|dispatch(?:es)?|"
    r"interviews?|website|site|analysis|write-?up|feature|broadcast"
)
_NAME = r"(?P<name>(?:[A-Z][\w.&’'-]*\s+){0,3}[A-Z][\w.&’'-]*)"
# "according to the VOA", "per the Korea Times report", "as reported by Yonhap",
# "covered by the Korea Herald", "in the Korea Times article" (in/from need the noun)
_FRAME = re.compile(
    rf"(?:,?\s*\b(?:(?i:according to|per|as reported by|reported by|as cited by|cited by|quoted by|"
    rf"covered by|as covered by|carried by|published by)\s+(?:(?i:the)\s+)?{_NAME}(?:['’]s)?"
    rf"(?:\s+(?P<piece>(?i:{_PIECE})))?"
    rf"|\s+(?i:in|from|on)\s+(?i:the)\s+{_NAME.replace('name', 'name2')}['’]?s?\s+(?P<piece2>(?i:{_PIECE}))))"
    r"(?=\s*[,?.!]|\s+(?:on|about|of|that|which|,)\b|\s*$)"
)
# "Who wrote the VOA story on ...": the outlet as an adjective of the piece
_ADJ = re.compile(rf"\b(?i:the)\s+{_NAME}(?:['’]s)?\s+(?P<piece>(?i:{_PIECE}))\b")

# "which professor did VOA quote", "the professor VOA spoke to", "which prof did VOA talk
# to": the outlet as the one reporting
_VERB = re.compile(
    rf"\b(?:(?i:did|does|has|had)\s+)?(?:(?i:the)\s+)?{_NAME}\s+(?i:quote[sd]?|cite[sd]?|interview(?:s|ed)?|"
    r"(?:spoke|speaks?)\s+(?:to|with)|talk(?:s|ed)?\s+(?:to|with)|reach(?:es|ed)?|contact(?:s|ed)?|"
    r"(?:get|gets|got)\s+(?:comments?|quotes?|views?)\s+from)\b"
)

# "the summit that the Korea Herald mentions", "as the VOA reported", "what day does VOA
# say the visit ends?": a clause citing it
_CLAUSE = re.compile(
    rf"\s*\b(?:(?i:that|which|as)\s+(?:(?i:the)\s+)?{_NAME}\s+(?i:mentions|mentioned|reports|reported|says|said|"
    r"notes|noted|describes|described|cites|cited|writes|wrote|puts it)"
    rf"|(?i:does|did|do)\s+(?:(?i:the)\s+)?{_NAME.replace('name', 'name2')}\s+(?i:say|report|write|mention|claim|see|think|give))\b"
)


# "in the herald piece", "does the korea times give ...": a paper's name typed in lower
# case, which the patterns above know only by its capitals
_LOWER_PAPER = re.compile(
    rf"(?<=\bthe\s)((?:[a-z]+\s+)?(?:{_NEWS.lower()}))\b(?=\s+(?:{_PIECE})\b|['’]s\b|\s+(?:say|says|said|see|sees|"
    r"think|thinks|give|gives|report|reports|reported|write|writes|wrote|mention|mentions|quote|quotes|quoted)\b)"
)


def _is_outlet(name: str, piece: str | None) -> bool:
    last = name.split()[-1]
    return bool(piece) or bool(re.fullmatch(_NEWS, last)) or bool(re.fullmatch(r"[A-Z]{2,6}", last))


def names_outlet(question: str) -> bool:
    """Does the question name a publication or news service at all ("RFA's Korean
    Service", "the Global Times"), whether or not an article here is theirs?"""
    return bool(re.search(rf"\b(?:{_NEWS}|[A-Z]{{3,6}})\b", question))


def cited_outlet(question: str, corpus_lower: str, outlets: dict[str, str] | None = None) -> tuple[str, str | None]:
    """(question without the citation, the outlet's name) when the question cites a
    publication that the articles' text never names; else (question, None). An outlet
    the articles do name ("the Global Times", "KCNA") is content, and stays, unless the
    question cites a piece by one that published an article here ("the Sputnik piece":
    `outlets`, document id -> outlet). `corpus_lower` is the articles' text in lower case."""

    def unnamed(name: str, piece: str | None) -> bool:
        return name.lower() not in corpus_lower or bool(piece and outlets and outlet_docs(name, outlets))

    question = _LOWER_PAPER.sub(lambda m: m.group(1).title(), question)
    for m in _FRAME.finditer(question):
        name = m.group("name") or m.group("name2")
        piece = m.group("piece") or m.group("piece2")
        if name and _is_outlet(name, piece) and unnamed(name, piece):
            cut = question[: m.start()] + question[m.end() :]
            return re.sub(r"\s+([?.!,])", r"\1", cut).strip(), name
    for m in _CLAUSE.finditer(question):
        name = m.group("name") or m.group("name2")
        if _is_outlet(name, None) and name.lower() not in corpus_lower:
            cut = question[: m.start()] + question[m.end() :]
            return re.sub(r"[\s,]+([?.!])", r"\1", cut).strip(), name
    for m in _VERB.finditer(question):
        name = m.group("name")
        # "which experts did RFA quote?" cites the article, whatever its text says of RFA
        if _is_outlet(name, None) and unnamed(name, "quoted"):
            # (what the outlet did stays where it is the question's verb: "who does the
            # Korea Times quote?" asks who was quoted; "the researcher the Korea Times
            # quoted" needs nothing in its place)
            asked = re.match(r"(?i:did|does|has|had)\b", m.group(0).lstrip()) is not None
            verb = " were quoted" if re.search(r"(?i:which|what)\s+\w+s\s*$", question[: m.start()]) else " was quoted"
            cut = question[: m.start()] + (verb if asked else "") + question[m.end() :]
            return re.sub(r"\s+", " ", re.sub(r"\s+([?.!,])", r"\1", cut)).strip(), name
    for m in _ADJ.finditer(question):
        name = m.group("name")
        if _is_outlet(name, None) and unnamed(name, m.group("piece")):
            cut = question[: m.start()] + "the " + m.group("piece") + question[m.end() :]
            return cut.strip(), name
    return question, None


def names_domain(question: str, outlet: str | None) -> bool:
    """Does the text name an outlet known only by its web domain? "the Korea Times
    article" -> koreatimes.co.kr; "the Korea Herald" -> heraldcorp.com, the domain of its
    publisher, which starts with the paper's news word (not with "Korea", which would
    take in every Korean paper)."""
    if not outlet or "." not in outlet:
        return False
    host = outlet.lower().split(".")[0]
    words = re.findall(r"\b[A-Z][a-z]+", question)
    return (
        any("".join(words[i : i + 2]).lower() == host for i in range(len(words) - 1))
        or any(w.lower() == host for w in words)
        or any(re.fullmatch(_NEWS, w) and host.startswith(w.lower()) for w in words)
    )


def outlet_docs(name: str, outlets: dict[str, str], docs: set[str] | None = None) -> set[str]:
    """The articles published by the named outlet, as far as their metadata tells
    (`outlets`: document id -> outlet, a name or a web domain). An outlet that published
    none of them, as far as that goes, published one of those (`docs`) whose outlet is
    unknown: "the VOA story" is the article reposted without its byline's outlet."""
    found = {
        doc
        for doc, outlet in outlets.items()
        if names_domain(name, outlet) or name.lower().replace(" ", "") == outlet.lower().replace(" ", "")
    }
    unknown = (docs or set()) - set(outlets)
    return found or (unknown if len(unknown) < len(docs or ()) else set())


# "... quoted in the article about the Dalian meeting?": the article, told by its topic
_TOPIC = re.compile(
    rf",?\s*\b(?i:in|from|of|by)\s+(?i:the|that)\s+(?i:{_PIECE})\s+(?i:about|on|covering|describing)\s+"
    r"((?:[\w’'-]+\s+){0,5}?[\w’'-]+)(?=\s*[,?.!]|\s*$)"
)

# "in the dalian story what did pompeo say ...?": the topic before the noun
# (not "of the State of the Planet report": a report is a thing as well as a piece)
_TOPIC_BEFORE = re.compile(
    r",?\s*\b(?i:in|from)\s+(?i:the|that)\s+((?:[\w’'-]+\s+){0,2}?[\w’'-]+)\s+(?i:story|article|piece)\b,?"
)


# "the meeting that story covers", "in that article", "from the same piece": the article
# the previous answer was quoted from
_SAME_PIECE = re.compile(
    r",?\s*\b(?:(?:(?i:that|which)\s+)?(?i:that|this|the\s+same)\s+(?i:story|article|piece|report)\s+"
    r"(?i:covers|covered|describes|described|reports|reported|mentions|mentioned|is\s+about|was\s+about)|"
    r"(?i:in|from)\s+(?i:that|this|the\s+same)\s+(?i:story|article|piece|report))\b,?"
)


def same_piece(question: str) -> tuple[str, bool]:
    """(question without the words, whether it asks of the article just quoted)."""
    m = _SAME_PIECE.search(question)
    if m is None:
        return question, False
    cut = question[: m.start()] + " " + question[m.end() :]
    return re.sub(r"\s+([?.!,])", r"\1", re.sub(r"\s{2,}", " ", cut)).strip(), True


def cited_topic(question: str, doc_terms: dict[str, set[str]]) -> tuple[str, set[str]]:
    """(question without the citation, the articles it can mean) when the question tells
    which article it asks of by its topic ("in the story about the Dalian meeting"): those
    holding every word of the topic, when that is some of the articles but not all. The
    topic's words are no words the answer's sentence must hold."""
    m = _TOPIC.search(question) or _TOPIC_BEFORE.search(question)
    if m is None:
        return question, set()
    words = set(terms(m.group(1)))
    docs = {d for d, ts in doc_terms.items() if words <= ts}
    if not words or not docs or len(docs) == len(doc_terms):
        return question, set()
    cut = question[: m.start()] + question[m.end() :]
    return re.sub(r"\s+([?.!,])", r"\1", cut).strip(), docs
