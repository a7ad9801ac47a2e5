"""`rag eval-reader`: the heuristic answer and the same answer with the trained reader
applied (rag/reader.py), side by side in one run, on

- eval/gold.jsonl (per split), scored like `rag eval` (rag.evaluate.summarize/table);
- SQuAD-open over the held-out articles only (rag.reader_data.HELDOUT_TITLES): their
  paragraphs are indexed as documents (cached like `rag bench squad`) and every question
  is asked against that collection, scored like `rag bench squad`;
- optionally the held-out articles with the gold paragraph given (reader alone, EM/F1).

Both columns come from one retrieval and one heuristic answer per question, so the
difference is the reader alone; the reader column's latency includes the heuristic's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from . import metrics as M


def run_gold(pipeline, items, reader, settings=None, progress: bool = False) -> dict:
    from tqdm import tqdm

    from .evaluate import score_answer, summarize
    from .reader_apply import apply_reader

    pipeline.load()
    first = pipeline.answer(items[0].question)  # warm-up: latency is measured warm
    apply_reader(first, items[0].question, pipeline.index, reader, pipeline.config, settings)
    rows: dict[str, list[dict]] = {"heuristic": [], "reader": []}
    for it in tqdm(items, desc="gold", disable=not progress, file=sys.stderr):
        conv = pipeline.conversation()
        for h in it.history:
            conv.ask(h)
        t0 = time.perf_counter()
        ans = conv.ask(it.question, k=10)
        t1 = time.perf_counter()
        r_ans = apply_reader(ans, it.question, pipeline.index, reader, pipeline.config, settings)
        t2 = time.perf_counter()
        rows["heuristic"].append(score_answer(it, ans, (t1 - t0) * 1000))
        rows["reader"].append(score_answer(it, r_ans, (t2 - t0) * 1000))
    return {name: {**summarize(r), "rows": r} for name, r in rows.items()}


def heldout_set(path: Path):
    """The SQuAD file restricted to the held-out titles (documents and questions)."""
    from .reader_data import HELDOUT_TITLES
    from .squad import load_squad

    sq = load_squad(path)
    held = {t.replace("_", " ").strip() for t in HELDOUT_TITLES}
    docs = [d for d in sq.docs if d.title in held]
    keep = {d.doc_id for d in docs}
    questions = [q for q in sq.questions if q.gold_docs & keep]
    files = {k: v for k, v in sq.files.items() if k in keep}
    sha = hashlib.sha256((sq.sha256 + "|heldout|" + ",".join(sorted(held))).encode()).hexdigest()
    return replace(sq, docs=docs, files=files, questions=questions, sha256=sha)


def run_squad(
    path: Path,
    config,
    embedder,
    reader,
    cache: Path,
    limit: int | None,
    seed: int,
    settings=None,
    progress=False,
    log=print,
) -> dict:
    from tqdm import tqdm

    from .bench_squad import DEPTH, new_tally, record
    from .pipeline import Pipeline, QuestionError
    from .reader_apply import apply_reader
    from .squad import prepare, sample

    sq = heldout_set(path)
    cfg, _ = prepare(sq, config, embedder, cache, log=log)
    pipe = Pipeline(cfg, embedder, log=log)
    index = pipe.load(auto_build=False)
    qs = sample(sq.questions, limit, seed)
    warm = pipe.answer(qs[0].question, k=DEPTH)
    apply_reader(warm, qs[0].question, index, reader, cfg, settings)
    acc = {n: new_tally() for n in ("heuristic", "reader")}
    for q in tqdm(qs, desc=f"squad {path.name}", disable=not progress, file=sys.stderr):
        t0 = time.perf_counter()
        try:
            ans = pipe.answer(q.question, k=DEPTH)
        except QuestionError:
            ans = None
        t1 = time.perf_counter()
        r_ans = apply_reader(ans, q.question, index, reader, cfg, settings) if ans else None
        t2 = time.perf_counter()
        for name, a_, ms in (("heuristic", ans, t1 - t0), ("reader", r_ans, t2 - t0)):
            a = acc[name]
            if a_:
                a["ms"].append(ms * 1000)
            record(a, q, a_)
    out = {}
    for name, a in acc.items():
        m = {f"recall@{k}": M.mean([1.0 if r and r <= k else 0.0 for r in a["rank"]]) for k in (1, 5)}
        m["hit@1"] = M.mean(a["hit1"])
        m["short_em"] = M.mean(a["em"])
        m["short_f1"] = M.mean(a["f1"])
        m["false_abstain"] = M.mean(a["abst_ans"])
        m["abstain_recall"] = M.mean(a["abst_imp"]) if a["abst_imp"] else float("nan")
        m["latency_p50_ms"] = M.percentile(a["ms"], 50)
        m["latency_p95_ms"] = M.percentile(a["ms"], 95)
        out[name] = m
    return {
        "data": str(path),
        "paragraphs": len(sq.docs),
        "questions_heldout": len(sq.questions),
        "questions": len(qs),
        "answerable": sum(not q.impossible for q in qs),
        "seed": seed,
        "modes": out,
    }


KEYS = ("hit@1", "short_em", "short_f1", "abstain_recall", "false_abstain", "latency_p50_ms", "latency_p95_ms")


def side_by_side(cols: dict[str, dict], keys=KEYS) -> str:
    names = list(cols)
    lines = [f"{'metric':<16}" + "".join(f"{n:>11}" for n in names)]
    for k in keys:
        vals = []
        for n in names:
            v = cols[n].get(k, float("nan"))
            vals.append(f"{'-':>11}" if v != v else f"{v:>11.0f}" if k.endswith("_ms") else f"{v:>11.3f}")
        lines.append(f"{k:<16}" + "".join(vals))
    return "\n".join(lines)


def cmd_eval_reader(args: argparse.Namespace, make_config: Callable) -> int:
    from .embed import Embedder
    from .evaluate import load_gold
    from .pipeline import Pipeline
    from .reader import Reader

    log = lambda s: print(s, file=sys.stderr)  # noqa: E731
    reader = Reader(args.reader_dir) if args.reader_dir else Reader()
    cfg = make_config(args)
    embedder = Embedder(cfg.model, cfg.batch_size, cfg.precision)
    report: dict = {"created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "reader": str(reader.model_dir)}
    text: list[str] = []
    if args.gold:
        items = load_gold(Path(args.gold))
        res = run_gold(Pipeline(cfg, embedder, log=log), items, reader, progress=not args.no_progress)
        report["gold"] = {n: {k: v for k, v in r.items() if k != "rows"} for n, r in res.items()}
        report["gold_rows"] = {n: r["rows"] for n, r in res.items()}
        for split in res["heuristic"]["by_split"]:
            text.append(f"\n{args.gold} split {split} (n={res['heuristic']['by_split'][split]['n']}):")
            text.append(side_by_side({n: r["by_split"][split] for n, r in res.items()}))
        text.append(f"\n{args.gold} all (n={res['heuristic']['overall']['n']}):")
        text.append(side_by_side({n: r["overall"] for n, r in res.items()}))
    for path in args.squad or []:
        rep = run_squad(
            Path(path),
            cfg,
            embedder,
            reader,
            Path(args.cache),
            args.limit,
            args.seed,
            progress=not args.no_progress,
            log=log,
        )
        report.setdefault("squad", {})[Path(path).name] = rep
        text.append(
            f"\nSQuAD-open, held-out articles of {Path(path).name}: {rep['paragraphs']} paragraphs, "
            f"{rep['questions']} of {rep['questions_heldout']} questions (seed {rep['seed']}), {rep['answerable']} answerable"
        )
        text.append(side_by_side(rep["modes"], ("recall@1", "recall@5", *KEYS)))
    if args.gold_paragraph:
        from .reader_heldout import evaluate_heldout

        report["gold_paragraph"] = evaluate_heldout(reader.model_dir, [Path(p) for p in args.gold_paragraph], log=log)
        text.append("\nheld-out articles, gold paragraph given (reader alone):")
        for name, r in report["gold_paragraph"].items():
            text.append(f"  {name}: " + ", ".join(f"{k} {v}" for k, v in r.items()))
    print("\n".join(text).lstrip())
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(report, indent=1, ensure_ascii=False))
        print(f"\nreport: {args.out}")
    return 0


def register(sub, common: Callable[[argparse.ArgumentParser], None]) -> None:
    from .cli import _config

    p = sub.add_parser("eval-reader", help="heuristic vs trained reader, side by side (gold file and held-out SQuAD)")
    common(p)
    p.add_argument("--gold", default="eval/gold.jsonl", help="gold JSONL ('' to skip)")
    p.add_argument("--squad", nargs="*", default=None, help="SQuAD dev files: SQuAD-open over their held-out articles")
    p.add_argument(
        "--gold-paragraph", nargs="*", default=None, help="SQuAD dev files: held-out EM/F1 with the gold paragraph"
    )
    p.add_argument("--limit", type=int, default=None, help="a seeded sample of N held-out questions per SQuAD file")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--cache", default=".cache", help="where the held-out SQuAD indexes go (default .cache)")
    p.add_argument("--reader-dir", default=None, help="reader model folder (default: the shipped rag/reader_model)")
    p.add_argument("--out", default=None, help="write the JSON report here")
    p.add_argument("--no-progress", action="store_true")
    p.set_defaults(func=lambda a: cmd_eval_reader(a, _config))
