"""`rag bench squad`: SQuAD-open. Every paragraph of a SQuAD dev file is a document
(its article title is the headline) and every question is asked against the whole
collection, so retrieval has to find the paragraph among thousands.

The paragraphs are indexed as Documents built directly from the JSON, not through the
article cleaner: the cleaner is written for web pages and would drop or cut SQuAD
paragraphs (it takes a paragraph mentioning "copyright" for page boilerplate, and
"Super_Bowl_50" is not a headline to it). Each paragraph is still written to a seeds
folder under the cache, as "title, blank line, paragraph", so the index's staleness
check has files to hash. The index is cached per file content, model and chunker, so
a second run starts at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
import random
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .batch_io import InputFileError

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


@dataclass
class SquadQuestion:
    qid: str
    question: str
    answers: list[str]
    impossible: bool
    gold_docs: set[str] = field(default_factory=set)  # paragraphs with the question's context
    article: str = ""  # the SQuAD title as in the file, e.g. "Super_Bowl_50"


@dataclass
class SquadSet:
    path: Path
    version: str
    sha256: str
    docs: list  # rag.records.Document, one per paragraph
    files: dict[str, bytes]  # doc_id -> bytes written to the cache seeds folder
    questions: list[SquadQuestion]


def _safe(title: str) -> str:
    return re.sub(r"[^\w().,'-]+", "_", title)[:80] or "untitled"


def load_squad(path: Path) -> SquadSet:
    """Parse a SQuAD v1.1 or v2.0 JSON file into paragraph Documents and questions."""
    from .records import Document

    path = Path(path)
    if not path.is_file():
        raise InputFileError(f"SQuAD file {path} does not exist: pass --data with a dev-v1.1.json or dev-v2.0.json")
    raw = path.read_bytes()
    try:
        data = json.loads(raw)
        articles = data["data"]
        assert isinstance(articles, list)
    except (ValueError, KeyError, TypeError, AssertionError):
        raise InputFileError(f"{path} is not a SQuAD file: expected JSON with a 'data' list of articles") from None
    docs, files, questions = [], {}, []
    by_text: dict[str, set[str]] = {}
    try:
        for ai, art in enumerate(articles):
            article = str(art.get("title") or f"article {ai}")
            title = article.replace("_", " ").strip()
            for pi, para in enumerate(art["paragraphs"]):
                context = para["context"]
                doc_id = f"{ai:03d}-{_safe(title)}/{pi:03d}.txt"
                body = f"{title}\n\n{context}\n".encode()
                files[doc_id] = body
                docs.append(Document(doc_id, context, title=title, sha256=hashlib.sha256(body).hexdigest()))
                # Identical paragraphs are indexed once; a question about either finds its gold.
                gold = by_text.setdefault(context.strip(), set())
                gold.add(doc_id)
                for qa in para["qas"]:
                    impossible = bool(qa.get("is_impossible"))
                    answers = list(dict.fromkeys(a["text"] for a in qa.get("answers", [])))
                    questions.append(SquadQuestion(str(qa["id"]), qa["question"], answers, impossible, gold, article))
    except (KeyError, TypeError, AttributeError) as e:
        raise InputFileError(f"{path} is not a SQuAD file: an article or paragraph lacks {e}") from None
    if not docs:
        raise InputFileError(f"{path} holds no paragraphs")
    version = str(data.get("version", "?")).lstrip("v")
    return SquadSet(path, version, hashlib.sha256(raw).hexdigest(), docs, files, questions)


def seeds_dir(sq: SquadSet, cache: Path) -> Path:
    """The cache folder holding this file's paragraphs as files (written if missing)."""
    seeds = Path(cache) / "squad" / sq.sha256[:16] / "seeds"
    _write_seeds(sq, seeds)
    return seeds


def _write_seeds(sq: SquadSet, seeds: Path) -> None:
    for doc_id, body in sq.files.items():
        p = seeds / doc_id
        if p.exists() and p.read_bytes() == body:
            continue
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_name(f".{p.name}.tmp")
        tmp.write_bytes(body)
        tmp.replace(p)


def build_index(sq: SquadSet, config, embedder, log: Callable[[str], None] = print, progress: bool = False):
    """Index the paragraphs as they are into config.index_dir. Returns (index, stats)."""
    from unittest import mock

    from . import index as rindex

    if "documents" in inspect.signature(rindex.build).parameters:
        return rindex.build(config, embedder, rebuild=True, log=log, progress=progress, documents=sq.docs)
    # build() reads its documents through corpus.iter_documents (the web-page cleaner);
    # hand it the paragraphs instead. Hook wanted: build(..., documents=...).
    with mock.patch.object(rindex, "iter_documents", lambda _seeds: iter(sq.docs)):
        return rindex.build(config, embedder, rebuild=True, log=log, progress=progress)


def prepare(sq: SquadSet, config, embedder, cache: Path, log: Callable[[str], None] = print, progress: bool = False):
    """The config (seeds and index under the cache) for this SQuAD file, with its index
    built unless a fresh one is cached. Returns (config, seconds spent building or 0)."""
    from .embed import resolve_model
    from .index import Index, IndexError_

    seeds = seeds_dir(sq, cache)
    root = seeds.parent
    key = json.dumps([resolve_model(config.model)[0], config.chunker_settings()], sort_keys=True)
    index_dir = root / f"index-{hashlib.sha256(key.encode()).hexdigest()[:10]}"
    cfg = config.with_(seeds_dir=seeds, index_dir=index_dir)
    try:
        reason = Index.load(index_dir).stale_reason(cfg)
    except IndexError_ as e:
        reason = str(e)
    if reason is None:
        return cfg, 0.0
    log(f"indexing {len(sq.docs):,} SQuAD paragraphs into {index_dir} (cached for the next run)")
    t0 = time.perf_counter()
    build_index(sq, cfg, embedder, log=log, progress=progress)
    return cfg, time.perf_counter() - t0


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


def evaluate(pipeline, questions: list[SquadQuestion], progress: bool = False, timed: int = LATENCY_SAMPLE) -> dict:
    """Ask every question in each mode; returns per-mode metrics.

    `timed` questions, spread evenly over the set, are answered exactly as `rag ask`
    would (each mode embeds its own query) and give the latency figures. The others
    get their query embeddings in batches, shared by the dense and full modes: the
    same vectors, a fraction of the encoder time on a large run."""
    from tqdm import tqdm

    from .batch import QueryCache
    from .metrics import any_contains, exact_match, f1, mean, percentile
    from .pipeline import QuestionError, clean_question

    stride = max(1, -(-len(questions) // timed)) if timed else 0
    acc = {n: {"rank": [], "hit1": [], "em": [], "f1": [], "ms": [], "abst_ans": [], "abst_imp": []} for n, _ in MODES}
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
                    if q.impossible:
                        a["abst_imp"].append(1.0 if ans is None or ans.abstained else 0.0)
                        continue
                    docs = ranked_docs(ans.passages) if ans else []
                    rank = next((j + 1 for j, d in enumerate(docs) if d in q.gold_docs), None)
                    a["rank"].append(rank)
                    top = ans.quotes[0].text if ans and ans.quotes else ""
                    a["hit1"].append(1.0 if top and any_contains(top, q.answers) else 0.0)
                    short = ans.short_answer if ans else None
                    a["em"].append(exact_match(short, q.answers))
                    a["f1"].append(f1(short, q.answers))
                    a["abst_ans"].append(1.0 if ans is None or ans.abstained else 0.0)
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


def sample(questions: list[SquadQuestion], limit: int | None, seed: int) -> list[SquadQuestion]:
    if not limit or limit >= len(questions):
        return list(questions)
    keep = set(random.Random(seed).sample(range(len(questions)), limit))
    return [q for i, q in enumerate(questions) if i in keep]  # file order, for stable reports


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
        f"full = {cfg}; recall over the top {report['depth']} passages; latency over "
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
