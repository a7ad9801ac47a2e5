"""Question analysis: the answer type and the noun a question asks for."""

from __future__ import annotations

import pytest

from rag.question import DATE, NUMBER, OTHER, PERSON, PLACE, analyze, answer_type, head_noun


@pytest.mark.parametrize(
    "question, head",
    [
        ("Which Chinese foreign minister did he hold talks with there?", "minist"),
        ("What kind of newspaper is the Global Times?", "newspap"),
        ("Which Renmin University professor was quoted about it?", "professor"),
        ("How many times has Kim visited China?", "time"),
        ("What did Xi say?", None),
        ("Who was North Korea's foreign minister on the Dalian trip?", "minist"),  # who + role
        ("Who is Lu Kang?", None),
        ("Why did Kim go to Beijing?", None),
    ],
)
def test_head_noun_is_the_last_word_of_the_phrase(question, head):
    assert head_noun(question) == head


@pytest.mark.parametrize(
    "question, qtype",
    [
        ("Which Renmin University professor was quoted?", PERSON),
        ("What subject is Lim Eul-chul a professor of?", OTHER),  # the role is not what is asked for
        ("What did the professor say about the visit?", OTHER),
        ("Who met Kim in Dalian?", PERSON),
        ("In which city did they meet?", PLACE),
        ("How many troops does the US keep in South Korea?", NUMBER),
        ("What dates was the stay scheduled for?", DATE),  # plurals too
        ("On which days did Kim meet Xi in Dalian?", DATE),
    ],
)
def test_answer_type(question, qtype):
    assert answer_type(question) == qtype


def test_duration_subtype_for_how_many_days():
    assert analyze("How many days was the trip planned to last?").subtype == "DURATION"
