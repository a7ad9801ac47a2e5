from __future__ import annotations

import subprocess
import sys

from rag.chunk import chunk_document, count_tokens, split_sentences
from rag.config import Config
from rag.index import embed_text
from rag.records import Document


def test_no_chunk_is_truncated_by_the_embedder(pipeline, embedder):
    tok = embedder.model.tokenizer
    limit = embedder.max_seq_length
    for c in pipeline.index.chunks:
        text = embed_text(c, pipeline.index.docs[c.doc_id].title)
        n = len(tok(text, add_special_tokens=True)["input_ids"])
        assert n <= limit, (c.chunk_id, n)


def test_chunks_respect_budget_and_overlap(pipeline, config):
    chunks = pipeline.index.chunks
    assert all(c.n_tokens <= config.chunk_tokens for c in chunks)
    by_doc = {}
    for c in chunks:
        by_doc.setdefault(c.doc_id, []).append(c)
    overlapping = sum(1 for cs in by_doc.values() for a, b in zip(cs, cs[1:]) if b.start < a.end)
    assert overlapping > 0  # windows share trailing sentences
    for c in chunks:
        assert pipeline.index.docs[c.doc_id].text[c.start : c.end] == c.text


def test_sentence_splitter_handles_abbreviations():
    text = "Kim met U.S. officials on Jan. 8, 2019. He left on Monday. Dr. Lee said so! Then what?"
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == ["Kim met U.S. officials on Jan. 8, 2019.", "He left on Monday.", "Dr. Lee said so!", "Then what?"]


def test_long_sentence_without_punctuation_is_split():
    doc = Document(doc_id="x", text=" ".join(["word"] * 2000))
    chunks = chunk_document(doc, Config(chunk_tokens=64, chunk_overlap=8))
    assert len(chunks) > 10 and all(c.n_tokens <= 64 for c in chunks)


def test_tiktoken_works_offline_in_a_fresh_process(tmp_path):
    # A fresh interpreter with an empty tiktoken cache and no network: the shipped file is used.
    code = "from rag.chunk import count_tokens; print(count_tokens('Hu Xijin edits the Global Times.'))"
    env = {"TIKTOKEN_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "HTTPS_PROXY": "http://127.0.0.1:9"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) == count_tokens("Hu Xijin edits the Global Times.")
