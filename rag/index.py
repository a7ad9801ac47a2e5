"""The index in memory (Index: load, verify, staleness) and `build`, which indexes the
articles, re-embedding only what changed. The files it is kept in, and how they are
replaced atomically: rag/index_store.py.
"""

from __future__ import annotations

import contextlib
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from .chunk import chunk_document
from .config import Config
from .corpus import file_hashes, iter_documents
from .embed import Embedder, resolve_model
from .index_store import (
    FORMAT_VERSION,
    IndexError_,
    build_lock,
    check_records,
    manifest_bytes,
    publish_generation,
    read_generation,
    read_manifest,
    write_generation,
)
from .records import Chunk, Document


@dataclass
class Index:
    """Documents, chunks and their vectors, plus the FAISS index over the vectors."""

    manifest: dict
    docs: dict[str, Document]
    chunks: list[Chunk]
    vectors: np.ndarray
    faiss_index: object
    # One vector per unique sentence, in `sentence_keys` order (documents in index
    # order, sentences by offset): extraction compares the question to each sentence.
    sent_vectors: np.ndarray | None = None

    @property
    def sentence_keys(self) -> list[tuple[str, int, int]]:
        return sentence_keys(self.chunks)

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        """A document's chunks in order."""
        return self._chunks_by_doc.get(doc_id, [])

    @cached_property
    def _chunks_by_doc(self) -> dict[str, list[Chunk]]:
        by_doc: dict[str, list[Chunk]] = {}
        for c in self.chunks:
            by_doc.setdefault(c.doc_id, []).append(c)
        return by_doc

    # --- loading -------------------------------------------------------------------
    @classmethod
    def load(cls, index_dir: Path) -> Index:
        """Read and verify the index. A build that replaces the manifest while this runs
        deletes the files it named; the load then starts over on the new manifest."""
        index_dir = Path(index_dir)
        for attempt in range(3):
            before = manifest_bytes(index_dir)
            try:
                return cls._load(index_dir)
            except IndexError_:
                if attempt == 2 or before is None or manifest_bytes(index_dir) in (before, None):
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    @classmethod
    def _load(cls, index_dir: Path) -> Index:
        fix = f"run `rag index --rebuild` (index folder {index_dir})"
        manifest = read_manifest(index_dir, fix)
        docs, chunks, vectors, sent_vectors, fidx = read_generation(index_dir, manifest, fix)
        counts = manifest["counts"]
        if not (len(chunks) == vectors.shape[0] == fidx.ntotal == counts["chunks"]):
            raise IndexError_(
                f"index in {index_dir} is inconsistent ({len(chunks)} chunks, {vectors.shape[0]} vectors, "
                f"{fidx.ntotal} in FAISS): {fix}"
            )
        if vectors.shape[1] != manifest["model"]["dim"] or fidx.d != vectors.shape[1]:
            raise IndexError_(
                f"index vectors have dimension {vectors.shape[1]}, manifest says {manifest['model']['dim']}: {fix}"
            )
        if sent_vectors.shape != (counts["sentences"], vectors.shape[1]):
            raise IndexError_(
                f"index in {index_dir} has {sent_vectors.shape[0]} sentence vectors for "
                f"{counts['sentences']} sentences: {fix}"
            )
        check_records(docs, chunks, manifest, index_dir, fix)
        if len(sentence_keys(chunks)) != counts["sentences"]:
            raise IndexError_(f"index in {index_dir} has sentence vectors that do not match its chunks: {fix}")
        return cls(
            manifest=manifest, docs=docs, chunks=chunks, vectors=vectors, faiss_index=fidx, sent_vectors=sent_vectors
        )

    # --- staleness -----------------------------------------------------------------
    def stale_reason(self, config: Config, embedder: Embedder | None = None) -> str | None:
        """Why this index no longer matches the articles or the config, or None. With an
        embedder, an index whose vectors the model cannot be compared to (another
        dimension, e.g. a model folder replaced in place) is stale too."""
        name, _ = resolve_model(config.model)
        if self.manifest["model"]["name"] != name:
            return f"it was built with model {self.manifest['model']['name']!r}, the config uses {name!r}"
        if self.manifest["chunker"] != config.chunker_settings():
            return "the chunker settings changed"
        if embedder is not None and config.mode != "bm25" and embedder.dim != self.dim:
            return f"its vectors have {self.dim} dimensions, the model makes {embedder.dim}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unusable files were reported when they were indexed
            on_disk = file_hashes(config.seeds_dir)
        built = {k: v["sha256"] for k, v in self.manifest["files"].items()}
        # Files the build could not use (empty, binary, not UTF-8, a duplicate...): they only
        # make the index stale once they change. Older manifests list names without hashes.
        known: dict[str, str | None] = {k: None for k in self.manifest.get("skipped", [])}
        known.update(self.manifest.get("skipped_files", {}))
        known.update(built)
        added = sorted(set(on_disk) - set(known))
        removed = sorted(set(built) - set(on_disk))
        changed = sorted(k for k in set(on_disk) & set(known) if known[k] is not None and on_disk[k] != known[k])
        if added or removed or changed:
            parts = [f"{len(x)} {w}" for x, w in ((added, "added"), (changed, "changed"), (removed, "removed")) if x]
            return f"articles in {config.seeds_dir} changed since it was built ({', '.join(parts)})"
        return None


def build(
    config: Config,
    embedder: Embedder | None = None,
    rebuild: bool = False,
    log: Callable[[str], None] = lambda s: None,
    progress: bool = False,
    wait: bool = True,
    documents: list[Document] | None = None,
) -> tuple[Index, dict]:
    """Index config.seeds_dir into config.index_dir, re-embedding only added or
    changed files unless rebuild=True. Returns the new index and build stats.
    Another build of the same folder is waited for (wait=True) or refused.
    `documents` replaces the cleaned files of seeds_dir (which must still hold the files
    they came from, for the staleness hashes): collections that are not web pages."""
    import faiss

    t0 = time.perf_counter()
    embedder = embedder or Embedder(config.model, config.batch_size, config.precision)
    index_dir = config.index_dir
    seeds = Path(config.seeds_dir)
    if seeds.is_dir() and index_dir.exists() and index_dir.resolve() == seeds.resolve():
        raise IndexError_(f"the index folder and the articles folder are both {seeds}: pass another --index")
    with build_lock(index_dir, wait=wait):
        previous: Index | None = None
        if not rebuild:
            with contextlib.suppress(IndexError_):
                previous = Index.load(index_dir)
            if previous is not None and (
                previous.manifest["model"]["name"] != embedder.name
                # Vectors of both precisions would mix well, but the manifest must say
                # what made them. Indexes from before the key were fp32.
                or previous.manifest["model"].get("precision", "fp32") != embedder.document_precision
                or previous.manifest["chunker"] != config.chunker_settings()
                or previous.dim != embedder.dim
            ):
                log("model, precision or chunker settings changed: re-embedding everything")
                previous = None
        # Hashed before reading: a file that changes in between then shows up as changed at
        # the next staleness check rather than being recorded with its new hash unread.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # iter_documents gives the same warnings once
            on_disk = file_hashes(config.seeds_dir)
        docs = list(documents) if documents is not None else list(iter_documents(config.seeds_dir))
        # The same article twice under two names is indexed once (the first name wins).
        seen_sha: dict[str, str] = {}
        unique: list[Document] = []
        skipped: list[str] = []
        for d in docs:
            if d.sha256 in seen_sha:
                log(f"skipping {d.doc_id}: same content as {seen_sha[d.sha256]}")
                skipped.append(d.doc_id)
                continue
            seen_sha[d.sha256] = d.doc_id
            unique.append(d)
        if not unique:
            raise IndexError_(
                f"no usable articles in {config.seeds_dir}: add .txt/.md/.html files there, then run `rag index`"
            )

        chunks: list[Chunk] = []
        vec_parts: list[np.ndarray] = []
        to_embed: list[Chunk] = []
        reused = 0
        prev_by_doc: dict[str, list[int]] = {}
        if previous is not None:
            for i, c in enumerate(previous.chunks):
                prev_by_doc.setdefault(c.doc_id, []).append(i)
        plan: list[tuple[Document, list[Chunk] | list[int]]] = []
        for d in unique:
            prev_doc = previous.docs.get(d.doc_id) if previous else None
            if prev_doc is not None and prev_doc.sha256 == d.sha256:
                plan.append((d, prev_by_doc.get(d.doc_id, [])))
                reused += 1
            else:
                cs = chunk_document(d, config)
                plan.append((d, cs))
                to_embed.extend(cs)
        title_of = {d.doc_id: d.title for d in unique}
        texts = [embed_text(c, title_of[c.doc_id]) for c in to_embed]
        new_sents = sentence_keys(to_embed)
        text_of = {d.doc_id: d.text for d in unique}
        texts += [text_of[d][a:b] for d, a, b in new_sents]
        # One encoder call for chunks and sentences: the model sorts by length and batches.
        all_vecs = embedder.encode_documents(texts, progress=progress) if texts else None
        new_vecs = all_vecs[: len(to_embed)] if all_vecs is not None else None
        new_sent_vec = {k: all_vecs[len(to_embed) + i] for i, k in enumerate(new_sents)} if new_sents else {}
        new_pos = {c.chunk_id: i for i, c in enumerate(to_embed)}
        for _doc, part in plan:
            if part and isinstance(part[0], int):
                chunks.extend(previous.chunks[i] for i in part)  # type: ignore[union-attr]
                vec_parts.append(previous.vectors[part])  # type: ignore[union-attr, index]
            elif part:
                chunks.extend(part)  # type: ignore[arg-type]
                vec_parts.append(new_vecs[[new_pos[c.chunk_id] for c in part]])  # type: ignore[index]
        vectors = np.ascontiguousarray(np.concatenate(vec_parts), dtype=np.float32)
        prev_sent = {}
        if previous is not None and previous.sent_vectors is not None:
            prev_sent = dict(zip(previous.sentence_keys, previous.sent_vectors))
        keys = sentence_keys(chunks)
        sent_vectors = np.ascontiguousarray(
            np.stack([new_sent_vec[k] if k in new_sent_vec else prev_sent[k] for k in keys]), dtype=np.float32
        )
        fidx = faiss.IndexFlatIP(vectors.shape[1])
        fidx.add(vectors)

        gen, names = write_generation(index_dir, unique, chunks, vectors, sent_vectors, fidx)

        used = {d.doc_id for d in unique}
        skipped_files = {k: h for k, h in sorted(on_disk.items()) if k not in used}
        counts = {by: c for by, c in ((d.doc_id, 0) for d in unique)}
        for c in chunks:
            counts[c.doc_id] += 1
        tokens = [c.n_tokens for c in chunks]
        manifest = {
            "format_version": FORMAT_VERSION,
            "generation": gen,
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "model": {"name": embedder.name, "dim": int(vectors.shape[1]), "precision": embedder.document_precision},
            "chunker": config.chunker_settings(),
            "seeds_dir": str(config.seeds_dir),
            "files": {d.doc_id: {"sha256": d.sha256, "chunks": counts[d.doc_id], "title": d.title} for d in unique},
            "skipped": sorted(set(skipped) | set(skipped_files)),
            "skipped_files": skipped_files,
            "counts": {
                "documents": len(unique),
                "chunks": len(chunks),
                "sentences": len(keys),
                "min_tokens": min(tokens),
                "max_tokens": max(tokens),
            },
        }
        publish_generation(index_dir, manifest, names)
        index = Index(
            manifest=manifest,
            docs={d.doc_id: d for d in unique},
            chunks=chunks,
            vectors=vectors,
            faiss_index=fidx,
            sent_vectors=sent_vectors,
        )
    stats = {
        "documents": len(unique),
        "chunks": len(chunks),
        "embedded": len(to_embed),
        "sentences_embedded": len(new_sents),
        "reused_documents": reused,
        "seconds": time.perf_counter() - t0,
        "min_tokens": min(tokens),
        "max_tokens": max(tokens),
    }
    return index, stats


def sentence_keys(chunks: list[Chunk]) -> list[tuple[str, int, int]]:
    """Unique (doc, start, end) sentence spans of these chunks, documents in first-seen
    order and sentences by offset: the row order of the sentence vectors."""
    by_doc: dict[str, set[tuple[int, int]]] = {}
    for c in chunks:
        by_doc.setdefault(c.doc_id, set()).update((a, b) for a, b in c.sentences)
    return [(d, a, b) for d, spans in by_doc.items() for a, b in sorted(spans)]


def embed_text(chunk: Chunk, title: str | None) -> str:
    """What the encoder and BM25 see for a chunk: the headline gives context."""
    return f"{title}\n{chunk.text}" if title and not chunk.text.startswith(title) else chunk.text
