"""Question analysis: expected answer type and subtype, the noun asked for, key terms,
and two-part questions. The spans that can answer each type are in rag/spans.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .question_head import _head_word, head_noun
from .question_words import KIN_QUESTION, ROLE, qstems
from .retrieve import terms
from .synonyms import question_concepts

PERSON, DATE, NUMBER, PLACE, ORG, REASON, OTHER = "PERSON", "DATE", "NUMBER", "PLACE", "ORG", "REASON", "OTHER"

# "how large was the surplus", "what tariff rate": a measured figure (NUMBER, MAGNITUDE)
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
        r"what (is|was|were|are) the (reason|motive|purpose)|"
        # "what was the trip meant to accomplish?", "what was the aim of the visit?": a purpose
        r"\bwhat (is|was|were|are) the (aim|goal|objective|point) of\b|"
        r"\b(?:meant|intended|designed|aimed|supposed) to (?:accomplish|achieve)\b|"
        # "what does Zhao think might explain the trip?"
        r"\bwhat (?:(?:do|does|did) (?:[\w-]+ ){1,3}(?:think|believe|say|suggest) )?(?:might |could |would |may )?"
        r"(drove|drives?|motivated|prompted|explains?|caused?|is behind)\b",
    ),
    (
        DATE,
        r"^when\b|\bby when\b|\bwhat (?:exact |specific |precise )?(years?|days?|dates?|months?|weekdays?|time)\b|"
        r"\bwhich (?:exact |specific )?(years?|days?|dates?|months?|weekdays?)\b|"
        r"\bsince when\b|\bon what (days?|dates?)\b|\bin what (years?|months?)\b|"
        r"\bwhat (?:is|was|are|were) the (?:exact |specific )?(dates?|years?|months?)\b",
    ),
    (
        NUMBER,
        rf"\bhow (many|much|long|old|often|far|{_SIZE})\b(?! an?\b)|"
        rf"\bwhat (?:[\w-]+ )?(number|share|proportion|figure|total|toll|{_MEASURE})\b|"
        r"\bwhich (visit|time|summit|meeting) (was|is) (this|it)\b|\b(?:what|which) number\b|"
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
        r"^where\b|\bwhere (did|does|do|is|was|were|will|would)\b|\bwhere\s*\??\s*$|\bin (what|which) (city|country|place|town|"
        r"region)\b|\b(which|what)\s+(?:[\w-]+\s+){0,2}(city|country|place|town|capital|region|province|port|"
        r"location|venue|site|cities|countries|places|towns|locations|venues|sites)\b",
    ),
    (
        ORG,
        # "which Washington-based organization", "what group does she run"
        r"\b(which|what)\s+(?:\w+-\w+\s+)?(organi[sz]ations?|agency|outlet|newspaper|paper|tabloid|"
        r"university|college|school|academy|institute|institution|think tank|company|media|news agency|program|body|ministry|service|"
        r"group|firm|foundation|cent(?:er|re)|council|association|broadcaster|publication|universities|agencies|"
        r"institutes|newspapers|outlets|companies|groups|schools|colleges)\b",
    ),
    (
        PERSON,
        rf"^which (?:one )?of (?:them|those|these) (?:is|was|are|were) (?:the |a |an )?(?:[\w’'-]+ ){{0,3}}{ROLE}s?\b|"
        rf"^(who|whom)\b|\bwho(m|se)?\b|\bname of (?:the |\S+(?: \S+){{0,3}}['’]s )(?:[\w-]+ ){{0,2}}{ROLE}s?\b",
    ),
]


@dataclass
class Question:
    text: str
    qtype: str
    terms: list[str]  # stemmed key terms of the question itself
    carried: list[str] = field(default_factory=list)  # terms carried from earlier turns
    carried_text: str = ""
    words: set[str] = field(default_factory=set)  # lower-case surface words, to keep out of spans
    is_followup: bool = False
    head: str | None = None  # stem of the noun the question asks for ("which university" -> univers)
    # WEEKDAY, YEAR, DURATION, AGE, MONEY, MAGNITUDE, TIMES, COUNT, AGENT, KIND, DESCRIBE, COMPANY, YESNO, FIELD,
    # ACTIVITY
    subtype: str | None = None
    # "which family member", "which relative": any kinship word names the person asked for
    kin: bool = False
    # terms of the name a pronoun was resolved to ("he" -> Bruce Bennett): the article
    # too may say "he" in the answer sentence, naming him one sentence away
    pronoun_terms: set[str] = field(default_factory=set)
    choices: list[str] = field(default_factory=list)  # "by train or by plane?" -> the two
    # what a question sets aside ("apart from the talks" -> {"talk"}): not the answer
    excluded: set[str] = field(default_factory=set)
    # the articles of the outlet a question cites ("according to the Korea Times")
    outlet_docs: set[str] = field(default_factory=set)
    # (doc, start) of the sentence a follow-up picks from: "which of them is the foreign
    # minister?" asks among those the previous answer quoted
    among: set[tuple[str, int]] = field(default_factory=set)
    # the people "the other expert" is not (each name's terms): those the previous turn
    # was about
    other_names: list[frozenset[str]] = field(default_factory=list)


def entities(q: Question) -> set[str]:
    """Stems of the capitalised words of the question and of what it carries: its names."""
    return {t for w in re.findall(r"\b[A-Z][\w’'-]+", q.text[1:] + " " + q.carried_text) for t in terms(w)}


# "And when does he think ...?", "So, where did they meet?": a follow-up's opening word
# ties it to the conversation (needs_context reads it) but is no part of what it asks
_LEAD = re.compile(r"^\s*(?:(?:and|so|but|then|also|ok|okay|well|now|alright)\b[\s,]*)+(?=\w)", re.I)


# "Name the Renmin University professor quoted by VOA": a "which" question
_NAME_THE = re.compile(r"^(?:please\s+)?(?:name|identify)\s+the\s+(?=\w)", re.I)


def strip_lead(text: str) -> str:
    return _NAME_THE.sub("Which ", _LEAD.sub("", text).lstrip(), count=1)


def answer_type(text: str) -> str:
    text = strip_lead(text)
    q = text.lower().strip()
    for qtype, pat in _TYPE_RULES:
        if re.search(pat, q):
            return qtype
    # "which Renmin University professor ..." asks for a person; "what subject is Lim a
    # professor of" does not: the role word must be the noun the question asks for
    word = _head_word(text)
    if word and re.fullmatch(rf"{ROLE}s?", word.lower()):
        return PERSON
    return OTHER


_DESCRIBE = re.compile(r"^\s*(?i:who)(?:\s+(?i:is|was|are|were)|['’]s)\s+((?:[A-Z][\w’'.-]*\s*){1,4})\??\s*$")


# "What is Shi Yinhong's academic field?", "What was Joseph Yun's job?": the person's
# description, which the articles give beside the name ("Shi Yinhong, a political
# science professor at ...")
_DESCRIBE_ROLE = re.compile(
    r"^\s*(?i:what)(?:\s+(?i:is|was)|['’]s)\s+((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*?)(?:['’]s|(?<=s)['’])\s+((?:[\w-]+\s+){0,2}?"
    r"(?i:job|role|title|position|occupation|profession|career|field|background|expertise|specialty|"
    r"speciality|post|line of work|area of expertise))\b"
)
# "does Zhao Tong think ...?", "what did Lu Kang say ...?": the one whose words are asked for
SPEAKER_Q = re.compile(
    r"\b(?:did|does|do|has|had|will|would)\s+((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+)\s+"
    r"(?:say|said|predict|think|expect|believe|argue|warn|claim|suggest|tell|describe|forecast|see|react|respond)\b"
)
# "What post does Hu Xijin hold?"
_HOLDS = re.compile(
    r"^\s*(?i:what|which)\s+(?i:job|role|title|position|post|office)\s+(?i:does|did|do)\s+"
    r"((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)\s+(?i:hold|have|occupy|fill)\b"
)
# "What does Lu Kang do?": his job; "what did he do there?" asks what he did (ACTIVITY)
_DOES_DO = re.compile(r"^\s*(?i:what)\s+(?i:does)\s+((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)\s+(?i:do)\s*\??\s*$")
_DID_DO = re.compile(
    r"^\W*(?:and\s+|so\s+)?(?:(?:besides|apart from|aside from|other than)\b[^,?]*,\s*)?"
    r"what\s+(?:else\s+)?did\s+(?:[\w’'-]+\s+){1,5}?(?<!\bto\s)do\b(?!\s+(?:to|about)\b)",
    re.I,
)
# what is set aside: "apart from the talks", "besides the banquet and the talks"
_SET_ASIDE = re.compile(
    r"\b(?:apart from|aside from|besides|other than|except(?:\s+for)?)\s+((?:(?!what\b|who\b|where\b|when\b)[\w’'-]+\s*){1,6})",
    re.I,
)


def described(text: str) -> str | None:
    """The name in "Who is Lu Kang?", "What is Lu Kang's job?" or "What does Lu Kang
    do?": such questions want a description, not a person."""
    m = _DESCRIBE.match(text) or _DESCRIBE_ROLE.match(text) or _DOES_DO.match(text) or _HOLDS.match(text)
    return m.group(1).strip() if m else None


# "How did Kim get to Dalian?", "How did he travel from Pyongyang?": the means of travel
_MEANS = re.compile(
    r"^\s*how (?:did|does|do|will|would|was|is|were)\b.*\b(?:travel(?:l?ed)?|get|go|come|fly|arrive|return|journey)\b"
    r"(?:\s+[\w-]+){0,3}?\s+(?:to|from|into|in|at|back|home|there)\b"
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
    r"(?:does|did|do|is|was)\b.*\b(?:teach\w*|taught|stud(?:y|ies|ied)|research\w*|speciali[sz]\w*|lectur\w*)",
    re.I,
)


def _subtype(q: str, qtype: str) -> str | None:
    if _FIELD_Q.search(q):
        return "FIELD"
    if qtype == OTHER and _DID_DO.search(q):
        return "ACTIVITY"
    if re.search(r"\b(day of the week|what days?|which days?|weekdays?)\b", q):
        return "WEEKDAY"
    if re.search(r"\b(what|which|in what) year\b", q):
        return "YEAR"
    if re.search(r"\b(what|which) (?:exact |specific |precise )?date\b|\bwhat (?:is|was|are|were) the dates?\b", q):
        return "CALENDAR"
    if re.search(r"\b(what|which) months?\b", q):
        return "MONTH"
    if qtype == PLACE and re.search(r"\b(what|which) (city|town|capital|port)\b", q):
        return "CITY"
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
        r"\bhow many (?:times|visits|trips|summits|meetings|occasions)\b|\b(?:what|which) number (?:visit|trip|time|summit|meeting)\b",
        q,
    ):
        return "TIMES"  # "his fourth visit" says how many; "a four-day trip" does not
    if qtype == NUMBER and re.search(r"\bhow many\b", q):
        return "COUNT"  # "how many officials": neither "his fourth visit" nor "two days"
    if qtype == PERSON and _COMPANY.search(q):
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


_TELL_ME = re.compile(r"^\s*(?:(?:can|could|would|will) you\s+)?(?:please\s+)?tell\b", re.I)
_HOW_MEASURE = re.compile(r"\bhow (long|far|much|often|soon|big|large|late|early)\b", re.I)
# "was it due to end", "is set to meet": when something happens, not what it is about
_SCHEDULED = re.compile(
    r"\b(?:(?:is|was|are|were|be|been)(?:\s+\w+){0,2}\s+(due|set|slated)|(supposed|scheduled|meant))\s+to\s+\w", re.I
)
# "in Hill's view", "per his remarks": whose words the answer is, which the sentence
# says with "said" or not at all ("may view the meeting as ..." is no answer)
_ATTRIBUTION = re.compile(
    r"\b(?i:per|in|according to|from|by)\s+(?:(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*['’]s|his|her|their|the)\s+"
    r"(?:[\w-]+\s+)?(remarks|comments|words|view|views|account|assessment|analysis|opinion|estimate|reckoning)\b"
)
# "apart from the talks, what did they do?": the words setting aside what is known; what
# they set aside stays a term (the answer often lists it: "held talks ... and took a stroll")
_EXCEPT = re.compile(r"\b(?:apart|aside)\s+from\b|\bbesides\b|\bother\s+than\b|\bexcept(?:\s+for)?\b", re.I)
# "was it announced ahead of time?": when it was said, which the article states as
# "an unannounced visit", not in these words
_IN_ADVANCE = re.compile(r"\b(?:ahead of time|in advance|beforehand)\b", re.I)
# "meant to accomplish", "the aim of": the asking for a purpose, which the answer states
# in its own words ("to finalize a date ...")
_PURPOSE = re.compile(
    r"\bthe (aim|goal|objective|purpose|point) of\b|\b(?:meant|intended|designed|aimed|supposed) to (accomplish|achieve)\b",
    re.I,
)
# "how long was the trip expected to last?", "how long did it take?": the verb of the
# measure (the articles' "last year" and "it took" are about something else)
_LONG_VERB = re.compile(
    r"\bhow long\b.*\b(last|lasted)\s*\??\s*$|\bhow long (?:did|does|do|will|would) it (take)\b", re.I
)
# "Who went there with him?", "Who travelled with Kim?", "Who accompanied him?"
_TRAVEL = r"went|go|goes|going|travel|travels|travell?ed|travell?ing|came|come|flew|fly|journeyed"
_COMPANY = re.compile(
    rf"^\s*(?:and\s+)?(?:(?:who|whom|which\s+(?!of\b)[\w’'-]+(?:\s+of\s+[\w’'-]+)?)\b(?=.*\b(?:{_TRAVEL})\b(?:\s+[\w’'-]+){{0,4}}?\s+with\b|.*\baccompan)|"
    # "which foreign minister came along?", "who tagged along?"
    r"(?:who|whom|which)\b(?=.*\b(?:came|come|went|go|tagged|tag)\s+along\b))",
    re.I,
)
_TRAVEL_STEMS = frozenset(terms(_TRAVEL.replace("|", " ") + " travelled traveled travelling traveling"))
_DATE_WORDS = frozenset(terms("day days week month months year years date dates time weekday"))


def analyze(text: str, carried_text: str = "") -> Question:
    text = strip_lead(text)
    drop = qstems()
    if not _TELL_ME.match(text):
        drop = drop - {"tell"}  # "Trump will tell him" is content; "tell me ..." is not
    # "how long", "how far": the measure asked for, not a topic word ("old" stays: an
    # age is written "35-year-old")
    drop = drop | {t for m in _HOW_MEASURE.finditer(text) for t in terms(m.group(1))}
    drop = drop | {t for m in _LONG_VERB.finditer(text) for t in terms(m.group(1) or m.group(2))}
    drop = drop | {t for m in _SCHEDULED.finditer(text) for t in terms(m.group(1) or m.group(2))}
    drop = drop | {t for m in _PURPOSE.finditer(text) for t in terms(m.group(1) or m.group(2))}
    drop = drop | {t for m in _ATTRIBUTION.finditer(text) for t in terms(m.group(1))}
    drop = drop | {t for m in _EXCEPT.finditer(text) for t in terms(m.group(0))}
    drop = drop | {t for m in _IN_ADVANCE.finditer(text) for t in terms(m.group(0))}
    role = _DESCRIBE_ROLE.match(text)
    if role:
        drop = drop | set(terms(role.group(2)))  # "academic field": the kind of answer, not its words
    if _FIELD_Q.search(text):
        drop = drop | set(terms("subject field discipline area academic"))  # the kind of answer
    holds = _HOLDS.match(text)
    if holds:
        drop = drop | (set(terms(holds.group(0))) - set(terms(holds.group(1))))  # "what post does X hold"
    qterms = [t for t in dict.fromkeys(terms(text)) if t not in drop]
    if _COMPANY.search(text):
        # "who went there with him": the travel verb is not what the articles say of a
        # companion ("Accompanying Kim was his younger sister")
        qterms = [t for t in qterms if t not in _TRAVEL_STEMS and t not in ("along", "tag")] + ["accompani"]
    carried = [t for t in dict.fromkeys(terms(carried_text)) if t not in qterms and t not in drop]
    words = {w.lower() for w in re.findall(r"\w+", text)}
    qtype = answer_type(text)
    head = head_noun(text)
    concepts, spent = question_concepts(text, qtype)
    if concepts:
        # "come to power": the articles say "taking office" (rag/synonyms.py)
        qterms = [t for t in qterms if t not in spent] + [c for c in concepts if c not in qterms]
    if qtype == DATE:
        # "on what day of the week", "in which month": words of the asked-for type, not
        # of the topic ("two days from Tuesday" is no better for holding "day")
        qterms = [t for t in qterms if t not in _DATE_WORDS]
        carried = [t for t in carried if t not in _DATE_WORDS]
    excluded = {t for m in _SET_ASIDE.finditer(text) for t in terms(m.group(1))}
    subtype = "DESCRIBE" if described(text) else _subtype(text.lower(), qtype)
    if subtype == "ACTIVITY":
        # "what did the two of them do there apart from the talks?": what is set aside,
        # and the pair doing it, are no words the answer must hold
        qterms = [t for t in qterms if t not in excluded and t not in ("two", "togeth")]
    return Question(
        text=text,
        qtype=qtype,
        terms=qterms,
        carried=carried,
        carried_text=carried_text,
        words=words,
        is_followup=bool(carried_text),
        head=head,
        subtype=subtype,
        kin=qtype == PERSON and bool(KIN_QUESTION.search(text)),
        choices=choices(text),
        excluded=excluded,
    )


_KIND_OF = re.compile(
    r"\b(?:what|which) (?:kind|type|sort) of [\w-]+ (?:is|was|are|were) (?:the )?(.+?)\s*\??\s*$", re.I
)


def kind_subject(text: str) -> str | None:
    """ "What kind of newspaper is the Global Times?" -> "Global Times"."""
    m = _KIND_OF.search(text)
    return m.group(1) if m else None
