"""How a follow-up names what it is about: the person a question is about, a pronoun
replaced by a name, and the patterns of elliptical turns ("and Hill? ...", "what about
the RAND guy?", "the trump one", "which city?") that rag/conversation.py resolves."""

from __future__ import annotations

import re

from .question_type import PERSON
from .question_words import ROLE, ROLE_STEMS
from .retrieve import terms
from .spans import spans


def subject_of(question: str) -> str | None:
    """The person a question is about: its subject ("did Kim meet ...") or else the
    last full name in it."""
    subj = re.search(r"\b(?:did|does|do|was|is|has|had|will|would)\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)", question)
    # a person's name, not a place or body's ("... the UN Security Council ... North Korea?")
    names = [n for n in map(untitled, re.findall(r"\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)+\b", question[1:])) if is_person(n)]
    # "What is Mike Pompeo's job?" is about Mike Pompeo; "how long is Kim's January 2019
    # trip?" about Kim (his name ends at the possessive)
    found = subj.group(1) if subj else (names[-1] if names else None)
    return re.split(r"['’]s\b", found)[0] if found else None


TITLE_WORDS = ROLE_STEMS | frozenset(terms("assistant former deputy vice chief senior acting foreign state"))


def untitled(name: str) -> str:
    """ "President Donald Trump" -> "Donald Trump"; "Assistant Secretary" -> "" (a post, no one)."""
    words = name.replace("-", " - ").split()
    while words and set(terms(words[0])) and set(terms(words[0])) <= TITLE_WORDS:
        words = words[1:]
    return " ".join(words).replace(" - ", "-")


def is_person(name: str) -> bool:
    # (a title is no one: "he" after "Senior Adviser" is still the one it was asked of)
    last = terms(name.split()[-1]) if name.split() else []
    return any(text == name for _a, _b, text in spans(name, PERSON)) and not (last and last[0] in ROLE_STEMS)


def replace_pronoun(question: str, person: str) -> str:
    """The question with its first he/she/him/his/her replaced by the person. Only the
    first: in "does he think Kim fears Trump will tell him", "him" is someone else."""
    m = re.search(r"\b(he|she|him|his|her)\b", question, flags=re.I)
    if not m:
        return question
    possessive = m.group(1).lower() in ("his", "her") and re.match(r"\s+\w", question[m.end() :])
    return question[: m.start()] + (f"{person}'s" if possessive else person) + question[m.end() :]


# "which of them is the foreign minister?", "who among those was ...": a choice among
# the people or things the previous answer named
AMONG = re.compile(r"\b(?:among|of|from)\s+(?:them|those|these)\b|\bwhich\s+one\b", re.I)


# "who else went with him besides her?": someone the previous answer's sentence names
# beside the one it gave
SAID_ELSE = re.compile(
    r"\bwhat\s+else\s+(?:did|does|do|has|had|would|will)\s+(?:[\w’'.-]+\s+){1,3}?"
    r"(?:say|said|tell|told|think|argue|claim|suggest|mention|add|tweet|write|note|expect|predict|want|see)\b",
    re.I,
)
# "anything else he said?", "did he say anything else?": "what else did he say?"
_ANYTHING_ELSE = re.compile(
    r"^\W*(?:(?:and|so|ok|okay)[\s,]+)?(?:(?:was\s+there\s+)?(?:anything|something)\s+else\s+(?:that\s+)?(?P<who>he|she|they)\s+"
    r"(?P<verb>said|say|says|mentioned|added|told)|did\s+(?P<who2>he|she|they)\s+(?P<verb2>say|mention|add)\s+anything\s+else)\b"
    r"(?P<rest>[^?]*)\?*\s*$",
    re.I,
)
# "was there anything else in that post?", "anything more in the tweet?": the rest of the
# words the previous answer quoted
ELSE_IN = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[\s,]+)?(?:(?:was|is)\s+there\s+|did\s+(?:he|she|they)\s+(?:say|write|post)\s+)?"
    r"(?:anything|something)\s+(?:else|more)\s+(?:in|from)\s+(?:that|the|this|his|her|their)\s+"
    r"(?:post|tweet|statement|quote|remarks?|comments?|interview|speech|message|briefing)\W*$",
    re.I,
)
_PRESENT = {"said": "say", "says": "say", "mentioned": "mention", "added": "add", "told": "say"}


# "what exactly did he mean by that?": the words around those the previous answer quoted
MEANT = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[\s,]+)?what\s+(?:exactly\s+)?(?:did|does|do)\s+(?P<who>he|she|they)\s+"
    r"(?:really\s+|actually\s+)?mean(?:\s+by\s+(?:that|this|it))?\W*$",
    re.I,
)


def what_else_said(question: str) -> str:
    """ "anything else he said?" -> "what else did he say?"; "what did he mean by that?"
    -> "what else did he say?"; other questions unchanged."""
    meant = MEANT.match(question)
    if meant:
        return f"what else did {meant.group('who')} say?"
    if ELSE_IN.match(question):
        return "what else did they say?"
    m = _ANYTHING_ELSE.match(question)
    if m is None:
        return question
    who = m.group("who") or m.group("who2")
    verb = (m.group("verb") or m.group("verb2")).lower()
    return f"what else did {who} {_PRESENT.get(verb, verb)}{m.group('rest').rstrip()}?"


ELSE = re.compile(r"^\W*(?:and\s+|so\s+)?(?:who|what|which)\s+else\b", re.I)
# "did he talk to anyone else?": besides the one the previous answer gave, by the same person
ANYONE_ELSE = re.compile(r"\b(?:anyone|anybody|someone|somebody|people)\s+else\b", re.I)

# "why not?", "how come?", "why is that?": the reason for what the previous answer said,
# given there or beside it
WHY_THAT = re.compile(
    r"^\W*(?:and\s+|so\s+|but\s+)?(?:why(?:\s+not)?|how\s+come|why\s+(?:is|was)\s+(?:that|it|this)|"
    r"for\s+what\s+reason|on\s+what\s+grounds|why['’]s\s+that|"
    # "why does he say so?", "what makes her think that?": the reason for their words just quoted
    r"why\s+(?:does|did|do|would|is|was)\s+(?:he|she|they|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2})\s+"
    r"(?:say|think|believe|argue|claim|feel)\s+(?:so|that|this)|"
    r"what\s+makes\s+(?:him|her|them|[A-Z][\w’'.-]+)\s+(?:say|think|believe)\s+(?:so|that|this))\W*$",
    re.I,
)

# "the trump one", "the second one": an event an earlier question named
ONE = re.compile(r"\b((?:the|that|this)\s+(?!other\b)(?:[\w-]+\s+)?)one\b(?!\s+of\b)", re.I)
EVENT_NOUN = re.compile(r"\b(summit|meeting|trip|visit|journey|tour|speech|address|briefing|panel)s?\b", re.I)

# "and the second time?", "what about the first one?": the previous question, of another occasion
ORDINALS = r"first|second|third|fourth|fifth|sixth"
NTH = re.compile(
    rf"^\W*(?:(?:and|so|ok(?:ay)?|what\s+about|how\s+about)[\s,]+)?(?:the\s+)?({ORDINALS})"
    r"(?:\s+(?:time|one|visit|trip))?\W*$",
    re.I,
)

# "when?", "which city?", "how long?": asked of what the previous answer said
# "who argued that?", "who said so?": whoever's words the previous answer quoted
WHO_SAID_THAT = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|but)[\s,]+)?who\s+(?:said|says|argued|argues|claimed|claims|thinks|thought|believes|"
    r"wrote|tweeted|predicted|suggested|reckons|(?:made|makes|gave|gives)\s+(?:that|this|the)\s+(?:point|claim|argument|case|"
    r"prediction|forecast|estimate|comment|remark|assessment|guess)|"
    r"pointed\s+(?:that|this)\s+out|(?:brought|brings|raised|raises)\s+(?:that|this|it)(?:\s+up)?|mentioned|"
    r"(?:is|was)\s+saying)"
    r"(?:\s+(?:that|this|so|it))?(?:\s+out)?\W*$"
    # "which expert makes that argument?", "which analyst said that?"
    r"|^\W*(?:(?:and|so|ok(?:ay)?|but)[\s,]+)?(?:which|what)\s+(?:expert|analyst|scholar|professor|researcher|"
    r"official|person|one)\s+(?:said|says|argued|argues|made|makes|raised|brought|thinks|thought)"
    r"(?:\s+(?:that|this|so|it))(?:\s+(?:point|claim|argument|case|prediction|forecast|estimate|comment|remark|"
    r"assessment|guess|up))?\W*$"
    r"|^\W*(?:(?:and|so|ok(?:ay)?|but)[\s,]+)?who['’]s\s+saying\s+(?:that|this|so)\W*$"
    # "says who?", "according to whom?", "which scholar is saying that?"
    r"|^\W*(?:(?:and|so|ok(?:ay)?|but)[\s,]+)?(?:says|said)\s+who\W*$"
    r"|^\W*(?:(?:and|so|ok(?:ay)?|but)[\s,]+)?according\s+to\s+(?:whom|who)\W*$"
    r"|^\W*(?:(?:and|so|ok(?:ay)?|but)[\s,]+)?(?:which|what)\s+(?:expert|analyst|scholar|professor|researcher|"
    r"official|person|one)\s+(?:is|was)\s+saying\s+(?:that|this|so)\W*$"
    # "who's the expert they quote on that?"
    r"|^\W*(?:(?:and|so|ok(?:ay)?|but)[\s,]+)?who(?:['’]s|\s+is|\s+was)\s+the\s+[\w-]+\s+(?:they|it|the\s+\w+)\s+"
    r"(?:quotes?|quoted|cites?|cited)\s+(?:on|about|for)\s+(?:that|this|it)\W*$",
    re.I,
)


BARE = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?)[\s,]+)?(?:when|where|who|which\s+[\w-]+|what\s+(?:city|year|day|date|month|time)|"
    r"how\s+(?:long|many|much|old))\W*$",
    re.I,
)

# "what about Pompeo, is he on board?", "according to Yun, when will he ...": the
# pronoun is the person the question opens on
# (or by role: "what about the global times editor, what did he tweet?")
NAMED_FIRST = re.compile(
    r"^\W*(?i:and\s+|so\s+)?(?i:(?:what|how)\s+about|according\s+to)\s+"
    rf"(?:[A-Z]|(?i:the|that)\s+(?:[\w.’'-]+\s+){{0,4}}?(?i:{ROLE})s?\s*,)"
)

# "there" as a place ("while he was there"), not "there is"
THERE = re.compile(r"\bthere\b(?!\s+(?:is|are|was|were|will|would|has|have|had|seems?|be)\b)", re.I)
# "... travel to Dalian?", "... in Beijing?": the place a question names
# (not a day: "at Tuesday's regular briefing" names no place)
TO_PLACE = re.compile(
    r"\b(?:to|in|at)\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\b)((?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]+)(?!['’]s)"
)

# "how did he get to that city?" after "which city did they meet in?": the place answered
THAT_PLACE = re.compile(r"\b(?:that|this|the\s+same)\s+(?:city|town|place|location|venue|spot)\b", re.I)
# "that site", "the platform": the website the previous answer named ("said on Twitter")
# "ok different article - in the dalian story ...", "new topic: ...": nothing said
# before is what the question is about
TOPIC_SWITCH = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|now|alright|right)\W+)?(?:(?:a|on\s+to\s+an?)\s+)?(?:different|new|another|unrelated|other)\s+"
    r"(?:article|topic|subject|story|question|piece|thing)\s*(?:[-–—:,.;!]+\s*|\s+now\W+)",
    re.I,
)
THAT_SITE = re.compile(r"\b(?:that|the|this)\s+(?:web\s*)?(?:site|platform|app|social\s+network)\b", re.I)
PLATFORM = re.compile(r"\b(?:Twitter|Facebook|Weibo|WeChat|YouTube|Instagram|Telegram|KakaoTalk)\b")

# "ok, and ...", "so what about ...": the chat's fillers before a follow-up
_OPEN = r"^\W*(?i:(?:ok(?:ay)?|so|well|alright)[\s,]+)?"

# "and Hill? how did he describe the meetings?", "how about Pompeo, what was he doing
# that week?": the question that follows, of the person named first
_LEAD = re.compile(
    _OPEN
    + r"(?i:(?:and\s+)?(?:(?:what|how)\s+about|as\s+for)|and)\s+((?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]+"
    # "and the Carnegie fellow, does he think ...?": one named by post
    + r"|(?i:the|that)\s+[^?,;:]{2,60}?)\s*(?:[?:,;]|\s[—–-])\s*(\S.*)$"
)


# "going back to the RAND researcher, what does he think ...?": the one an earlier turn
# was about, by name or by post
_BACK_TO = re.compile(
    _OPEN
    + r"(?i:(?:(?:going|coming|getting|turning|to\s+go)\s+)?back\s+to|returning\s+to|re(?:garding)?)\s+"
    + rf"(?P<who>(?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]+|(?i:the|that)\s+(?:[\w.’'-]+\s+){{0,4}}?(?i:{ROLE})s?)"
    + r"\s*(?:[?:,;]|\s[—–-])\s*(?P<rest>\S.*)$"
)


def named_lead(question: str) -> str | None:
    """ "and Hill? how did he describe ...?" -> "how did Hill describe ...?"; "going back
    to the RAND researcher, what does he think ...?" -> "what does the RAND researcher
    think ...?" (whom rag/role_refs.py then names); None unless a question with a
    pronoun follows the name."""
    m = _LEAD.match(question)
    who, rest = m.groups() if m else (None, None)
    back = _BACK_TO.match(question) if m is None else None
    if back:
        who, rest = back.group("who", "rest")
    if rest is None or not re.search(r"\b(?:he|she|him|his|her)\b", rest, re.I):
        return None
    if m and re.match(r"(?i:the|that)\s", who) and re.search(r"\b(?:other|that|same)\b", who[4:], re.I):
        return None  # "and the former ambassador on that panel, ...": someone else there (rag/others.py)
    return replace_pronoun(rest, who)


# "And Hu Xijin?", "what about Zhao Tong?": the previous question, of someone else
ELLIPSIS = re.compile(
    _OPEN + r"(?i:(?:and\s+)?(?:what|how)\s+about|and)\s+((?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]+)\s*[?.!]*\s*$"
)

# "same question for xi, in the voa article", "ditto for Moon": the previous question,
# of someone else (and maybe of another article)
SAME_FOR = re.compile(
    _OPEN
    + r"(?i:(?:and\s+)?(?:the\s+)?same\s+(?:question\s+|thing\s+)?(?:for|about|with|but\s+for)|ditto\s+for)\s+"
    + r"(?P<who>(?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]+)\s*(?:[,;:]\s*|\s[—–-]\s*)?(?P<where>(?i:in|from|per|according\s+to)\b[^?]*)?[?.!]*\s*$"
)

# "what about the RAND guy?", "and the Global Times editor?"
ROLE_ELLIPSIS = re.compile(_OPEN + r"(?i:(?:and\s+)?(?:what|how)\s+about|and)\s+((?i:the|that)\s+[^?,]+?)\s*[?.!]*\s*$")

# "and the other professor in that story?", "what did the other scholar say?": someone
# else of the same kind, in the article the previous turn was answered from
OTHER_ONE = re.compile(
    r"\b(?:the|that)\s+(?:other\s+(?:[\w-]+\s+){0,3}|(?:[\w-]+\s+){1,3}(?=\w+\s+(?:in|from|on)\s+(?:that|the\s+same)\s+"
    # "and the kyungnam guy in the same article?", "and the former ambassador on the same
    # panel?": someone else, where the previous answer was
    r"(?:story|article|piece|report|panel)\b))(?:professor|expert|scholar|analyst|academic|official|researcher|"
    r"person|one|guy|man|woman|speaker|commentator|source|diplomat|fellow|specialist|observer|ambassador|"
    r"envoy|adviser|advisor|director|editor|minister)s?\b",
    re.I,
)


# "the other chinese scholar quoted there", "the other expert in that article": one of
# the experts an article quotes, not the one already asked about
OTHER_EXPERT = re.compile(
    r"\b(?:the|that)\s+(other\s+(?:[\w-]+\s+){0,2}?)(?:professor|expert|scholar|analyst|academic|researcher|"
    r"specialist|observer|commentator|fellow|guy|one)s?\b"
    r"(?:\s+(?:quoted|cited|interviewed)(?:\s+(?:there|in\s+(?:that|the\s+same|this|the)\s+(?:story|article|piece|report)))?"
    r"|\s+(?:in|from|on)\s+(?:that|the\s+same|this|the)\s+(?:story|article|piece|report|panel))?",
    re.I,
)


# "does the renmin professor agree with him?": with what the previous turn said
AGREE_WITH = re.compile(r"\b(?:dis)?agrees?\s+with\s+(?:him|her|them)\b", re.I)

# "what did the global times editor tweet ...?", "what did the head of the Chinese state
# tabloid tweet ...?": someone asked about by role
BY_ROLE = re.compile(
    rf"^\W*(?:(?:and|so|ok(?:ay)?|but|meanwhile|anyway|now|also|then|well)[\s,]+)*"
    rf"(?:(?:what|how|why|when|where|did|does|do|has|had)\b[^?]*?\b)?(?:did|does|do|has|had|is|was)\s+"
    rf"the\s+(?:[\w.’'-]+\s+){{0,3}}?(?i:{ROLE}|head|chief|boss)\b",
    re.I,
)

# "according to the Renmin University professor, what is Kim hoping ...?": his view,
# whoever the question is about
ACCORDING_ROLE = re.compile(
    rf"\b(?:according\s+to|in\s+the\s+view\s+of)\s+the\s+(?:[\w.’'-]+\s+){{0,3}}?(?i:{ROLE})\b", re.I
)
