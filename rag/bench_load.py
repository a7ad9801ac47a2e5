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

Only the standard library is imported at module level so `rag --help` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import re
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

WARMUP = 50  # questions answered before the memory baseline is taken
_LATENCY = re.compile(r'<span class="rag-latency">[^<]*</span>')


# --- shared --------------------------------------------------------------------------
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


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil
    return ordered[int(rank) - 1]


def question_pairs(gold: Path, n: int) -> list[tuple[str, str]]:
    """n distinct (question, follow-up) pairs: the gold file's follow-ups with the question
    before them first, then consecutive plain questions paired up."""
    items = [json.loads(line) for line in Path(gold).read_text("utf-8").splitlines() if line.strip()]
    pairs: list[tuple[str, str]] = []
    for it in items:
        hist = it.get("history") or []
        if hist and (hist[-1], it["question"]) not in pairs:
            pairs.append((hist[-1], it["question"]))
    plain = [it["question"] for it in items if not it.get("history")]
    for a, b in zip(plain[0::2], plain[1::2]):
        pairs.append((a, b))
    if len(pairs) < n:
        raise ValueError(f"{gold} gives only {len(pairs)} distinct question pairs, {n} asked for")
    return pairs[:n]


def _ui_module():
    """ui.py sits next to the package in the repository, not inside it."""
    try:
        return importlib.import_module("ui")
    except ModuleNotFoundError:
        path = Path(__file__).resolve().parent.parent / "ui.py"
        if not path.is_file():
            raise FileNotFoundError(f"ui.py not found next to the rag package ({path})") from None
        spec = importlib.util.spec_from_file_location("ui", path)
        mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        sys.modules["ui"] = mod
        spec.loader.exec_module(mod)  # type: ignore[union-attr]
        return mod


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _text(message: dict) -> str:
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(c.get("text", "") for c in content if isinstance(c, dict))


# --- conversations against the running UI --------------------------------------------
def run_conversations(
    pipeline,
    pairs: list[tuple[str, str]],
    seconds: float,
    report: Path | None = None,
    log: Callable[[str], None] = lambda s: None,
) -> dict:
    """Serve the app on 127.0.0.1 and run one conversation per pair, all at once, each
    repeating ask, follow-up, check, clear until `seconds` have passed."""
    from gradio_client import Client

    from .render import answer_html

    ui = _ui_module()
    threshold = pipeline.config.abstain_threshold
    # What each pair gets in a private conversation: the reference for "no mixing".
    expected = []
    for q, f in pairs:
        conv = pipeline.conversation()
        expected.append([_LATENCY.sub("", answer_html(conv.ask(x), False, threshold)) for x in (q, f)])
    demo = ui.build_app(pipeline, report or Path("eval/reports/latest.json"))
    url = ui.launch(demo, "127.0.0.1", _free_port(), quiet=True)
    if not url.startswith("http://127.0.0.1:"):
        raise RuntimeError(f"the app is not on loopback: {url}")
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []
    mixed: list[str] = []
    rounds = [0] * len(pairs)
    try:
        clients = [Client(url, verbose=False) for _ in pairs]
        start = threading.Barrier(len(pairs))
        deadline: list[float] = []

        def worker(i: int) -> None:
            q, f = pairs[i]
            client = clients[i]
            if start.wait() == 0:
                deadline.append(time.monotonic() + seconds)
            start.wait()  # every worker sees the deadline
            while time.monotonic() < deadline[0]:
                for turn, text in enumerate((q, f)):
                    t0 = time.perf_counter()
                    try:
                        _, chat, _ = client.predict(text, 5, False, api_name="/ask")
                    except Exception as e:  # noqa: BLE001 - counted, the run goes on
                        with lock:
                            errors.append(f"conversation {i}: {type(e).__name__}: {e}")
                        break
                    dt = (time.perf_counter() - t0) * 1000
                    got = [(m["role"], _text(m)) for m in chat]
                    want_roles = ["user", "assistant"] * (turn + 1)
                    problem = None
                    if [r for r, _ in got] != want_roles:
                        problem = f"{len(got)} messages after turn {turn + 1}"
                    elif 'class="rag-error"' in got[-1][1]:
                        problem = f"error answer: {got[-1][1][:200]}"
                    elif any(_LATENCY.sub("", got[2 * t + 1][1]) != expected[i][t] for t in range(turn + 1)):
                        problem = "an answer differs from the private conversation's"
                    with lock:
                        latencies.append(dt)
                        if problem and problem.startswith("error answer"):
                            errors.append(f"conversation {i}: {problem}")
                        elif problem:
                            mixed.append(f"conversation {i}: {problem}")
                try:
                    client.predict(api_name="/clear")
                except Exception as e:  # noqa: BLE001
                    with lock:
                        errors.append(f"conversation {i}: clear: {type(e).__name__}: {e}")
                rounds[i] += 1

        threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(len(pairs))]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
    finally:
        demo.close()
    return {
        "mode": "conversations",
        "url": url,
        "conversations": len(pairs),
        "seconds": round(wall, 1),
        "requests": len(latencies),
        "rounds": sum(rounds),
        "errors": len(errors),
        "mixed": len(mixed),
        "error_samples": errors[:5],
        "mixed_samples": mixed[:5],
        "latency_ms": {
            "p50": round(percentile(latencies, 50), 1),
            "p95": round(percentile(latencies, 95), 1),
            "max": round(max(latencies, default=0.0), 1),
            "mean": round(sum(latencies) / len(latencies), 1) if latencies else 0.0,
        },
        "throughput_qps": round(len(latencies) / wall, 2) if wall else 0.0,
    }


# --- memory over consecutive questions -----------------------------------------------
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
