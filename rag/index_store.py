"""The persisted index: manifest.json + JSONL records + float32 vectors + a FAISS file.

Atomicity: each build writes a new *generation* of data files (docs-<g>.jsonl,
chunks-<g>.jsonl, vectors-<g>.npy, sentvecs-<g>.npy, faiss-<g>.index), fsyncs them, and only then
replaces manifest.json (os.replace is atomic). A build killed at any point leaves
the old manifest pointing at the old, complete generation. No pickle anywhere.

This module reads, writes, checks and locks those files; rag/index.py holds the Index
they load into and the build that writes them.
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
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import numpy as np

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


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def package_versions() -> dict[str, str]:
    out = {}
    for pkg in ("sentence-transformers", "faiss-cpu", "bm25s", "tiktoken", "torch", "numpy"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            out[pkg] = metadata.version(pkg)
    return out


def check_manifest(manifest: object, where: Path, fix: str) -> dict:
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


def check_records(docs: dict[str, Document], chunks: list[Chunk], manifest: dict, index_dir: Path, fix: str) -> None:
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


def read_manifest(index_dir: Path, fix: str) -> dict:
    """manifest.json, parsed and checked; IndexError_ if there is none or it is unusable."""
    mpath = index_dir / MANIFEST
    if not mpath.exists():
        raise IndexError_(f"no index in {index_dir}: run `rag index` to build it")
    try:
        manifest = json.loads(mpath.read_text("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise IndexError_(f"{mpath} is not valid JSON: {fix}") from None
    except OSError as e:
        raise IndexError_(f"{mpath} cannot be read ({e.strerror or e}): {fix}") from None
    return check_manifest(manifest, mpath, fix)


def read_generation(
    index_dir: Path, manifest: dict, fix: str
) -> tuple[dict[str, Document], list[Chunk], np.ndarray, np.ndarray, object]:
    """The data files a checked manifest names, checksums verified: (documents, chunks,
    chunk vectors, sentence vectors, FAISS index). Any failure raises IndexError_."""
    import faiss

    try:
        files = {k: index_dir / v["name"] for k, v in manifest["data_files"].items()}
        for key, path in files.items():
            if not path.is_file():
                raise IndexError_(f"index file {path.name} is missing: {fix}")
            if sha256_file(path) != manifest["data_files"][key]["sha256"]:
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
    return docs, chunks, vectors, sent_vectors, fidx


def write_generation(
    index_dir: Path,
    docs: list[Document],
    chunks: list[Chunk],
    vectors: np.ndarray,
    sent_vectors: np.ndarray,
    fidx: object,
) -> tuple[str, dict[str, str]]:
    """Write a new generation of data files, each fsynced and renamed into place; returns
    the generation and its file names by key. The manifest is not touched."""
    import faiss

    gen = f"{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:6]}"
    names = {
        "docs": f"docs-{gen}.jsonl",
        "chunks": f"chunks-{gen}.jsonl",
        "vectors": f"vectors-{gen}.npy",
        "sentvecs": f"sentvecs-{gen}.npy",
        "faiss": f"faiss-{gen}.index",
    }
    doc_lines = "".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs)
    chunk_lines = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in chunks)
    write_atomic(index_dir / names["docs"], doc_lines.encode())
    write_atomic(index_dir / names["chunks"], chunk_lines.encode())
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
    return gen, names


def publish_generation(index_dir: Path, manifest: dict, names: dict[str, str]) -> None:
    """Complete `manifest` with the checksums of the generation's files (`names`, by key)
    and the package versions, replace manifest.json with it atomically (the generation is
    live from here), then delete what earlier generations and killed builds left."""
    manifest["data_files"] = {k: {"name": v, "sha256": sha256_file(index_dir / v)} for k, v in names.items()}
    manifest["versions"] = package_versions()
    write_atomic(index_dir / MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False).encode())
    remove_old_generations(index_dir, keep=set(names.values()))


def remove_old_generations(index_dir: Path, keep: set[str]) -> None:
    """Delete earlier generations and temporary files left by killed builds: only names
    a build writes, so an --index folder shared with other files keeps them."""
    for p in index_dir.iterdir():
        if p.name in keep:
            continue
        if _GENERATION_FILE.fullmatch(p.name) or _TEMP_FILE.fullmatch(p.name):
            with contextlib.suppress(OSError):
                p.unlink()


def manifest_bytes(index_dir: Path) -> bytes | None:
    try:
        return (index_dir / MANIFEST).read_bytes()
    except OSError:
        return None
