"""A place that is no venue of the occasion asked about (rag/event_signals.py), on the real index."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        # the articles tell of a "planned second summit" in words Hu Xijin said on
        # Twitter: Twitter is where he said it, not where the summit will be
        "Where is the second Trump-Kim summit going to be held?",
        "where's the second trump kim summit going to be held?",
    ],
)
def test_the_venue_of_an_occasion_the_articles_do_not_place_is_declined(pipeline, question):
    ans = pipeline.answer(question)
    assert ans.abstained, ans.short_answer


def test_a_venue_given_beside_its_occasion_is_answered(pipeline):
    # and "G20" is the forum, not the place
    assert pipeline.answer("where did Xi and Trump meet to talk trade?").short_answer == "Argentina"
    assert pipeline.answer("Where did Kim hold his first summit with Trump?").short_answer == "Singapore"
