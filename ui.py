"""The web chat: `python ui.py` serves it on http://127.0.0.1:7860.

It answers through the same `Pipeline` and `Conversation` as `rag ask` / `rag chat`; this
file only lays out the page and keeps one conversation per browser session.
"""

from __future__ import annotations

import os

# Before gradio is imported: it reads these at import time, and the app must never
# phone home (analytics, version checks) or reach for a model hub.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import argparse
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gradio as gr

from rag.config import Config
from rag.index_store import MANIFEST
from rag.pipeline import Conversation, Pipeline, QuestionError
from rag.records import Answer
from rag.render import answer_html, articles_html, error_html, eval_html, question_html, sources_html

DEFAULT_REPORT = Path("eval/reports/latest.json")
EXAMPLES = [
    "Who is the editor in chief of the Global Times?",
    "Where did he comment on Kim's visit?",
    "Which visit to China is this for Kim?",
    "Where did Kim hold his first summit with Trump?",
    "What did the Pope say about the summit?",
]

# System fonts only: the default theme pulls web fonts from Google, which stalls the
# page (or leaves it unstyled) on a machine without internet.
SANS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"]
MONO = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "monospace"]

CSS = """
.rag-answer p { margin: 0.2em 0; }
.rag-short strong { font-size: 1.1em; }
.rag-quote { margin: 0.4em 0; padding-left: 0.7em; border-left: 3px solid var(--color-accent); }
.rag-cite { font-weight: 600; color: var(--color-accent); margin-left: 1px; }
.rag-conf { font-size: 0.85em; opacity: 0.85; }
.rag-meter { display: inline-block; width: 60px; height: 6px; background: var(--neutral-200);
             border-radius: 3px; vertical-align: middle; overflow: hidden; }
.rag-meter > span { display: block; height: 100%; background: var(--color-accent); }
.rag-conf-low .rag-meter > span { background: #d97706; }
.rag-latency, .rag-score { opacity: 0.7; }
.rag-error { color: #b91c1c; }
.rag-sources-head { font-weight: 600; margin-bottom: 0.4em; }
.rag-source { border: 1px solid var(--border-color-primary); border-radius: 6px;
              padding: 0.5em 0.7em; margin-bottom: 0.6em; }
.rag-meta { font-size: 0.8em; opacity: 0.8; margin: 0.2em 0; }
.rag-passage { white-space: pre-wrap; font-size: 0.9em; line-height: 1.45; }
mark.rag-hl { background: #fde68a; color: inherit; padding: 0 1px; }
.rag-empty { opacity: 0.7; }
.rag-table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.9em; }
.rag-table th, .rag-table td { border: 1px solid var(--border-color-primary); padding: 3px 8px; text-align: left; }
.rag-table caption { text-align: left; font-weight: 600; padding: 4px 0; }
.rag-num { text-align: right !important; font-variant-numeric: tabular-nums; }
.rag-chart { max-width: 100%; }
"""


@dataclass
class ChatSession:
    """One browser session: its conversation and what the chat shows.

    Kept in `gr.State`, which Gradio holds per session; the conversation is created
    on the first question because a State's initial value is deep-copied per
    session, and a deep copy would duplicate the whole pipeline."""

    conversation: Conversation
    # (question, Answer) or (question, error message), oldest first.
    entries: list[tuple[str, Answer | str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    reader: str | None = None  # the settings panel's span-reader switch; None: the config's

    @property
    def last(self) -> Answer | None:
        return next((a for _, a in reversed(self.entries) if isinstance(a, Answer)), None)


class IndexWatcher:
    """Notices a new index on disk (`rag index` replaced manifest.json) and swaps it in on a
    background thread. Answers go on from the index in memory until the new one is loaded;
    a reload that fails leaves the old one serving and is tried again on the next change."""

    def __init__(self, pipeline: Pipeline, log=print) -> None:
        self.pipeline = pipeline
        self.log = log
        self.path = pipeline.config.index_dir / MANIFEST
        self._stamp = self._stat()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.reloads = 0
        self.failures = 0

    def _stat(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        # os.replace gives the new manifest a new inode, so this changes with every build.
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def poll(self) -> None:
        """Cheap (one stat); starts a reload when the manifest on disk has changed."""
        stamp = self._stat()
        if stamp is None or stamp == self._stamp:
            return
        with self._lock:
            if stamp == self._stamp or (self._thread is not None and self._thread.is_alive()):
                return
            self._stamp = stamp
            self._thread = threading.Thread(target=self._reload, name="index-reload", daemon=True)
            self._thread.start()

    def _reload(self) -> None:
        try:
            loaded = self.pipeline.index.manifest.get("generation")
            index = self.pipeline.reload()
        except Exception as e:  # noqa: BLE001 - the old index keeps serving
            self.failures += 1
            self.log(
                f"index changed on disk but could not be loaded ({type(e).__name__}: {e}); still serving the old one"
            )
            return
        if index.manifest.get("generation") != loaded:
            self.reloads += 1
            self.log(f"switched to the new index: {len(index.docs)} articles, {len(index.chunks)} chunks")

    def wait(self, timeout: float | None = None) -> None:
        """Block until a running reload finishes (for tests and shutdown)."""
        t = self._thread
        if t is not None:
            t.join(timeout)


def chat_messages(entries: list[tuple[str, Answer | str]], show_scores: bool, threshold: float) -> list[dict]:
    msgs: list[dict] = []
    for q, a in entries:
        if q.strip():  # an empty submission gets its error without an empty bubble
            msgs.append({"role": "user", "content": question_html(q)})
        body = answer_html(a, show_scores, threshold) if isinstance(a, Answer) else error_html(a)
        msgs.append({"role": "assistant", "content": body})
    return msgs


def build_app(pipeline: Pipeline, report: Path = DEFAULT_REPORT) -> gr.Blocks:
    cfg = pipeline.config
    threshold = cfg.abstain_threshold
    index = pipeline.load()
    # One answer now, on this thread: it loads the model and builds BM25, which are
    # lazy and not guarded against two sessions racing to do it.
    pipeline.answer(EXAMPLES[0])
    watcher = IndexWatcher(pipeline)

    def ask(question: str, k: float, show_scores: bool, session: ChatSession | None) -> tuple[Any, ...]:
        watcher.poll()
        # The API can send what the textbox cannot: null, a number.
        question = "" if question is None else str(question)
        session = session or ChatSession(pipeline.conversation())
        keep = ""
        # One question at a time per session: a follow-up must see the previous turn.
        with session.lock:
            try:
                answer = session.conversation.ask(question, k=int(k), reader=session.reader)
                session.entries.append((question, answer))
            except QuestionError as e:
                session.entries.append((question, str(e)))
                keep = question  # leave it in the box to fix
            except Exception as e:  # noqa: BLE001 - one bad turn must not break the chat
                traceback.print_exc()
                session.entries.append((question, f"could not answer ({type(e).__name__}: {e})"))
                keep = question
            msgs = chat_messages(session.entries, show_scores, threshold)
            panel = sources_html(session.last, show_scores)
        return keep, msgs, panel, session

    def clear() -> tuple[Any, ...]:
        # A new session object, so nothing of the old conversation carries over.
        return "", [], sources_html(None), ChatSession(pipeline.conversation())

    def rerender(show_scores: bool, session: ChatSession | None) -> tuple[Any, ...]:
        if session is None:
            return [], sources_html(None)
        with session.lock:
            return chat_messages(session.entries, show_scores, threshold), sources_html(session.last, show_scores)

    with gr.Blocks(title="rag-news: cited answers", analytics_enabled=False) as demo:
        session = gr.State(None)
        gr.Markdown(
            "## Ask the news articles\nAnswers are sentences quoted from the articles, "
            "with `[n]` markers pointing to the sources on the right. Follow-up questions work."
        )
        with gr.Tabs():
            with gr.Tab("Chat"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(
                            elem_id="chat",
                            label="Conversation",
                            height=520,
                            # Messages are HTML built from escaped text; Markdown and LaTeX
                            # off so link or $$ syntax in an article stays literal.
                            render_markdown=False,
                            sanitize_html=True,
                            latex_delimiters=[],
                            allow_tags=False,
                            # "copy" would copy the message's HTML source, not its text.
                            buttons=[],
                            feedback_options=None,
                            placeholder="Ask a question about the articles, or pick an example below.",
                        )
                        with gr.Row():
                            question = gr.Textbox(
                                elem_id="question",
                                label="Question",
                                show_label=False,
                                container=False,
                                placeholder="e.g. Who is the editor in chief of the Global Times?",
                                scale=6,
                                max_lines=4,
                            )
                            ask_btn = gr.Button("Ask", variant="primary", elem_id="ask", scale=1, min_width=80)
                            clear_btn = gr.Button("Clear", elem_id="clear", scale=1, min_width=80)
                        examples = gr.Examples(EXAMPLES, inputs=[question], label="Example questions")
                        with gr.Accordion("Settings", open=False, elem_id="settings"):
                            k = gr.Slider(1, 20, value=cfg.k, step=1, label="Number of passages", elem_id="k")
                            show_scores = gr.Checkbox(False, label="Show scores", elem_id="show-scores")
                            use_reader = gr.Checkbox(
                                cfg.reader == "on", label="Pin short answers with the trained reader", elem_id="reader"
                            )
                    with gr.Column(scale=2):
                        sources = gr.HTML(sources_html(None), elem_id="sources", label="Sources")
            with gr.Tab("Articles"):
                articles = gr.HTML(articles_html(index), elem_id="articles")
            with gr.Tab("Evaluation"):
                report_view = gr.HTML(elem_id="evaluation")
                reload_btn = gr.Button("Reload report", size="sm")

        ask_io: dict[str, Any] = {
            "fn": ask,
            "inputs": [question, k, show_scores, session],
            "outputs": [question, chatbot, sources, session],
            # Typed, clicked and example questions share one limit (see queue below).
            "concurrency_id": "answer",
        }
        question.submit(**ask_io, api_name="ask")
        ask_btn.click(**ask_io, api_visibility="private")
        examples.load_input_event.then(**ask_io, api_visibility="private")
        clear_btn.click(clear, None, [question, chatbot, sources, session], api_name="clear")
        # The chat's own trash icon empties the display; the conversation must go with it.
        chatbot.clear(clear, None, [question, chatbot, sources, session], api_visibility="private")
        show_scores.change(rerender, [show_scores, session], [chatbot, sources], api_visibility="private")

        def set_reader(on: bool, session: ChatSession | None) -> ChatSession:
            session = session or ChatSession(pipeline.conversation())
            session.reader = "on" if on else "off"
            return session

        use_reader.change(set_reader, [use_reader, session], [session], api_visibility="private")
        # Read on every page load, so a new `rag eval` shows up without a restart.
        demo.load(lambda: eval_html(report), None, report_view, api_visibility="private")
        reload_btn.click(lambda: eval_html(report), None, report_view, api_visibility="private")
        # The index may have been rebuilt since the app started (see IndexWatcher).
        demo.load(lambda: articles_html(pipeline.index), None, articles, api_visibility="private")
    # Answers take tens of milliseconds; two at a time keeps both cores busy without
    # letting a burst of sessions starve each other.
    demo.queue(default_concurrency_limit=2)
    demo.index_watcher = watcher  # type: ignore[attr-defined]
    return demo


def launch(demo: gr.Blocks, host: str = "127.0.0.1", port: int = 7860, share: bool = False, quiet: bool = False):
    """Start serving without blocking; returns the local URL."""
    demo.launch(
        server_name=host,
        server_port=port,
        share=share,
        prevent_thread_lock=True,
        quiet=quiet,
        ssr_mode=False,
        run_history=False,
        footer_links=["api", "settings"],
        theme=gr.themes.Default(font=SANS, font_mono=MONO),
        css=CSS,
    )
    return demo.local_url


def prepare_index(cfg: Config, pipeline: Pipeline) -> None:
    """Build or update the index before serving, with a progress bar in the terminal."""
    from rag.index import Index, IndexError_, build

    try:
        reason = Index.load(cfg.index_dir).stale_reason(cfg)
    except IndexError_ as e:
        reason = str(e)
    if reason:
        print(f"index: {reason}; building it now", flush=True)
        _, st = build(cfg, pipeline.embedder, progress=True, log=print)
        print(
            f"indexed {st['documents']} articles, {st['chunks']} chunks ({st['embedded']} embedded) "
            f"in {st['seconds']:.1f}s",
            flush=True,
        )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="ui.py", description="Serve the question-answering chat in a browser.")
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="port (default: 7860)")
    p.add_argument("--index", default="index", help="index folder (default: index)")
    p.add_argument("--seeds", default="seeds", help="folder of articles (default: seeds)")
    p.add_argument("--model", default="default", help="embedder: 'default' or a local model folder")
    p.add_argument("--report", default=str(DEFAULT_REPORT), help=f"rag eval report to show (default: {DEFAULT_REPORT})")
    p.add_argument("--share", action="store_true", help="also open a public gradio.live link (needs internet)")
    p.add_argument("--reader", choices=("on", "off"), default="off", help="trained span reader (default: off)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from rag.config import ConfigError
    from rag.corpus import CorpusError
    from rag.embed import ModelError
    from rag.index import IndexError_

    try:
        cfg = Config(seeds_dir=Path(args.seeds), index_dir=Path(args.index), model=args.model, reader=args.reader)
        pipeline = Pipeline(cfg, log=print)
        prepare_index(cfg, pipeline)
        t0 = time.perf_counter()
        demo = build_app(pipeline, Path(args.report))
        print(f"ready: {len(pipeline.index.docs)} articles (loaded in {time.perf_counter() - t0:.1f}s)", flush=True)
        try:
            url = launch(demo, args.host, args.port, args.share)
        except OSError as e:
            print(f"ui.py: error: cannot serve on {args.host}:{args.port} ({e}); try --port", file=sys.stderr)
            return 2
    except (ConfigError, CorpusError, ModelError, IndexError_) as e:
        print(f"ui.py: error: {e}", file=sys.stderr)
        return 2
    print(f"Open {url} in a browser. Ctrl+C stops the server.", flush=True)
    try:
        demo.block_thread()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
