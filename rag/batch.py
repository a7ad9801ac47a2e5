"""`rag batch FILE [-o OUT]`: answer every question of a .txt, .jsonl or .csv file.

Guarantees, in the order they matter:
- one output row per input row, in input order; a malformed row becomes an error row
  naming its line number, and the run goes on;
- OUT is appended one complete row per write, so a run stopped by Ctrl-C or `kill`
  leaves OUT valid up to its last complete row, and re-running the same command
  answers only the rows that are not in OUT yet (see rag/batch_output.py);
- questions go through the same Pipeline/Conversation as `rag ask`; their embeddings
  are computed in batches ahead of answering (the expensive, batchable step).

Only the standard library is imported at module level so `rag --help` stays instant.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .batch_input import InputFileError, Row, read_rows
from .batch_output import OutFile, answer_record, check_resume, default_out, error_record

# Questions embedded per encoder call ahead of answering.
WINDOW = 64

__all__ = ["InputFileError", "Row", "read_rows", "run_batch", "answer_row", "register"]


# --- answering ------------------------------------------------------------------------
class QueryCache:
    """Stands in for the pipeline's embedder: queries embedded ahead of time in one
    batch are served from memory, anything else goes to the real embedder."""

    def __init__(self, embedder) -> None:
        self._embedder = embedder
        self.vectors: dict = {}
        self.hits = 0

    def encode_query(self, text: str):
        vec = self.vectors.get(text)
        if vec is None:
            return self._embedder.encode_query(text)
        self.hits += 1
        return vec

    def __getattr__(self, name: str):
        return getattr(self._embedder, name)


def _likely_queries(rows: list[Row], max_chars: int) -> list[str]:
    """The query strings Pipeline.answer will embed for these rows, as far as they can
    be known before answering: a conversation's first turn, and later turns that do not
    lean on the conversation. A wrong guess costs one wasted embedding, never a wrong
    answer, because the cache is keyed by the exact query text."""
    from .pipeline import QuestionError, clean_question
    from .turns import needs_context

    out: dict[str, None] = {}
    for row in rows:
        if row.error or row.question is None:
            continue
        for i, q in enumerate([*row.history, row.question]):
            if i and needs_context(q):
                continue
            try:
                out[clean_question(q, max_chars)] = None
            except QuestionError:
                pass
    return list(out)


def answer_row(pipeline, row: Row, k: int | None = None) -> dict:
    """One input row -> one output record; every failure becomes an error record."""
    from .pipeline import QuestionError

    if row.error:
        return error_record(row, row.error)
    conv = pipeline.conversation()
    try:
        if row.history:
            try:
                conv.replay(row.history, k=k)
            except QuestionError as e:
                return error_record(row, f"line {row.line}: in the history: {e}")
        return answer_record(row, conv.ask(row.question, k=k))
    except QuestionError as e:
        return error_record(row, f"line {row.line}: {e}")
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as e:  # noqa: BLE001 - one bad row must not stop a long run
        return error_record(row, f"line {row.line}: {type(e).__name__}: {e}")


@dataclass
class BatchResult:
    out: Path
    total: int
    answered: int  # rows answered in this run
    resumed: int  # rows already in OUT
    failed_lines: list[int]
    seconds: float


def run_batch(
    pipeline,
    path: Path,
    out: Path | None = None,
    k: int | None = None,
    progress: bool | None = None,
    log: Callable[[str], None] = lambda s: None,
) -> BatchResult:
    """Answer every row of `path` into `out` (default: next to it), resuming if `out`
    already holds some rows. `progress=None` shows the bar only on a terminal."""
    from tqdm import tqdm

    path = Path(path)
    out = Path(out) if out else default_out(path)
    if out.resolve() == path.resolve():
        raise InputFileError(f"the output {out} is the input file: pass another -o")
    rows = read_rows(path)
    if not rows:
        raise InputFileError(f"{path} holds no questions: put one question a line (.txt), or rows in .jsonl / .csv")
    writer = OutFile(out)
    try:
        done = writer.existing()
        check_resume(rows, done, out, path)
        failed = [int(r["line"]) for r in done if r.get("error")]
        if done:
            log(f"resuming: {len(done)} of {len(rows)} rows already in {out}")
        todo = rows[len(done) :]
        dense = pipeline.config.mode != "bm25"
        real = pipeline.embedder
        # Load the index and the model before the clock starts, so the rate and ETA
        # describe answering.
        pipeline.load()
        if dense and todo:
            real.model  # noqa: B018 - loads the encoder
        t0 = time.perf_counter()
        cache = QueryCache(real)
        quiet = progress is False or (progress is None and not sys.stderr.isatty())
        bar = tqdm(total=len(rows), initial=len(done), unit="q", desc="answering", file=sys.stderr, disable=quiet)
        pipeline.embedder = cache
        try:
            for w in range(0, len(todo), WINDOW):
                window = todo[w : w + WINDOW]
                if dense:
                    queries = _likely_queries(window, pipeline.config.max_question_chars)
                    cache.vectors = dict(zip(queries, real.encode(queries))) if queries else {}
                for row in window:
                    rec = answer_row(pipeline, row, k)
                    writer.write(rec)
                    if rec["error"]:
                        failed.append(row.line)
                    bar.update(1)
        finally:
            pipeline.embedder = real
            bar.close()
    finally:
        writer.close()
    return BatchResult(out, len(rows), len(todo), len(done), failed, time.perf_counter() - t0)


# --- command line ---------------------------------------------------------------------
def cmd_batch(args: argparse.Namespace) -> int:
    from .cli import _config
    from .pipeline import Pipeline

    pipe = Pipeline(_config(args))
    log = lambda s: print(s, file=sys.stderr)  # noqa: E731
    try:
        res = run_batch(
            pipe, Path(args.file), args.out, k=args.k, progress=False if args.no_progress else None, log=log
        )
    except KeyboardInterrupt:
        out = args.out or default_out(Path(args.file))
        print(f"stopped: {out} holds every row answered so far; run the same command to go on", file=sys.stderr)
        raise
    rate = res.answered / res.seconds if res.seconds else 0.0
    msg = f"{res.total} rows in {res.out}: {res.answered} answered now ({rate:.1f}/s)"
    if res.resumed:
        msg += f", {res.resumed} from an earlier run"
    if res.failed_lines:
        shown = ", ".join(map(str, res.failed_lines[:10])) + (", ..." if len(res.failed_lines) > 10 else "")
        msg += f"; {len(res.failed_lines)} failed (lines {shown})"
    print(msg)
    return 1 if res.failed_lines else 0


def register(sub, common: Callable[[argparse.ArgumentParser], None]) -> None:
    from .cli import _positive_k

    s = sub.add_parser(
        "batch",
        help="answer every question in a .txt, .jsonl or .csv file",
        description="Answer every question in FILE: .txt (one a line), .jsonl (id, question, optional "
        "history) or .csv (a 'question' column, optional 'id'). Writes JSONL, or CSV when OUT ends in .csv. "
        "Re-running with the same OUT answers only the rows not answered yet. Exit code 1 if any row failed.",
    )
    common(s)
    s.add_argument("file", help="questions: .txt, .jsonl or .csv")
    s.add_argument(
        "-o", "--out", type=Path, default=None, help="output file (default: FILE.answers.jsonl next to FILE)"
    )
    s.add_argument("--k", type=_positive_k, default=None, help="passages per answer (1..50, default 5)")
    s.add_argument("--no-progress", action="store_true", help="no progress bar")
    s.set_defaults(func=cmd_batch)
