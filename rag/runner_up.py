"""Runner-up rules: the second-best sentence takes the best one's place when it is about
as close and answers what the best one cannot (someone's own words, a date or a number)."""

from __future__ import annotations

import re

from .misses import speaker_missing, sure_miss
from .question import SPEAKER_Q, Question
from .retrieve import terms
from .sentence_table import SentenceTable
from .sentences import Scored
from .span_kinds import DAY_OF_MONTH

# "last year" beside the event, against "on April 27" (DAY_OF_MONTH): the day it happened
_VAGUE = re.compile(
    r"(?i)(?:last|this|next|that)\s+(?:year|month|week)|(?:in\s+)?(?:recent\s+(?:months|weeks)|recently)"
)

W_NEAR_MISS = 0.03  # how close a runner-up must score to stand in for a best sentence that is a miss


def spoken_first(q: Question, ranked: list[Scored], table: SentenceTable) -> list[Scored]:
    """`ranked`, with the runner-up first where the question asks only what someone said
    ("What did Pompeo say?"), the best sentence gives no words of theirs ("Mike Pompeo
    ... traveled to North Korea") and the runner-up, about as close, does: asking of
    nothing else, any words of theirs answer it."""
    bare = SPEAKER_Q.search(q.text)
    if (
        bare
        and not set(q.terms) - set(terms(bare.group(1)))
        and len(ranked) > 1
        and ranked[0].score - ranked[1].score < W_NEAR_MISS
        and speaker_missing(q, ranked[0], table)
        and not sure_miss(q, ranked[1], table)
    ):
        return [ranked[1], ranked[0], *ranked[2:]]
    return ranked


def typed_first(q: Question, ranked: list[Scored], table: SentenceTable) -> list[Scored]:
    """`ranked`, with the runner-up first where a "when" or "how many" question's best
    sentence holds no date or number at all and the runner-up, about as close, does
    ("the expert argued that if Kim is confident about meeting Trump again ..." against
    "a second summit will be arranged ..., probably at the end of February"), stating
    the event the question names in other words (its concept terms): a date beside
    something else dates that. And where a "when" question's best sentence says only
    "last year" and the runner-up, as close and covering as much, gives the day ("Kim's
    summit with ... Moon Jae-in on April 27"): a year in passing is not the date asked."""
    asked = {t for t in q.terms if t.startswith("~")}
    if (
        q.qtype in ("DATE", "NUMBER")
        and len(ranked) > 1
        and ranked[0].span is None
        and ranked[1].span is not None
        and asked
        and asked <= ranked[1].sent.terms
        and ranked[0].score - ranked[1].score < W_NEAR_MISS
        and not sure_miss(q, ranked[1], table)
    ):
        return [ranked[1], ranked[0], *ranked[2:]]
    if (
        q.qtype == "DATE"
        and len(ranked) > 1
        and ranked[0].span is not None
        and ranked[1].span is not None
        and _VAGUE.fullmatch(ranked[0].span[2])
        and re.search(DAY_OF_MONTH, ranked[1].span[2])
        and ranked[1].cover >= ranked[0].cover
        and ranked[0].score - ranked[1].score < W_NEAR_MISS
        and not sure_miss(q, ranked[1], table)
    ):
        return [ranked[1], ranked[0], *ranked[2:]]
    return ranked
