"""`rag bench squad` and `rag bench speed`.

squad (rag/bench_squad.py): retrieval and answer quality on SQuAD-open for BM25-only,
dense-only and the full system side by side.
speed (rag/bench_speed.py): index build throughput against the raw encoder, warm answer
latency against the query-embedding floor, cold start and peak memory, on the articles
and on the SQuAD collection.

Both print a table on stdout and write the same figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

CACHE = Path(".cache")


def _overrides(pairs: list[str]) -> dict:
    """--set KEY=VALUE pairs -> Config overrides (numbers parsed, the rest kept as text)."""
    from .config import ConfigError

    out: dict = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--set {pair!r} is not KEY=VALUE, e.g. --set alpha=0.3")
        val: object = value.strip()
        for cast in (int, float):
            try:
                val = cast(value)
                break
            except ValueError:
                continue
        out[key.strip()] = val
    return out


def _write_json(path: Path, report: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")


def cmd_squad(args: argparse.Namespace) -> int:
    from . import bench_squad
    from .cli import _config
    from .embed import Embedder

    cfg = _config(args).with_(**_overrides(args.set))
    embedder = Embedder(cfg.model, cfg.batch_size, cfg.precision)
    log = lambda s: print(s, file=sys.stderr)  # noqa: E731
    progress = not args.no_progress and sys.stderr.isatty()
    titles = args.titles.split(",") if args.titles else None
    report = bench_squad.run(
        Path(args.data),
        cfg,
        embedder,
        Path(args.cache),
        args.limit,
        args.seed,
        progress=progress,
        log=log,
        titles=titles,
    )
    print(bench_squad.table(report))
    out = args.json or Path(args.cache) / "bench" / f"squad-{Path(args.data).stem}-{report['questions']}.json"
    _write_json(Path(out), report)
    print(f"wrote {out}")
    return 0


def cmd_speed(args: argparse.Namespace) -> int:
    from . import bench_speed
    from .cli import _config

    cfg = _config(args, seeds_dir=Path(args.corpus or args.seeds)).with_(**_overrides(args.set))
    log = lambda s: print(s, file=sys.stderr)  # noqa: E731
    report = bench_speed.run(
        cfg,
        gold=Path(args.gold),
        squad=Path(args.squad) if args.squad else None,
        cache=Path(args.cache),
        squad_questions=args.squad_questions,
        repeat=args.repeat,
        log=log,
    )
    print(bench_speed.table(report))
    out = args.json or Path(args.cache) / "bench" / "speed.json"
    _write_json(Path(out), report)
    print(f"wrote {out}")
    return 0


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {n}")
    return n


def register(sub, common: Callable[[argparse.ArgumentParser], None]) -> None:
    b = sub.add_parser("bench", help="benchmarks: SQuAD-open quality, speed")
    bsub = b.add_subparsers(dest="bench", required=True, metavar="BENCH")

    def shared(p: argparse.ArgumentParser) -> None:
        common(p)
        p.add_argument(
            "--set",
            action="append",
            default=[],
            metavar="KEY=VALUE",
            help="override a Config setting for this run, e.g. --set alpha=0.3 (repeatable)",
        )
        p.add_argument("--cache", default=str(CACHE), help="where SQuAD indexes and reports go (default: .cache)")
        p.add_argument("--json", type=Path, default=None, help="write the JSON report here (default: under --cache)")

    s = bsub.add_parser(
        "squad",
        help="SQuAD-open: every paragraph a document; BM25, dense and the full system side by side",
        description="Index every paragraph of a SQuAD dev file as a document (cached) and answer its "
        "questions against the whole collection. Reports recall@1/5/20, mrr@10, hit@1, short EM/F1, "
        "latency and, on v2.0, abstain_recall and false_abstain.",
    )
    shared(s)
    s.add_argument("--data", required=True, help="SQuAD JSON, e.g. dev-v1.1.json or dev-v2.0.json")
    s.add_argument("--limit", type=_positive, default=None, help="a random sample of N questions (default: all)")
    s.add_argument("--seed", type=int, default=0, help="seed of the sample (default 0)")
    s.add_argument(
        "--titles",
        default=None,
        metavar="T1,T2",
        help="only ask the questions of these articles (SQuAD titles, comma-separated), e.g. ones a "
        "trained component never saw; every paragraph is still searched",
    )
    s.add_argument("--no-progress", action="store_true", help="no progress bar")
    s.set_defaults(func=cmd_squad)

    s = bsub.add_parser(
        "speed",
        help="index throughput, answer latency, cold start and memory",
        description="Measure index build throughput against raw SentenceTransformer.encode, warm answer "
        "latency against the query-embedding floor, cold start of `rag ask` and peak RSS; on --corpus and, "
        "with --squad, on the SQuAD collection.",
    )
    shared(s)
    s.add_argument("--corpus", default=None, help="articles folder to measure (default: --seeds, i.e. seeds)")
    s.add_argument("--gold", default="eval/gold.jsonl", help="questions for the latency figures")
    s.add_argument("--squad", default=None, help="also measure on this SQuAD file's paragraphs")
    s.add_argument("--squad-questions", type=_positive, default=300, help="SQuAD questions for latency (default 300)")
    s.add_argument("--repeat", type=_positive, default=3, help="runs of each cold/raw measurement (default 3)")
    s.set_defaults(func=cmd_speed)
