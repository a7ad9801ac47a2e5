"""The answer type a question asks for (PERSON, DATE, ...) and its subtype (YEAR, MONEY,
COUNT, ...): what kind of span can answer it. Read by rag/question.py."""

from __future__ import annotations

import re

from .question_head import _head_word
from .question_words import COMPANY, ROLE, SETTING_Q

PERSON, DATE, NUMBER, PLACE, ORG, REASON, OTHER = "PERSON", "DATE", "NUMBER", "PLACE", "ORG", "REASON", "OTHER"

# "how large was the surplus", "what tariff rate": a measured figure (NUMBER, MAGNITUDE)
# "what earlier year", "which exact day", "what later month": a time, however qualified
_WHEN_ADJ = r"(?:(?:exact|specific|precise|earlier|later|previous|prior|following|first|last|particular)\s+)?"
_SIZE = r"large|big|high|low|small|heavy|tall|deep|wide"
_MEASURE = r"percentage|rate|amount|sum|price|cost|volume"
_MONEY = re.compile(
    r"\bhow much (?:money\b|.*\b(?:cost|costs|spend|spent|pay|paid|worth|charge|charged|fetch|fetched)\b)|"
    r"\bhow much\b.*\bin (?:dollars|yuan|won|euros)\b|\bwhat (?:was|is|were|are|will be) the (?:[\w-]+ )?(?:cost|price|price tag|bill)\b|"
    # "what was the dollar value of the deal?"
    r"\b(?:dollar|monetary|cash|financial) (?:value|amount|figure|worth|size)\b|\bhow many (?:dollars|yuan|won|euros)\b"
)
_TYPE_RULES: list[tuple[str, str]] = [
    (
        REASON,
        # "why ...", "And why ...", "In Hill's view, why ...", "According to Zhao, why ..."
        r"(?:^|^(?:and|so|but|then)\s+|,\s*)(why|for what reason|how come)\b|"
        r"what (is|was|were|are) the (?:main |first |second |real |chief |other |key )?(reason|motive|purpose)|"
        # "did he give a reason why Beijing can't rely on ...?", "did she explain why?": the reason
        r"^(?:and\s+|so\s+)?(?:did|does|do|has|had)\s+(?:[\w’'.-]+\s+){1,4}?(?:give|offer|provide|cite|explain|say)\s+"
        r"(?:(?:a|any|the)\s+reasons?\s+)?(?:why|for\s+what)\b|"
        r"^(?:and\s+|so\s+)?(?:did|does|do|has|had)\s+(?:[\w’'.-]+\s+){1,4}?(?:give|offer|provide|cite)\s+"
        r"(?:a|any|the)\s+reasons?\b|"
        # "what reasons did he give for the trip?"
        r"\bwhat (?:main |other |real |key )?(reasons?|motives?|motivations?) (?:did|does|do|has|have|had)\b|"
        # "what was the trip meant to accomplish?", "what was the aim of the visit?": a purpose
        r"\bwhat (is|was|were|are) the (aim|goal|objective|point) of\b|"
        # "what was the trip for?", "what did he go there for?": its purpose
        r"^what (?:is|was|were|are) (?:the|that|this|his|her|their) [\w-]+ for\W*$|"
        r"^what (?:did|does|do) (?:[\w’'-]+ ){1,3}(?:go|come|travel|fly|head)(?: [\w’'-]+){0,3} for\W*$|"
        # "what was he going there for?"
        r"^what (?:was|were|is|are) (?:[\w’'-]+ ){1,3}(?:going|coming|travell?ing|flying|heading)(?: [\w’'-]+){0,3} for\W*$|"
        r"\b(?:meant|intended|designed|aimed|supposed) to (?:accomplish|achieve)\b|"
        # "what does Zhao think might explain the trip?"
        r"\bwhat (?:(?:do|does|did) (?:[\w-]+ ){1,3}(?:think|believe|say|suggest) )?(?:might |could |would |may )?"
        r"(drove|drives?|motivated|prompted|explains?|caused?|is behind)\b|"
        # "what made him think the summit was so close?", "what led Kim to go?"
        r"^(?:and |so )?what (?:made|makes|make|led|leads) (?:[\w’'.-]+ ){1,4}?(?:think|believe|feel|say|expect|decide|want|to)\b",
    ),
    (
        DATE,
        # "after singapore, when did he see xi again?"
        # "and the trade war kicked off when?", "year kim jong un took power?"
        r"\bwhen\W*$|^(?:the\s+)?(?:year|date|day|month)\b(?!\s+(?:of|is|was)\b)|"
        rf"^when\b|^[^?,]{{3,50}},\s*when (?:did|does|do|is|was|were|will|would|has|had|are)\b|\bby when\b|\bwhat {_WHEN_ADJ}(years?|days?|dates?|months?|weekdays?|time)\b|"
        rf"\bwhich {_WHEN_ADJ}(years?|days?|dates?|months?|weekdays?)\b|"
        r"\bsince when\b|\bon what (days?|dates?)\b|\bin what (years?|months?)\b|"
        r"\bwhat (?:is|was|are|were) the (?:exact |specific )?(dates?|years?|months?)\b|"
        # "did the spokesman say when the second summit would happen?": a date, in his words
        r"^(?:did|does|do|has|had) (?:[\w’'.-]+ ){1,5}?(?:say|mention|tell|indicate|reveal|specify|give) when\b|"
        # "what did he forecast for the timing of the next meeting?": a date he expects
        r"\b(?:forecasts?|forecasted|predicts?|predicted|expects?|expected|anticipates?|anticipated|projects?|projected)"
        r" (?:for|about|regarding|on) (?:the )?timing\b",
    ),
    (
        NUMBER,
        rf"\bhow (many|much|long|old|often|far|{_SIZE})\b(?! an?\b)|"
        rf"\bwhat (?:[\w-]+ )?(number|share|proportion|figure|total|toll|{_MEASURE})\b|"
        r"\bwhich (visit|trip|time|summit|meeting)(?: (?:to|in|of) [\w-]+)? (was|is) (this|it|that)\b|"
        r"\b(?:what|which) number\b|"
        r"\bwhat (?:is|was|were|are|will be) the (?:[\w-]+ ){0,2}(?:cost|price|price tag|volume|amount|sum)\b|"
        r"\b(?:dollar|monetary|cash) (?:value|amount|figure|worth)\b",
    ),
    # "where does he teach?": the university, not the city
    (ORG, r"^where\b.*\b(?:teach|teaches|taught|lecture|lectures|work|works|worked|study|studies|studied)\b"),
    # "shin beom-chul works where?", "kim hyun-wook is a professor where": the wh-word last
    (
        ORG,
        r"\b(?:teach|teaches|taught|lectures?|works?|worked|stud(?:y|ies|ied)|professor|lecturer|adviser|advisor|"
        r"researcher|fellow|director|scholar|analyst|employed)\s+where\s*\??\s*$",
    ),
    (
        PLACE,
        # ("did the spokesman say where it would be held?": a place, in his words)
        r"^(?:did|does|do|has|had) (?:[\w’'.-]+ ){1,5}?(?:say|mention|tell|indicate|reveal|specify|give) where\b|"
        r"^where\b|\bwhere (did|does|do|is|was|were|will|would)\b|\bwhere\s*\??\s*$|\bin (what|which) (city|country|place|town|"
        r"region)\b|\b(which|what)\s+(?:[\w-]+\s+){0,2}(city|country|place|town|capital|region|province|port|"
        r"location|venue|site|cities|countries|places|towns|locations|venues|sites)\b",
    ),
    (
        ORG,
        # "which Washington-based organization", "what group does she run"
        # (and "which chinese paper")
        r"\b(which|what)\s+(?:(?:\w+-\w+|[a-z]+(?:ese|ean|ian|can))\s+)?(organi[sz]ations?|orgs?|agency|outlet|newspaper|paper|tabloid|"
        r"university|college|school|academy|institute|institution|think tank|company|media|news agency|program|body|ministry|service|"
        r"group|outfit|firm|foundation|cent(?:er|re)|council|association|broadcaster|publication|universities|agencies|"
        r"institutes|newspapers|outlets|companies|groups|schools|colleges)\b|"
        # "what is his employer?", "who employs him?"
        r"\b(?:employer|employers)\b|^who\s+employs\b",
    ),
    # "what does ding xueliang head up?": the body he heads
    (
        ORG,
        r"^what (?:does|did|do) (?:[\w.’'-]+ ){1,4}?(?:run|head|lead|direct|chair)(?: up)?(?:\s+(?:now|today|these days|currently))?\s*\??\s*$|"
        # "what's the organization she runs called?", "what is the name of the group he leads?"
        r"^what(?:['’]?s| is| was) (?:the )?(?:name of )?(?:the |her |his |their )?(?:organi[sz]ation|group|institute|"
        r"think tank|body|outfit|firm|foundation|center|centre|council|association|agency|program) (?:that )?"
        r"(?:[\w.’'-]+ ){1,3}?(?:runs|ran|heads|headed|leads|led|directs|chairs|works (?:for|at)|worked (?:for|at))\b",
    ),
    (
        PERSON,
        rf"^which (?:one )?of (?:them|those|these) (?:is|was|are|were) (?:the |a |an )?(?:[\w’'-]+ ){{0,3}}{ROLE}s?\b|"
        # "which of them gave a time frame?": one of the people just named did
        r"^which (?:one )?of (?:them|those two|these two|the two) (?!(?:is|was|are|were)\b)(?:[a-z]+ed|gave|said|told|spoke|"
        r"thought|made|took|put|saw|wrote|sees|says|thinks|expects|believes|predicts|argues|warns|suggests)\b|"
        rf"^(who|whom)\b|\bwho(m|se)?\b|\bname of (?:the |\S+(?: \S+){{0,3}}['’]s )(?:[\w-]+ ){{0,2}}{ROLE}s?\b|"
        # "what's his sister's name?", "the professor's name?"
        rf"\b(?:the|his|her|their|\S+['’]s) (?:[\w-]+ ){{0,2}}{ROLE}s?['’]s? (?:full )?names?\b|"
        # "was anyone with him when he left?": who was
        r"^(?:was|were|is|did)\s+(?:anyone|anybody|someone|somebody)\s+(?:else\s+)?(?:with|accompany|go\s+with|come\s+with|travel\s+with)\b",
    ),
]


# "And when does he think ...?", "So, where did they meet?": a follow-up's opening word
# ties it to the conversation (needs_context reads it) but is no part of what it asks
_LEAD = re.compile(r"^\s*(?:(?:and|so|but|then|also|ok|okay|well|now|alright|meanwhile|anyway)\b[\s,]*)+(?=\w)", re.I)


# "Name the Renmin University professor quoted by VOA": a "which" question
_NAME_THE = re.compile(r"^(?:please\s+)?(?:name|identify)\s+the\s+(?=\w)", re.I)


# "how long's it supposed to last?", "what's the first reason?": the rules read "is"
_IS = re.compile(r"\b(what|where|who|when|why|how|long|much|many|far|old|big)['’]s\b", re.I)


# "how'd he get there?": "did"
_DID = re.compile(r"\b(what|where|who|when|why|how)['’]d\b", re.I)


def strip_lead(text: str) -> str:
    return _DID.sub(r"\1 did", _IS.sub(r"\1 is", _NAME_THE.sub("Which ", _LEAD.sub("", text).lstrip(), count=1)))


# "When reporters asked whether ..., how did he respond?": the clause before the comma
# sets the scene; what is asked follows it
_SCENE = re.compile(
    # (not "When was the accord, which they promised to keep, signed?": a question itself)
    # ("Apart from his sister, which two officials ...?": what is set aside, too)
    r"^(?:when|while|after|before|once|as|if|apart\s+from|aside\s+from|besides|other\s+than|except\s+for|"
    r"in\s+addition\s+to)\b"
    r"(?!\s+(?:was|is|were|are|did|does|do|will|would|has|had|have|can|could|should)\b)"
    r"[^?]*?,\s*(?=(?:what|how|who|whom|where|why|which|when)\b)",
    re.I,
)


def answer_type(text: str) -> str:
    text = strip_lead(text)
    text = text[m.end() :] if (m := _SCENE.match(text)) else text
    q = text.lower().strip()
    for qtype, pat in _TYPE_RULES:
        if re.search(pat, q):
            return qtype
    # "which Renmin University professor ..." asks for a person; "what subject is Lim a
    # professor of" does not: the role word must be the noun the question asks for
    word = _head_word(text)
    if word and re.fullmatch(rf"{ROLE}s?", word.lower()):
        return PERSON
    if _ELLIPTIC_ROLE.match(q):
        return PERSON  # "and the kyungnam guy?" after "who's the Asan Institute expert?"
    return OTHER


# a follow-up that only names someone by role ("the other analyst in that piece, the one
# from Carnegie?", "and the kyungnam guy in the same article?"): who that is
_ELLIPTIC_ROLE = re.compile(
    rf"^(?:(?:what|how)\s+about\s+)?(?:the|that)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{ROLE}|guy|one|scholars?|experts?)\b"
    r"(?![^,?]*\b(?:is|was|are|were|did|does|do|has|had|will|would|can|could|say|said|think|thinks)\b)"
    # "and the former ambassador on that panel, what was her take?" asks something of her
    r"(?!.*[,:;—–-]\s*(?:what|who|where|when|why|how|which)\b)"
)


# "what did he do there?", "what else did they do?": what he did (ACTIVITY)
_DID_DO = re.compile(
    r"^\W*(?:and\s+|so\s+)?(?:(?:besides|apart from|aside from|other than)\b[^,?]*,\s*)?"
    r"what\s+(?:else\s+)?(?:did\s+(?:[\w’'-]+\s+){1,5}?(?<!\bto\s)do\b(?!\s+(?:to|about)\b)|"
    # "what was Pompeo doing that week?"
    r"(?:was|were)\s+(?:[\w’'-]+\s+){1,3}?doing\b)",
    re.I,
)


# "How did Kim get to Dalian?", "How did he travel from Pyongyang?": the means of travel
_MEANS = re.compile(
    # (not "how did China come up in that speech?": how it was mentioned)
    r"^\s*how (?:did|does|do|will|would|was|is|were)\b.*\b(?:travel(?:l?ed)?|get|go|come(?!\s+up\b)|fly|arrive|return|journey)\b"
    r"(?:\s+[\w-]+){0,3}?\s+(?:to|from|into|in|at|back|home|there)\b"
    # "how did he travel?", "how did Kim get there?"
    r"|^\s*how (?:did|does|do|will|would|was|is|were)\s+(?:\w+\s+){1,3}?(?:travel(?:l?ed)?|fly|journey)\W*$"
)
# "Did Kim travel by train or by plane?": the alternatives offered
_CHOICE = re.compile(
    r"^\s*(?:did|does|do|is|was|were|are|will|would|has|had)\b.*?\b(?:by |in |on |at |with |to )?([\w-]+(?: [\w-]+)?)"
    r",? or (?:by |in |on |at |with |to )?([\w-]+(?: [\w-]+)?)\s*\??\s*$",
    re.I,
)


_YESNO = re.compile(r"\s*(?:did|does|do|is|was|were|are|will|would|has|have|had|can|could|should)\b", re.I)


def choices(text: str) -> list[str]:
    """The alternatives of an either-or question, or []."""
    m = _CHOICE.match(text)
    return [m.group(1), m.group(2)] if m else []


# "what subject does he teach?", "which field does Lim study?": a discipline, which the
# articles give as the words before or after "professor" ("a political science professor")
_FIELD_Q = re.compile(
    r"^\W*(?:and\s+|so\s+)?(?:what|which)\s+(?:academic\s+)?(?:subject|field|discipline|area)s?\s+"
    r"(?:does|did|do|is|was)\b.*\b(?:teach\w*|taught|stud(?:y|ies|ied)|research\w*|speciali[sz]\w*|lectur\w*)|"
    # "what field is he a professor in?", "what's her field?", "a professor of what?"
    r"^\W*(?:and\s+|so\s+)?(?:what|which)\s+(?:academic\s+)?(?:subject|field|discipline)s?\s+(?:is|was|are)\s+.*"
    r"\b(?:professor|lecturer|scholar|academic)s?\b|"
    r"\b(?:what|which)(?:\s+is|['’]s)\s+(?:his|her|their|[\w-]+(?:\s+[\w-]+){0,3}['’]s)\s+(?:academic\s+)?"
    r"(?:field|subject|discipline|speciality|specialty)\b|"
    # "what does he teach?" (not "where")
    r"^\W*(?:and\s+|so\s+)?what\s+(?:does|did|do)\s+[^?]+?\s+(?:teach|lecture\s+(?:on|in))\W*$|"
    r"\b(?:professor|lecturer)\s+of\s+what\b",
    re.I,
)


def asks_field(q: str) -> bool:
    """Does the question ask what someone teaches or studies ("what's his field?")?"""
    return bool(_FIELD_Q.search(q.lower()))


def _subtype(q: str, qtype: str) -> str | None:
    if _FIELD_Q.search(q):
        return "FIELD"
    if qtype == OTHER and _DID_DO.search(q):
        return "ACTIVITY"
    if re.search(r"\b(day of the week|what days?|which days?|weekdays?)\b", q):
        return "WEEKDAY"
    if re.search(rf"\b(what|which|in what) {_WHEN_ADJ}year\b|^year\b", q):
        return "YEAR"
    if re.search(
        r"\b(what|which) (?:exact |specific |precise )?dates?\b|\bwhat (?:is|was|are|were) the (?:exact |specific |precise )?dates?\b",
        q,
    ):
        return "CALENDAR"
    if re.search(rf"\b(what|which) {_WHEN_ADJ}months?\b", q):
        return "MONTH"
    if qtype == PLACE and re.search(r"\b(what|which) (city|town|capital|port)\b", q):
        return "CITY"
    if qtype in (PLACE, PERSON) and SETTING_Q.search(q):
        return "SETTING"
    if re.search(r"\bhow long\b|\bhow many (?:\w+ )?(?:minutes|hours|days|weeks|months|years)\b", q):
        return "DURATION"
    if re.search(r"\bhow old\b|\bwhat age\b", q):
        return "AGE"
    if qtype == NUMBER and _MONEY.search(q):
        return "MONEY"  # "how much did the trip cost?": a sum of money, not "Jan. 8"
    if qtype == NUMBER and re.search(
        # "how much economic aid": an amount, which "the two countries" is not
        rf"\bhow ({_SIZE})\b|\bwhat (?:[\w-]+ )?({_MEASURE})\b|\bhow much\b(?! (?:time|longer|later|earlier))|"
        rf"\bwhat (?:is|was|were|are|will be) the (?:[\w-]+ ){{0,2}}(?:{_MEASURE})\b",
        q,
    ):
        return "MAGNITUDE"
    if qtype == NUMBER and re.search(
        r"\bhow many (?:times|visits|trips|summits|meetings|occasions)\b|"
        r"\b(?:what|which)(?: number)? (?:visit|trip|time|summit|meeting)\b",
        q,
    ):
        return "TIMES"  # "his fourth visit" says how many; "a four-day trip" does not
    if qtype == NUMBER and re.search(r"\bhow many\b", q):
        return "COUNT"  # "how many officials": neither "his fourth visit" nor "two days"
    if qtype == PERSON and COMPANY.search(q):
        return "COMPANY"
    if qtype == PERSON and re.search(
        r"\b(wrote|write|written|writer|author|authored|translated|translator|reported|reporter|journalist|"
        # "who did the translation?", "who handled the reporting?"
        r"correspondent|byline|translation|translating|reporting)\b",
        q,
    ):
        return "AGENT"
    if re.search(r"\b(what|which) (kinds?|types?|sorts?) of\b", q):
        return "KIND"
    if re.search(r"\bfull name\b|\bstands? for\b|\bexpansion\b", q):
        return "EXPAND"
    if qtype == OTHER and _MEANS.search(q):
        return "MEANS"
    if qtype == OTHER and _YESNO.match(strip_lead(q)) and not choices(q):
        # "did Kim take his armored train?": answered only by a sentence that says so
        return "YESNO"
    return None
