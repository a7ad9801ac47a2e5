"""How a question stands in a conversation (rag/turns.py)."""

from __future__ import annotations

import pytest

from rag.question import analyze
from rag.turns import expand_shorthand, needs_context, points_back, refers_back


@pytest.mark.parametrize(
    "question, previous, expected",
    [
        # "the trip" is the travel the previous turn asked about
        ("Why was the trip kept quiet?", "When did Pompeo travel to North Korea?", True),
        ("What came out of the talks?", "Where did Kim meet Xi?", True),
        # a different kind of event, or no event at all, is no reference back
        ("What came out of the meeting?", "When did Pompeo travel to North Korea?", False),
        ("What was the trip meant to achieve?", "Who is Lu Kang?", False),
        ("Who went to Dalian?", "When did Pompeo travel to North Korea?", False),
    ],
)
def test_a_definite_event_refers_back_to_the_previous_turns_event(question, previous, expected):
    assert refers_back(question, previous) is expected


def test_a_pronoun_or_a_question_without_words_of_its_own_leans_on_the_conversation():
    assert needs_context("When did he get there?")
    assert needs_context("In which months?")
    assert not needs_context("When did Kim Jong Un arrive in Beijing?")
    # "this year" dates the question; "this trip" points back
    assert not needs_context("what did the Global Times predict for North Korea this year?")
    assert needs_context("how long is this trip?")


@pytest.mark.parametrize(
    "typed, spelled",
    [
        ("which Renmin prof did VOA talk to?", "which Renmin professor did VOA talk to?"),
        ("What did the N. Korean govt say?", "What did the North Korean government say?"),
        ("Which univ. profs were quoted?", "Which university professors were quoted?"),
        ("Is S.Korea in the talks?", "Is South Korea in the talks?"),
        ("what yr did he take office? how many yrs later?", "what year did he take office? how many years later?"),
        ("who was the NK foreign minister?", "who was the North Korea foreign minister?"),
        ("whos the head of research? whats his job?", "who's the head of research? what's his job?"),
        ("did the nk leader fly?", "did the north korea leader fly?"),
        # "Yuri" and "NKorea" are words of their own
        ("Did Yuri visit NKorea?", "Did Yuri visit NKorea?"),
        # words that only start like shorthand stay as typed
        (
            "Did the profits of the government's dept. stores rise?",
            "Did the profits of the government's department stores rise?",
        ),
        ("Who is the professor at Kyungnam University?", "Who is the professor at Kyungnam University?"),
        ("Which ex-diplomat said so?", "Which former diplomat said so?"),
        ("the re-export of goods", "the re-export of goods"),
    ],
)
def test_shorthand_is_spelled_out_as_the_articles_write_it(typed, spelled):
    assert expand_shorthand(typed) == spelled


def test_a_question_in_shorthand_is_answered(pipeline):
    # "prof" is no word of the articles: unexpanded, the question looked unanswerable
    ans = pipeline.answer("which Renmin prof did VOA talk to about what Kim wants from Beijing?")
    assert not ans.abstained and ans.short_answer == "Shi Yinhong"


def test_though_at_the_end_leans_on_the_conversation():
    # "why china though?" asks of what was just said, and "though" is no topic word
    assert needs_context("why china though?")
    assert not needs_context("why did Kim go to China?")
    assert "though" not in analyze("why china though?").terms


def test_points_back_at_a_thing_not_at_a_clause():
    assert points_back("where was it?")
    assert points_back("what did pompeo say to that")
    assert points_back("How did Pyongyang characterize that demand?")
    assert not points_back("does he think that Kim is worried?")
    assert not points_back("In which months did the two trips that preceded the summit take place?")
