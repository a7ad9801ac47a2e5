"""Who met whom: a question about one pair's meeting is not answered by another pair's."""

from __future__ import annotations

from rag.pairs import other_pair, pairs
from rag.retrieve import terms

from .test_conversation import _chat

PEOPLE = frozenset(terms("kim xi trump moon pompeo"))


def test_pairs_are_read_in_the_articles_wordings():
    assert pairs("Kim and Xi met in person for the first time", PEOPLE) == [frozenset({"kim", "xi"})]
    assert pairs("Kim met Chinese President Xi Jinping on Monday", PEOPLE) == [frozenset({"kim", "xi"})]
    assert pairs("after Kim’s summit with South Korean President Moon Jae-in", PEOPLE) == [frozenset({"kim", "moon"})]
    assert pairs("a possible second Trump-Kim summit", PEOPLE) == [frozenset({"trump", "kim"})]
    # a place or a country is no one
    assert pairs("Beijing and Pyongyang met", PEOPLE) == []


def test_another_pair_is_no_answer_but_an_unpaired_sentence_may_be():
    q = "Where did Trump and Kim meet first?"
    assert other_pair(q, "Kim and Xi met in person for the first time in Beijing, after Trump accepted", PEOPLE)
    assert not other_pair(q, "a high-profile Singapore summit with Trump", PEOPLE)
    assert not other_pair(q, "the Trump-Kim summit in Singapore", PEOPLE)
    assert not other_pair("Where did Kim go?", "Kim and Xi met in Beijing", PEOPLE)


def test_where_trump_and_kim_met_is_not_where_kim_met_xi(pipeline):
    ans = pipeline.answer("Where did Trump and Kim meet first?")
    assert ans.short_answer == "Singapore"


def test_who_kim_met_is_the_one_met_and_not_one_he_is_only_to_meet(pipeline):
    from rag.pairs import met_score, partners

    q = "who did Kim meet in Beijing?"
    s = "Kim and Xi met in person for the first time during a secret meeting in Beijing, after Trump accepted"
    assert partners(q, s, PEOPLE) == [(s.index("Xi"), s.index("Xi") + 2, "Xi")]
    assert met_score(q, s, s.index("Xi"), "Xi", PEOPLE) > 0 > met_score(q, s, s.index("Trump"), "Trump", PEOPLE)
    later = "as Kim prepares for a second possible meeting with President Donald Trump."
    assert met_score(q, later, later.index("Donald"), "Donald Trump", PEOPLE) <= -0.5
    assert pipeline.answer(q).short_answer == "Xi"
    ans = _chat(pipeline, "How long did Kim stay in Beijing in January?", "who did he meet there?")
    assert "Trump" not in ans.short_answer and "Xi" in ans.short_answer


def test_the_place_of_a_meeting_with_someone_else_is_no_answer(pipeline):
    from rag.pairs import others_place

    s = "Before his historic meeting with Trump in Singapore in June, Kim met with Xi again after the Singapore summit."
    assert others_place("where did Kim and Xi meet?", s, "Singapore", PEOPLE)
    assert not others_place("where did Trump and Kim meet?", s, "Singapore", PEOPLE)
    assert pipeline.answer("where did Kim and Xi meet in March 2018?").short_answer == "Beijing"
