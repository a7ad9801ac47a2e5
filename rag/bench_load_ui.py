"""`rag bench load`, conversations mode (the default; rag/bench_load.py holds the command):
ui.py's app served on a free 127.0.0.1 port over the real index, N gradio_client
conversations at once, each checking that it sees only its own turns.

Only the standard library is imported at module level so `rag --help` stays instant.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

_LATENCY = re.compile(r'<span class="rag-latency">[^<]*</span>')


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
