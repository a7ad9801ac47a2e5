"""`rag eval`: run a gold file through the pipeline and report the metrics."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import metrics as M

TYPES = ("factoid", "why", "followup", "multi", "unanswerable")
CONFIGS = {"bm25": "bm25", "dense": "dense", "full": None}  # name -> Pipeline mode
HEADLINE = (
    "hit@1",
    "hit@3",
    "short_em",
    "short_f1",
    "recall@1",
    "recall@5",
    "doc_recall@5",
    "mrr@10",
    "abstain_recall",
    "false_abstain",
    "latency_p50_ms",
    "latency_p95_ms",
)


class GoldError(ValueError):
    """The gold file is malformed; the message names the line."""


@dataclass
class GoldItem:
    id: str
    question: str
    answers: list[str]
    answers_all: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    type: str = "factoid"
    split: str = "all"

    @property
    def answerable(self) -> bool:
        return bool(self.answers or self.answers_all)


def load_gold(path: Path) -> list[GoldItem]:
    path = Path(path)
    if not path.is_file():
        raise GoldError(f"gold file {path} does not exist: pass a JSONL file, e.g. --gold eval/gold.jsonl")
    items = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except ValueError:
            raise GoldError(f"{path}:{n}: not valid JSON") from None
        if not isinstance(d, dict) or not isinstance(d.get("question"), str) or not d["question"].strip():
            raise GoldError(f'{path}:{n}: each line needs a non-empty "question" string')
        if not isinstance(d.get("answers", []), list):
            raise GoldError(f'{path}:{n}: "answers" must be a list of strings ([] = unanswerable)')
        answers_all = d.get("answers_all") or []
        qtype = d.get("type") or (
            "unanswerable" if not (d.get("answers") or answers_all) else "followup" if d.get("history") else "factoid"
        )
        items.append(
            GoldItem(
                id=str(d.get("id", f"line{n}")),
                question=d["question"],
                answers=d.get("answers", []),
                answers_all=answers_all,
                history=d.get("history") or [],
                docs=d.get("docs") or [],
                type=qtype,
                split=d.get("split") or "all",
            )
        )
    if not items:
        raise GoldError(f"{path} holds no questions")
    return items


def run_item(pipeline, item: GoldItem, mode: str | None) -> dict:
    """Answer one gold item (replaying its history) and score it."""
    conv = pipeline.conversation()
    for h in item.history:
        conv.ask(h, mode=mode)
    t0 = time.perf_counter()
    ans = conv.ask(item.question, k=10, mode=mode)
    return score_answer(item, ans, (time.perf_counter() - t0) * 1000)


def score_answer(item: GoldItem, ans, latency: float) -> dict:
    """One result row: the answer scored against the gold item."""
    quotes = [q.text for q in ans.quotes]
    passages = [h.chunk.text for h in ans.passages]
    golds = item.answers or item.answers_all
    row = {
        "id": item.id,
        "type": item.type,
        "split": item.split,
        "question": item.question,
        "short_answer": ans.short_answer,
        "abstained": ans.abstained,
        "confidence": round(ans.confidence, 4),
        "quote": quotes[0] if quotes else None,
        "latency_ms": latency,
    }
    if item.answerable:
        rank = M.first_rank(passages, golds, 10)
        docs5 = {h.chunk.doc_id for h in ans.passages[:5]}
        row.update(
            {
                "hit@1": float(M.hit(quotes, item.answers, item.answers_all, 1)),
                "hit@3": float(M.hit(quotes, item.answers, item.answers_all, 3)),
                "short_em": M.exact_match(ans.short_answer, golds),
                "short_f1": M.f1(ans.short_answer, golds),
                "recall@1": float(rank is not None and rank <= 1),
                "recall@5": float(rank is not None and rank <= 5),
                "mrr@10": 1.0 / rank if rank else 0.0,
            }
        )
        if item.docs:
            row["doc_recall@5"] = float(bool(docs5 & set(item.docs)))
    return row


def aggregate(rows: list[dict]) -> dict:
    ans = [r for r in rows if r["type"] != "unanswerable" and "hit@1" in r]
    una = [r for r in rows if "hit@1" not in r]
    out = {
        k: M.mean([r[k] for r in ans if k in r])
        for k in ("hit@1", "hit@3", "short_em", "short_f1", "recall@1", "recall@5", "doc_recall@5", "mrr@10")
    }
    out["abstain_recall"] = M.mean([float(r["abstained"]) for r in una]) if una else float("nan")
    out["false_abstain"] = M.mean([float(r["abstained"]) for r in ans])
    lat = [r["latency_ms"] for r in rows]
    out["latency_p50_ms"] = M.percentile(lat, 50)
    out["latency_p95_ms"] = M.percentile(lat, 95)
    out["n"] = len(rows)
    return out


def summarize(rows: list[dict]) -> dict:
    by_type = {t: aggregate([r for r in rows if r["type"] == t]) for t in dict.fromkeys(r["type"] for r in rows)}
    by_split = {s: aggregate([r for r in rows if r["split"] == s]) for s in dict.fromkeys(r["split"] for r in rows)}
    for s, m in by_split.items():
        # the follow-up target holds per split too
        fu = [r["hit@1"] for r in rows if r["split"] == s and r["type"] == "followup" and "hit@1" in r]
        m["followup_hit@1"] = M.mean(fu) if fu else float("nan")
    return {"overall": aggregate(rows), "by_type": by_type, "by_split": by_split}


def evaluate(pipeline, items: list[GoldItem], configs: list[str], progress: bool = True) -> dict:
    from tqdm import tqdm

    pipeline.load()
    pipeline.answer(items[0].question)  # warm-up: latency is measured warm
    result: dict = {}
    for name in configs:
        rows = [
            run_item(pipeline, it, CONFIGS[name])
            for it in tqdm(items, desc=f"eval {name}", disable=not progress, file=sys.stderr)
        ]
        result[name] = {**summarize(rows), "rows": rows}
    return result


def _fmt(v: float, key: str) -> str:
    if v != v:  # nan: no such questions in this slice
        return "-"
    return f"{v:.0f}" if key.endswith("_ms") else f"{v:.3f}"


def table(result: dict, part: str = "overall", split: str | None = None) -> str:
    names = list(result)
    pick = (lambda r: r["by_split"].get(split, {})) if split else (lambda r: r[part])
    lines = [f"{'metric':<16}" + "".join(f"{n:>10}" for n in names)]
    lines += [
        f"{k:<16}" + "".join(f"{_fmt(pick(result[n]).get(k, float('nan')), k):>10}" for n in names) for k in HEADLINE
    ]
    if split:
        k = "followup_hit@1"
        lines.append(f"{k:<16}" + "".join(f"{_fmt(pick(result[n]).get(k, float('nan')), k):>10}" for n in names))
    lines.append(f"{'questions':<16}" + "".join(f"{int(pick(result[n]).get('n', 0)):>10}" for n in names))
    return "\n".join(lines)


def type_table(result: dict, metric: str = "hit@1") -> str:
    names = list(result)
    types = list(result[names[0]]["by_type"])
    lines = [f"{metric + ' by type':<16}" + "".join(f"{n:>10}" for n in names)]
    for t in types:
        m = "abstain_recall" if t == "unanswerable" else metric
        label = f"{t} ({'abstain' if t == 'unanswerable' else metric})"
        lines.append(
            f"{label[:16]:<16}" + "".join(f"{_fmt(result[n]['by_type'][t].get(m, float('nan')), m):>10}" for n in names)
        )
    return "\n".join(lines)


def chart(result: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    names = list(result)
    types = [t for t in result[names[0]]["by_type"]]
    x = np.arange(len(types))
    w = 0.8 / len(names)
    fig, ax = plt.subplots(figsize=(8, 4))
    for i, n in enumerate(names):
        vals = [result[n]["by_type"][t].get("abstain_recall" if t == "unanswerable" else "hit@1", 0) for t in types]
        ax.bar(x + i * w - 0.4 + w / 2, vals, w, label=n)
    ax.set_xticks(x, [f"{t}\n(abstain)" if t == "unanswerable" else t for t in types])
    ax.set_ylim(0, 1)
    ax.set_ylabel("hit@1")
    ax.set_title("hit@1 per question type (unanswerable: abstain recall)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def cmd_eval(args: argparse.Namespace, make_config: Callable) -> int:
    from .pipeline import Pipeline

    items = load_gold(Path(args.gold))
    if args.split:
        items = [it for it in items if it.split == args.split]
        if not items:
            raise GoldError(f"no questions with split {args.split!r} in {args.gold}")
    pipe = Pipeline(make_config(args))
    configs = list(CONFIGS) if args.compare else ["full"]
    result = evaluate(pipe, items, configs, progress=not args.json)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    png = out.with_suffix(".png") if args.compare else None
    if png:
        chart(result, png)
    report = {
        "gold": str(args.gold),
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "n": len(items),
        "configs": result,
        "chart": png.name if png else None,
    }
    out.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    if args.json:
        print(json.dumps({n: {k: v for k, v in r.items() if k != "rows"} for n, r in result.items()}, indent=1))
        return 0
    splits = list(result["full"]["by_split"])
    print(f"{args.gold}: {len(items)} questions")
    print(table(result))
    if len(splits) > 1:
        for s in splits:
            print(f"\nsplit {s}:")
            print(table(result, split=s))
    print()
    print(type_table(result))
    print(f"\nreport: {out}" + (f"  chart: {png}" if png else ""))
    return 0


def register(sub, common: Callable[[argparse.ArgumentParser], None]) -> None:
    from .cli import _config

    p = sub.add_parser("eval", help="score the system on a gold question file")
    common(p)
    p.add_argument("--gold", default="eval/gold.jsonl", help="gold JSONL file (default: eval/gold.jsonl)")
    p.add_argument("--json", action="store_true", help="print the metrics as JSON")
    p.add_argument("--out", default="eval/reports/latest.json", help="where to write the JSON report")
    p.add_argument("--compare", action="store_true", help="also run BM25-only and dense-only; write a PNG chart")
    p.add_argument("--split", default=None, help="only questions of this split (dev or test)")
    p.set_defaults(func=lambda a: cmd_eval(a, _config))
