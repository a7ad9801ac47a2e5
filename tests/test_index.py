from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from rag.config import Config
from rag.index import Index, IndexError_, build
from rag.pipeline import Pipeline

from .conftest import GT_QUESTION


def test_manifest_records_what_built_it(pipeline, config, embedder):
    m = json.loads((config.index_dir / "manifest.json").read_text())
    assert m["format_version"] == 1
    assert m["model"] == {
        "name": "sentence-transformers/all-MiniLM-L6-v2",
        "dim": 384,
        "precision": embedder.document_precision,
    }
    assert m["chunker"] == config.chunker_settings()
    assert len(m["files"]) == 5 and all(len(f["sha256"]) == 64 for f in m["files"].values())
    assert m["counts"]["chunks"] == len(pipeline.index.chunks)
    assert "faiss-cpu" in m["versions"] and "sentence-transformers" in m["versions"]
    assert not list(config.index_dir.glob("*.pkl")) and not list(config.index_dir.glob("*.pickle"))


def test_save_load_gives_identical_results(pipeline, config, embedder):
    fresh = Pipeline(config, embedder, log=lambda s: None)
    loaded = fresh.load(auto_build=False)
    assert [c.to_dict() for c in loaded.chunks] == [c.to_dict() for c in pipeline.index.chunks]
    assert np.array_equal(loaded.vectors, pipeline.index.vectors)
    for q in (GT_QUESTION, "When did Kim arrive in Beijing?"):
        a, b = pipeline.answer(q), fresh.answer(q)
        assert a.to_dict() | {"latency_ms": 0} == b.to_dict() | {"latency_ms": 0}


def test_changing_one_article_reembeds_only_its_chunks(seeds_copy, tmp_path, embedder):
    cfg = Config(seeds_dir=seeds_copy, index_dir=tmp_path / "index")
    first, st = build(cfg, embedder)
    assert st["embedded"] == len(first.chunks)
    target = "003_79228504ccb7102d.txt"
    p = seeds_copy / target
    p.write_text(p.read_text() + "\nA new paragraph says the leaders also discussed a railway line to Dandong.\n")
    before = embedder.n_encoded
    second, st = build(cfg, embedder)
    n_target = sum(1 for c in second.chunks if c.doc_id == target)
    n_sents = sum(1 for d, _, _ in second.sentence_keys if d == target)
    assert n_target == st["embedded"] and n_sents == st["sentences_embedded"]
    # chunks and sentences of that article are the only texts sent to the encoder
    assert embedder.n_encoded - before == n_target + n_sents
    assert st["reused_documents"] == 4
    # unchanged articles keep their exact vectors
    keep = [i for i, c in enumerate(first.chunks) if c.doc_id != target]
    keep2 = [i for i, c in enumerate(second.chunks) if c.doc_id != target]
    assert np.array_equal(first.vectors[keep], second.vectors[keep2])
    old_sent = dict(zip(first.sentence_keys, first.sent_vectors))
    for key, vec in zip(second.sentence_keys, second.sent_vectors):
        if key[0] != target:
            assert np.array_equal(old_sent[key], vec)
    # a removed article is dropped without embedding anything
    (seeds_copy / "002_d01169830d053d92.txt").unlink()
    before = embedder.n_encoded
    third, st = build(cfg, embedder)
    assert embedder.n_encoded == before and "002_d01169830d053d92.txt" not in third.docs


def test_stale_index_is_detected_and_rebuilt_on_query(seeds_copy, tmp_path, embedder):
    cfg = Config(seeds_dir=seeds_copy, index_dir=tmp_path / "index")
    build(cfg, embedder)
    (seeds_copy / "005_new.txt").write_text(
        "The Vatican announced on Sunday that the Pope praised the summit in Hanoi as a hopeful step.\n"
    )
    idx = Index.load(cfg.index_dir)
    assert "1 added" in idx.stale_reason(cfg)
    with pytest.raises(IndexError_, match="Run `rag index`"):
        Pipeline(cfg, embedder, log=lambda s: None).load(auto_build=False)
    logs = []
    ans = Pipeline(cfg, embedder, log=logs.append).answer("What did the Pope say about the summit?")
    assert any("stale" in m for m in logs)
    assert not ans.abstained and ans.quotes[0].doc == "005_new.txt"


def test_damaged_index_names_the_fix(tmp_path, pipeline, config):
    broken = tmp_path / "index"
    shutil.copytree(config.index_dir, broken)
    (broken / "manifest.json").write_text("{not json")
    with pytest.raises(IndexError_, match=r"not valid JSON: run `rag index --rebuild`"):
        Index.load(broken)
    shutil.rmtree(broken)
    shutil.copytree(config.index_dir, broken)
    faiss_file = next(broken.glob("faiss-*.index"))
    faiss_file.write_bytes(faiss_file.read_bytes()[:100])
    with pytest.raises(IndexError_, match="damaged"):
        Index.load(broken)
