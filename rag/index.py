"""The persisted index: manifest.json + JSONL records + float32 vectors + a FAISS file.

Atomicity: each build writes a new *generation* of data files (docs-<g>.jsonl,
chunks-<g>.jsonl, vectors-<g>.npy, sentvecs-<g>.npy, faiss-<g>.index), fsyncs them, and only then
replaces manifest.json (os.replace is atomic). A build killed at any point leaves
the old manifest pointing at the old, complete generation. No pickle anywhere.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import sys
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from importlib import metadata
from pathlib import Path

import numpy as np

from .chunk import chunk_document
from .config import Config
from .corpus import file_hashes, iter_documents
from .embed import Embedder, resolve_model
from .records import Chunk, Document

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA_KEYS = ("docs", "chunks", "vectors", "sentvecs", "faiss")
# What a build names its files; only these (and their temporary copies) are ever deleted,
# so an --index folder that holds anything else keeps it.
_GENERATION_FILE = re.compile(r"(docs|chunks|vectors|sentvecs|faiss)-\d{14}-[0-9a-f]{6}\.(jsonl|npy|index)")
_TEMP_FILE = re.compile(r"\.(?:(?:docs|chunks|vectors|sentvecs|faiss)-[\w.-]+|manifest\.json\.[0-9a-f]{32})\.tmp")


class IndexError_(RuntimeError):
    """The index is missing, stale or damaged; the message names the fixing command."""


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _versions() -> dict[str, str]:
    out = {}
    for pkg in ("sentence-transformers", "faiss-cpu", "bm25s", "tiktoken", "torch", "numpy"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            out[pkg] = metadata.version(pkg)
    return out


def _check_manifest(manifest: object, where: Path, fix: str) -> dict:
    """The manifest if it has every field a load needs, with the right types; a hand-edited
    or foreign file raises IndexError_ naming the first bad field (never a KeyError later)."""

    def bad(what: str) -> IndexError_:
        return IndexError_(f"{where} is malformed ({what}): {fix}")

    if not isinstance(manifest, dict):
        raise bad(f"a JSON {type(manifest).__name__}, not an object")
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise IndexError_(f"{where} has format version {version!r}, this version reads {FORMAT_VERSION}: {fix}")
    data = manifest.get("data_files")
    if not isinstance(data, dict) or set(data) != set(DATA_KEYS):
        raise bad(f"data_files must name {', '.join(DATA_KEYS)}")
    for key, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str):
            raise bad(f"data_files.{key}")
        name = entry.get("name")
        # A plain file name inside the index folder: a manifest must not point elsewhere.
        if not isinstance(name, str) or not _GENERATION_FILE.fullmatch(name):
            raise bad(f"data_files.{key}.name {name!r} is not an index file name")
    model = manifest.get("model")
    if not isinstance(model, dict) or not isinstance(model.get("name"), str):
        raise bad("model.name")
    if not isinstance(model.get("dim"), int) or isinstance(model.get("dim"), bool) or model["dim"] < 1:
        raise bad("model.dim")
    if not isinstance(manifest.get("chunker"), dict):
        raise bad("chunker")
    files = manifest.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(v, dict) and isinstance(v.get("sha256"), str) for v in files.values()
    ):
        raise bad("files")
    counts = manifest.get("counts")
    if not isinstance(counts, dict) or not all(
        isinstance(counts.get(c), int) and not isinstance(counts.get(c), bool) and counts[c] >= 0
        for c in ("documents", "chunks", "sentences")
    ):
        raise bad("counts")
    skipped = manifest.get("skipped", [])
    if not isinstance(skipped, list) or not all(isinstance(x, str) for x in skipped):
        raise bad("skipped")
    skipped_files = manifest.get("skipped_files", {})
    if not isinstance(skipped_files, dict) or not all(isinstance(x, str) for x in skipped_files.values()):
        raise bad("skipped_files")
    return manifest


def _check_records(docs: dict[str, Document], chunks: list[Chunk], manifest: dict, index_dir: Path, fix: str) -> None:
    """Chunk records must point into the documents they name: every quote is cut from
    Document.text by a chunk's offsets, so a mismatch would cite text that is not there."""
    if set(docs) != set(manifest["files"]):
        raise IndexError_(f"index in {index_dir} lists other articles than its manifest: {fix}")
    seen: set[str] = set()
    for c in chunks:
        doc = docs.get(c.doc_id)
        ok = (
            doc is not None
            and c.chunk_id not in seen
            and 0 <= c.start <= c.end <= len(doc.text)
            and doc.text[c.start : c.end] == c.text
            and all(c.start <= a <= b <= c.end for a, b in c.sentences)
        )
        if not ok:
            raise IndexError_(f"index chunk {c.chunk_id!r} does not match its article text: {fix}")
        seen.add(c.chunk_id)


@contextlib.contextmanager
def build_lock(index_dir: Path, wait: bool = True) -> Iterator[None]:
    """One writer at a time. A second `rag index` waits (saying so) or refuses."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise IndexError_(f"another `rag index` is writing {index_dir}; try again when it finishes") from None
            print(f"another `rag index` is writing {index_dir}; waiting for it to finish...", file=sys.stderr)
            fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


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
            before = _manifest_bytes(index_dir)
            try:
                return cls._load(index_dir)
            except IndexError_:
                if attempt == 2 or before is None or _manifest_bytes(index_dir) in (before, None):
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    @classmethod
    def _load(cls, index_dir: Path) -> Index:
        import faiss

        fix = f"run `rag index --rebuild` (index folder {index_dir})"
        mpath = index_dir / MANIFEST
        if not mpath.exists():
            raise IndexError_(f"no index in {index_dir}: run `rag index` to build it")
        try:
            manifest = json.loads(mpath.read_text("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise IndexError_(f"{mpath} is not valid JSON: {fix}") from None
        except OSError as e:
            raise IndexError_(f"{mpath} cannot be read ({e.strerror or e}): {fix}") from None
        manifest = _check_manifest(manifest, mpath, fix)
        try:
            files = {k: index_dir / v["name"] for k, v in manifest["data_files"].items()}
            for key, path in files.items():
                if not path.is_file():
                    raise IndexError_(f"index file {path.name} is missing: {fix}")
                if _sha256_file(path) != manifest["data_files"][key]["sha256"]:
                    raise IndexError_(f"index file {path.name} is damaged (checksum mismatch): {fix}")
            docs = {}
            for line in files["docs"].read_text("utf-8").splitlines():
                d = Document(**json.loads(line))
                docs[d.doc_id] = d
            chunks = [Chunk.from_dict(json.loads(ln)) for ln in files["chunks"].read_text("utf-8").splitlines()]
            # allow_pickle=False: an object array (a pickle) is refused, never executed.
            vectors = np.load(files["vectors"], allow_pickle=False)
            sent_vectors = np.load(files["sentvecs"], allow_pickle=False)
            fidx = faiss.read_index(str(files["faiss"]))
            if vectors.ndim != 2 or sent_vectors.ndim != 2 or vectors.dtype != np.float32:
                raise ValueError("vectors are not a float32 matrix")
        except IndexError_:
            raise
        except Exception as e:  # noqa: BLE001 - any parse failure means the same fix
            raise IndexError_(f"index in {index_dir} cannot be read ({type(e).__name__}): {fix}") from None
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
        _check_records(docs, chunks, manifest, index_dir, fix)
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

        gen = f"{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:6]}"
        names = {
            "docs": f"docs-{gen}.jsonl",
            "chunks": f"chunks-{gen}.jsonl",
            "vectors": f"vectors-{gen}.npy",
            "sentvecs": f"sentvecs-{gen}.npy",
            "faiss": f"faiss-{gen}.index",
        }
        doc_lines = "".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in unique)
        chunk_lines = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in chunks)
        _write_atomic(index_dir / names["docs"], doc_lines.encode())
        _write_atomic(index_dir / names["chunks"], chunk_lines.encode())
        for key, arr in (("vectors", vectors), ("sentvecs", sent_vectors)):
            tmp = index_dir / f".{names[key]}.tmp"
            with open(tmp, "wb") as f:
                np.save(f, arr, allow_pickle=False)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, index_dir / names[key])
        tmp = index_dir / f".{names['faiss']}.tmp"
        faiss.write_index(fidx, str(tmp))
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, index_dir / names["faiss"])

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
            "data_files": {k: {"name": v, "sha256": _sha256_file(index_dir / v)} for k, v in names.items()},
            "versions": _versions(),
        }
        _write_atomic(index_dir / MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False).encode())
        _remove_old_generations(index_dir, keep=set(names.values()))
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


def _remove_old_generations(index_dir: Path, keep: set[str]) -> None:
    """Delete earlier generations and temporary files left by killed builds: only names
    a build writes, so an --index folder shared with other files keeps them."""
    for p in index_dir.iterdir():
        if p.name in keep:
            continue
        if _GENERATION_FILE.fullmatch(p.name) or _TEMP_FILE.fullmatch(p.name):
            with contextlib.suppress(OSError):
                p.unlink()


def _manifest_bytes(index_dir: Path) -> bytes | None:
    try:
        return (index_dir / MANIFEST).read_bytes()
    except OSError:
        return None
