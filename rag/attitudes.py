"""Concepts of attitude and mood: how a question and an article each word being upbeat,
happy about something, relations going bad, or a thing happening by chance. Part of
the concepts rag/synonyms.py matches (rag/concepts.py has the others)."""

from __future__ import annotations

from .concepts import Concept, wording

ATTITUDES: tuple[Concept, ...] = (
    Concept(
        "~upbeat",
        wording(r"upbeat|optimistic|rosy|hopeful|bullish"),
        wording(r"upbeat|optimistic|rosy|hopeful|bullish"),
        retrieve=False,
    ),
    # "was the timing just chance?": "it was not a coincidence"
    Concept(
        "~chance",
        wording(r"(?:just|mere|pure|by)\s+chance|coinciden(?:ce|tal|tally)|fluke"),
        wording(r"by\s+chance|coinciden(?:ce|tal|tally)|accident(?:al|ally)|fluke"),
        retrieve=False,
    ),
    # "why did their relations get bad?": "relations ... had been frayed"
    Concept(
        "~worsen",
        wording(
            r"(?:got|get|gets|gotten|getting|went|go|goes|gone|going|grew|grown|become|became|turned|turn)\s+(?:so\s+|very\s+)?"
            r"(?:bad|worse|sour|tense|strained|frosty|cold|rocky)|worsen(?:s|ed|ing)?|deteriorat(?:e|es|ed|ing)|"
            r"sour(?:s|ed|ing)?|fray(?:s|ed|ing)?|(?:went|go|goes)\s+south|broke\s+down|fell\s+apart|"
            r"strained|frosty"  # "why were relations between them strained?"
        ),
        wording(
            r"worsen(?:s|ed|ing)?|deteriorat(?:e|es|ed|ing|ion)|sour(?:s|ed|ing)?|fray(?:s|ed|ing)?|strained|frosty"
        ),
    ),
    # "why would china be happy about it?": "China would also welcome Kim's ongoing gesture"
    Concept(
        "~welcome",
        wording(r"happy|pleased|glad|delighted|welcom(?:e|es|ed|ing)"),
        wording(r"(?<!\bnot\s)(?:happy|pleased|glad|delighted)|welcom(?:e|es|ed|ing)"),
        retrieve=False,
    ),
    # "the next Trump-Kim meeting": "a second summit", "another summit"
    Concept(
        "~next",
        wording(
            r"next(?=\s+(?:[\w-]+\s+){0,2}(?:meetings?|summits?|rounds?|talks|visits?|trips?|encounters?|sit-?downs?))|"
            r"upcoming|forthcoming"
        ),
        wording(r"next|second|another|upcoming|forthcoming"),
        retrieve=False,
    ),
    # "why is china unhappy with the US?": "China is not happy with the way the U.S. ..."
    Concept(
        "~unhappy",
        wording(
            r"unhappy|displeased|upset|annoyed|frustrated|dissatisfied|not\s+(?:happy|pleased|satisfied)|"
            r"(?:isn['’]t|aren['’]t|wasn['’]t|weren['’]t)\s+(?:happy|pleased|satisfied)"
        ),
        wording(
            r"unhappy|displeased|upset|annoyed|frustrat(?:ed|ion)|dissatisf(?:ied|action)|not\s+(?:happy|pleased|satisfied)"
        ),
        retrieve=False,
    ),
    # "how might the US see the meeting?": "The U.S. may view the Kim-Xi meeting as ..."
    Concept(
        "~view",
        wording(
            r"(?<=\bhow\s)(?:might|may|would|will|could|does|do|did|is|are)\s+(?:[\w’'.-]+\s+){1,4}?"
            r"(?:see|view|regard|perceive|interpret)|\bmake\s+of|(?:seen|viewed|regarded|perceived)\s+(?:by|in)"
        ),
        wording(r"view(?:s|ed|ing)?|regard(?:s|ed|ing)?|perceiv(?:e|es|ed|ing)|see[ns]?\s+(?:[\w’'-]+\s+){1,5}?as\b"),
        retrieve=False,
        keep_words=True,  # the wording spans the one seeing ("how might the US see"): not spent
    ),
    # "how does he explain it?": "one logical explanation could be ..."
    Concept(
        "~explain",
        wording(r"explain(?:s|ed|ing)?|explanations?|account\s+for"),
        wording(r"explain(?:s|ed|ing)?|explanations?"),
        retrieve=False,
    ),
    # "when he left Pyongyang": "before departing for China"
    Concept(
        "~depart",
        wording(r"left|leave|leaves|leaving|depart(?:s|ed|ing)?|set\s+off|set\s+out"),
        wording(r"(?<!\()left(?!\))|leave|leaves|leaving|depart(?:s|ed|ing|ure)?|set\s+off|set\s+out"),
        retrieve=False,
    ),
)
