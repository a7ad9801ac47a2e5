"""Lower-case chat questions get the articles' capitals (rag/truecase.py)."""

from __future__ import annotations

from rag.truecase import Casing

TEXTS = [
    'North Korean leader Kim Jong Un met Moon Jae-in and Xi Jinping. "It is clear," Ding said.\n'
    "He met Kim and Trump in Singapore, with the US and its president. The inter-Korean talks went on.",
    "Analysts in the US said the talks were a sign, and the president agreed.",
]


def test_names_take_the_articles_capitals():
    c = Casing.from_texts(TEXTS)
    assert c.apply("how did moon jae-in react to kim's trip?") == "how did Moon Jae-in react to Kim's trip?"
    # each part of a joined pair, and a mixed-case compound as written
    assert c.apply("when is the next trump-kim summit?") == "when is the next Trump-Kim summit?"
    assert c.apply("what did the inter-korean talks agree?") == "what did the inter-Korean talks agree?"
    assert c.apply("did the us talk to him?") == "did the US talk to him?"


def test_a_word_opening_a_sentence_or_quotation_is_not_a_name():
    c = Casing.from_texts(TEXTS)
    # "Analysts" and "The" open sentences; "It" opens a quotation; "Ding" follows a
    # closing quote mark, so it is a name
    assert "analyst" not in c.forms and "the" not in c.forms and "it" not in c.forms
    assert c.forms["ding"] == "Ding"


def test_titles_stay_common_nouns_and_cased_questions_stay_as_typed():
    c = Casing.from_texts(TEXTS)
    assert "president" not in c.forms  # "its president" as much as "President Xi"
    assert c.apply("who is the president of china?") == "who is the president of china?"
    typed = "Who did kim meet in Singapore?"
    assert c.apply(typed) == typed  # capitals after the first letter: typed with care


def test_an_acronym_or_a_plural_possessive_does_not_stop_the_casing():
    c = Casing.from_texts(TEXTS)
    assert c.apply("did kim meet ding, according to KCNA?") == "did Kim meet Ding, according to KCNA?"
    c = Casing.from_texts(["The envoy Kathleen Stephens spoke, and Stephens' aides listened."])
    assert c.apply("what is kathleen stephens' title") == "what is Kathleen Stephens' title"
