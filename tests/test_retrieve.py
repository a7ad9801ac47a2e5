"""The analyzer shared by BM25 and sentence scoring."""

from __future__ import annotations

from rag.retrieve import terms


def test_common_irregular_past_forms_share_the_stem_of_their_verb():
    # "Kim met Xi" answers "did Kim meet Xi"; "flew" answers "fly"
    assert terms("met flew went told") == terms("meet fly go tell")
    assert terms("Kim held talks") == ["kim", "hold", "talk"]
    # a regular form stems as before, and stop words stay out
    assert terms("the visited visits") == ["visit", "visit"]
