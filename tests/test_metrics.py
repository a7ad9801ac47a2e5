from __future__ import annotations

import pytest

from rag import metrics as M
from rag.evaluate import GoldError, load_gold


@pytest.mark.parametrize(
    "raw, norm",
    [
        ("The Global Times!", "global times"),
        ("Kim\u00a0Jong\u2011un", "kim jongun"),
        ("\u201cenough is enough\u201d", "enough is enough"),
        ("the US\u2019 stance", "us stance"),
        ("  A  tabloid, an  outlet ", "tabloid outlet"),
        ("Jan. 7\u201310", "jan 710"),
    ],
)
def test_normalize(raw, norm):
    assert M.normalize(raw) == norm


def test_exact_match_and_f1():
    assert M.exact_match("the Hu Xijin", ["Hu Xijin"]) == 1.0
    assert M.exact_match("Hu", ["Hu Xijin"]) == 0.0
    assert M.f1("Hu", ["Hu Xijin"]) == pytest.approx(2 / 3)
    assert M.f1("more than\u00a0five years", ["five years"]) == pytest.approx(2 * 0.5 * 1 / 1.5)
    assert M.f1(None, ["x"]) == 0.0 and M.exact_match("x", []) == 0.0


def test_contains_needs_whole_words():
    assert M.contains("said on Twitter Tuesday", "Twitter")
    assert not M.contains("Twitterverse", "Twitter")
    assert M.contains("Kim\u2019s visit", "Kim's visit")


def test_hit_single_and_all_parts():
    quotes = ["Kim met Xi in Dalian.", "He later met Trump in Singapore."]
    assert M.hit(quotes, ["Dalian"], None, 1)
    assert not M.hit(quotes, ["Singapore"], None, 1) and M.hit(quotes, ["Singapore"], None, 3)
    assert M.hit(quotes, ["Dalian", "Singapore"], ["Dalian", "Singapore"], 1)
    assert not M.hit(quotes[:1], [], ["Dalian", "Singapore"], 1)


def test_first_rank_and_percentile():
    assert M.first_rank(["a b", "c Hu Xijin d", "Hu Xijin"], ["Hu Xijin"], 10) == 2
    assert M.first_rank(["a"], ["b"], 10) is None
    assert M.percentile([1, 2, 3, 4], 50) == 2.5 and M.percentile([], 95) == 0.0


def test_gold_file_errors_name_the_line(tmp_path):
    f = tmp_path / "g.jsonl"
    f.write_text('{"question": "Who?", "answers": ["x"]}\n{bad\n')
    with pytest.raises(GoldError, match=r"g.jsonl:2: not valid JSON"):
        load_gold(f)
    f.write_text('{"answers": ["x"]}\n')
    with pytest.raises(GoldError, match=r":1: each line needs a non-empty \"question\""):
        load_gold(f)
    with pytest.raises(GoldError, match="does not exist"):
        load_gold(tmp_path / "missing.jsonl")


def test_any_gold_format_file_runs(tmp_path, pipeline):
    from rag.evaluate import evaluate

    f = tmp_path / "mini.jsonl"
    f.write_text(
        '{"id": "a", "question": "Who is the editor in chief of the Global Times?", "answers": ["Hu Xijin"]}\n'
        '{"id": "b", "question": "Where did he comment on Kim\'s visit?", "answers": ["Twitter"],'
        ' "history": ["Who is the editor in chief of the Global Times?"]}\n'
        '{"id": "c", "question": "What did the Pope say about the summit?", "answers": []}\n'
    )
    res = evaluate(pipeline, load_gold(f), ["full"], progress=False)["full"]
    assert res["overall"]["hit@1"] == 1.0 and res["overall"]["abstain_recall"] == 1.0
    assert set(res["by_type"]) == {"factoid", "followup", "unanswerable"}
    # no split given: all in one, with the follow-up hit@1 of that split reported
    split = res["by_split"]["all"]
    assert split["followup_hit@1"] == 1.0 and split["n"] == 3


def test_a_possessive_holds_the_word_it_is_on():
    assert M.contains("Renmin University's Shi said there is no connection", "Renmin University")
    assert M.contains("Kim’s trip", "Kim's trip")
    assert not M.contains("Kimchi is served", "Kim")
    assert not M.contains("the universitys of the region", "Renmin University")
