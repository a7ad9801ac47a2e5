"""Short answers to "what did he say ...?" from the reported words (rag/said_span.py)."""

from __future__ import annotations

import pytest

from rag.question import analyze
from rag.said_span import asks_words, reported, said_span, seen_as

HU = (
    'Hu Xijin, the editor in chief at the Global Times said on Twitter Tuesday that "the timing of '
    "Kim's China visit is clearly linked to the planned second summit between him and President Trump.\""
)
LU = (
    "When asked whether North Korean officials would meet with U.S. officials during their visit, he "
    "said the delegations were at different levels."
)
SHIN = '"On top of that, Trump criticized the China-North Korea summit in May," Shin said.'


def test_reported_words_are_the_quotation_or_the_clause_after_said():
    assert [HU[a:b] for a, b in reported(HU)] == [HU[HU.index('"') + 1 : -1]]
    assert [LU[a:b] for a, b in reported(LU)] == ["the delegations were at different levels."]
    # the words before ", he said" when nothing is quoted
    plain = "China is not happy with the way the U.S. has pursued the issue, Hill said."
    assert [plain[a:b] for a, b in reported(plain)] == [
        "China is not happy with the way the U.S. has pursued the issue"
    ]
    # "said on Twitter Tuesday" says where, not what; a sentence quoting no one has no words
    assert reported("Kim flew to Dalian on Monday on his private jet.") == []


@pytest.mark.parametrize(
    "question, text, answer",
    [
        ("What did Hu say the timing of Kim's trip was linked to?", HU, "the planned second summit between him and President Trump"),
        ("What did he say when asked whether the North Koreans would meet US officials?", LU, "the delegations were at different levels"),
        ("What did Shin say Trump criticized back in May?", SHIN, "the China-North Korea summit in May"),
    ],
)  # fmt: skip
def test_the_answer_is_what_the_words_add_to_the_question(question, text, answer):
    q = analyze(question)
    assert asks_words(q)
    span = said_span(q, text)
    assert span is not None and span[2] == answer and text[span[0] : span[1]] == answer


def test_only_questions_asking_for_someones_words():
    assert not asks_words(analyze("When did Hu say the summit would happen?"))  # a date, typed as such
    assert not asks_words(analyze("What is the Global Times?"))
    assert said_span(analyze("What did Kim say?"), "Kim flew to Dalian on Monday on his private jet.") is None


def test_words_about_a_topic_are_the_clause_speaking_of_it():
    text = (
        '"Kim unveiled his hopes to hold multinational talks with the U.S. and China during the New Year '
        'address, but a trilateral summit is unlikely to take place in the very near future."'
    )
    span = said_span(analyze("What does Lim say about the chances of a trilateral summit?"), text)
    assert span is not None and span[2] == "a trilateral summit is unlikely to take place in the very near future"
    assert text[span[0] : span[1]] == span[2]


def test_the_words_end_where_the_attribution_names_its_source():
    text = (
        "The Global Times said 2019 may be a seminal year for North Korea, quoting one analyst who argued "
        "that this year could be like China's move in 1979."
    )
    span = said_span(analyze("what did the Global Times suggest 2019 could be for North Korea?"), text)
    assert span is not None and span[2] == "a seminal year"


def test_how_someone_sees_a_thing_is_the_as_of_their_view_or_the_name_they_give_it():
    text = (
        "“China is seeing North Korea as one of its bargaining chips amid ongoing competition with the US,” "
        "said Kim Dong-yub, a professor at Kyungnam University’s Far East Institute."
    )
    q = analyze("how does Kim Dong-yub say China sees North Korea?")
    assert seen_as(q, text)[2] == "as one of its bargaining chips amid ongoing competition with the US"
    called = 'the U.S. has since urged the North to take verifiable steps, which the North called a "unilateral demand"'
    assert seen_as(analyze("How did North Korea describe the US push?"), called)[2] == "unilateral demand"
    # a question asking no view gets none
    assert seen_as(analyze("What did Kim Dong-yub say?"), text) is None


def test_a_message_is_what_it_says(pipeline):
    ans = pipeline.conversation()
    ans.ask("who is Shin Sangjin?")
    assert ans.ask("what message does he say NK wants to send").short_answer == (
        "China strongly remains its cooperative ally in the region"
    )
    # up to the attribution, not into it
    assert pipeline.answer("What assurances will Kim be looking for during his visit?").short_answer == (
        "if talks with the United States fail, it will still have support from China"
    )


def test_a_position_on_something_is_what_was_said_of_it_up_to_the_writers_comment(pipeline):
    conv = pipeline.conversation()
    conv.ask("who travelled to North Korea to finalize the summit date and location?")
    ans = conv.ask("what was his position on kim's phased approach")
    # not Kim's "phased and synchronized" hopes (Kim reportedly reiterated them), and not
    # ", highlighting their differences ...", the writer's comment
    assert ans.short_answer == "the US has no interest in following a step-by-step process"


def test_reported_words_end_before_a_second_statement():
    text = (
        "Hill expressed concern that the Chinese may be pressing on Kim their view that the U.S. should remove "
        "its 28,000 troops from South Korea as part of any settlement and they may attempt to encourage him."
    )
    span = said_span(analyze("what is Christopher Hill worried china might push kim on"), text)
    assert span[2].endswith("as part of any settlement")


LIM = (
    "Lim Eul-chul, professor of North Korean studies at Kyungnam University, said China would also welcome "
    "Kim's ongoing gesture, as the country wants to show off its political influence on the peninsula."
)


def test_said_with_a_named_subject_reports_the_clause_after_it():
    # "said China would ...": the clause, not his name and title before "said"
    (a, b) = reported(LIM)[0]
    assert LIM[a:b].startswith("China would also welcome")


def test_what_he_says_someone_wants_is_what_follows_their_wants():
    span = said_span(analyze("what does Lim Eul-chul say China wants?"), LIM)
    assert span[2] == "to show off its political influence on the peninsula"


def test_the_words_before_he_suggested_are_his():
    zhao = (
        "As the North Korean leader tries to strike a strategic balance between the two great powers, his surprise "
        "visit to Beijing could have resulted from his uncertainty about the second summit with Trump, Zhao suggested."
    )
    [(a, b)] = reported(zhao)
    assert zhao[a:b].endswith("the second summit with Trump")


def test_what_someone_thinks_is_answered_in_their_words(pipeline):
    # not "Trump", a name in them
    ans = pipeline.answer("what does Zhao Tong think?")
    assert ans.short_answer.endswith("his uncertainty about the second summit with Trump")
    # "about the visit" of an article headlined on the visit: all his words there are
    ans = pipeline.answer("what does Joseph Yun think about the visit?")
    assert not ans.abstained and ans.short_answer == "there is a dual message there"


def test_someones_line_on_something_is_their_stance():
    assert asks_words(analyze("what was Pompeo's line on the phased approach?"))
