"""Bad input from users and hostile files: questions, article folders, damaged indexes,
`rag batch` question files and command-line arguments. Each gets one clear line and a
clean exit code, never a traceback; answers that do come are quoted from the articles.

The CLI runs for real: in a subprocess where it is cheap (argument and question errors
stop before the model loads) and in-process through `rag.cli.main` otherwise, so an
uncaught exception fails the test instead of being printed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rag.cli import main
from rag.config import Config
from rag.corpus import read_document
from rag.index import Index, IndexError_, build
from rag.index_store import MANIFEST
from rag.pipeline import Pipeline, QuestionError

from .conftest import GT_FILE, GT_QUESTION, REPO, SEEDS

OTHER_FILE = "004_a56a2f903766f48a.txt"
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}


# --- helpers ----------------------------------------------------------------------------
def rag(*argv: str | bytes | Path, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """`python -m rag.cli ARGV` in a subprocess; stdout/stderr as bytes."""
    args = [a if isinstance(a, bytes) else str(a) for a in argv]
    return subprocess.run(
        [sys.executable, "-m", "rag.cli", *args], cwd=REPO, env=env or ENV, capture_output=True, timeout=timeout
    )


def one_error(stderr: str, rc: int, expected_rc: int = 2) -> str:
    """The single error line of a failed command (and nothing that looks like a crash)."""
    assert rc == expected_rc, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    errors = [ln for ln in stderr.splitlines() if ": error: " in ln]
    assert len(errors) == 1, stderr
    return errors[0]


def run_cli(capsys, *argv: str | Path) -> tuple[int, str, str]:
    """`rag ARGV` in this process: exit code, stdout, stderr."""
    capsys.readouterr()
    try:
        rc = main([str(a) for a in argv])
    except SystemExit as e:  # argparse
        rc = e.code
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return rc, out, err


def disk_texts(seeds: Path) -> dict[str, str]:
    """Each article's cleaned text, read again from its file: what offsets point into."""
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unusable files: tested where they are indexed
        for p in sorted(seeds.iterdir()):
            doc = read_document(p, p.name)
            if doc is not None:
                out[p.name] = doc.text
    return out


def assert_grounded(ans, texts: dict[str, str]) -> None:
    """Every quote (and every shown passage) is the text at its offsets in its file; a
    corroborating citation points at a whole sentence of the article it cites."""
    numbers = {s.n: s for s in ans.sources}
    for s in ans.sources:
        assert texts[s.doc][s.start : s.end] == s.text, (s.doc, s.start, s.end)
    if ans.abstained:
        return
    assert ans.quotes, "an answer that does not abstain quotes something"
    for q in ans.quotes:
        assert q.citations and all(n in numbers for n in q.citations), q
        assert q.doc in {numbers[n].doc for n in q.citations}, q
        assert texts[q.doc][q.start : q.end] == q.text, (q.doc, q.start, q.end, q.text)
        for other in q.also:
            text = texts[other["doc"]]
            assert 0 <= other["start"] < other["end"] <= len(text), other
            assert text[other["start"] : other["end"]].strip() == text[other["start"] : other["end"]], other
            assert other["doc"] in {numbers[n].doc for n in q.citations}, other


@pytest.fixture(scope="module")
def seed_texts() -> dict[str, str]:
    return disk_texts(SEEDS)


@pytest.fixture(scope="module")
def gt_turn(pipeline) -> tuple:
    """A first turn for follow-up questions, answered once."""
    return (GT_QUESTION, pipeline.answer(GT_QUESTION))


@pytest.fixture(scope="module")
def small(tmp_path_factory, embedder) -> Config:
    """Two seed articles and their index: cheap to copy, damage and rebuild."""
    root = tmp_path_factory.mktemp("small")
    seeds = root / "seeds"
    seeds.mkdir()
    for name in (GT_FILE, OTHER_FILE):
        shutil.copy(SEEDS / name, seeds / name)
    cfg = Config(seeds_dir=seeds, index_dir=root / "index")
    build(cfg, embedder)
    return cfg


@pytest.fixture
def index_copy(small, tmp_path) -> Path:
    dst = tmp_path / "index"
    shutil.copytree(small.index_dir, dst, ignore=shutil.ignore_patterns(".lock"))
    return dst


# --- questions ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("", "the question is empty: type a question about the articles"),
        ("   \t  ", "the question is empty"),
        ("\x07\x08\x1b\x7f", "the question is empty"),  # control characters only
        ("a", "'a' is not a question: ask with words"),
        ("?!?! ... ;;", "is not a question: ask with words"),
        ("\U0001f642\U0001f642\U0001f642", "is not a question: ask with words"),
        ("x" * 100_000, "the question is 100,000 characters long; keep it under 2,000"),
    ],
    ids=["empty", "whitespace", "control-chars", "one-char", "punctuation", "emoji", "100k-chars"],
)
def test_unanswerable_question_gets_one_line_and_exit_2(small, question, message):
    out = rag("ask", question, "--seeds", small.seeds_dir, "--index", small.index_dir)
    line = one_error(out.stderr.decode(), out.returncode)
    assert line.startswith("rag ask: error: ") and message in line
    assert out.stdout == b""


@pytest.mark.parametrize(
    "question",
    [
        "김정은은 언제 베이징에 갔나요?",
        "金正恩什么时候访问北京？",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)> Who is the editor in chief of the Global Times?",
        "\x00\x07Who is the editor\x1b in chief of the Global Times?\x7f",
        "\U0001f642 Who is the editor in chief of the Global Times? \U0001f642",
        "\u202eWho is the editor in chief of the Global Times?",
        "Who" + "\u0301" * 50 + " met Kim?",
    ],
    ids=["korean", "chinese", "script", "img-payload", "control-chars", "emoji", "rtl-override", "combining"],
)
def test_odd_questions_are_answered_from_the_articles_or_abstain(pipeline, seed_texts, question):
    ans = pipeline.answer(question)
    assert ans.question == question  # echoed as typed; escaping is the renderer's job
    assert_grounded(ans, seed_texts)
    if re.findall(r"\w+", question) == re.findall(r"\w+", GT_QUESTION):
        # control characters, emoji and bidi marks around a real question do not derail it
        assert not ans.abstained and ans.short_answer == "Hu Xijin"


def test_non_utf8_question_with_markup_prints_valid_json(capsys, small):
    # Bytes of argv that are not UTF-8 reach Python as lone surrogates (b"\xff" -> "\udcff");
    # a strict UTF-8 stdout (a normal terminal; capsys is one) crashed echoing them in JSON.
    question = b"Who\xff is the editor in chief of the <script>Global Times</script>?".decode(
        "utf-8", "surrogateescape"
    )
    rc, out, err = run_cli(capsys, "ask", "--json", question, "--seeds", small.seeds_dir, "--index", small.index_dir)
    assert rc == 0, err
    rec = json.loads(out)
    assert rec["question"] == "Who\ufffd is the editor in chief of the <script>Global Times</script>?"
    assert rec["short_answer"] == "Hu Xijin"


# Words of the articles, so random questions also hit real passages.
_VOCAB = sorted({w for p in SEEDS.iterdir() for w in re.findall(r"[A-Za-z][a-z]{2,}", p.read_text("utf-8"))})
_WH = ["Who", "What", "When", "Where", "Why", "How", "Which", "How many", "he", "she", "it", "there"]
_QUESTIONS = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=60),
    st.lists(st.sampled_from(_VOCAB + _WH), min_size=1, max_size=14).map(" ".join),
    st.tuples(st.sampled_from(_WH), st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=8)).map(
        lambda t: f"{t[0]} {' '.join(t[1])}?"
    ),
)


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True)
@given(question=_QUESTIONS, follow_up=st.booleans())
def test_property_any_question_is_quoted_verbatim_or_abstains(pipeline, seed_texts, gt_turn, question, follow_up):
    conv = pipeline.conversation()
    if follow_up:  # also through follow-up resolution, which rewrites the question
        conv.turns.append(gt_turn)
    try:
        ans = conv.ask(question)
    except QuestionError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert_grounded(ans, seed_texts)


# --- the articles folder ------------------------------------------------------------------
ARTICLE = (
    "Lake Ossel Observatory Opens To The Public\n\n"
    "The Lake Ossel observatory opened its new telescope to visitors on Saturday after three years of work.\n\n"
    "Director Mira Quenby said the telescope would be free to use for schools every Tuesday afternoon.\n"
)


OTHER_ARTICLE = (
    "Harbour Ferry Returns After Repairs\n\n"
    "The Port Wendle ferry returned to service on Monday after a month in dry dock for engine repairs.\n\n"
    "Captain Ilse Marrow said crossings would run every forty minutes until the end of the summer season.\n"
)


def test_bad_article_files_are_skipped_with_one_warning_each(capsys, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(ARTICLE, "utf-8")
    (seeds / "same-as-good.txt").write_text(ARTICLE, "utf-8")
    (seeds / "empty.txt").write_text("")
    (seeds / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (seeds / "latin1.txt").write_bytes(ARTICLE.replace("Ossel", "Öße").encode("latin-1"))
    with open(seeds / "huge.txt", "wb") as f:  # 50 MB, sparse: refused by size before reading
        f.truncate(50_000_000)
    lines = [f"speaker {i} said the lake water was colder this year than any year they remember" for i in range(30)]
    (seeds / "transcript.txt").write_text("\n".join(lines) + "\n", "utf-8")
    (seeds / "loop.txt").symlink_to("loop.txt")
    (seeds / "up").symlink_to("..")  # a folder loop: not followed
    (tmp_path / "outside.txt").write_text(ARTICLE.replace("Ossel", "Elsewhere"), "utf-8")
    (seeds / "outside.txt").symlink_to(tmp_path / "outside.txt")
    (seeds / "notes.pdf").write_bytes(b"%PDF-1.4")
    rc, out, err = run_cli(capsys, "index", "--seeds", seeds, "--index", tmp_path / "index")
    assert rc == 0, err
    assert out.startswith("indexed 2 articles into ")
    expected = {
        "empty.txt": "skipping empty.txt: the file is empty",
        "binary.txt": "skipping binary.txt: it looks binary",
        "latin1.txt": f"skipping latin1.txt: not UTF-8 (byte {ARTICLE.index('Ossel')}); re-save it as UTF-8",
        "huge.txt": "skipping huge.txt: 50 MB is over the 20 MB limit for one article; split it",
        "loop.txt": "skipping loop.txt: broken or looping symlink",
        "outside.txt": f"skipping outside.txt: it points outside {seeds}",
        "same-as-good.txt": "skipping same-as-good.txt: same content as good.txt",
        "transcript.txt": "transcript.txt has no sentence punctuation (. ! ?): its quotes are cut at word boundaries",
    }
    for name, message in expected.items():
        hits = [ln for ln in err.splitlines() if name in ln]
        assert len(hits) == 1 and message in hits[0], (name, err)
    index = Index.load(tmp_path / "index")
    assert set(index.docs) == {"good.txt", "transcript.txt"}
    # the unpunctuated file is indexed whole, not dropped as page clutter
    assert index.docs["transcript.txt"].text.count("speaker") == 30
    cfg = Config(seeds_dir=seeds, index_dir=tmp_path / "index")
    # files it could not use do not make the index look stale (which rebuilt it on every question)
    assert index.stale_reason(cfg) is None
    ans = Pipeline(cfg, log=lambda s: None).answer("When is the telescope free to use for schools?")
    assert_grounded(ans, disk_texts(seeds))
    assert not ans.abstained and ans.quotes[0].doc == "good.txt" and "Tuesday" in ans.quotes[0].text
    # re-saving the Latin-1 file as UTF-8 makes it count
    (seeds / "latin1.txt").write_text(ARTICLE.replace("Ossel", "Öße"), "utf-8")
    assert "1 changed" in Index.load(tmp_path / "index").stale_reason(cfg)


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "articles folder {seeds} does not exist: create it and put .txt/.md/.html files in it"),
        ("empty", "no usable articles in {seeds}: add .txt/.md/.html files there, then run `rag index`"),
        ("only-bad", "no usable articles in {seeds}: add .txt/.md/.html files there, then run `rag index`"),
        ("a-file", "articles folder {seeds} is a file, not a folder: pass the folder that holds the articles"),
    ],
)
def test_unusable_articles_folder_gets_one_line_and_exit_2(capsys, tmp_path, setup, message):
    seeds = tmp_path / "seeds"
    if setup in ("empty", "only-bad"):
        seeds.mkdir()
    if setup == "only-bad":
        (seeds / "empty.txt").write_text("")
    if setup == "a-file":
        seeds.write_text(ARTICLE)
    rc, out, err = run_cli(capsys, "index", "--seeds", seeds, "--index", tmp_path / "index")
    assert one_error(err, rc) == f"rag index: error: {message.format(seeds=seeds)}"
    # and asking without an index says the same, not a traceback
    rc, out, err = run_cli(capsys, "ask", GT_QUESTION, "--seeds", seeds, "--index", tmp_path / "index")
    assert message.format(seeds=seeds) in one_error(err, rc)


def test_articles_added_changed_removed_and_duplicated_between_runs(tmp_path, embedder):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / GT_FILE, seeds / "a.txt")
    shutil.copy(SEEDS / GT_FILE, seeds / "a2.txt")  # the same article under two names
    (seeds / "b.txt").write_text(ARTICLE, "utf-8")
    cfg = Config(seeds_dir=seeds, index_dir=tmp_path / "index")
    first, st1 = build(cfg, embedder)
    assert set(first.docs) == {"a.txt", "b.txt"} and first.manifest["skipped"] == ["a2.txt"]
    assert first.stale_reason(cfg) is None
    # change b, add c, remove a: its copy now stands in for it
    (seeds / "b.txt").write_text(ARTICLE.replace("Tuesday", "Thursday"), "utf-8")
    (seeds / "c.txt").write_text(OTHER_ARTICLE, "utf-8")
    (seeds / "a.txt").unlink()
    assert "1 added, 1 changed, 1 removed" in first.stale_reason(cfg)
    second, st2 = build(cfg, embedder)
    assert set(second.docs) == {"a2.txt", "b.txt", "c.txt"} and second.manifest["skipped"] == []
    assert st2["reused_documents"] == 0 and second.stale_reason(cfg) is None
    texts = disk_texts(seeds)
    for c in second.chunks:  # every chunk is cut from the current file
        assert texts[c.doc_id][c.start : c.end] == c.text
    ans = Pipeline(cfg, embedder, log=lambda s: None).answer("On which afternoon is the telescope free for schools?")
    assert_grounded(ans, texts)
    assert not ans.abstained and "Thursday" in ans.quotes[0].text
    # a duplicate whose content then changes is noticed too
    (seeds / "a3.txt").write_bytes((seeds / "a2.txt").read_bytes())
    third, _ = build(cfg, embedder)
    assert third.manifest["skipped"] == ["a3.txt"] and third.stale_reason(cfg) is None
    (seeds / "a3.txt").write_text(OTHER_ARTICLE, "utf-8")
    assert "1 changed" in third.stale_reason(cfg)


# --- the index ----------------------------------------------------------------------------
def _manifest(index_dir: Path) -> dict:
    return json.loads((index_dir / MANIFEST).read_text("utf-8"))


def _write_manifest(index_dir: Path, m: dict) -> None:
    (index_dir / MANIFEST).write_text(json.dumps(m), "utf-8")


def _replace_data(index_dir: Path, key: str, data: bytes) -> None:
    """Overwrite one data file and record its new checksum, as a buggy writer would."""
    import hashlib

    m = _manifest(index_dir)
    (index_dir / m["data_files"][key]["name"]).write_bytes(data)
    m["data_files"][key]["sha256"] = hashlib.sha256(data).hexdigest()
    _write_manifest(index_dir, m)


def _npy(arr: np.ndarray) -> bytes:
    import io

    buf = io.BytesIO()
    np.save(buf, arr, allow_pickle=False)
    return buf.getvalue()


FIX = "run `rag index --rebuild`"


def _damage(index_dir: Path, how: str) -> str:
    """Damage the index one way; returns the message Index.load must give."""
    m = _manifest(index_dir)
    names = {k: v["name"] for k, v in m["data_files"].items()}
    if how == "faiss-deleted":
        (index_dir / names["faiss"]).unlink()
        return f"index file {names['faiss']} is missing: {FIX}"
    if how == "faiss-truncated":
        p = index_dir / names["faiss"]
        p.write_bytes(p.read_bytes()[:1000])
        return f"index file {names['faiss']} is damaged (checksum mismatch): {FIX}"
    if how == "manifest-deleted":
        (index_dir / MANIFEST).unlink()
        return f"no index in {index_dir}: run `rag index` to build it"
    if how == "wrong-version":
        _write_manifest(index_dir, {**m, "format_version": 99})
        return f"has format version 99, this version reads 1: {FIX}"
    if how == "not-json":
        (index_dir / MANIFEST).write_text('{"format_version": 1, "model": ')
        return f"is not valid JSON: {FIX}"
    if how == "binary-garbage":
        (index_dir / MANIFEST).write_bytes(bytes(range(256)))
        return f"is not valid JSON: {FIX}"
    if how == "a-list":
        _write_manifest(index_dir, [1, 2, 3])  # type: ignore[arg-type]
        return f"is malformed (a JSON list, not an object): {FIX}"
    if how == "fields-missing":
        _write_manifest(index_dir, {"format_version": 1})
        return f"is malformed (data_files must name docs, chunks, vectors, sentvecs, faiss): {FIX}"
    if how == "counts-garbage":
        _write_manifest(index_dir, {**m, "counts": {"chunks": "many"}})
        return f"is malformed (counts): {FIX}"
    if how == "dim-garbage":
        _write_manifest(index_dir, {**m, "model": {"name": m["model"]["name"], "dim": "384"}})
        return f"is malformed (model.dim): {FIX}"
    if how == "files-garbage":
        _write_manifest(index_dir, {**m, "files": {"a.txt": "x"}})
        return f"is malformed (files): {FIX}"
    if how == "path-escape":
        m["data_files"]["docs"]["name"] = "../../../etc/passwd"
        _write_manifest(index_dir, m)
        return f"is malformed (data_files.docs.name '../../../etc/passwd' is not an index file name): {FIX}"
    if how == "dim-mismatch":
        _write_manifest(index_dir, {**m, "model": {"name": m["model"]["name"], "dim": 768}})
        return f"index vectors have dimension 384, manifest says 768: {FIX}"
    if how == "chunks-missing-a-record":
        lines = (index_dir / names["chunks"]).read_bytes().splitlines(keepends=True)
        _replace_data(index_dir, "chunks", b"".join(lines[:-1]))
        n = len(lines)
        return f"is inconsistent ({n - 1} chunks, {n} vectors, {n} in FAISS): {FIX}"
    if how == "chunk-text-edited":
        lines = (index_dir / names["chunks"]).read_text("utf-8").splitlines(keepends=True)
        rec = json.loads(lines[3])
        rec["text"] = "X" + rec["text"][1:]
        lines[3] = json.dumps(rec) + "\n"
        _replace_data(index_dir, "chunks", "".join(lines).encode())
        return f"index chunk {rec['chunk_id']!r} does not match its article text: {FIX}"
    if how == "chunk-offsets-shifted":
        lines = (index_dir / names["chunks"]).read_text("utf-8").splitlines(keepends=True)
        rec = json.loads(lines[2])
        rec["start"] += 5
        lines[2] = json.dumps(rec) + "\n"
        _replace_data(index_dir, "chunks", "".join(lines).encode())
        return f"index chunk {rec['chunk_id']!r} does not match its article text: {FIX}"
    if how == "vectors-wrong-count":
        vecs = np.load(index_dir / names["vectors"])
        _replace_data(index_dir, "vectors", _npy(vecs[:-2]))
        return f"chunks, {len(vecs) - 2} vectors"
    if how == "vectors-not-float32":
        vecs = np.load(index_dir / names["vectors"])
        _replace_data(index_dir, "vectors", _npy(vecs.astype(np.float64)))
        return f"cannot be read (ValueError): {FIX}"
    raise AssertionError(how)


DAMAGE = [
    "faiss-deleted",
    "faiss-truncated",
    "manifest-deleted",
    "wrong-version",
    "not-json",
    "binary-garbage",
    "a-list",
    "fields-missing",
    "counts-garbage",
    "dim-garbage",
    "files-garbage",
    "path-escape",
    "dim-mismatch",
    "chunks-missing-a-record",
    "chunk-text-edited",
    "chunk-offsets-shifted",
    "vectors-wrong-count",
    "vectors-not-float32",
]


@pytest.mark.parametrize("how", DAMAGE)
def test_damaged_index_is_detected_before_answering_with_the_fix(small, index_copy, embedder, how):
    message = _damage(index_copy, how)
    with pytest.raises(IndexError_, match=re.escape(message)):
        Index.load(index_copy)
    cfg = small.with_(index_dir=index_copy)
    with pytest.raises(IndexError_, match=re.escape(message)):
        Pipeline(cfg, embedder, log=lambda s: None).load(auto_build=False)


@pytest.mark.parametrize("how", ["faiss-truncated"])
def test_rag_ask_repairs_a_damaged_index_by_rebuilding(capsys, small, index_copy, how):
    message = _damage(index_copy, how)
    rc, out, err = run_cli(capsys, "ask", GT_QUESTION, "--seeds", small.seeds_dir, "--index", index_copy)
    assert rc == 0, err
    assert message in err and "building it now" in err
    assert out.startswith("Answer: Hu Xijin")
    assert Index.load(index_copy).manifest["counts"] == Index.load(small.index_dir).manifest["counts"]


def _other_dimension(index_dir: Path, dim: int = 768) -> None:
    """Make the index a consistent one of another dimension, as another model builds."""
    import faiss

    m = _manifest(index_dir)
    rng = np.random.default_rng(0)
    for key in ("vectors", "sentvecs"):
        n = np.load(index_dir / m["data_files"][key]["name"]).shape[0]
        v = rng.standard_normal((n, dim)).astype(np.float32)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        _replace_data(index_dir, key, _npy(v))
        if key == "vectors":
            fidx = faiss.IndexFlatIP(dim)
            fidx.add(v)
            tmp = index_dir / "tmp.faiss"
            faiss.write_index(fidx, str(tmp))
            _replace_data(index_dir, "faiss", tmp.read_bytes())
            tmp.unlink()
    m = _manifest(index_dir)
    m["model"]["dim"] = dim
    _write_manifest(index_dir, m)


def test_index_from_another_model_is_stale_and_rebuilt(capsys, small, index_copy, embedder):
    m = _manifest(index_copy)
    _write_manifest(index_copy, {**m, "model": {"name": "sentence-transformers/all-mpnet-base-v2", "dim": 384}})
    cfg = small.with_(index_dir=index_copy)
    with pytest.raises(IndexError_, match=r"stale: it was built with model 'sentence-transformers/all-mpnet-base-v2'"):
        Pipeline(cfg, embedder, log=lambda s: None).load(auto_build=False)
    rc, out, err = run_cli(capsys, "index", "--seeds", small.seeds_dir, "--index", index_copy)
    assert rc == 0 and "model, precision or chunker settings changed: re-embedding everything" in err
    assert Index.load(index_copy).manifest["model"]["name"] == "sentence-transformers/all-MiniLM-L6-v2"


def test_index_of_another_dimension_is_stale_and_rebuilt(capsys, small, index_copy, embedder):
    # Same model name, other dimension: a model folder replaced in place. Searching it
    # with this model's 384-d query vectors would crash inside FAISS.
    _other_dimension(index_copy)
    index = Index.load(index_copy)
    cfg = small.with_(index_dir=index_copy)
    assert index.dim == 768 and index.stale_reason(cfg) is None
    assert index.stale_reason(cfg, embedder) == "its vectors have 768 dimensions, the model makes 384"
    with pytest.raises(IndexError_, match="stale: its vectors have 768 dimensions, the model makes 384"):
        Pipeline(cfg, embedder, log=lambda s: None).load(auto_build=False)
    rc, out, err = run_cli(capsys, "index", "--seeds", small.seeds_dir, "--index", index_copy)
    assert rc == 0 and "re-embedding everything" in err
    assert Index.load(index_copy).dim == 384


def test_old_generations_and_leftovers_are_cleaned_but_nothing_else(small, index_copy, embedder):
    keep = ["docs-notes.txt", "my-chunks.jsonl", "vectors.npy", "notes.tmp"]
    for name in keep:
        (index_copy / name).write_text("mine")
    leftovers = [".docs-20260101000000-abcdef.jsonl.0123456789abcdef0123456789abcdef.tmp", ".faiss-x.index.tmp"]
    leftovers += ["faiss-20260101000000-abcdef.index"]
    for name in leftovers:
        (index_copy / name).write_text("old")
    build(small.with_(index_dir=index_copy), embedder)
    assert all((index_copy / n).exists() for n in keep)
    assert not any((index_copy / n).exists() for n in leftovers)


# --- `rag batch` question files -------------------------------------------------------------
def test_batch_wrong_extension(capsys, small, tmp_path):
    src = tmp_path / "questions.pdf"
    src.write_bytes(b"%PDF-1.4")
    rc, _, err = run_cli(capsys, "batch", src, "--seeds", small.seeds_dir, "--index", small.index_dir)
    assert "unknown input format '.pdf': use .txt, .jsonl or .csv" in one_error(err, rc)


def test_batch_csv_without_question_column(capsys, small, tmp_path):
    src = tmp_path / "q.csv"
    src.write_text("id,text\n1,Who is Hu Xijin?\n", "utf-8")
    rc, _, err = run_cli(capsys, "batch", src, "--seeds", small.seeds_dir, "--index", small.index_dir)
    assert "has no 'question' column (columns: id, text); name the column 'question'" in one_error(err, rc)


def test_batch_bad_json_lines_become_error_rows(capsys, small, tmp_path):
    src = tmp_path / "q.jsonl"
    rows = [json.dumps({"id": "ok", "question": GT_QUESTION}), '{"id": 2, "question": ', "[1, 2]", "not json at all"]
    src.write_text("\n".join(rows) + "\n", "utf-8")
    out_path = tmp_path / "out.jsonl"
    rc, out, err = run_cli(
        capsys, "batch", src, "-o", out_path, "--seeds", small.seeds_dir, "--index", small.index_dir, "--no-progress"
    )
    assert rc == 1 and "4 rows in" in out and "3 failed (lines 2, 3, 4)" in out
    recs = [json.loads(ln) for ln in out_path.read_text("utf-8").splitlines()]
    assert recs[0]["short_answer"] == "Hu Xijin" and recs[0]["error"] is None
    assert [r["error"].split(":")[0] for r in recs[1:]] == ["line 2", "line 3", "line 4"]
    assert "not valid JSON" in recs[1]["error"] and "expected a JSON object" in recs[2]["error"]


def test_batch_ten_thousand_blank_lines(capsys, small, tmp_path):
    src = tmp_path / "blank.txt"
    src.write_text("\n" * 10_000 + "   \n\t\n", "utf-8")
    rc, out, err = run_cli(
        capsys, "batch", src, "--seeds", small.seeds_dir, "--index", small.index_dir, "--no-progress"
    )
    assert rc in (0, 2), err
    text = out + err
    assert re.search(r"\b0 rows\b|no questions", text), text
    assert len([ln for ln in err.splitlines() if ": error: " in ln]) <= 1


def test_batch_file_that_is_not_utf8(capsys, small, tmp_path):
    src = tmp_path / "q.txt"
    src.write_bytes(GT_QUESTION.encode() + b"\n" + "Qui a visité Pékin ?".encode("latin-1") + b"\n")
    out_path = tmp_path / "out.jsonl"
    rc, out, err = run_cli(
        capsys, "batch", src, "-o", out_path, "--seeds", small.seeds_dir, "--index", small.index_dir, "--no-progress"
    )
    assert rc == 1 and "1 failed (lines 2)" in out
    recs = [json.loads(ln) for ln in out_path.read_text("utf-8").splitlines()]  # the output is valid UTF-8
    assert recs[0]["short_answer"] == "Hu Xijin"
    assert recs[1]["error"] == "line 2: the row is not valid UTF-8; re-save the file as UTF-8"


# --- command-line arguments ------------------------------------------------------------------
@pytest.mark.parametrize("k", ["0", "-1", "10000", "five"])
def test_k_out_of_range_is_one_line(small, k):
    out = rag("ask", GT_QUESTION, "--k", k, "--seeds", small.seeds_dir, "--index", small.index_dir)
    line = one_error(out.stderr.decode(), out.returncode)
    want = f"--k must be a whole number, got '{k}'" if k == "five" else f"--k {k} is out of range: use 1..50"
    assert line == f"rag ask: error: argument --k: {want} (see `rag ask --help`)"
    assert out.stderr.decode().count("\n") == 1  # no usage block


def test_unknown_command_and_option_are_one_line():
    for argv, want in (
        (["frobnicate"], "argument COMMAND: invalid choice: 'frobnicate'"),
        (["ask", "x", "--kk", "3"], "unrecognized arguments: --kk 3"),
    ):
        out = rag(*argv)
        assert want in one_error(out.stderr.decode(), out.returncode)
        assert out.stderr.decode().count("\n") == 1


def test_unknown_model_path(capsys, small, tmp_path):
    rc, _, err = run_cli(capsys, "ask", GT_QUESTION, "--model", tmp_path / "nope", "--index", small.index_dir)
    assert one_error(err, rc) == (
        f"rag ask: error: model folder '{tmp_path / 'nope'}' does not exist: pass a local "
        "sentence-transformers folder or 'default'"
    )
    rc, _, err = run_cli(capsys, "index", "--model", tmp_path, "--seeds", small.seeds_dir, "--index", small.index_dir)
    assert "is not a sentence-transformers model folder (no config.json or modules.json)" in one_error(err, rc)


def test_model_folder_without_safetensors_is_refused(capsys, small, tmp_path, embedder):
    # A pytorch_model.bin is a pickle: only safetensors weights are loaded.
    model = tmp_path / "model"
    shutil.copytree(embedder.path, model, ignore=shutil.ignore_patterns("*.safetensors"))
    (model / "pytorch_model.bin").write_bytes(b"not loaded")
    index = tmp_path / "index"
    rc, _, err = run_cli(capsys, "index", "--model", model, "--seeds", small.seeds_dir, "--index", index)
    assert f"cannot load the embedder from {model}" in one_error(err, rc)
    assert "model.safetensors" in err and not (index / MANIFEST).exists()


def test_unwritable_output_paths(capsys, small, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    src = tmp_path / "q.txt"
    src.write_text(GT_QUESTION + "\n", "utf-8")
    common = ["--seeds", small.seeds_dir, "--index", small.index_dir, "--no-progress"]
    # a folder where the output file should be, and a file where its folder should be
    # (permission bits would not stop root, which these tests may run as)
    for out in (tmp_path, blocker / "out.jsonl"):
        rc, _, err = run_cli(capsys, "batch", src, "-o", out, *common)
        line = one_error(err, rc)
        assert line.startswith("rag batch: error: ") and ("cannot use" in line or "is not a file" in line), line
    rc, _, err = run_cli(capsys, "index", "--seeds", small.seeds_dir, "--index", blocker / "index")
    assert one_error(err, rc).startswith(f"rag index: error: cannot use {blocker / 'index'}")
    rc, _, err = run_cli(capsys, "index", "--seeds", small.seeds_dir, "--index", small.seeds_dir)
    assert "the index folder and the articles folder are both" in one_error(err, rc)


def test_corroborating_citation_does_not_contradict_the_quote(tmp_path, embedder):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "b.txt").write_text(ARTICLE.replace("Tuesday", "Thursday"), "utf-8")
    (seeds / "c.txt").write_text(ARTICLE.replace("Lake Ossel", "Mount Fenwick"), "utf-8")
    cfg = Config(seeds_dir=seeds, index_dir=tmp_path / "index")
    build(cfg, embedder)
    ans = Pipeline(cfg, embedder, log=lambda s: None).answer("On which afternoon is the telescope free for schools?")
    texts = disk_texts(seeds)
    assert_grounded(ans, texts)
    days = re.compile(r"Tuesday|Thursday")
    for q in ans.quotes:
        for other in q.also:
            said = days.findall(texts[other["doc"]][other["start"] : other["end"]])
            assert said == days.findall(q.text), (q.text, other)
