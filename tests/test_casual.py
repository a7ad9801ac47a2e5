from __future__ import annotations

import pytest

from rag.casual import Spelling, standard_grammar


@pytest.mark.parametrize(
    ("typed", "standard"),
    [
        ("how he get there", "how did he get there"),
        ("what he said about the talks", "what did he say about the talks"),
        ("why Kim want China to relax sanctions", "why did Kim want China to relax sanctions"),
        ("how many time he visit China", "how many time did he visit China"),
        ("what train Kim take to Beijing", "what train did Kim take to Beijing"),
        ("and what he thinks of it", "and what does he think of it"),
        ("why China would be happy about it", "why would China be happy about it"),
        ("how long the trip last", "how long did the trip last"),
        ("what is he worry about", "what is he worried about"),
        ("which Renmin professor talk about it", "which Renmin professor talked about it"),
        ("who go to North Korea", "who went to North Korea"),
        # what someone is after is what he wants
        ("what's he after", "what does he want"),
        ("So what was Kim really after?", "So what did Kim want?"),
        # buying an idea is believing it
        ("does he buy that North Korea is a card?", "does he believe that North Korea is a card?"),
    ],
)
def test_chat_word_order_is_made_standard(typed: str, standard: str) -> None:
    assert standard_grammar(typed) == standard


@pytest.mark.parametrize(
    "question",
    [
        "What did he say?",
        "who met Kim",
        "which professor talked to VOA",  # the noun is the subject
        "How many people attended the banquet?",
        "What train did Kim take?",
        "what does he think",
        "Who is he?",
        "who do you mean",
        "which beijing-based analysts say it has nothing to do with the talks",
        "When Kim visited China in March, who did he meet?",
        "what happened after?",
        "does China buy US goods?",
    ],
)
def test_a_standard_question_is_left_as_typed(question: str) -> None:
    assert standard_grammar(question) == question


def test_misspelt_words_are_mended_to_the_articles_word(pipeline) -> None:
    spelling = pipeline._parts()[2].spelling
    assert spelling.fix("was it a coincidense") == "was it a coincidence"
    assert spelling.fix("why relax sanctons") == "why relax sanctions"
    assert spelling.fix("the renmin professor shi yinhon") == "the renmin professor shi yinhong"


def test_known_and_short_words_are_never_changed(pipeline) -> None:
    spelling = pipeline._parts()[2].spelling
    # English the articles do not use, an inflection, a four-letter slip, chat spellings
    for text in ("a splendid banquet", "sanctioning", "kimm", "whats his job", "what did they agree on nukes"):
        assert spelling.fix(text) == text
    # "nukes" is a reader's word for nuclear weapons, not a misspelt "dukes"
    assert pipeline._standard("what did they agree on nukes?", pipeline._parts()[2]) == (
        "what did they agree on nuclear weapons?"
    )


def test_spelling_without_an_english_list_still_knows_the_articles_words() -> None:
    spelling = Spelling({"sanctions": 3, "coincidence": 1})
    assert spelling.fix("sanctons and coincidense") == "sanctions and coincidence"
    assert spelling.fix("zebras") == "zebras"  # nothing one slip away


def test_a_chat_question_gets_the_answer_of_its_standard_form(pipeline) -> None:
    conv = pipeline.conversation()
    conv.ask("where did kim meet xi in may")
    ans = conv.ask("how he get there")
    assert not ans.abstained
    assert "private jet" in ans.short_answer
    assert ans.quotes[0].text.startswith("Kim flew to Dalian on Monday on his private jet")
    typo = pipeline.answer("is it a coincidense that kim visited during the trade talks")
    assert typo.short_answer == "not a coincidence"
    assert "it was not a coincidence for Kim to visit Beijing" in typo.quotes[0].text


def test_what_hes_hoping_to_get_out_of_it_is_what_he_wants(pipeline):
    conv = pipeline.conversation()
    conv.ask("When does Kim's trip to Beijing wrap up?")
    ans = conv.ask("What's he hoping to get out of it?")
    assert ans.resolved_question == "what does Kim want?"
    assert "he will want China to give him more economic help" in ans.quotes[0].text
    assert conv.ask("Who says so?").short_answer == "Shi Yinhong"
    # out of a place, and "this time", are what he wants too
    conv = pipeline.conversation()
    conv.ask("How many times has Kim Jong Un been to China now, counting this trip?")
    ans = conv.ask("What's he hoping to get out of Beijing this time?")
    assert ans.resolved_question == "what does Kim Jong Un want?"
    assert " wants " in ans.quotes[0].text
