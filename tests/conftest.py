"""Shared fixtures: the real model and a real index over the real seeds, built once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
GT_FILE = "000_0e88844027cc8d80.txt"
GT_QUESTION = "Who is the editor in chief of the Global Times?"


@pytest.fixture(scope="session")
def embedder():
    from rag.embed import Embedder

    e = Embedder()
    e.model  # noqa: B018 - load once for the session
    return e


@pytest.fixture(scope="session")
def config(tmp_path_factory):
    from rag.config import Config

    root = tmp_path_factory.mktemp("main")
    return Config(seeds_dir=SEEDS, index_dir=root / "index")


@pytest.fixture(scope="session")
def pipeline(config, embedder):
    from rag.pipeline import Pipeline

    p = Pipeline(config, embedder, log=lambda s: None)
    p.load()
    return p


@pytest.fixture
def seeds_copy(tmp_path):
    """A private, editable copy of the seed articles."""
    dst = tmp_path / "seeds"
    shutil.copytree(SEEDS, dst)
    return dst
