"""The headline metrics on eval/gold.jsonl must not fall below eval/thresholds.json."""

from __future__ import annotations

import json

import pytest

from rag.evaluate import evaluate, load_gold

from .conftest import REPO


@pytest.fixture(scope="module")
def report(pipeline):
    items = load_gold(REPO / "eval" / "gold.jsonl")
    return evaluate(pipeline, items, ["full"], progress=False)["full"]


def _floors():
    t = json.loads((REPO / "eval" / "thresholds.json").read_text())
    out = [("overall", None, k, v) for k, v in t["overall"].items()]
    out += [(part, key, k, v) for part in ("by_type", "by_split") for key, d in t[part].items() for k, v in d.items()]
    return out


@pytest.mark.parametrize("part, typ, key, floor", _floors(), ids=lambda x: str(x))
def test_metric_above_floor(report, part, typ, key, floor):
    metrics = report[part] if typ is None else report[part][typ]
    if key.endswith("_max"):
        value = metrics[key[: -len("_max")]]
        assert value <= floor, f"{part} {typ or ''} {key}: {value:.3f} is above the ceiling {floor}"
    else:
        assert metrics[key] >= floor, f"{part} {typ or ''} {key}: {metrics[key]:.3f} fell below the floor {floor}"


def test_every_answer_is_verbatim_and_cited(pipeline):
    for item in load_gold(REPO / "eval" / "gold.jsonl")[:40]:
        ans = pipeline.answer(item.question)
        ns = {s.n for s in ans.sources}
        for q in ans.quotes:
            assert pipeline.index.docs[q.doc].text[q.start : q.end] == q.text
            assert set(q.citations) <= ns
        if ans.short_answer:
            assert ans.short_answer in ans.quotes[0].text
