"""`rag bench speed`: where the time goes, against the floor the model itself sets.

- build: index build throughput (chunks/s, everything from reading files to writing the
  index) against raw SentenceTransformer.encode (fp32, the library default) on the same
  chunk texts. The build embeds every sentence as well, at Config.precision (bf16 on
  CPUs with AMX); "build / encoder" compares it with the encoder alone on all of those
  texts at that precision, which says how much the machinery around the encoder costs.
- warm: answer latency over a question set against the time to embed the query alone.
- cold: `rag ask` as a fresh process (start to printed answer) and its peak RSS, plus
  `rag --help`.
Each is measured on the articles folder and, with --squad, on the SQuAD collection, to
show how cost grows with corpus size. Builds go to a temporary folder.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _clock(fn: Callable[[], object]) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result). CPU time is the steadier
    figure on a shared machine: waiting for a core does not count."""
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - w0, time.process_time() - c0, out


def _best(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best wall and best CPU time of `repeat` runs."""
    runs = [_clock(fn) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


# Starts the measured command and reports its time and peak RSS. It runs in a small
# process of its own because Linux carries a parent's RSS into a forked child's peak
# (ru_maxrss survives exec): started from this process, which holds a model and maybe
# the SQuAD index, `rag ask` would be charged for them.
_LAUNCHER = """
import json, os, subprocess, sys, time
t0 = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(p.pid, 0)
secs = time.perf_counter() - t0
print(json.dumps([secs, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)]), file=sys.stderr)
"""


def _child(cmd: list[str]) -> tuple[float, float, int, str]:
    """(seconds, peak RSS MiB, exit code, stdout) of one fresh process."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    p = subprocess.run([sys.executable, "-c", _LAUNCHER, *cmd], capture_output=True, env=env, check=False)
    try:
        secs, rss, rc = json.loads(p.stderr.decode("utf-8", "replace").strip().splitlines()[-1])
    except (IndexError, ValueError):
        return 0.0, 0.0, p.returncode or 1, p.stdout.decode("utf-8", "replace")
    return float(secs), float(rss), int(rc), p.stdout.decode("utf-8", "replace")


def _questions_from_gold(path: Path) -> list[tuple[str, list[str]]]:
    """(question, history) pairs from a gold JSONL file."""
    out = []
    if path.is_file():
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.append((row["question"], list(row.get("history") or [])))
    return out


def _pct(values: list[float], q: float) -> float:
    from .metrics import percentile

    return percentile(values, q)


def measure(
    label: str,
    cfg,
    embedder,
    questions: list[tuple[str, list[str]]],
    build: Callable,
    repeat: int,
    log: Callable[[str], None],
) -> dict:
    """All figures for one corpus; `build(cfg, embedder)` builds cfg.index_dir."""
    from .index import embed_text
    from .pipeline import Pipeline, clean_question
    from .retrieve import Retriever

    r: dict = {"corpus": label}
    embedder.encode(["warm up the encoder"])
    # Build: best of `repeat` for small corpora (noise), once for large ones (cost).
    log(f"[{label}] building the index")
    runs = []
    for i in range(repeat):
        runs.append(_clock(lambda: build(cfg, embedder)))
        if i == 0 and runs[0][2][1]["chunks"] > 1000:
            break  # a large build is measured once: it takes minutes
    build_s, build_cpu = min(x[0] for x in runs), min(x[1] for x in runs)
    index, stats = runs[-1][2]
    n = stats["chunks"]
    r.update(documents=stats["documents"], chunks=n, build_s=build_s, build_cpu_s=build_cpu)
    r["build_chunks_per_s"] = n / build_s
    r["sentences_embedded"] = stats.get("sentences_embedded", 0)
    # Raw encoder on exactly the chunk texts the build embeds, same batch size, as the
    # library runs it by default (fp32).
    texts = [embed_text(c, index.docs[c.doc_id].title) for c in index.chunks]
    model = embedder.model
    r["build_precision"] = embedder.document_precision

    def raw(ts: list[str]) -> None:
        model.encode(ts, batch_size=cfg.batch_size, normalize_embeddings=True, convert_to_numpy=True)

    tries = 1 if n > 1000 else repeat
    log(f"[{label}] raw encode of {n:,} chunk texts")
    raw_s, raw_cpu = _best(lambda: raw(texts), tries)
    r.update(raw_chunks_s=raw_s, raw_chunks_per_s=n / raw_s, build_ratio=raw_s / build_s)
    r["build_ratio_cpu"] = raw_cpu / build_cpu if build_cpu else 0.0
    if r["sentences_embedded"] and hasattr(index, "sentence_keys"):
        # The build also embeds every sentence: the encoder on chunks and sentences
        # together, at the build's precision, is the floor for the build as it stands.
        stexts = [index.docs[d].text[a:b] for d, a, b in index.sentence_keys]
        log(f"[{label}] raw encode of chunks + {len(stexts):,} sentences ({r['build_precision']})")
        bf16 = r["build_precision"] == "bf16"
        # the encoder call the build makes (Embedder.encode, at its precision), alone
        all_s, all_cpu = _best(lambda: embedder.encode(texts + stexts, batch_size=cfg.batch_size, bf16=bf16), tries)
        r.update(raw_all_s=all_s, build_ratio_all_texts=all_s / build_s)
        r["build_ratio_all_texts_cpu"] = all_cpu / build_cpu if build_cpu else 0.0

    # Warm latency against the query-embedding floor; per question the best of
    # `repeat` tries, so a moment of contention on a shared machine does not count.
    log(f"[{label}] warm latency over {len(questions)} questions x{repeat}")
    pipe = Pipeline(cfg, embedder, log=lambda s: None)
    idx = pipe.load(auto_build=False)
    retr = Retriever(idx, embedder, cfg)
    for q, _ in questions[:3]:
        pipe.answer(q)  # first calls build BM25 and warm caches
        retr.search(q, k=max(cfg.k, cfg.candidates), qvec=embedder.encode_query(q))
    lat, floor, search, rest = [], [], [], []
    for q, history in questions:
        best = [float("inf")] * 3
        for _ in range(repeat):
            conv = pipe.conversation()
            conv.replay(history)
            t0 = time.perf_counter()
            ans = conv.ask(q)
            t1 = time.perf_counter()
            query = ans.resolved_question or clean_question(q, cfg.max_question_chars)
            qvec = embedder.encode_query(query)
            t2 = time.perf_counter()
            retr.search(query, k=max(cfg.k, cfg.candidates), qvec=qvec)
            t3 = time.perf_counter()
            best = [min(b, x * 1000) for b, x in zip(best, (t1 - t0, t2 - t1, t3 - t2))]
        lat.append(best[0])
        floor.append(best[1])
        search.append(best[2])
        rest.append(max(0.0, best[0] - best[1] - best[2]))
    r.update(
        questions=len(questions),
        warm_p50_ms=_pct(lat, 50),
        warm_p95_ms=_pct(lat, 95),
        floor_p50_ms=_pct(floor, 50),
        floor_p95_ms=_pct(floor, 95),
        retrieve_p50_ms=_pct(search, 50),
        rest_p50_ms=_pct(rest, 50),
    )
    r["warm_over_floor"] = r["warm_p50_ms"] / r["floor_p50_ms"] if r["floor_p50_ms"] else 0.0

    # Cold start: a fresh `rag ask` process against this index. `rag ask` has no
    # chunker options: with other chunker settings it would find this index stale and
    # rebuild it (through the article cleaner), which is not a cold start.
    from .config import Config

    if cfg.chunker_settings() != Config().chunker_settings():
        log(f"[{label}] cold start skipped: `rag ask` cannot be given these chunker settings")
        return r
    q0 = questions[0][0] if questions else "What happened?"
    cmd = [sys.executable, "-m", "rag.cli", "ask", q0, "--index", str(cfg.index_dir), "--seeds", str(cfg.seeds_dir)]
    cmd += ["--model", cfg.model]
    log(f"[{label}] cold start of rag ask x{repeat}")
    runs = [_child(cmd) for _ in range(repeat)]
    bad = [x for x in runs if x[2] != 0]
    if bad:
        log(f"[{label}] rag ask exited {bad[0][2]}")
    r.update(
        cold_ask_s=min(x[0] for x in runs),
        cold_ask_rss_mib=max(x[1] for x in runs),
        cold_ask_ok=not bad,
    )
    return r


def run(
    cfg,
    gold: Path,
    squad: Path | None,
    cache: Path,
    squad_questions: int = 300,
    repeat: int = 3,
    log: Callable[[str], None] = print,
) -> dict:
    from . import squad as squadset
    from .embed import Embedder
    from .index import build as build_index

    report: dict = {"batch_size": cfg.batch_size, "model": cfg.model, "cpus": os.cpu_count()}
    report["load_average_start"] = [round(x, 2) for x in os.getloadavg()]
    helps = [_child([sys.executable, "-m", "rag.cli", "--help"]) for _ in range(repeat)]
    report["help_s"] = min(h[0] for h in helps)
    t0 = time.perf_counter()
    embedder = Embedder(cfg.model, cfg.batch_size, cfg.precision)
    embedder.model  # noqa: B018 - loading is measured on its own
    report["model_load_s"] = time.perf_counter() - t0
    results = []
    with tempfile.TemporaryDirectory(prefix="rag-speed-") as tmp:
        c = cfg.with_(index_dir=Path(tmp) / "articles")
        results.append(
            measure(
                str(cfg.seeds_dir),
                c,
                embedder,
                _questions_from_gold(gold),
                lambda cf, em: build_index(cf, em, rebuild=True),
                repeat,
                log,
            )
        )
        if squad is not None:
            sq = squadset.load_squad(squad)
            scfg = cfg.with_(seeds_dir=squadset.seeds_dir(sq, cache), index_dir=Path(tmp) / "squad")
            qs = [(q.question, []) for q in squadset.sample(sq.questions, squad_questions, 0)]
            results.append(
                measure(
                    f"SQuAD v{sq.version}",
                    scfg,
                    embedder,
                    qs,
                    lambda cf, em: squadset.build_index(sq, cf, em, log=lambda s: None),
                    repeat,
                    log,
                )
            )
    report["corpora"] = results
    report["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report["load_average"] = [round(x, 2) for x in os.getloadavg()]
    return report


ROWS = [
    ("documents", "documents", "{:,}"),
    ("chunks", "chunks", "{:,}"),
    ("sentences embedded", "sentences_embedded", "{:,}"),
    ("build s", "build_s", "{:.2f}"),
    ("build chunks/s", "build_chunks_per_s", "{:.1f}"),
    ("raw encode chunks/s", "raw_chunks_per_s", "{:.1f}"),
    ("build / raw", "build_ratio", "{:.3f}"),
    ("build / raw, CPU time", "build_ratio_cpu", "{:.3f}"),
    ("build precision", "build_precision", "{}"),
    ("build / encoder (all texts)", "build_ratio_all_texts", "{:.3f}"),
    ("  same, CPU time", "build_ratio_all_texts_cpu", "{:.3f}"),
    ("warm p50 ms", "warm_p50_ms", "{:.1f}"),
    ("warm p95 ms", "warm_p95_ms", "{:.1f}"),
    ("query embed p50 ms", "floor_p50_ms", "{:.1f}"),
    ("retrieve p50 ms", "retrieve_p50_ms", "{:.1f}"),
    ("extract+rest p50 ms", "rest_p50_ms", "{:.1f}"),
    ("warm p50 / floor", "warm_over_floor", "{:.2f}"),
    ("cold rag ask s", "cold_ask_s", "{:.2f}"),
    ("cold rag ask RSS MiB", "cold_ask_rss_mib", "{:.0f}"),
]
TARGETS = {"build_ratio": ">= 0.95", "warm_over_floor": "<= 1.50"}


def table(report: dict) -> str:
    cols = report["corpora"]
    width = max(14, *(len(c["corpus"]) + 2 for c in cols))
    lines = [f"{'':<28}" + "".join(f"{c['corpus']:>{width}}" for c in cols) + "   target"]
    for label, key, fmt in ROWS:
        if not any(key in c for c in cols):
            continue
        vals = "".join(f"{(fmt.format(c[key]) if key in c else '-'):>{width}}" for c in cols)
        lines.append(f"{label:<28}{vals}   {TARGETS.get(key, '')}".rstrip())
    lines.append(
        f"rag --help {report['help_s']:.2f}s; model load {report['model_load_s']:.2f}s; "
        f"peak RSS of this run {report['peak_rss_mib']:.0f} MiB; batch size {report['batch_size']}; "
        f"{report['cpus']} CPUs; load average at the end {report['load_average'][0]:.1f}"
    )
    return "\n".join(lines)
