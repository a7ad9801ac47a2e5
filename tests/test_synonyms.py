"""Paraphrases the question and the articles word differently (rag/synonyms.py)."""

from __future__ import annotations

from rag.question import DATE, ORG, PERSON, analyze
from rag.synonyms import question_concepts, sentence_concepts


def test_a_concept_replaces_the_question_words_that_say_it():
    found, spent = question_concepts("When did Kim come to power?", DATE)
    assert found == ["~office"] and {"come", "power"} <= spent
    assert "~office" in sentence_concepts("after taking office in 2012, the leader arrived")
    assert "~end" in sentence_concepts("During his visit this week, which ends on Thursday")
    assert "~end" in analyze("When was the visit due to wrap up?").terms


def test_an_ambiguous_word_counts_only_for_the_answer_types_it_fits():
    # "who heads the institute" asks for its president; "headed to Beijing" is travel,
    # in a question or an article
    assert question_concepts("Who heads the Korea Economic Institute?", PERSON)[0] == ["~head"]
    assert question_concepts("What group does she run?", ORG)[0] == ["~head"]
    assert question_concepts("When did he head to Beijing?", DATE)[0] == []
    assert "~head" in sentence_concepts("said Stephens, president and CEO of the institute")
    assert "~head" not in sentence_concepts("Kim headed to Beijing on Monday")


def test_scheduling_words_are_not_what_the_articles_say():
    terms = analyze("How long was Kim's January trip supposed to last?").terms
    assert "suppos" not in terms and "~travel" in terms
    assert "due" not in analyze("On what day was his stay due to end?").terms


def test_coming_to_power_finds_taking_office(pipeline):
    ans = pipeline.answer("What year did Kim Jong Un rise to power?")
    assert not ans.abstained and "2012" in (ans.short_answer or "")
    assert "taking office in 2012" in ans.quotes[0].text


def test_a_trip_meant_to_last_finds_the_days_of_travel(pipeline):
    ans = pipeline.answer("How long was Kim's journey to China meant to last?")
    assert not ans.abstained and "four" in (ans.short_answer or "")
