"""Question analysis: expected answer type and subtype, the noun asked for, key terms,
and two-part questions. The spans that can answer each type are in rag/spans.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .asking_words import TELL_ME, asking_words
from .question_head import head_noun
from .question_type import (
    DATE,
    OTHER,
    PERSON,
    _subtype,
    answer_type,
    asks_field,
    choices,
    strip_lead,
)
from .question_words import COMPANY, KIN_QUESTION, ROLE, ROLE_STEMS, TRAVEL, qstems
from .retrieve import terms
from .synonyms import question_concepts


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
    # "what else did he say ...?": the sentence the previous answer quoted, which is not it
    said_before: set[tuple[str, int]] = field(default_factory=set)
    # the people "the other expert" is not (each name's terms): those the previous turn
    # was about
    other_names: list[frozenset[str]] = field(default_factory=list)
    # (doc, start) of the sentence the previous turn answered with: a follow-up goes on
    # with the same story, so what it asks is most often told there or just after
    after: tuple[str, int] | None = None


# "one expert", "one analyst": a determiner, no word the answer must hold
_ONE_OF_ROLE = re.compile(rf"\bone\s+(?:[\w-]+\s+)?(?i:{ROLE}|experts?|analysts?|scholars?)\b", re.I)


def entities(q: Question) -> set[str]:
    """Stems of the capitalised words of the question and of what it carries: its names."""
    return {t for w in re.findall(r"\b[A-Z][\w’'-]+", q.text[1:] + " " + q.carried_text) for t in terms(w)}


_DESCRIBE = re.compile(r"^\s*(?i:who)(?:\s+(?i:is|was|are|were)|['’]s)\s+((?:[A-Z][\w’'.-]*\s*){1,4})\??\s*$")


# "What is Shi Yinhong's academic field?", "What was Joseph Yun's job?": the person's
# description, which the articles give beside the name ("Shi Yinhong, a political
# science professor at ...")
_DESCRIBE_ROLE = re.compile(
    r"^\s*(?i:what)(?:\s+(?i:is|was)|['’]s)\s+((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*?)(?:['’]s|(?<=s)['’])\s+((?:[\w-]+\s+){0,2}?"
    r"(?i:job|role|title|position|occupation|profession|career|field|background|expertise|specialty|"
    r"speciality|post|line of work|area of expertise))\b(?!\s+(?:on|about|regarding|towards?|over)\b)"
)
# "does Zhao Tong think ...?", "what did Lu Kang say ...?": the one whose words are asked for
SPEAKER_Q = re.compile(
    r"\b(?:did|does|do|has|had|will|would)\s+((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+)\s+"
    r"(?:(?:actually|really|exactly|even|ever|also|just)\s+)?(?:say|said|predict|think|expect|believe|argue|warn|claim|suggest|tell|describe|forecast|see|react|respond|"
    r"reckon|guess|suppose|figure|anticipate|tweet|post|agree|disagree|go\s+along)\b"
)
# "is Pompeo on board with that?": his view, in his words, as SPEAKER_Q
ON_BOARD_Q = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?(?:is|was|are|were)\s+((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+)\s+(?:really\s+)?"
    r"(?:on\s+board|in\s+favou?r|supportive|okay|ok|fine)\b"
)


def asks_stance(m: re.Match[str]) -> bool:
    """Does a SPEAKER_Q or ON_BOARD_Q match ask someone's stance ("does Pompeo agree?",
    "does he go along with ...?", "is he on board?"), which is in his words, not in
    narration naming him?"""
    return m.re is ON_BOARD_Q or re.search(r"\b(?:agree|disagree|along)\s*$", m.group(0)) is not None


# "what was Mike Pompeo's position on ...?": his words, as SPEAKER_Q
STANCE_Q = re.compile(
    r"((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+?)(?:['’]s|(?<=s)['’])\s+"
    r"(?i:position|stance|view|take|opinion|verdict|assessment|line)\s+(?i:on|about|regarding|towards?)\b"
)


# "when does the retired US diplomat reckon ...?": the view of whoever holds that role
_ROLE_VIEW = re.compile(
    # ("the retired diplomat on a Washington panel forecast")
    rf"\b(?:did|does|do|has|had|will|would)\s+the\s+((?:[\w.-]+\s+){{0,3}}?(?i:{ROLE}))"
    r"(?:\s+(?:on|at|from|of|in|with|for)(?:\s+[\w.’'-]+){1,4}?)?\s+"
    r"(?:(?:actually|really)\s+)?(?:say|said|predict|think|expect|believe|argue|warn|claim|suggest|reckon|forecast|see|agree|disagree)\b"
)


# "what does China get out of it in the North Korean studies professor's view?",
# "according to the RAND researcher, ...": his words
_IN_ROLE_VIEW = re.compile(
    rf"\b(?:(?:in|by)\s+the\s+(?P<a>(?:[\w.-]+\s+){{0,3}}?(?i:{ROLE}))['’]s\s+(?i:view|opinion|assessment|estimate|"
    rf"words|analysis|reading|telling|account)|(?i:according\s+to|per)\s+the\s+(?P<b>(?:[\w.-]+\s+){{0,3}}?(?i:{ROLE})))\b"
)


def _role_words(text: str) -> set[str]:
    m = _ROLE_VIEW.search(text)
    v = _IN_ROLE_VIEW.search(text) if m is None else None
    phrase = m.group(1) if m else (v.group("a") or v.group("b")) if v else ""
    # "the spokesperson" holds the post of "spokesman Lu Kang"
    return {"spokesman" if t in ("spokesperson", "spokeswoman") else t for t in terms(phrase)}


def asked_role(text: str) -> set[str]:
    """The role words of someone a question asks the view or words of by role ("when
    does the retired US diplomat reckon ...?" -> {"diplomat"}); empty if none."""
    return _role_words(text) & ROLE_STEMS


def role_qualifiers(text: str) -> set[str]:
    """The words telling which one of that role ("the North Korean studies professor"
    -> {"north", "korean", "studi"}): another professor is not him."""
    words = _role_words(text)
    return words - ROLE_STEMS if words & ROLE_STEMS else set()


# "What post does Hu Xijin hold?", "what job did Christopher Hill use to have at State?"
_HOLDS = re.compile(
    r"^\s*(?i:what|which)\s+(?i:job|role|title|position|post|office)\s+(?i:does|did|do)\s+"
    r"((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)\s+(?i:(?:used?\s+to|once|previously|formerly)\s+)?(?i:hold|have|occupy|fill)\b"
)
# what is set aside: "apart from the talks", "besides the banquet and the talks"
_SET_ASIDE = re.compile(
    r"\b(?:apart from|aside from|besides|other than|except(?:\s+for)?)\s+((?:(?!what\b|who\b|where\b|when\b)[\w’'-]+\s*){1,6})",
    re.I,
)

# "What does Lu Kang do?": his job; "what did he do there?" asks what he did (ACTIVITY)
# ("what does Joseph Yun do these days?", "... do now?", "... do for a living?")
_DOES_DO = re.compile(
    r"^\s*(?i:what)\s+(?i:does)\s+((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)\s+(?i:do)"
    r"(?:\s+(?i:now|nowadays|these\s+days|today|currently|at\s+present|for\s+a\s+living|for\s+work))?\s*\??\s*$"
)


def described(text: str) -> str | None:
    """The name in "Who is Lu Kang?", "What is Lu Kang's job?" or "What does Lu Kang
    do?": such questions want a description, not a person."""
    m = _DESCRIBE.match(text) or _DESCRIBE_ROLE.match(text) or _DOES_DO.match(text) or _HOLDS.match(text)
    return m.group(1).strip() if m else None


_TRAVEL_STEMS = frozenset(terms(TRAVEL.replace("|", " ") + " travelled traveled travelling traveling"))
_DATE_WORDS = frozenset(terms("day days week month months year years date dates time weekday"))


def analyze(text: str, carried_text: str = "") -> Question:
    text = strip_lead(text)
    drop = qstems()
    if not TELL_ME.match(text):
        drop = drop - {"tell"}  # "Trump will tell him" is content; "tell me ..." is not
    drop = drop | asking_words(text, followup=bool(carried_text))
    role = _DESCRIBE_ROLE.match(text)
    if role:
        drop = drop | set(terms(role.group(2)))  # "academic field": the kind of answer, not its words
    if asks_field(text):
        drop = drop | set(terms("subject field discipline area academic"))  # the kind of answer
    holds = _HOLDS.match(text)
    if holds:
        drop = drop | (set(terms(holds.group(0))) - set(terms(holds.group(1))))  # "what post does X hold"
    qterms = [t for t in dict.fromkeys(terms(text)) if t not in drop]
    if _ONE_OF_ROLE.search(text):
        qterms = [t for t in qterms if t != "one"]  # "what did one expert say ...?": any one
    if COMPANY.search(text):
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
    # ("what's his field?" asks only what he teaches)
    subtype = "DESCRIBE" if described(text) and not asks_field(text) else _subtype(text.lower(), qtype)
    if subtype is None and qtype == OTHER and _WHAT_IS_NAMED.match(text):
        subtype = "KIND"
    if subtype == "TIMES":
        # "how many times has he been to China?": a count of visits, which the articles
        # write "his fourth visit", not "three times" of something else
        qterms = [t for t in qterms if t != "time"]
        if "~travel" in qterms and "visit" not in qterms:
            qterms.append("visit")  # ("been to China" counts visits: "his fourth visit")
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


# "what is the Global Times?", "what's KCNA?": what kind of thing a name is (a person's is
# described by rag/question.py's "who is ...?")
_WHAT_IS_NAMED = re.compile(
    r"^\W*(?i:and\s+|so\s+)?(?i:what)(?:['’]s|\s+is|\s+was|\s+are)\s+(?:the\s+)?((?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'.-]*)\s*\?*\s*$"
)


def kind_subject(text: str) -> str | None:
    """ "What kind of newspaper is the Global Times?" -> "Global Times"; "what is the
    Global Times?" too."""
    m = _KIND_OF.search(text) or _WHAT_IS_NAMED.match(text)
    return m.group(1) if m else None
