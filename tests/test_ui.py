"""The web UI: HTML rendering, the app in a real browser, and hostile article text.

The app is served in-process over a real index (the seed articles plus one article
full of markup) and driven with Debian's chromium through Playwright."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from html import escape
from pathlib import Path

import pytest

from rag.records import Answer, Quote, Source
from rag.render import answer_html, eval_html, highlight, sources_html

from .conftest import GT_FILE, GT_QUESTION, REPO, SEEDS
from .ui_support import CHROMIUM, CHROMIUM_FLAGS, free_port, serve

FOLLOW_UP = "Where did he comment on Kim's visit?"
INJECTED_FILE = "900_zorblatt.txt"
INJECTED = """Zorblatt Festival Names New Director

By Test Writer January 09, 2019

The Zorblatt Festival board named Mira Quenby as its new festival director on Wednesday. <script>window.__pwned=1</script> Fans mailed a note reading <img src=x onerror="window.__pwned=1"> and a link [free tickets](javascript:window.__pwned=1) with ${window.__pwned=1} and {{constructor}} on the envelope. Quenby said the festival would return to Lake Ossel in June.

Copyright notice: the views expressed here reflect those of Zorblatt Gazette.
"""
INJECTED_QUESTION = "Who is the new director of the Zorblatt Festival?"
HOSTILE = ("<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=1">', "[free tickets](javascript:")


# --- rendering (no server) ------------------------------------------------------------
def _answer(text: str) -> Answer:
    start = text.index("Mira")
    end = text.index("June.") + len("June.")
    src = Source(1, "a.txt", "T <b>x</b>", "Out", "Jan 1", 0, len(text), text, 0.5, [(start, end)])
    q = Quote(text[start:end], [1], "a.txt", start, end, 0.9)
    return Answer("q", "Mira <i>Quenby</i>", [q], [src], 0.8, False)


def test_render_escapes_article_and_answer_text():
    ans = _answer(INJECTED)
    for html in (answer_html(ans), sources_html(ans)):
        assert "<script" not in html and "<img" not in html and "<i>" not in html and "<b>x" not in html
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "<strong>Mira &lt;i&gt;Quenby&lt;/i&gt;</strong>" in answer_html(ans)
    assert "[1]" in answer_html(ans) and 'data-n="1"' in sources_html(ans)
    # the highlighted quote is exactly the quoted characters, escaped
    marks = re.findall(r'<mark class="rag-hl">(.*?)</mark>', sources_html(ans), re.S)
    assert len(marks) == 1 and marks[0].startswith("Mira Quenby") and marks[0].endswith("June.")


def test_highlight_merges_and_clips_spans():
    assert highlight("a<b>cd", [(1, 3), (2, 4), (50, 60)]) == 'a<mark class="rag-hl">&lt;b&gt;</mark>cd'
    assert highlight("abc", []) == "abc"


def test_real_answer_cites_sources_shown(pipeline):
    ans = pipeline.answer(GT_QUESTION)
    chat, panel = answer_html(ans), sources_html(ans)
    assert "<strong>Hu Xijin</strong>" in chat and "[1]" in chat
    for n in {int(n) for n in re.findall(r"\[(\d+)\]", chat)}:
        assert f'data-n="{n}"' in panel
    assert re.search(r'<mark class="rag-hl">Hu Xijin, the editor in chief', panel)
    assert GT_FILE in panel


@pytest.mark.parametrize(
    "text, shown",
    [
        ("Kim flew to Dalian.", "\u201cKim flew to Dalian.\u201d"),
        # the quotation opened a sentence earlier: only its opening mark is missing
        (
            "A major difference for North Korea,\u201d said Bennett.",
            "\u201cA major difference for North Korea,\u201d said Bennett.",
        ),
        # the quotation runs on into the next sentence: only its closing mark is missing
        (
            "\u201cI think Kim went to China for many reasons.",
            "\u201cI think Kim went to China for many reasons.\u201d",
        ),
        ("\u201cI do think so,\u201d he added.", "\u201cI do think so,\u201d he added."),
        ('Hu said that "the timing is clear."', 'Hu said that "the timing is clear."'),
    ],
)
def test_quotes_are_shown_with_their_quotation_marks_once(text, shown):
    assert Quote(text, [1], "a.txt", 0, len(text)).display == shown


def test_real_answer_never_doubles_a_quotation_mark(pipeline):
    ans = pipeline.answer(
        "Why would China easing sanctions make such a big difference to North Korea, according to Bennett?"
    )
    assert any(q.text.endswith("said Bennett.") for q in ans.quotes)
    chat = answer_html(ans)
    for q in ans.quotes:
        assert escape(q.display) in chat
    assert not re.search("\u201c\\s*\u201c|\u201d\\s*\u201d", chat)


def test_abstention_says_so_and_lists_closest_passages(pipeline):
    ans = pipeline.answer("What did the Pope say about the summit?")
    assert ans.abstained
    chat = answer_html(ans)
    assert "don't answer this" in chat and "closest passages" in chat
    assert "Closest passages" in sources_html(ans)


def test_eval_tab_without_report_says_how_to_make_one(tmp_path):
    html = eval_html(tmp_path / "nope.json")
    assert "rag eval --gold eval/gold.jsonl --compare" in html
    (tmp_path / "bad.json").write_text("{not json")
    assert "cannot be read" in eval_html(tmp_path / "bad.json")


def test_eval_tab_tolerates_missing_keys(tmp_path):
    report = {"configs": {"full": {"overall": {"hit@1": 0.75, "latency_p50_ms": 41.2}}, "bm25": {}}, "chart": None}
    (tmp_path / "r.json").write_text(json.dumps(report))
    html = eval_html(tmp_path / "r.json")
    assert "0.750" in html and ">41<" in html and "\u2014" in html and "<img" not in html


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """A `rag eval --compare` style report with its chart."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    root = tmp_path_factory.mktemp("report")
    overall = {"hit@1": 0.81, "hit@3": 0.9, "short_em": 0.6, "latency_p50_ms": 38.0}
    by_type = {"factoid": {"hit@1": 0.85}, "followup": {"hit@1": 0.7}}
    data = {
        "gold": "eval/gold.jsonl",
        "created": "2026-11-23T20:00:00Z",
        "n": 113,
        "configs": {
            "full": {"overall": overall, "by_type": by_type, "by_split": {}},
            "bm25": {"overall": {**overall, "hit@1": 0.66}, "by_type": {"factoid": {"hit@1": 0.7}}},
            "dense": {"overall": {"hit@1": 0.59}},
        },
        "chart": "latest.png",
    }
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.bar(["full", "bm25", "dense"], [0.81, 0.66, 0.59])
    fig.savefig(root / "latest.png")
    plt.close(fig)
    (root / "latest.json").write_text(json.dumps(data))
    return root / "latest.json"


def test_eval_tab_shows_metrics_and_chart(report):
    html = eval_html(report)
    assert "hit@1 by question type" in html and "followup" in html
    assert html.count("<th>full</th>") == 2 and "0.810" in html and "0.660" in html
    assert 'src="data:image/png;base64,' in html


# --- the app over seeds + an article full of markup ------------------------------------
@pytest.fixture(scope="module")
def inj_pipeline(pipeline, config, embedder, tmp_path_factory):
    """The session index copied, plus the hostile article (only it gets embedded)."""
    from rag.pipeline import Pipeline

    root = tmp_path_factory.mktemp("inj")
    shutil.copytree(SEEDS, root / "seeds")
    (root / "seeds" / INJECTED_FILE).write_text(INJECTED, encoding="utf-8")
    shutil.copytree(config.index_dir, root / "index", ignore=shutil.ignore_patterns(".lock"))
    p = Pipeline(config.with_(seeds_dir=root / "seeds", index_dir=root / "index"), embedder, log=lambda s: None)
    p.load()
    assert INJECTED_FILE in p.index.docs
    return p


@pytest.fixture(scope="module")
def app_url(inj_pipeline, report):
    with serve(inj_pipeline, report) as url:
        yield url


def test_injected_article_is_sent_as_text(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    _, chat, panel = client.predict(INJECTED_QUESTION, 5, False, api_name="/ask")
    assert "Quenby" in chat[-1]["content"][0]["text"]
    assert INJECTED_FILE in panel and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in panel
    assert "<script" not in panel and "<img" not in panel and "<a " not in panel


# --- in the browser -------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); browser tests need it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, app_url):
    """A fresh page (a new browser session) that records every request it makes."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.goto(app_url)
    pg.wait_for_selector("#question textarea", timeout=30_000)
    yield pg
    ctx.close()


def _answers(page) -> list[str]:
    return page.locator("#chat .rag-answer, #chat .rag-error").all_inner_texts()


def _wait_answers(page, n: int) -> str:
    page.wait_for_function(
        f"document.querySelectorAll('#chat .rag-answer, #chat .rag-error').length >= {n}", timeout=30_000
    )
    return _answers(page)[n - 1]


def _ask(page, question: str) -> str:
    n = len(_answers(page)) + 1
    page.fill("#question textarea", question)
    page.press("#question textarea", "Enter")
    return _wait_answers(page, n)


def _assert_offline(page, app_url: str) -> None:
    # The page must not depend on fonts or scripts from the internet.
    outside = [u for u in page.requests if not u.startswith((app_url, "data:", "blob:"))]
    assert page.requests and not outside, f"requests outside the app: {outside}"


@pytest.mark.slow
def test_browser_chat_follow_up_sources_and_clear(page, app_url, tmp_path):
    first = _ask(page, GT_QUESTION)
    assert "Hu Xijin" in first and "[1]" in first and "Confidence" in first
    assert page.locator("#chat .rag-short strong").first.inner_text() == "Hu Xijin"

    follow = _ask(page, FOLLOW_UP)
    assert "Twitter" in follow and "Hu Xijin" in follow, follow
    # every [n] in the latest answer has its passage in the sources panel
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", follow)}
    assert cited
    for n in cited:
        assert page.locator(f'#sources .rag-source[data-n="{n}"]').count() >= 1
    marks = page.locator("#sources mark.rag-hl").all_inner_texts()
    assert any("Hu Xijin" in m and "Twitter" in m for m in marks), marks
    src = page.locator('#sources .rag-source[data-n="1"]').inner_text()
    assert GT_FILE in src and "Kim Visits Beijing" in src
    page.screenshot(path=str(tmp_path / "chat.png"), full_page=True)
    assert (tmp_path / "chat.png").stat().st_size > 20_000

    # Clear starts a new conversation; an example question asks itself when clicked.
    page.click("#clear")
    page.wait_for_function("document.querySelectorAll('#chat .rag-answer').length === 0", timeout=10_000)
    page.get_by_text("Where did Kim hold his first summit with Trump?", exact=True).click()
    assert "Singapore" in _wait_answers(page, 1)
    assert len(_answers(page)) == 1
    _assert_offline(page, app_url)


@pytest.mark.slow
def test_browser_injected_article_stays_inert(page, app_url):
    answer = _ask(page, INJECTED_QUESTION)
    assert "Mira Quenby" in answer
    panel = page.locator("#sources").inner_text()
    for text in HOSTILE:
        assert text in panel, text
    assert "${window.__pwned=1}" in panel and "{{constructor}}" in panel
    assert page.locator("#sources script, #sources img, #sources a, #chat .rag-answer img").count() == 0
    assert page.evaluate("window.__pwned") is None

    # the settings panel: scores on
    page.locator("#settings").get_by_text("Settings").first.click()
    page.get_by_label("Show scores").check()
    page.wait_for_function("document.querySelector('#sources').innerText.includes('score ')", timeout=10_000)
    assert page.evaluate("window.__pwned") is None
    _assert_offline(page, app_url)


@pytest.mark.slow
def test_browser_articles_and_evaluation_tabs(page, inj_pipeline):
    page.get_by_role("tab", name="Articles").click()
    rows = page.locator("#articles tbody tr")
    rows.first.wait_for(timeout=10_000)
    assert rows.count() == len(inj_pipeline.index.docs)
    table = page.locator("#articles").inner_text()
    assert "Zorblatt Festival Names New Director" in table and "Zorblatt Gazette" in table
    page.get_by_role("tab", name="Evaluation").click()
    page.locator("#evaluation table").first.wait_for(timeout=10_000)
    text = page.locator("#evaluation").inner_text()
    assert "hit@1" in text and "0.810" in text and "followup" in text
    assert page.evaluate("document.querySelector('#evaluation img.rag-chart').naturalWidth") > 0


# --- `python ui.py` as a person runs it -----------------------------------------------
@pytest.mark.slow
def test_ui_py_updates_a_stale_index_then_serves(pipeline, config, tmp_path):
    seeds, index = tmp_path / "seeds", tmp_path / "index"
    shutil.copytree(SEEDS, seeds)
    (seeds / INJECTED_FILE).write_text(INJECTED, encoding="utf-8")
    shutil.copytree(config.index_dir, index, ignore=shutil.ignore_patterns(".lock"))
    port = free_port()
    cmd = [sys.executable, "ui.py", "--seeds", str(seeds), "--index", str(index), "--port", str(port)]
    cmd += ["--report", str(tmp_path / "none.json")]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if line.startswith("Open http"):
                break
        out = "".join(lines)
        assert f"Open http://127.0.0.1:{port}/" in out, out
        assert "building it now" in out and "1 added" in out and "indexed 6 articles" in out, out
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as r:
            assert r.status == 200
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
