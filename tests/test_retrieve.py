"""The analyzer shared by BM25 and sentence scoring."""

from __future__ import annotations

from rag.retrieve import terms


def test_common_irregular_past_forms_share_the_stem_of_their_verb():
    # "Kim met Xi" answers "did Kim meet Xi"; "flew" answers "fly"
    assert terms("met flew went told") == terms("meet fly go tell")
    assert terms("Kim held talks") == ["kim", "hold", "talk"]
    # a regular form stems as before, and stop words stay out
    assert terms("the visited visits") == ["visit", "visit"]


def test_the_month_may_is_not_the_verb():
    # "Kim met Xi in May" is about a month; "it may rain" about nothing in particular
    assert "maymonth" in terms("Where did Kim meet Xi in May 2018?")
    assert "maymonth" in terms("Kim visited China twice in March and May")
    assert "maymonth" not in terms("Talks may resume. May we ask?")


def test_initialisms_and_long_forms_are_the_short_form_a_reader_types():
    assert terms("the U.S. and China") == ["us", "china"]
    assert terms("the United States") == terms("the US") == ["us"]
    assert terms("U.N. sanctions") == terms("United Nations sanctions") == terms("UN sanctions") == ["un", "sanction"]
    assert terms("the U.S.-led sanctions") == ["us", "lead", "sanction"]


def test_what_is_left_of_a_contraction_is_no_term():
    # "they're" must not ask for a word "re" that no sentence holds
    got = terms("will they meet them while they're there? they’ve heard they didn't")
    assert got == ["meet", "them", "while", "heard"]
