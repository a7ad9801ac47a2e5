"""A trained span reader on top of the heuristic answer (issue 7).

The heuristic (sentences.py, extract.py) picks the sentence and pins a typed span in it. The reader is
all-MiniLM-L6-v2 fine-tuned on SQuAD for start/end + no-answer ([CLS]) and shipped as an
int8 ONNX model in rag/reader_model/ (trained by `rag train-reader`, see MODEL_CARD.md).
It reads short windows around the candidate sentences of an Answer, not whole documents
(reader_apply.py), and its best span becomes the short answer, its sentence the first quote.

Only onnxruntime + tokenizers are needed here (no torch), and the model is loaded on
first use, so `import rag.reader` is free.

Scores are comparable across windows because each span is scored as its margin over the
window's own no-answer score (start+end logits of the span minus those of [CLS]): raw
logits drift with window length and content, the margin does much less, and it is the
same quantity SQuAD 2.0 readers threshold for "no answer".
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

READER_DIR = Path(__file__).resolve().parent / "reader_model"
MAX_LEN = 256  # word-pieces per (question, window) pair, as in training
STRIDE = 96
MAX_ANSWER_TOKENS = 30
MAX_QUESTION_TOKENS = 48


@dataclass
class ReaderSpan:
    window: int  # index of the window in the list passed to read()
    start: int  # character offsets of the span in that window's text
    end: int
    text: str
    score: float  # start + end logit of the span
    null_score: float  # start + end logit of [CLS]: the window's no-answer score

    @property
    def margin(self) -> float:
        """How much the span beats "no answer" in its window; > 0 means the reader answers."""
        return self.score - self.null_score


class Reader:
    """Lazy ONNX Runtime session + fast tokenizer; thread-safe after the first load."""

    def __init__(self, model_dir: Path | str | None = None, threads: int | None = None) -> None:
        self.model_dir = Path(model_dir) if model_dir else READER_DIR
        # One thread by default: the answer path is short windows (a few ms each), and
        # a second intra-op thread buys little while it competes with the UI / indexer.
        self.threads = threads or int(os.environ.get("RAG_READER_THREADS", "1"))
        self._session = None
        self._tok = None
        self._lock = threading.Lock()
        self._sent_cache: tuple[int, dict[str, list[tuple[int, int]]]] | None = None

    @staticmethod
    def available(model_dir: Path | str | None = None) -> bool:
        return (Path(model_dir) if model_dir else READER_DIR).joinpath("model.onnx").is_file()

    def load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            import onnxruntime as ort
            from tokenizers import Tokenizer

            path = self.model_dir / "model.onnx"
            if not path.is_file():
                raise FileNotFoundError(f"no reader model at {path}: train one with `rag train-reader`")
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = self.threads
            opts.inter_op_num_threads = 1
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            tok = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
            tok.enable_truncation(max_length=MAX_LEN, stride=STRIDE, strategy="only_second")
            tok.no_padding()
            self._tok = tok
            self._session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])

    # --- inference ----------------------------------------------------------------------
    def _encode(self, question: str, windows: list[str]):
        tok = self._tok
        q_ids = tok.encode(question, add_special_tokens=False).ids
        if len(q_ids) > MAX_QUESTION_TOKENS:  # keep room for the window
            question = tok.decode(q_ids[:MAX_QUESTION_TOKENS])
        feats = []  # (window index, Encoding)
        for i, enc in enumerate(tok.encode_batch([(question, w) for w in windows])):
            for e in [enc, *enc.overflowing]:
                feats.append((i, e))
        return feats

    def read(self, question: str, windows: list[str]) -> list[ReaderSpan]:
        """The best span of each window (one per window that has text), scored comparably."""
        self.load()
        if not windows:
            return []
        feats = self._encode(question, windows)
        start_logits: list[np.ndarray] = [None] * len(feats)  # type: ignore[list-item]
        end_logits: list[np.ndarray] = [None] * len(feats)  # type: ignore[list-item]
        # One call per feature: no padding, and scores that do not depend on which other
        # windows came along (dynamic int8 quantization scales activations per call, so a
        # batch would shift every window's logits); batching buys little on one thread.
        groups = [[r] for r in range(len(feats))]
        for g in groups:
            n = max(len(feats[r][1].ids) for r in g)
            ids = np.zeros((len(g), n), dtype=np.int64)
            tt = np.zeros_like(ids)
            mask = np.zeros_like(ids)
            for row, r in enumerate(g):
                e = feats[r][1]
                m = len(e.ids)
                ids[row, :m] = e.ids
                tt[row, :m] = e.type_ids
                mask[row, :m] = 1
            s_out, e_out = self._session.run(
                ["start_logits", "end_logits"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": tt}
            )
            for row, r in enumerate(g):
                start_logits[r], end_logits[r] = s_out[row], e_out[row]
        best: dict[int, ReaderSpan] = {}
        for r, (wi, e) in enumerate(feats):
            seq = e.sequence_ids
            ctx = np.array([k for k, s in enumerate(seq) if s == 1])
            if len(ctx) == 0:
                continue
            s_log = start_logits[r][ctx]
            e_log = end_logits[r][ctx]
            # every (start, end) with start <= end < start + MAX_ANSWER_TOKENS
            pair = s_log[:, None] + e_log[None, :]
            k = len(ctx)
            allowed = np.triu(np.ones((k, k), dtype=bool)) & ~np.triu(np.ones((k, k), dtype=bool), MAX_ANSWER_TOKENS)
            pair = np.where(allowed, pair, -np.inf)
            a, b = np.unravel_index(int(np.argmax(pair)), pair.shape)
            c0, c1 = e.offsets[ctx[a]][0], e.offsets[ctx[b]][1]
            span = ReaderSpan(
                window=wi,
                start=int(c0),
                end=int(c1),
                text=windows[wi][c0:c1],
                score=float(pair[a, b]),
                null_score=float(start_logits[r][0] + end_logits[r][0]),
            )
            if wi not in best or span.margin > best[wi].margin:
                best[wi] = span
        return [best[i] for i in sorted(best)]

    # --- sentences of the index, for windows and quotes ------------------------------------
    def sentences(self, index) -> dict[str, list[tuple[int, int]]]:
        key = id(index.chunks)
        if self._sent_cache is None or self._sent_cache[0] != key:
            by_doc: dict[str, list[tuple[int, int]]] = {}
            for doc, a, b in index.sentence_keys:
                by_doc.setdefault(doc, []).append((a, b))
            self._sent_cache = (key, by_doc)
        return self._sent_cache[1]


_DEFAULT: Reader | None = None
_DEFAULT_LOCK = threading.Lock()


def default_reader() -> Reader:
    """The shipped reader, shared by every Pipeline in the process."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Reader()
        return _DEFAULT
