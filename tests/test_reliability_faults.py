"""Faults: `rag index` killed with SIGKILL while it works, two builds at once, the UI
answering while the index is rebuilt under it, and the load/memory bench in small.

Builds run as real `rag index` processes on private copies of the articles."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rag.config import Config
from rag.index import Index, IndexError_, build
from rag.index_store import MANIFEST, build_lock
from rag.pipeline import Pipeline

from .conftest import GT_FILE, GT_QUESTION, REPO, SEEDS

ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
QUESTIONS = [GT_QUESTION, "Which visit to China is this for Kim?", "What did Lu Kang say?"]
NEW_ARTICLE_FILE = "900_observatory.txt"
NEW_ARTICLE = (
    "Lake Ossel Observatory Opens To The Public\n\n"
    "The Lake Ossel observatory opened its new telescope to visitors on Saturday after three years of work.\n\n"
    "Director Mira Quenby said the telescope would be free to use for schools every Tuesday afternoon.\n"
)
NEW_QUESTION = "Who is the director of the Lake Ossel observatory?"


def rag_index(cfg: Config, *extra: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "rag.cli", "index", "--seeds", str(cfg.seeds_dir), "--index", str(cfg.index_dir)]
    return subprocess.Popen(
        [*cmd, *extra], cwd=REPO, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def answers(cfg: Config, embedder) -> list[dict]:
    """The answers a fresh pipeline gives from the index on disk (never rebuilding it)."""
    pipe = Pipeline(cfg, embedder, log=lambda s: None)
    pipe.load(auto_build=False)
    return [pipe.answer(q).to_dict() | {"latency_ms": 0} for q in QUESTIONS]


def index_files(index_dir: Path) -> set[str]:
    return {p.name for p in index_dir.iterdir() if p.name not in (".lock",)}


def assert_one_clean_generation(index_dir: Path) -> None:
    """Exactly the files the manifest names, nothing left over from killed builds."""
    m = Index.load(index_dir).manifest
    assert index_files(index_dir) == {MANIFEST, *(v["name"] for v in m["data_files"].values())}


@pytest.fixture
def two_articles(tmp_path) -> Config:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in (GT_FILE, "004_a56a2f903766f48a.txt"):
        shutil.copy(SEEDS / name, seeds / name)
    return Config(seeds_dir=seeds, index_dir=tmp_path / "index")


# --- SIGKILL ----------------------------------------------------------------------------
def _kill(cfg: Config, rng: random.Random, delay: float | None, prefixes: tuple[str, ...]) -> tuple[float, str]:
    """Start `rag index --rebuild`, SIGKILL it after `delay` seconds or as soon as a new
    file whose name starts with one of `prefixes` appears; (seconds it ran, what it left)."""
    old = index_files(cfg.index_dir)
    proc = rag_index(cfg, "--rebuild")
    t0 = time.monotonic()
    if delay is not None:
        time.sleep(delay)
    else:
        while proc.poll() is None and not [n for n in index_files(cfg.index_dir) - old if n.startswith(prefixes)]:
            time.sleep(0.001)
        time.sleep(rng.uniform(0, 0.003))
    ran = time.monotonic() - t0
    finished = proc.poll() is not None
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    left = index_files(cfg.index_dir) - old
    return ran, "it had finished" if finished else f"it left {len(left)} new file(s)"


def test_sigkill_during_rag_index_leaves_the_previous_index(two_articles, embedder, capsys):
    cfg = two_articles
    build(cfg, embedder)
    before = answers(cfg, embedder)
    rng = random.Random(20260601)
    seen: list[str] = []
    duration = 0.0
    # In the write phase first: the moment the first file of the next generation appears
    # (which also measures how long a build takes to get there), then the moment the
    # manifest's temporary copy appears, a few ms before the atomic swap.
    for label, prefixes in (("first new file", ("docs-", ".docs-")), ("manifest swap", (".manifest.json.",))):
        ran, left = _kill(cfg, rng, None, prefixes)
        duration = max(duration, ran)
        seen.append(f"{label}: killed at {ran:.2f}s, {left}")
        assert answers(cfg, embedder) == before, label
    # Then at seeded random points across the run: start-up, model load, embedding.
    for i in range(2):
        delay = rng.uniform(0.05, 0.95) * duration
        ran, left = _kill(cfg, rng, delay, ())
        seen.append(f"random {i + 1}: killed at {ran:.2f}s of ~{duration:.1f}s, {left}")
        # whatever was on disk when it died, the last complete index loads and answers the same
        assert answers(cfg, embedder) == before, seen[-1]
    with capsys.disabled():
        print("\nSIGKILL points: " + "; ".join(seen))
    # and the next `rag index` completes, clearing what the killed runs left behind
    proc = rag_index(cfg)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0 and out.startswith("indexed 2 articles"), err
    assert_one_clean_generation(cfg.index_dir)
    assert answers(cfg, embedder) == before


# --- two builds at once ---------------------------------------------------------------------
def test_second_rag_index_waits_or_refuses_while_one_is_writing(two_articles, embedder):
    cfg = two_articles
    build(cfg, embedder)
    generation = Index.load(cfg.index_dir).manifest["generation"]
    # The test holds the same lock a running build holds, so what the others see is certain.
    with build_lock(cfg.index_dir):
        waiting = rag_index(cfg)
        line = waiting.stderr.readline()
        assert line.startswith(f"another `rag index` is writing {cfg.index_dir}; waiting for it to finish")
        refused = rag_index(cfg, "--no-wait")
        _, err = refused.communicate(timeout=300)
        assert refused.returncode == 2
        assert err == f"rag index: error: another `rag index` is writing {cfg.index_dir}; try again when it finishes\n"
        with pytest.raises(IndexError_, match="another `rag index` is writing"):
            build(cfg, embedder, wait=False)
        assert waiting.poll() is None  # still waiting
        assert Index.load(cfg.index_dir).manifest["generation"] == generation
    out, err = waiting.communicate(timeout=600)
    assert waiting.returncode == 0 and out.startswith("indexed 2 articles"), err


def test_two_rag_index_runs_at_once_never_leave_a_mix(two_articles, embedder):
    cfg = two_articles
    build(cfg, embedder)
    before = answers(cfg, embedder)
    (cfg.seeds_dir / NEW_ARTICLE_FILE).write_text(NEW_ARTICLE, "utf-8")
    # Both see the new article; whichever gets the lock second finds it indexed already.
    a, b = rag_index(cfg), rag_index(cfg)
    loads, failures = 0, []
    # Readers during both builds: every load is a whole generation, old or new.
    while a.poll() is None or b.poll() is None:
        try:
            Index.load(cfg.index_dir)
            loads += 1
        except IndexError_ as e:
            failures.append(str(e))
        time.sleep(0.05)
    (out_a, err_a), (out_b, err_b) = a.communicate(), b.communicate()
    assert a.returncode == 0 and b.returncode == 0, (err_a, err_b)
    assert failures == [] and loads > 0
    assert out_a.startswith("indexed 3 articles") and out_b.startswith("indexed 3 articles")
    assert_one_clean_generation(cfg.index_dir)
    index = Index.load(cfg.index_dir)
    assert NEW_ARTICLE_FILE in index.docs and index.stale_reason(cfg) is None
    after = answers(cfg, embedder)
    assert after[0]["short_answer"] == before[0]["short_answer"] == "Hu Xijin"


# --- the UI during a rebuild ----------------------------------------------------------------
def _ui_text(chat: list[dict]) -> str:
    return "".join(c.get("text", "") for c in chat[-1]["content"])


def test_ui_keeps_answering_during_a_rebuild_then_switches(two_articles, embedder, tmp_path):
    from gradio_client import Client

    from .ui_support import serve

    cfg = two_articles
    build(cfg, embedder)
    pipe = Pipeline(cfg, embedder, log=lambda s: None)
    pipe.load(auto_build=False)
    with serve(pipe, tmp_path / "none.json") as url:
        client = Client(url, verbose=False)
        _, chat, panel = client.predict(NEW_QUESTION, 5, False, api_name="/ask")
        assert NEW_ARTICLE_FILE not in panel
        (cfg.seeds_dir / NEW_ARTICLE_FILE).write_text(NEW_ARTICLE, "utf-8")
        proc = rag_index(cfg)
        during = 0
        while proc.poll() is None:
            _, chat, _ = client.predict(GT_QUESTION, 5, False, api_name="/ask")
            assert "Hu Xijin" in _ui_text(chat) and "rag-error" not in _ui_text(chat)
            client.predict(api_name="/clear")
            during += 1
        _, err = proc.communicate()
        assert proc.returncode == 0, err
        assert during > 0
        # The first question after the build starts the swap in the background; answers go
        # on meanwhile and come from the new index once it is loaded.
        deadline = time.monotonic() + 120
        while True:
            _, chat, panel = client.predict(NEW_QUESTION, 5, False, api_name="/ask")
            assert "rag-error" not in _ui_text(chat)
            if NEW_ARTICLE_FILE in panel or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert NEW_ARTICLE_FILE in panel and "Lake Ossel" in _ui_text(chat)
        assert NEW_ARTICLE_FILE in pipe.index.docs


def test_ui_watcher_keeps_the_old_index_when_the_new_one_is_broken(two_articles, embedder):
    import ui

    cfg = two_articles
    build(cfg, embedder)
    pipe = Pipeline(cfg, embedder, log=lambda s: None)
    generation = pipe.load(auto_build=False).manifest["generation"]
    logs: list[str] = []
    watcher = ui.IndexWatcher(pipe, log=logs.append)
    watcher.poll()
    assert watcher._thread is None  # nothing changed, nothing started
    manifest = cfg.index_dir / MANIFEST
    manifest.write_text(manifest.read_text("utf-8").replace('"format_version": 1', '"format_version": 7'))
    # A broken manifest is rebuilt by the reload (what `rag ask` does too), off the answering path.
    watcher.poll()
    watcher.wait(300)
    assert watcher.failures == 0 and watcher.reloads == 1, logs
    assert pipe.index.manifest["generation"] != generation
    assert pipe.answer(GT_QUESTION).short_answer == "Hu Xijin"
    # A folder that cannot be indexed at all: the old index keeps serving.
    shutil.rmtree(cfg.seeds_dir)
    manifest.write_text("{garbage")
    watcher.poll()
    watcher.wait(300)
    assert watcher.failures == 1 and "still serving the old one" in logs[-1]
    assert pipe.answer(GT_QUESTION).short_answer == "Hu Xijin"


# --- load and memory, in small ----------------------------------------------------------------
def test_bench_load_conversations_and_memory_in_small(pipeline, tmp_path):
    from rag import bench_load

    pairs = bench_load.question_pairs(REPO / "eval" / "gold.jsonl", 20)
    assert len(set(pairs)) == 20
    report = bench_load.run_conversations(pipeline, pairs[:4], seconds=3, report=tmp_path / "none.json")
    assert report["url"].startswith("http://127.0.0.1:")
    assert report["errors"] == 0 and report["mixed"] == 0, report
    assert report["requests"] >= 8 and report["latency_ms"]["p95"] >= report["latency_ms"]["p50"] > 0
    mem = bench_load.run_memory(pipeline, bench_load.gold_questions(REPO / "eval" / "gold.jsonl"), 20, every=10)
    assert mem["questions"] == 20 and mem["failures"] == 0
    assert [n for n, _ in mem["rss_samples"]] == [0, 10, 20]
    assert all(mb > 0 for _, mb in mem["rss_samples"])
    assert "RSS" in bench_load.table(mem) and "p95" in bench_load.table(report)


def test_percentile_is_nearest_rank():
    from rag.bench_load_ui import percentile

    assert percentile([], 95) == 0.0
    assert percentile([5.0], 95) == 5.0
    assert percentile(list(map(float, range(1, 101))), 95) == 95.0
    assert percentile(list(map(float, range(1, 101))), 50) == 50.0
