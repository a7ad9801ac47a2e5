"""Security: the UI listens on loopback only and serves no files from disk, nothing on
disk is ever unpickled, article and question text is always escaped where it becomes
HTML, and paths from any input stay inside the corpus, index and output folders."""

from __future__ import annotations

import hashlib
import inspect
import io
import json
import pickle
import re
import shutil
import socket
import urllib.error
import urllib.request
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rag.corpus import list_files
from rag.index import Index, IndexError_
from rag.index_store import MANIFEST
from rag.records import Answer, Document, Quote, Source
from rag.render import answer_html, articles_html, error_html, eval_html, question_html, sources_html

from .conftest import GT_FILE, GT_QUESTION, REPO, SEEDS
from .ui_support import free_port


# --- the UI's network surface ---------------------------------------------------------------
@pytest.fixture(scope="module")
def default_app(pipeline, tmp_path_factory):
    """The app from ui.py launched with every launch() default (host included)."""
    import ui

    demo = ui.build_app(pipeline, tmp_path_factory.mktemp("r") / "latest.json")
    url = ui.launch(demo, port=free_port(), quiet=True)
    try:
        yield demo, url.rstrip("/")
    finally:
        demo.close()


def _outward_address() -> str | None:
    """This machine's address on its default route, if it has one (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: routing only
            addr = s.getsockname()[0]
        except OSError:
            return None
    return None if addr.startswith("127.") else addr


def test_ui_binds_loopback_by_default(default_app):
    import ui

    assert ui.parse_args([]).host == "127.0.0.1" and ui.parse_args([]).share is False
    params = inspect.signature(ui.launch).parameters
    assert params["host"].default == "127.0.0.1" and params["share"].default is False
    demo, url = default_app
    assert url.startswith("http://127.0.0.1:") and demo.server_name == "127.0.0.1"
    port = int(url.rsplit(":", 1)[1])
    with urllib.request.urlopen(url + "/", timeout=30) as r:
        assert r.status == 200
    outward = _outward_address()
    if outward is not None:  # not reachable from the network side
        with pytest.raises(OSError), socket.create_connection((outward, port), timeout=5):
            pass


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


@pytest.mark.parametrize(
    "path",
    [
        "/etc/passwd",
        "../../../../../../etc/passwd",
        str(SEEDS / GT_FILE),
        f"seeds/{GT_FILE}",
        "index/manifest.json",
        str(REPO / "pyproject.toml"),
    ],
)
def test_ui_serves_no_file_from_disk(default_app, path):
    _, url = default_app
    secret = (Path(path) if Path(path).is_absolute() else REPO / path).resolve()
    body_of_secret = secret.read_bytes()[:200] if secret.is_file() else b"root:x:0:0"
    for route in ("/gradio_api/file=", "/file=", "/gradio_api/file/"):
        status, body = _get(url + route + urllib.request.quote(path))
        assert status in (400, 403, 404) and body_of_secret not in body, (route, path, status)


def test_hostile_question_is_escaped_in_the_chat(default_app):
    from gradio_client import Client

    _, url = default_app
    question = '<img src=x onerror="window.__pwned=1"> Who is the editor in chief of the Global Times?'
    _, chat, panel = Client(url, verbose=False).predict(question, 5, False, api_name="/ask")
    shown = chat[0]["content"][0]["text"]
    assert "<img" not in shown and "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in shown
    assert "Hu Xijin" in chat[1]["content"][0]["text"]


def test_api_calls_the_page_cannot_make_get_clear_answers(default_app):
    from gradio_client import Client

    _, url = default_app
    client = Client(url, verbose=False)
    _, chat, _ = client.predict(None, 5, False, api_name="/ask")
    assert chat[-1]["content"][0]["text"] == (
        '<div class="rag-error">\u26a0 the question is empty: type a question about the articles</div>'
    )
    _, chat, _ = client.predict("x" * 100_000, 5, False, api_name="/ask")
    assert "the question is 100,000 characters long; keep it under 2,000" in chat[-1]["content"][0]["text"]
    for k, message in ((10_000, "greater than maximum value 20"), (0, "less than minimum value 1")):
        with pytest.raises(Exception, match=message):  # gradio checks the slider's range
            client.predict(GT_QUESTION, k, False, api_name="/ask")
    _, chat, _ = client.predict(GT_QUESTION, 5, False, api_name="/ask")  # the session still works
    assert "Hu Xijin" in chat[-1]["content"][0]["text"]


# --- nothing on disk is unpickled -----------------------------------------------------------------
class _Trap:
    """Unpickling this creates a folder: proof that a pickle was executed."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        import os

        return (os.mkdir, (str(self.marker),))


def test_index_refuses_a_pickled_array_without_running_it(pipeline, config, tmp_path):
    index_dir = tmp_path / "index"
    shutil.copytree(config.index_dir, index_dir, ignore=shutil.ignore_patterns(".lock"))
    marker = tmp_path / "pwned"
    m = json.loads((index_dir / MANIFEST).read_text("utf-8"))
    buf = io.BytesIO()
    np.save(buf, np.array([_Trap(marker)], dtype=object), allow_pickle=True)
    (index_dir / m["data_files"]["vectors"]["name"]).write_bytes(buf.getvalue())
    m["data_files"]["vectors"]["sha256"] = hashlib.sha256(buf.getvalue()).hexdigest()
    (index_dir / MANIFEST).write_text(json.dumps(m), "utf-8")
    with pytest.raises(IndexError_, match=r"cannot be read \(ValueError\): run `rag index --rebuild`"):
        Index.load(index_dir)
    assert not marker.exists()


def test_model_folder_with_a_pickled_checkpoint_is_never_unpickled(capsys, config, tmp_path, embedder):
    from rag.cli import main

    model = tmp_path / "model"
    shutil.copytree(embedder.path, model, ignore=shutil.ignore_patterns("*.safetensors"))
    marker = tmp_path / "pwned"
    (model / "pytorch_model.bin").write_bytes(pickle.dumps(_Trap(marker)))
    rc = main(["index", "--model", str(model), "--seeds", str(SEEDS), "--index", str(tmp_path / "index")])
    err = capsys.readouterr().err
    assert rc == 2 and f"rag index: error: cannot load the embedder from {model}" in err, err
    assert not marker.exists() and not (tmp_path / "index" / MANIFEST).exists()


_UNPICKLING = re.compile(
    r"\bimport pickle\b|\bpickle\.loads?\(|\bjoblib\b|\bdill\b|allow_pickle\s*=\s*True|"
    r"torch\.load\((?![^)]*weights_only\s*=\s*True)|trust_remote_code\s*=\s*True"
)


def test_no_code_path_unpickles_files():
    sources = [*(REPO / "rag").glob("*.py"), REPO / "ui.py"]
    assert len(sources) > 10
    hits = [
        f"{p.name}:{n}: {line.strip()}"
        for p in sources
        for n, line in enumerate(p.read_text("utf-8").splitlines(), 1)
        if _UNPICKLING.search(line) and not line.lstrip().startswith("#")
    ]
    assert hits == []


def test_index_files_are_json_npy_and_faiss_only(pipeline, config):
    names = sorted(p.name for p in config.index_dir.iterdir() if p.name != ".lock")
    assert all(
        re.fullmatch(
            r"manifest\.json|(docs|chunks)-[\w-]+\.jsonl|(vectors|sentvecs)-[\w-]+\.npy|faiss-[\w-]+\.index", n
        )
        for n in names
    ), names
    m = Index.load(config.index_dir).manifest
    for v in m["data_files"].values():
        if v["name"].endswith(".npy"):
            arr = np.load(config.index_dir / v["name"], allow_pickle=False)
            assert arr.dtype == np.float32


# --- escaping -------------------------------------------------------------------------------
HOSTILE = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "\"'><svg onload=alert(1)>",
    "[link](javascript:alert(1))",
    "</div></blockquote><iframe src=//x>",
    "&lt;already&gt; &amp;",
    "${alert(1)} {{constructor}}",
    "<a href='javascript:alert(1)'>x</a>",
]
_TEXT = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(min_size=1, max_size=40),
    st.lists(st.sampled_from([*HOSTILE, "Kim", " ", "\n", "<", ">", "&", '"', "'"]), min_size=1, max_size=6).map(
        "".join
    ),
)
# What the renderer itself writes: these tags, these attributes, nothing else.
ALLOWED_TAGS = {
    "div", "p", "strong", "blockquote", "span", "mark", "code", "ul", "li", "details", "summary",
    "table", "caption", "thead", "tbody", "tr", "th", "td", "img",
}  # fmt: skip
ALLOWED_ATTRS = {"class", "style", "data-n", "alt", "src"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def _assert_inert(html: str, inputs: list[str]) -> None:
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS, (tag, html)
        for name, value in attrs:
            assert name in ALLOWED_ATTRS, (tag, name, html)
            if tag == "img" and name == "src":
                assert (value or "").startswith("data:image/png;base64,"), value
            assert "javascript:" not in (value or "").lower(), (name, value)
    shown = "".join(parser.text)
    for text in inputs:  # every piece of input is shown, as the characters it is
        flat = " ".join(text.split())
        assert escape(text, quote=True) in html or flat in " ".join(shown.split()), text


@settings(max_examples=150, deadline=None, database=None)
@given(
    doc=_TEXT, title=_TEXT, outlet=_TEXT, date=_TEXT, body=_TEXT, question=_TEXT, short=_TEXT, abstained=st.booleans()
)
def test_property_rendered_html_is_inert_for_any_text(doc, title, outlet, date, body, question, short, abstained):
    text = f"{body} and more"
    src = Source(1, doc, title, outlet, date, 0, len(text), text, 0.5, [(0, len(body))])
    quote = Quote(body, [1], doc, 0, len(body), 0.9)
    ans = Answer(question, short, [quote], [src], 0.8, abstained)
    _assert_inert(answer_html(ans, show_scores=True), [short] if not abstained else [])
    _assert_inert(sources_html(ans, show_scores=True), [title, doc, body])
    _assert_inert(question_html(question), [question])
    _assert_inert(error_html(question), [question])
    index = SimpleNamespace(
        docs={doc: Document(doc, text, title, outlet, None, date)},
        manifest={"files": {doc: {"chunks": 1}}, "counts": {"chunks": 1}},
    )
    _assert_inert(articles_html(index), [title, doc])


def test_eval_report_with_hostile_fields_renders_inert(tmp_path):
    bad = HOSTILE[1]
    report = {
        "created": HOSTILE[0],
        "n": bad,
        "gold": HOSTILE[2],
        "configs": {bad: {"overall": {bad: 0.5, "hit@1": bad}, "by_type": {HOSTILE[4]: {"hit@1": 0.3}}}},
        "chart": None,
    }
    path = tmp_path / "latest.json"
    path.write_text(json.dumps(report), "utf-8")
    html = eval_html(path)
    _assert_inert(html, [HOSTILE[0], bad, HOSTILE[2], HOSTILE[4]])


# --- paths stay inside their folders ----------------------------------------------------------
@pytest.mark.parametrize("chart", ["../secret.png", "ABSOLUTE", "sub/../../secret.png", "secret"])
def test_eval_report_cannot_inline_a_file_outside_its_folder(tmp_path, chart):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\nSECRET-BYTES")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "secret").write_bytes(b"not a png")
    if chart == "ABSOLUTE":
        chart = str(secret)
    path = reports / "latest.json"
    path.write_text(json.dumps({"configs": {"full": {"overall": {"hit@1": 1.0}}}, "chart": chart}), "utf-8")
    html = eval_html(path)
    assert "data:image/png" not in html and "U0VDUkVU" not in html  # base64 of "SECRET"


def test_eval_report_chart_beside_it_is_still_shown(tmp_path):
    (tmp_path / "latest.png").write_bytes(b"\x89PNG\r\n\x1a\nfine")
    path = tmp_path / "latest.json"
    path.write_text(json.dumps({"configs": {"full": {"overall": {"hit@1": 1.0}}}, "chart": "latest.png"}), "utf-8")
    assert '<img class="rag-chart" alt="evaluation chart" src="data:image/png;base64,' in eval_html(path)


def test_corpus_never_reads_through_links_out_of_its_folder(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "sub").mkdir(parents=True)
    (seeds / "sub" / "ok.txt").write_text("A sentence that is long enough to count as the body of an article here.")
    (tmp_path / "private.txt").write_text("secret")
    (seeds / "link.txt").symlink_to(tmp_path / "private.txt")
    (seeds / "sub" / "up.txt").symlink_to("../../private.txt")
    (seeds / "etc").symlink_to("/etc")  # a folder link: not followed at all
    (seeds / "inside.txt").symlink_to(seeds / "sub" / "ok.txt")  # inside, but the same file: once
    with pytest.warns(UserWarning) as rec:
        files = list_files(seeds)
    # one file, under whichever of its two names sorts first
    assert [d for d, _ in files] == ["inside.txt"] and files[0][1].resolve() == (seeds / "sub" / "ok.txt").resolve()
    msgs = " ".join(str(w.message) for w in rec)
    assert f"skipping link.txt: it points outside {seeds}" in msgs and "sub/up.txt: it points outside" in msgs


def test_batch_row_ids_never_become_paths(capsys, config, pipeline, tmp_path):
    from rag.cli import main

    work = tmp_path / "work"
    work.mkdir()
    src = work / "q.jsonl"
    rows = [{"id": "../../evil", "question": "?!"}, {"id": "/tmp/evil2", "question": "??"}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    rc = main(["batch", str(src), "--seeds", str(SEEDS), "--index", str(config.index_dir), "--no-progress"])
    capsys.readouterr()
    assert rc == 1
    assert sorted(p.name for p in work.iterdir()) == ["q.answers.jsonl", "q.jsonl"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work"] and not Path("/tmp/evil2").exists()
    recs = [json.loads(ln) for ln in (work / "q.answers.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["../../evil", "/tmp/evil2"]


def test_question_is_not_a_path(pipeline):
    # a question that looks like a path is just words: nothing is read from it
    ans = pipeline.answer("../../../../etc/passwd what is in it?")
    assert all("root:" not in s.text for s in ans.sources)
    assert {s.doc for s in ans.sources} <= set(pipeline.index.docs)
