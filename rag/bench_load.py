"""`rag bench load`: the web UI under many conversations at once, and memory over many
questions.

Conversations (the default): ui.py's app is served on a free 127.0.0.1 port over the
real index, and N gradio_client conversations (default 20) run at once for S seconds
(default 60). Each repeats its own pair of questions (a question, then a follow-up that
leans on it), checks that the chat it gets back holds exactly its own turns with the
answers that pair gets in a private conversation, and clears. Reported: requests, errors,
mixed-up conversations, latency p50/p95/max of one question's round trip.

Memory (`--questions N`): N consecutive questions answered in this process through the
same Pipeline/Conversation as `rag ask` and the UI, with the resident set size (RSS) at
the start (after a warm-up), every 100 questions, and at the end.

The conversations run in rag/bench_load_ui.py; memory and the command are here.

Only the standard library is imported at module level so `rag --help` stays instant.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .bench_load_ui import question_pairs, run_conversations

WARMUP = 50  # questions answered before the memory baseline is taken


# --- memory over consecutive questions -----------------------------------------------
def rss_mb() -> float:
    """This process's resident set size in MB (Linux /proc; elsewhere the peak)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_memory(
    pipeline,
    questions: list[tuple[list[str], str]],
    n: int,
    every: int = 100,
    log: Callable[[str], None] = lambda s: None,
) -> dict:
    """Answer n questions in a row (cycling through `questions`, each (history, question),
    a fresh conversation per item and its history replayed, every answer counted) and
    sample RSS. The baseline is taken after a warm-up, when caches have filled."""
    from .pipeline import QuestionError

    def items():
        while True:
            yield from questions

    source = items()
    failures: list[str] = []

    def answer(count: int) -> int:
        done = 0
        while done < count:
            hist, q = next(source)
            conv = pipeline.conversation()
            for text in [*hist, q][: count - done]:
                try:
                    conv.ask(text)
                except QuestionError as e:
                    failures.append(f"{text[:60]!r}: {e}")
                done += 1
        return done

    pipeline.load()
    answer(min(WARMUP, n))
    samples = [(0, round(rss_mb(), 1))]
    t0 = time.perf_counter()
    done = 0
    while done < n:
        done += answer(min(every, n - done))
        samples.append((done, round(rss_mb(), 1)))
        log(f"{done} questions: RSS {samples[-1][1]:.1f} MB")
    wall = time.perf_counter() - t0
    start, end = samples[0][1], samples[-1][1]
    # Growth over the second half: a steady leak shows there, warm-up effects do not.
    mid = next(s for d, s in samples if d >= n // 2)
    return {
        "mode": "memory",
        "questions": n,
        "warmup": min(WARMUP, n),
        "seconds": round(wall, 1),
        "rss_start_mb": start,
        "rss_end_mb": end,
        "rss_growth_mb": round(end - start, 1),
        "rss_growth_second_half_mb": round(end - mid, 1),
        "rss_samples": samples,
        "failures": len(failures),
        "failure_samples": failures[:5],
    }


def gold_questions(gold: Path) -> list[tuple[list[str], str]]:
    items = [json.loads(line) for line in Path(gold).read_text("utf-8").splitlines() if line.strip()]
    return [(list(it.get("history") or []), it["question"]) for it in items]


# --- command line --------------------------------------------------------------------
def table(report: dict) -> str:
    if report["mode"] == "memory":
        return (
            f"{report['questions']} questions in {report['seconds']}s (after {report['warmup']} warm-up): "
            f"RSS {report['rss_start_mb']} MB at start, {report['rss_end_mb']} MB at end "
            f"({report['rss_growth_mb']:+} MB; {report['rss_growth_second_half_mb']:+} MB over the second half), "
            f"{report['failures']} failed"
        )
    lat = report["latency_ms"]
    return (
        f"{report['conversations']} conversations for {report['seconds']}s on {report['url']}: "
        f"{report['requests']} questions ({report['throughput_qps']}/s), {report['errors']} errors, "
        f"{report['mixed']} mixed; latency p50 {lat['p50']} ms, p95 {lat['p95']} ms, max {lat['max']} ms"
    )


def cmd_load(args: argparse.Namespace) -> int:
    from .cli import _config
    from .pipeline import Pipeline

    log = lambda s: print(s, file=sys.stderr)  # noqa: E731
    pipeline = Pipeline(_config(args), log=log)
    gold = Path(args.gold)
    if args.questions:
        report = run_memory(pipeline, gold_questions(gold), args.questions, log=log)
    else:
        pairs = question_pairs(gold, args.conversations)
        report = run_conversations(pipeline, pairs, args.seconds, log=log)
    print(table(report))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", "utf-8")
        print(f"wrote {args.json}")
    bad = report.get("errors", 0) + report.get("mixed", 0) + report.get("failures", 0)
    return 1 if bad else 0


def _seconds(text: str) -> float:
    try:
        n = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not 0 < n <= 3600:
        raise argparse.ArgumentTypeError(f"expected more than 0 and at most 3600 seconds, got {text}")
    return n


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 1 <= n <= 100_000:
        raise argparse.ArgumentTypeError(f"expected 1..100000, got {n}")
    return n


def register(sub, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Adds `load` under `rag bench` (registered by rag/bench.py), or creates `rag bench`."""
    bench = sub.choices.get("bench")
    if bench is None:
        bench = sub.add_parser("bench", help="benchmarks")
        bench.add_subparsers(dest="bench", required=True, metavar="BENCH")
    bsub = next(a for a in bench._actions if isinstance(a, argparse._SubParsersAction))
    s = bsub.add_parser(
        "load",
        help="the web UI under 20 concurrent conversations; memory over 1,000 questions",
        description="Serve the web UI on a free 127.0.0.1 port and run --conversations gradio_client "
        "conversations at once for --seconds, checking that none sees another's turns; reports errors and "
        "latency p50/p95. With --questions N, answer N questions in a row instead and report RSS at the "
        "start and the end. Exit code 1 on any error or mixed-up conversation.",
    )
    common(s)
    s.add_argument("--conversations", type=_positive, default=20, help="concurrent conversations (default 20)")
    s.add_argument("--seconds", type=_seconds, default=60.0, help="how long they run (default 60)")
    s.add_argument("--questions", type=_positive, default=None, help="memory mode: answer N questions in a row")
    s.add_argument("--gold", default="eval/gold.jsonl", help="where the questions come from")
    s.add_argument("--json", type=Path, default=None, help="also write the report as JSON here")
    s.set_defaults(func=cmd_load)
