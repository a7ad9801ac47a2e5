"""Events the articles only anticipate: asked what came of them, the answer is that they don't say."""

from __future__ import annotations

import pytest

from rag.events import unreported_event
from rag.render import answer_html

AHEAD = [
    "Lu Kang was asked about a possible second Trump Kim summit.",
    "I do think that a second summit will be arranged quite soon.",
    "The talks have stalled since the first summit between Trump and Kim in June.",
]


@pytest.mark.parametrize(
    "question, event",
    [
        ("In which city was the second Trump-Kim summit eventually held?", "second summit"),
        ("What was the outcome of Kim's second summit with Trump?", "second summit"),
        # spoken of as past ("since the first summit"): the articles may well say where
        ("Where was the first Trump-Kim summit held?", None),
        # what someone expected of it is a fact of the articles, not of the summit
        ("When did Lu Kang expect the second summit to take place?", None),
        # not past tense, or not a fact of the event itself
        ("Where will the second summit be held?", None),
        ("Who was asked about the second summit?", None),
        # an event the articles never name
        ("What was the outcome of the third summit?", None),
    ],
)
def test_a_past_fact_of_an_event_the_articles_only_anticipate(question, event):
    assert unreported_event(question, AHEAD) == event


def test_the_answer_declines_and_says_why(pipeline):
    ans = pipeline.answer("Where did the second Trump-Kim summit finally take place?")
    assert ans.abstained and ans.quotes == [] and ans.confidence < 0.5
    assert ans.note == "They speak of the second summit only as expected or planned, not as having happened."
    assert ans.note in answer_html(ans) and ans.to_dict()["note"] == ans.note
    # the first summit, which the articles report, is still answered
    assert pipeline.answer("Where was the first Trump-Kim summit held?").short_answer == "Singapore"
