"""The shipped span reader (rag/reader_model): it loads offline, pins the real answer span,
scores an unrelated window as no-answer, and plugs into a real Answer with a cited quote."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from rag.reader import READER_DIR, Reader
from rag.reader_apply import apply_reader

from .conftest import GT_FILE, GT_QUESTION

HU_SENTENCE = (
    'Hu Xijin, the editor in chief at the Global Times said on Twitter Tuesday that "the timing of '
    "Kim's China visit is clearly linked to the planned second summit between him and President Trump.\""
)
UNRELATED = "The bakery on Main Street sells rye bread and croissants every morning except Sunday."


@pytest.fixture(scope="module")
def reader():
    r = Reader()
    r.load()
    return r


def test_shipped_files():
    names = {p.name for p in READER_DIR.iterdir()}
    assert {"model.onnx", "tokenizer.json", "MODEL_CARD.md", "split.json"} <= names
    assert (READER_DIR / "model.onnx").stat().st_size <= 25 * 1024 * 1024
    split = json.loads((READER_DIR / "split.json").read_text())
    assert len(split["heldout_titles"]) >= 12
    card = (READER_DIR / "MODEL_CARD.md").read_text()
    assert "CC BY-SA 4.0" in card


def test_span_hu_xijin(reader):
    spans = reader.read(GT_QUESTION, [UNRELATED, HU_SENTENCE])
    best = max(spans, key=lambda s: s.margin)
    assert best.window == 1
    assert best.text == "Hu Xijin"
    assert HU_SENTENCE[best.start : best.end] == "Hu Xijin"
    assert best.margin > 0


def test_no_answer_on_unrelated_window(reader):
    (span,) = reader.read(GT_QUESTION, [UNRELATED])
    hu = reader.read(GT_QUESTION, [HU_SENTENCE])[0]
    assert span.margin < 0  # the reader prefers "no answer" here
    assert span.margin < hu.margin


def test_apply_reader_on_real_answer(pipeline, reader):
    ans = pipeline.answer(GT_QUESTION)
    before = copy.deepcopy(ans.quotes)
    out = apply_reader(ans, GT_QUESTION, pipeline.index, reader, pipeline.config)
    assert out is not ans and not out.abstained
    assert out.short_answer == "Hu Xijin"
    first = out.quotes[0]
    assert first.doc == GT_FILE and "Hu Xijin" in first.text
    doc = pipeline.index.docs[first.doc].text
    assert doc[first.start : first.end] == first.text  # verbatim, by offsets
    src = next(s for s in out.sources if s.n == first.citations[0])
    assert src.doc == first.doc and src.start <= first.start and first.end <= src.end
    assert ans.quotes == before  # the heuristic answer is left as it was


def test_reader_files_are_packaged():
    text = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text()
    assert "reader_model/*" in text


def test_reader_switch_through_the_pipeline(pipeline):
    # The same question with the switch on and off: both cite real text, and the reader's
    # short answer is a span of its first quote.
    off = pipeline.answer("Who is the editor in chief of the Global Times?", reader="off")
    on = pipeline.answer("Who is the editor in chief of the Global Times?", reader="on")
    assert off.short_answer == "Hu Xijin" and on.short_answer == "Hu Xijin"
    assert on.short_answer in on.quotes[0].text
    assert pipeline.index.docs[on.quotes[0].doc].text[on.quotes[0].start : on.quotes[0].end] == on.quotes[0].text
