"""SQuAD dev files as a document collection: every paragraph a Document (its article
title as the headline), its questions with their gold paragraphs, and a cached index.

The paragraphs are indexed as Documents built directly from the JSON, not through the
article cleaner: the cleaner is written for web pages and would drop or cut SQuAD
paragraphs (on v1.1 dev it empties 12 and changes 48: it takes a paragraph mentioning
"copyright" for page boilerplate, and "Super_Bowl_50" is not a headline to it). Each
paragraph is still written to a seeds folder under the cache, as "title, blank line,
paragraph", so the index's staleness check has files to hash. The index is cached per
file content, model and chunker, so a second run starts at once.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .batch_input import InputFileError


@dataclass
class SquadQuestion:
    qid: str
    question: str
    answers: list[str]
    impossible: bool
    gold_docs: set[str] = field(default_factory=set)  # paragraphs with the question's context
    article: str = ""  # the SQuAD title as in the file, e.g. "Super_Bowl_50"


@dataclass
class SquadSet:
    path: Path
    version: str
    sha256: str
    docs: list  # rag.records.Document, one per paragraph
    files: dict[str, bytes]  # doc_id -> bytes written to the cache seeds folder
    questions: list[SquadQuestion]


def _safe(title: str) -> str:
    return re.sub(r"[^\w().,'-]+", "_", title)[:80] or "untitled"


def load_squad(path: Path) -> SquadSet:
    """Parse a SQuAD v1.1 or v2.0 JSON file into paragraph Documents and questions."""
    from .records import Document

    path = Path(path)
    if not path.is_file():
        raise InputFileError(f"SQuAD file {path} does not exist: pass --data with a dev-v1.1.json or dev-v2.0.json")
    raw = path.read_bytes()
    try:
        data = json.loads(raw)
        articles = data["data"]
        assert isinstance(articles, list)
    except (ValueError, KeyError, TypeError, AssertionError):
        raise InputFileError(f"{path} is not a SQuAD file: expected JSON with a 'data' list of articles") from None
    docs, files, questions = [], {}, []
    by_text: dict[str, set[str]] = {}
    try:
        for ai, art in enumerate(articles):
            article = str(art.get("title") or f"article {ai}")
            title = article.replace("_", " ").strip()
            for pi, para in enumerate(art["paragraphs"]):
                context = para["context"]
                doc_id = f"{ai:03d}-{_safe(title)}/{pi:03d}.txt"
                body = f"{title}\n\n{context}\n".encode()
                files[doc_id] = body
                docs.append(Document(doc_id, context, title=title, sha256=hashlib.sha256(body).hexdigest()))
                # Identical paragraphs are indexed once; a question about either finds its gold.
                gold = by_text.setdefault(context.strip(), set())
                gold.add(doc_id)
                for qa in para["qas"]:
                    impossible = bool(qa.get("is_impossible"))
                    answers = list(dict.fromkeys(a["text"] for a in qa.get("answers", [])))
                    questions.append(SquadQuestion(str(qa["id"]), qa["question"], answers, impossible, gold, article))
    except (KeyError, TypeError, AttributeError) as e:
        raise InputFileError(f"{path} is not a SQuAD file: an article or paragraph lacks {e}") from None
    if not docs:
        raise InputFileError(f"{path} holds no paragraphs")
    version = str(data.get("version", "?")).lstrip("v")
    return SquadSet(path, version, hashlib.sha256(raw).hexdigest(), docs, files, questions)


def seeds_dir(sq: SquadSet, cache: Path) -> Path:
    """The cache folder holding this file's paragraphs as files (written if missing)."""
    seeds = Path(cache) / "squad" / sq.sha256[:16] / "seeds"
    _write_seeds(sq, seeds)
    return seeds


def _write_seeds(sq: SquadSet, seeds: Path) -> None:
    for doc_id, body in sq.files.items():
        p = seeds / doc_id
        if p.exists() and p.read_bytes() == body:
            continue
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_name(f".{p.name}.tmp")
        tmp.write_bytes(body)
        tmp.replace(p)


def build_index(sq: SquadSet, config, embedder, log: Callable[[str], None] = print, progress: bool = False):
    """Index the paragraphs as they are into config.index_dir. Returns (index, stats)."""
    from . import index as rindex

    return rindex.build(config, embedder, rebuild=True, log=log, progress=progress, documents=sq.docs)


def prepare(sq: SquadSet, config, embedder, cache: Path, log: Callable[[str], None] = print, progress: bool = False):
    """The config (seeds and index under the cache) for this SQuAD file, with its index
    built unless a fresh one is cached. Returns (config, seconds spent building or 0)."""
    from .embed import resolve_model
    from .index import Index, IndexError_

    seeds = seeds_dir(sq, cache)
    root = seeds.parent
    key = json.dumps(
        [resolve_model(config.model)[0], config.chunker_settings(), embedder.document_precision], sort_keys=True
    )
    index_dir = root / f"index-{hashlib.sha256(key.encode()).hexdigest()[:10]}"
    cfg = config.with_(seeds_dir=seeds, index_dir=index_dir)
    try:
        reason = Index.load(index_dir).stale_reason(cfg)
    except IndexError_ as e:
        reason = str(e)
    if reason is None:
        return cfg, 0.0
    log(f"indexing {len(sq.docs):,} SQuAD paragraphs into {index_dir} (cached for the next run)")
    t0 = time.perf_counter()
    build_index(sq, cfg, embedder, log=log, progress=progress)
    return cfg, time.perf_counter() - t0


def sample(questions: list[SquadQuestion], limit: int | None, seed: int) -> list[SquadQuestion]:
    if not limit or limit >= len(questions):
        return list(questions)
    keep = set(random.Random(seed).sample(range(len(questions)), limit))
    return [q for i, q in enumerate(questions) if i in keep]  # file order, for stable reports
