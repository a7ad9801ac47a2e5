"""The runner-up rules of rag/runner_up.py, on the real model and index."""

from __future__ import annotations


def test_when_question_takes_the_day_over_a_year_said_in_passing(pipeline):
    # "a hectic year of Korean peninsula diplomacy last year, with Kim also meeting ...
    # Moon Jae-in three times" scores a hair above "Kim's summit with ... Moon Jae-in on
    # April 27"; the year is said of the diplomacy, the day of the summit asked about
    ans = pipeline.answer("When did Kim have his summit with Moon Jae-in?")
    assert ans.short_answer == "April 27"
    assert ans.quotes[0].text.endswith("Moon Jae-in on April 27.")
    # where "last year" dates the very thing asked, and no day is given, it stays
    ans = pipeline.answer("When did Xi and Kim hold three summits?")
    assert ans.short_answer == "last year"
    assert ans.quotes[0].text.startswith("China's Xi Jinping and Kim Jong Un held three summits last year")
