"""Misspelt names: "Dailan" in an article that otherwise says Dalian."""

from __future__ import annotations

from rag.typos import name_variants, with_variants

from .conftest import SEEDS


def test_a_name_misspelt_in_the_seed_article_pairs_with_its_spelling():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    variants = name_variants(texts)
    assert variants["dailan"] == {"dalian"} and variants["dalian"] == {"dailan"}
    assert with_variants({"kim", "dailan"}, variants) == {"kim", "dailan", "dalian"}


def test_only_names_of_one_article_that_are_not_ordinary_words_pair():
    # two people, one per article, are two names, not a typo
    assert name_variants(["Carol Smith spoke.", "Carlo Rossi spoke."]) == {}
    assert name_variants(["Carol Smith met Carlo Rossi."]) != {}
    # "Trial" opening a sentence is the word trial, which the article also writes in lower case
    assert name_variants(["Trail of the case. The trial began."]) == {}
    # short words never pair
    assert name_variants(["Abel met Able."]) == {}


def test_a_question_spelt_like_the_typo_finds_the_sentences_spelt_right(pipeline):
    # only the sentence that says "Dailan" matches the question's words as spelt; the
    # one that answers it says Dalian
    ans = pipeline.answer("How did Kim get to Dailan?")
    assert not ans.abstained and ans.short_answer == "his private jet"
    assert "Dalian" in ans.quotes[0].text
