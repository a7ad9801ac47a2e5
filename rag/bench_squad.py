"""`rag bench squad`: SQuAD-open. Every paragraph of a SQuAD dev file is a document
(its article title is the headline) and every question is asked against the whole
collection, so retrieval has to find the paragraph among thousands. BM25 only, dense
only and the full system answer each question (each through the whole pipeline, so
the top passages of every column are reordered by the sentence scorer); the collection
and its cached index come from rag/squad.py.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .batch_input import InputFileError
from .squad import SquadQuestion, load_squad, prepare, sample

# name in the report -> `mode` passed to Pipeline.answer (None: the configured system)
MODES = (("bm25", "bm25"), ("dense", "dense"), ("full", None))
# Passages asked for per question: enough distinct paragraphs for recall@20 after
# near-duplicate merging and paragraphs split into several chunks.
DEPTH = 40
TARGETS = {"recall@1": 0.85, "recall@5": 0.96, "hit@1": 0.65}
# Questions answered one at a time, as `rag ask` would, for the latency figures.
LATENCY_SAMPLE = 500
# Questions whose embeddings are computed in one encoder call.
WINDOW = 64


def _doc_of(chunk_id: str) -> str:
    return chunk_id.rsplit("#", 1)[0]


def ranked_docs(passages) -> list[str]:
    """Distinct paragraphs in rank order; a near-duplicate merged into a hit counts at its rank."""
    out: dict[str, None] = {}
    for h in passages:
        out.setdefault(h.chunk.doc_id, None)
        for cid in h.duplicates:
            out.setdefault(_doc_of(cid), None)
    return list(out)


def new_tally() -> dict[str, list]:
    """Per-configuration lists that `record` fills."""
    return {k: [] for k in ("rank", "hit1", "em", "f1", "ms", "abst_ans", "abst_imp")}


def record(a: dict[str, list], q: SquadQuestion, ans) -> None:
    """One answer (None: the question was refused) into a tally: abstention for an
    unanswerable question; paragraph rank, hit@1, short EM/F1 and abstention otherwise."""
    from .metrics import any_contains, exact_match, f1

    if q.impossible:
        a["abst_imp"].append(1.0 if ans is None or ans.abstained else 0.0)
        return
    docs = ranked_docs(ans.passages) if ans else []
    a["rank"].append(next((j + 1 for j, d in enumerate(docs) if d in q.gold_docs), None))
    top = ans.quotes[0].text if ans and ans.quotes else ""
    a["hit1"].append(1.0 if top and any_contains(top, q.answers) else 0.0)
    short = ans.short_answer if ans else None
    a["em"].append(exact_match(short, q.answers))
    a["f1"].append(f1(short, q.answers))
    a["abst_ans"].append(1.0 if ans is None or ans.abstained else 0.0)


def evaluate(pipeline, questions: list[SquadQuestion], progress: bool = False, timed: int = LATENCY_SAMPLE) -> dict:
    """Ask every question in each mode; returns per-mode metrics.

    `timed` questions, spread evenly over the set, are answered exactly as `rag ask`
    would (each mode embeds its own query) and give the latency figures. The others
    get their query embeddings in batches, shared by the dense and full modes: the
    same vectors, a fraction of the encoder time on a large run."""
    from tqdm import tqdm

    from .batch import QueryCache
    from .metrics import mean, percentile
    from .pipeline import QuestionError, clean_question

    stride = max(1, -(-len(questions) // timed)) if timed else 0
    acc = {n: new_tally() for n, _ in MODES}
    errors = 0
    real = pipeline.embedder
    cache = QueryCache(real)
    max_chars = pipeline.config.max_question_chars
    for _, mode in MODES if questions else ():
        # The first answer of each mode builds BM25 and warms the encoder: not a latency.
        with contextlib.suppress(QuestionError):
            pipeline.answer(questions[0].question, k=DEPTH, mode=mode)
    bar = tqdm(total=len(questions), desc="asking", unit="q", file=sys.stderr, disable=not progress)
    try:
        for w in range(0, len(questions), WINDOW):
            window = list(enumerate(questions[w : w + WINDOW], w))
            todo = []
            for _, q in window:
                try:
                    todo.append(clean_question(q.question, max_chars))
                except QuestionError:
                    pass
            cache.vectors = dict(zip(todo, real.encode(todo))) if todo else {}
            for i, q in window:
                is_timed = bool(stride) and i % stride == 0
                pipeline.embedder = real if is_timed else cache
                for name, mode in MODES:
                    a = acc[name]
                    try:
                        ans = pipeline.answer(q.question, k=DEPTH, mode=mode)
                    except QuestionError:
                        errors += 1
                        ans = None
                    if ans is not None and is_timed:
                        a["ms"].append(ans.latency_ms)
                    record(a, q, ans)
                bar.update(1)
    finally:
        pipeline.embedder = real
        bar.close()
    out = {}
    for name, _ in MODES:
        a = acc[name]
        ranks = a["rank"]
        m = {f"recall@{k}": mean([1.0 if r and r <= k else 0.0 for r in ranks]) for k in (1, 5, 20)}
        m["mrr@10"] = mean([1.0 / r if r and r <= 10 else 0.0 for r in ranks])
        m["hit@1"] = mean(a["hit1"])
        m["short_em"] = mean(a["em"])
        m["short_f1"] = mean(a["f1"])
        m["false_abstain"] = mean(a["abst_ans"])
        if a["abst_imp"]:
            m["abstain_recall"] = mean(a["abst_imp"])
        m["latency_p50_ms"] = percentile(a["ms"], 50)
        m["latency_p95_ms"] = percentile(a["ms"], 95)
        out[name] = m
    out["_errors"] = errors
    out["_timed"] = len(acc["full"]["ms"])
    return out


ROWS = [
    ("recall@1", "recall@1"),
    ("recall@5", "recall@5"),
    ("recall@20", "recall@20"),
    ("mrr@10", "mrr@10"),
    ("hit@1", "hit@1"),
    ("short EM", "short_em"),
    ("short F1", "short_f1"),
    ("false_abstain", "false_abstain"),
    ("abstain_recall", "abstain_recall"),
    ("latency p50 ms", "latency_p50_ms"),
    ("latency p95 ms", "latency_p95_ms"),
]


def table(report: dict) -> str:
    """The report as a fixed-width table: one column per configuration."""
    modes = report["modes"]
    names = [n for n, _ in MODES]
    head = (
        f"SQuAD-open v{report['version']} ({Path(report['data']).name}): {report['paragraphs']:,} paragraphs as "
        f"documents ({report['chunks']:,} chunks); {report['questions']:,} of {report['questions_in_file']:,} "
        f"questions (seed {report['seed']}), {report['answerable']:,} answerable"
    )
    if report.get("titles"):
        head += f"; questions of {len(report['titles'])} articles only"
    lines = [head, f"{'metric':<16}" + "".join(f"{n:>9}" for n in names) + "   target (full)"]
    for label, key in ROWS:
        if key not in modes["full"]:
            continue
        ms = key.endswith("_ms")
        vals = "".join(f"{modes[n][key]:>9.1f}" if ms else f"{modes[n][key]:>9.3f}" for n in names)
        target = TARGETS.get(key)
        mark = ""
        if target is not None:
            mark = f"   >= {target:.2f} " + ("ok" if modes["full"][key] >= target else "MISSED")
        lines.append(f"{label:<16}{vals}{mark}")
    cfg = ", ".join(f"{k}={v}" for k, v in report["config"].items())
    lines.append(
        f"full = {cfg}; bm25/dense = that retriever alone; every column's top "
        f"passages reordered by their best sentence; recall over the top {report['depth']} passages; latency over "
        f"{report['latency_questions']:,} questions asked one at a time; {report['errors']} question errors"
    )
    return "\n".join(lines)


def run(
    data: Path,
    config,
    embedder,
    cache: Path,
    limit: int | None = None,
    seed: int = 0,
    progress: bool = False,
    log: Callable[[str], None] = print,
    titles: list[str] | None = None,
) -> dict:
    """Index (or reuse) and evaluate; returns the JSON report. With `titles`, only the
    questions of those articles are asked (e.g. articles a model was not trained on);
    the collection searched is still every paragraph."""
    from .pipeline import Pipeline

    t0 = time.perf_counter()
    sq = load_squad(data)
    cfg, build_s = prepare(sq, config, embedder, cache, log=log, progress=progress)
    pipe = Pipeline(cfg, embedder, log=log)
    index = pipe.load(auto_build=False)
    pool = sq.questions
    if titles:
        wanted = {t.strip() for t in titles if t.strip()}
        known = {q.article for q in pool}
        if wanted - known:
            raise InputFileError(f"{data} has no article titled {', '.join(sorted(wanted - known))}")
        pool = [q for q in pool if q.article in wanted]
    qs = sample(pool, limit, seed)
    ready_s = time.perf_counter() - t0
    res = evaluate(pipe, qs, progress=progress)
    errors = res.pop("_errors")
    timed = res.pop("_timed")
    return {
        "data": str(data),
        "version": sq.version,
        "sha256": sq.sha256,
        "paragraphs": len(sq.docs),
        "chunks": len(index.chunks),
        "questions_in_file": len(sq.questions),
        "titles": sorted(set(titles)) if titles else None,
        "questions": len(qs),
        "answerable": sum(not q.impossible for q in qs),
        "seed": seed,
        "depth": DEPTH,
        "config": {
            "mode": cfg.mode,
            "fusion": cfg.fusion,
            "alpha": cfg.alpha,
            "chunk_tokens": cfg.chunk_tokens,
            "chunk_overlap": cfg.chunk_overlap,
        },
        "index_built_seconds": round(build_s, 1),
        "ready_seconds": round(ready_s, 1),
        "total_seconds": round(time.perf_counter() - t0, 1),
        "errors": errors,
        "latency_questions": timed,
        "targets": TARGETS,
        "modes": res,
    }
