"""Sure misses: a sentence that shares the question's words yet says something other than
what is asked (someone else's words, another topic, setting, visitor or affiliation).
rag/confidence.py weighs one as a whole sentence of coverage lost."""

from __future__ import annotations

import re

from .bodies import body_missing, spokes_missing
from .event_signals import venue_far
from .question import ON_BOARD_Q, SPEAKER_Q, Question, asked_role, asks_stance, entities
from .question_type import ORG, PERSON
from .retrieve import terms
from .roles import GENERIC_EXPERTS
from .sentence_table import SentenceTable
from .sentences import Scored
from .spans import spans
from .synonyms import question_concepts

# "what was Moon Jae-in's reaction to ...?" asks how he reacted
_REACTION_Q = re.compile(
    r"\b(?i:what|how)\s+(?i:was|is|were|has\s+been)\s+((?:[A-Z][\w-]+\s+){0,3}[A-Z][\w-]+)['’]s?\s+(?:reaction|response)\b"
)

# a sentence reporting someone's words or view
_QUOTE = re.compile(
    r"[\"“”]|\b(?:said|says|say|saying|told|tells|added|noted|stated|according to|tweeted|wrote|writes|"
    r"praised|urged|called|calls|warned|warns|described|claimed|insisted|stressed|expressed|announced|pledged|"
    r"promised|vowed|agreed|asked|argued|believes?|thinks?|hopes?|wants?|expects?|suggested|criticized|"
    r"criticised|welcomed|reiterated|emphasized|emphasised|indicated|confirmed|denied|replied|responded)\b"
)


# "Hu Xijin, the editor in chief at the Global Times said ...", "..., says Shi": a name
# saying it (not "He wrote", nor "Christians, he said, must ...")
_NAMED_SAYER = re.compile(
    r"\b(?!(?:He|She|They|It|We|I)\b)[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*"
    r"(?:,(?!\s*(?:he|she|they|it|we|I)\b)[^,]{1,80}?,?)?\s+(?:said|says|told|tweeted|wrote|posted|had\s+this\s+to\s+say)\b|"
    r"\b(?:said|says)\s+(?!(?:He|She|They|It|We|I)\b)[A-Z][\w’'-]+"
)


# verbs of saying something about a thing ("Trump criticized the summit in May")
_SPEECH_ACT = r"criticized|criticised|praised|welcomed|condemned|denounced|slammed|blasted|hailed|warned"


def _unquoted(text: str) -> str:
    return re.sub(r"[“\"][^”\"]*[”\"]", " ", text)


def speaker_missing(q: Question, best: Scored, table: SentenceTable) -> bool:
    """Does the question ask what someone said or thinks ("when did Stephens predict
    ...") of a sentence quoting someone else ("..., he added." after "said Yun")? A
    sentence with no attribution of its own may be quoting them: quotations run over
    sentences and paragraphs before the name comes."""
    m = SPEAKER_Q.search(q.text) or ON_BOARD_Q.search(q.text) or _REACTION_Q.search(q.text)
    # "..., he added." speaks for the person named before; "Hill expressed concern
    # that ..." for Hill
    speaker = table.speaker.get(best.sent.row) or table.voices.get(best.sent.row)
    if m is None:
        return False
    last = m.group(1).split()[-1]
    surname = terms(last)
    if not surname:
        return False
    # (a stance is in his words too)
    said = re.search(r"\b(?:say|said|tell|tweet|post)\s*$", m.group(0)) is not None or asks_stance(m)
    if not speaker:
        # no one's words at all ("Kim arrived ... for talks with President Xi Jinping"):
        # nothing he said, though it names him; and "how did Moon react?" is not
        # answered by a sentence saying that Kim met Moon three times
        reacts = re.search(r"\b(?:react|respond|reaction|response)\s*$", m.group(0)) is not None
        # answered by someone's words: "Lu Kang had this to say when asked ..." names
        # him as the one about to speak
        words = _QUOTE.search(best.sent.text) is not None
        # "what did Lu Kang tweet?" of "Hu Xijin ... said on Twitter that ...": words the
        # sentence gives to someone it names, not him
        other = words and surname[-1] not in best.sent.terms and _NAMED_SAYER.search(_unquoted(best.sent.text))
        return (said and (not words or bool(other))) or (reacts and not (words and surname[-1] in best.sent.terms))
    asks_words = re.fullmatch(r"\W*(?:and\s+|so\s+)?what\s+(?:exactly\s+)?", q.text[: m.start()], re.I)
    if said and asks_words and surname[-1] not in speaker:
        # "what did Trump say?" of '"On top of that, Trump criticized the summit," Shin
        # said': Shin's words about Trump, not anything Trump said
        # (but "Trump criticized the summit" tells what he said of it, unless that is
        # all the question already says: "what exactly did Trump say when he criticized it?")
        act = re.search(rf"\b{re.escape(last)}\s+({_SPEECH_ACT})\b", best.sent.text)
        if act and not set(terms(act.group(1))) & set(q.terms):
            return False
        return not re.search(rf"\b{re.escape(last)}\s+(?:said|says|told|tweeted)\b", best.sent.text)
    return surname[-1] not in speaker | best.sent.terms


# "what did Lu Kang say about US tariffs?": the words asked for are about something
_ABOUT = re.compile(
    r"^\W*(?:and\s+|so\s+)?what\s+(?:else\s+)?(?:did|does|do|has|had|will|would)\s+.+?\s+"
    r"(?:say|think|tell|write|tweet|warn)\b.*?\babout\s+(.+?)\W*$",
    re.I,
)


def topic_missing(q: Question, best: Scored, table: SentenceTable) -> bool:
    """Does the question ask what someone said about a topic the sentence does not name?
    Someone's words about something else ("So I think there is a dual message there,"
    said Joseph Yun) do not answer "what did Yun say about the troops in South Korea?"."""
    m = _ABOUT.search(q.text)
    if m is None:
        return False
    # "about a step-by-step approach": its words, or the concept they gave way to
    said = list(terms(m.group(1))) + question_concepts(m.group(1), q.qtype)[0]
    topic = [t for t in dict.fromkeys(said) if t in q.terms]
    # its common words say what it is about ("tariffs on Chinese goods"); names are
    # the setting, and may be there for other reasons (the Chinese Foreign Ministry)
    # (the topic's own capitals: "Times" in "the Global Times editor" is a name there,
    # "the timing" a common word here)
    named = {t for w in re.findall(r"\b[A-Z][\w’'-]*", m.group(1)) for t in terms(w)}
    words = [t for t in topic if t not in named] or topic
    if words and set(words) <= table.headline.get(best.sent.doc, set()):
        return False  # "about the visit" of an article headlined on the visit: all its words are
    # "about that", "about it": the conversation's topic, which the turn resolves; a
    # quotation's lead-in may name it ("... had this to say when asked whether there was
    # a connection between the visit and ...")
    quoted = table.speaker.get(best.sent.row) or table.quote_of.get(best.sent.row)
    near = best.sent.terms | table.window(best.sent, 1) if quoted else best.sent.terms
    # (or the words go on in the next sentence: '"...," the tweet went on to say.')
    seq = table.by_doc[best.sent.doc]
    nxt = seq[best.sent.pos + 1] if best.sent.pos + 1 < len(seq) else None
    if nxt is not None and table.said_in.get(nxt.row) == best.sent.row:
        near = near | nxt.terms
    # (a trip asked about is the visit the sentence names: "about Kim's trip")
    near = near | ({"~travel"} if "visit" in near else set())
    return bool(words) and not any(t in near for t in words)


# "what did Hu Xijin say at the foreign ministry's press briefing?": where the words were
# said, which the sentence (or one beside it) must name: Hu said it on Twitter
_AT = re.compile(
    r"^\W*(?:and\s+|so\s+)?what\s+(?:else\s+)?(?:did|does|do|has|had|will|would)\s+.+?\s+"
    r"(?:say|tell|announce|state|declare|mention)\b.*?\b(?:at|during|in)\s+((?:the|a|an|his|her|their|its|"
    r"[\w’'-]+['’]s)\s+(?:[\w’'-]+\s+){0,5}?(?:briefings?|conferences?|speech(?:es)?|sessions?|hearings?|"
    r"forums?|banquets?|dinners?|rall(?:y|ies))\b)",
    re.I,
)


# "what did Lu Kang tweet ...?", "what did he post about it?": words in a post (not "when
# was the article published?")
_TWEETED = re.compile(r"\b(?:did|does|do|has|had)\s+(?:[\w’'.-]+\s+){1,4}?(?:tweet|post)\b", re.I)


def setting_missing(q: Question, best: Scored, table: SentenceTable) -> bool:
    """Does the question ask what someone said at an occasion ("at the press briefing")
    or in a post ("what did he tweet?") the sentence and those beside it leave unnamed? At least half of the occasion's
    common words must be there: "at Tuesday's briefing" is "At a regular briefing on
    Tuesday" one sentence before the quotation."""
    near = best.sent.terms | table.window(best.sent, 1)
    if _TWEETED.search(q.text) and "~post" not in near:
        return True  # "what did Lu Kang tweet ...?": he spoke at a briefing, and tweeted nothing
    m = _AT.search(q.text)
    if m is None:
        return False
    words = [t for t in dict.fromkeys(terms(m.group(1))) if t in q.terms and t not in entities(q)]
    return bool(words) and 2 * sum(t in near for t in words) < len(words)


# "When did Xi Jinping make a visit to Pyongyang?", "Kim's trip to Beijing", "how many
# days did Pompeo stay?": who travels
_VISITOR = r"((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)"
_VISIT_Q = re.compile(
    rf"\b(?i:did|does|has|have|had|will|would|is|was)\s+{_VISITOR}\s+(?:(?:ever|first|last|also|recently|actually)\s+)?"
    r"(?:(?:make|made|pay|paid)\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+)?(?:visit|trip)|visit|visited|travel|travelled|"
    r"traveled|fly|flown|flew|arrive|arrived|stay|stayed|remain|remained|get\s+to|got\s+to|reach|reached|"
    r"(?:go|gone|went|return|returned|head|headed)\s+(?:back\s+)?to)\b|"
    rf"{_VISITOR}['’]s\s+(?:[\w-]+\s+){{0,2}}(?:visit|trip|journey)\s+to\b"
)


_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b", re.I)


def _named_near(best: Scored, table: SentenceTable) -> set[str]:
    """The sentence's terms, and those of the sentence before when it says "he" or "she"
    ("he returned to Gospic" may be about whoever the sentence before names)."""
    known = set(best.sent.terms)
    if _PRONOUN.search(best.sent.text) and best.sent.pos > 0:
        known |= table.by_doc[best.sent.doc][best.sent.pos - 1].terms
    return known


def visitor_missing(q: Question, best: Scored, table: SentenceTable) -> bool:
    """Does the question ask about someone's visit ("when did Xi Jinping visit
    Pyongyang?") of a sentence that does not name them, when no headline has them as its
    subject? A sentence about Kim's visit to China says nothing of a visit by Xi."""
    m = _VISIT_Q.search(q.text)
    if m is None or q.subtype == "AGENT":
        return False
    name = set(terms(m.group(1) or m.group(2)))
    # the one a headline is about is called "the North Korean leader" as often as by name
    known = set().union(*table.headline.values()) | _named_near(best, table)
    return bool(name) and not name & known


_AFFILIATION = re.compile(
    r"\b(?:teach\w*|taught|work\w*|lectur\w*|stud(?:y|ies|ied)|employed|based|professor|adviser|advisor|"
    r"fellow|researcher|director|scholar|analyst)\b",
    re.I,
)


def affiliate_missing(q: Question, best: Scored, table: SentenceTable) -> bool:
    """Does the question ask where a named person works or teaches ("which university
    does Lu Kang teach at?") of a sentence that does not name them? Another professor's
    university is not theirs."""
    if q.qtype != ORG or not _AFFILIATION.search(q.text):
        return False
    names = [set(terms(n)) for _, _, n in spans(q.text, PERSON) if len(n.split()) > 1]
    if not names:
        return False
    known = _named_near(best, table) | table.speaker.get(best.sent.row, set()) | table.voices.get(best.sent.row, set())
    return not any(n & known for n in names)


_ANY_EXPERT = GENERIC_EXPERTS | frozenset(terms("person man woman official"))


def role_missing(q: Question, best: Scored, table: SentenceTable) -> bool:
    """Does the question ask the words or view of someone by role ("did the spokesman
    say when ...?") of a sentence whose speaker holds another ("..., he added." after
    "said Yun, a retired U.S. diplomat")? A sentence whose speaker is unknown may be
    theirs."""
    # ("the analyst", "the expert" say no post: any expert is one)
    role = asked_role(q.text) - _ANY_EXPERT
    row = best.sent.row
    held = table.speaker_roles.get(row, set()) | table.roles.get(row, set())
    # ("Professor Shin Sangjin of Kwangwoon University said" says the post itself)
    return bool(role and held and not role & (held | best.sent.terms | table.names.get(row, set())))


def sure_miss(q: Question, best: Scored, table: SentenceTable) -> bool:
    """Does the sentence say something other than what is asked, whatever words it
    shares with the question (someone else's words, another topic, setting or visitor)?"""
    return (
        speaker_missing(q, best, table)
        or role_missing(q, best, table)
        or topic_missing(q, best, table)
        or setting_missing(q, best, table)
        or visitor_missing(q, best, table)
        or affiliate_missing(q, best, table)
        or venue_far(q.text, best.sent.text, best.span)
        or spokes_missing(q, best)
        or body_missing(q, best)
    )
