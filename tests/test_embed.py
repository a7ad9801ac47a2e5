from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from rag.cli import main
from rag.config import Config, ConfigError
from rag.embed import Embedder, ModelError
from rag.index import Index

from .conftest import GT_FILE, SEEDS


def test_bf16_document_vectors_match_fp32(pipeline, embedder):
    """The index build may run the encoder under bf16 autocast; its vectors must be the
    fp32 ones for every purpose retrieval has."""
    texts = [c.text for c in pipeline.index.chunks[:24]]
    fp32 = embedder.encode(texts)
    bf16 = embedder.encode(texts, bf16=True)
    assert bf16.dtype == np.float32 and bf16.shape == fp32.shape
    cos = (fp32 * bf16).sum(axis=1)
    assert cos.min() > 0.9999
    q = embedder.encode_query("Who is the editor in chief of the Global Times?")
    assert np.argsort(-(fp32 @ q))[:5].tolist() == np.argsort(-(bf16 @ q))[:5].tolist()


def test_precision_is_checked_where_it_is_set():
    with pytest.raises(ConfigError, match=r"precision='fp16' is unknown: use one of auto, bf16, fp32"):
        Config(precision="fp16")
    with pytest.raises(ModelError, match=r"precision='half' is unknown: use one of auto, bf16, fp32"):
        Embedder(precision="half")
    # Explicit settings are taken as given; only "auto" looks at the CPU.
    assert Embedder(precision="fp32").document_precision == "fp32"
    assert Embedder(precision="bf16").document_precision == "bf16"


def test_index_records_the_precision_it_was_built_at(tmp_path, pipeline, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / GT_FILE, seeds / GT_FILE)
    assert main(["index", "--seeds", str(seeds), "--index", str(tmp_path / "idx"), "--precision", "fp32"]) == 0
    assert "indexed 1 articles" in capsys.readouterr().out
    manifest = json.loads((tmp_path / "idx" / "manifest.json").read_text())
    assert manifest["model"]["precision"] == "fp32"
    fp32 = Index.load(tmp_path / "idx")
    # The session index was built at "auto"; the same chunks agree to bf16's rounding.
    ids = {c.chunk_id: i for i, c in enumerate(pipeline.index.chunks)}
    rows = [ids[c.chunk_id] for c in fp32.chunks]
    cos = (fp32.vectors * pipeline.index.vectors[rows]).sum(axis=1)
    assert cos.min() > 0.9999
    # Another precision re-embeds every article, so the manifest never mislabels vectors.
    assert main(["index", "--seeds", str(seeds), "--index", str(tmp_path / "idx"), "--precision", "bf16"]) == 0
    out, err = capsys.readouterr()
    assert "model, precision or chunker settings changed: re-embedding everything" in err
    assert "0 articles unchanged" in out
    assert Index.load(tmp_path / "idx").manifest["model"]["precision"] == "bf16"
