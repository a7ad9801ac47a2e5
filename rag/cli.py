"""The `rag` command. Heavy imports happen inside the commands so `rag --help` is instant."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import warnings
from pathlib import Path
from typing import NoReturn


class _Parser(argparse.ArgumentParser):
    """Usage mistakes as one line (what is wrong, where the help is) and exit code 2,
    instead of argparse's usage block. Sub-command parsers inherit this class."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def _text(text: str) -> str:
    """Text from the command line or the terminal as valid Unicode: bytes that are not
    UTF-8 reach Python as lone surrogates, which would fail when printed back (JSON)."""
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split())[:500]


def _positive_k(text: str) -> int:
    try:
        k = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--k must be a whole number, got {text!r}") from None
    if not 1 <= k <= 50:
        raise argparse.ArgumentTypeError(f"--k {k} is out of range: use 1..50")
    return k


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--seeds", default="seeds", help="folder of articles (default: seeds)")
    p.add_argument("--index", default="index", help="index folder (default: index)")
    p.add_argument("--model", default="default", help="embedder: 'default' or a local model folder")
    p.add_argument(
        "--reader",
        choices=("on", "off"),
        default="off",
        help="pin short answers with the trained span reader (default: off)",
    )


def _config(args: argparse.Namespace, **extra):
    from .config import Config

    kw = {"seeds_dir": Path(args.seeds), "index_dir": Path(args.index), "model": args.model, **extra}
    if getattr(args, "reader", None):
        kw["reader"] = args.reader
    if getattr(args, "k", None):
        kw["k"] = args.k
    if getattr(args, "precision", None):
        kw["precision"] = args.precision
    return Config(**kw)


def _print_answer(ans, show_sources: bool = True) -> None:
    if ans.abstained:
        print("The articles don't say." + (f" {ans.note}" if ans.note else "") + " Closest passages:")
        for s in ans.sources[:3]:
            print(f"  [{s.n}] {s.doc}: {s.text[:160].replace(chr(10), ' ')}...")
        return
    if ans.short_answer:
        print(f"Answer: {ans.short_answer}")
    for q in ans.quotes:
        print(f"  {q.display} " + "".join(f"[{n}]" for n in q.citations))
    print(f"  confidence {ans.confidence:.2f}")
    if show_sources:
        cited = {n for q in ans.quotes for n in q.citations}
        for s in ans.sources:
            if s.n in cited:
                where = ", ".join(x for x in (s.title, s.outlet, s.date) if x)
                print(f"  [{s.n}] {s.doc}" + (f" — {where}" if where else ""))


def cmd_index(args: argparse.Namespace) -> int:
    from .index import build

    cfg = _config(args)
    _, st = build(
        cfg,
        rebuild=args.rebuild,
        log=lambda s: print(s, file=sys.stderr),
        progress=sys.stderr.isatty(),
        wait=not args.no_wait,
    )
    print(
        f"indexed {st['documents']} articles into {cfg.index_dir}: {st['chunks']} chunks "
        f"({st['min_tokens']}-{st['max_tokens']} tokens), {st['embedded']} embedded, "
        f"{st['reused_documents']} articles unchanged, {st['seconds']:.1f}s"
    )
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline

    pipe = Pipeline(_config(args))
    conv = pipe.conversation()
    if args.history:
        conv.replay(args.history)
    ans = conv.ask(args.question, k=args.k)
    if args.json:
        print(json.dumps(ans.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_answer(ans)
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    from .pipeline import Pipeline, QuestionError

    pipe = Pipeline(_config(args))
    pipe.load()
    conv = pipe.conversation()
    print("Ask about the articles. Follow-up questions work. Commands: /clear, /quit.")
    while True:
        try:
            line = _text(input("? ")).strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if line in ("/quit", "/exit"):
            return 0
        if line == "/clear":
            conv.clear()
            print("(new conversation)")
            continue
        if not line:
            continue
        try:
            _print_answer(conv.ask(line, k=args.k))
        except QuestionError as e:
            print(f"error: {e}")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="rag", description="Answer questions about news articles by quoting them.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("index", help="build or update the index from the articles folder")
    _common(s)
    s.add_argument("--rebuild", action="store_true", help="re-embed every article, not only changed ones")
    s.add_argument(
        "--precision",
        choices=("auto", "bf16", "fp32"),
        default="auto",
        help="encoder precision for the articles: auto = bf16 where the CPU has it in hardware (default: auto)",
    )
    s.add_argument(
        "--no-wait", action="store_true", help="if another `rag index` is writing this index, stop instead of waiting"
    )
    s.set_defaults(func=cmd_index)

    s = sub.add_parser("ask", help="answer one question")
    _common(s)
    s.add_argument("question", type=_text)
    s.add_argument("--json", action="store_true", help="print the answer record as JSON")
    s.add_argument("--k", type=_positive_k, default=None, help="passages to return (1..50, default 5)")
    s.add_argument(
        "--history",
        action="append",
        default=[],
        type=_text,
        metavar="Q",
        help="an earlier question of the conversation (repeat, oldest first)",
    )
    s.set_defaults(func=cmd_ask)

    s = sub.add_parser("chat", help="a conversation in the terminal")
    _common(s)
    s.add_argument("--k", type=_positive_k, default=None)
    s.set_defaults(func=cmd_chat)

    from . import cli_eval

    cli_eval.register(sub, _common)
    return p


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show a character gets a replacement, not a crash.
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace")
    args = build_parser().parse_args(argv)
    from .batch import InputFileError
    from .config import ConfigError
    from .corpus import CorpusError
    from .embed import ModelError
    from .evaluate import GoldError
    from .index import IndexError_
    from .pipeline import QuestionError

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = lambda msg, *a, **k: print(f"warning: {msg}", file=sys.stderr)
        try:
            return args.func(args)
        except (ConfigError, CorpusError, ModelError, IndexError_, QuestionError, GoldError, InputFileError) as e:
            print(f"rag {args.command}: error: {' '.join(str(e).split())}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print(f"rag {args.command}: interrupted", file=sys.stderr)
            return 130
        except BrokenPipeError:
            return 0
        except OSError as e:
            # A folder or file that cannot be read or written: say which, and why.
            where = f" {e.filename}" if e.filename else ""
            print(f"rag {args.command}: error: cannot use{where}: {e.strerror or _one_line(e)}", file=sys.stderr)
            return 2
        except Exception as e:  # noqa: BLE001 - a user never sees a traceback
            if os.environ.get("RAG_DEBUG"):
                raise
            print(
                f"rag {args.command}: internal error: {type(e).__name__}: {_one_line(e)} "
                "(RAG_DEBUG=1 shows the traceback; please report it)",
                file=sys.stderr,
            )
            return 1


if __name__ == "__main__":
    sys.exit(main())
