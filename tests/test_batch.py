"""`rag batch`: input formats, error rows, exit codes, ids and history, resume."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from rag.batch import InputFileError, read_rows, run_batch
from rag.cli import main
from rag.records import Answer

from .conftest import GT_QUESTION, REPO

FOLLOW_UP = "Where did he comment on Kim's visit?"
KIM_VISIT = "Which visit to China is this for Kim?"
ANSWER_KEYS = set(Answer("", None, [], [], 0.0, False).to_dict())


def _jsonl(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def _write_jsonl(path, rows):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), "utf-8")


def _same_answer(rec: dict, ans) -> None:
    """The batch record is the `rag ask --json` record (latency aside)."""
    want = ans.to_dict()
    got = {k: rec[k] for k in want}
    got.pop("latency_ms"), want.pop("latency_ms")
    assert got == want


def test_txt_blank_lines_ignored_and_line_numbers_are_ids(pipeline, tmp_path):
    src = tmp_path / "q.txt"
    src.write_text(f"{GT_QUESTION}\n\n   \n?!\n{KIM_VISIT}\n", "utf-8")
    res = run_batch(pipeline, src, progress=False)
    assert res.out == tmp_path / "q.answers.jsonl"
    rows = _jsonl(res.out)
    assert [(r["id"], r["line"]) for r in rows] == [(1, 1), (4, 4), (5, 5)]
    assert set(rows[0]) == ANSWER_KEYS | {"id", "line", "error"}
    assert rows[0]["short_answer"] == "Hu Xijin" and rows[0]["error"] is None
    _same_answer(rows[0], pipeline.answer(GT_QUESTION))
    assert rows[1]["error"].startswith("line 4: ") and "not a question" in rows[1]["error"]
    assert rows[1]["question"] == "?!" and rows[1]["quotes"] == []
    _same_answer(rows[2], pipeline.answer(KIM_VISIT))
    assert res.failed_lines == [4] and res.total == 3 and res.answered == 3


def test_jsonl_ids_history_and_error_rows(pipeline, tmp_path):
    src = tmp_path / "q.jsonl"
    _write_jsonl(
        src,
        [
            {"id": "gt", "question": GT_QUESTION},
            {"id": "follow", "question": FOLLOW_UP, "history": [GT_QUESTION]},
            '{"id": "broken", "question": ',  # line 3: bad JSON
            {"id": "noq"},  # line 4: missing question
            {"id": "long", "question": "Who " + "x" * 5000},  # line 5: over-long question
            {"id": "huge", "question": "y" * 200_000},  # line 6: over-long row
            {"id": "hist", "question": FOLLOW_UP, "history": 7},  # line 7: bad history
            "",  # blank lines are not rows
            {"question": KIM_VISIT},  # line 9: no id -> the line number
            {"id": 10, "question": FOLLOW_UP, "history": ["?!"]},  # line 10: bad history question
        ],
    )
    res = run_batch(pipeline, src, tmp_path / "out.jsonl", progress=False)
    rows = _jsonl(tmp_path / "out.jsonl")
    # rows that cannot be read (bad JSON, over-long) have their line number as id
    assert [r["id"] for r in rows] == ["gt", "follow", 3, "noq", "long", 6, "hist", 9, 10]
    assert [r["line"] for r in rows] == [1, 2, 3, 4, 5, 6, 7, 9, 10]
    by_id = {r["id"]: r for r in rows}
    # history replays in a fresh conversation, exactly like `rag ask --history`
    conv = pipeline.conversation()
    conv.replay([GT_QUESTION])
    _same_answer(by_id["follow"], conv.ask(FOLLOW_UP))
    assert by_id["follow"]["resolved_question"]
    _same_answer(by_id[9], pipeline.answer(KIM_VISIT))
    errors = {r["id"]: r["error"] for r in rows if r["error"]}
    assert set(errors) == {3, "noq", "long", 6, "hist", 10}
    assert errors[3].startswith("line 3: not valid JSON")
    assert errors["noq"].startswith("line 4: ") and "question" in errors["noq"]
    assert errors["long"].startswith("line 5: ") and "characters long" in errors["long"]
    assert errors[6].startswith("line 6: ") and "limit" in errors[6]
    assert errors["hist"].startswith("line 7: ") and "history" in errors["hist"]
    assert errors[10].startswith("line 10: in the history")
    assert res.failed_lines == [3, 4, 5, 6, 7, 10]


def test_csv_input_and_csv_output(pipeline, tmp_path):
    src = tmp_path / "q.csv"
    src.write_text(
        "id,question,notes\n"
        f'a,"{GT_QUESTION}",x\n'
        f'b,"Which visit to China,\nexactly, is this for Kim?",y\n'  # quoted comma and newline
        ",,empty question and id\n"  # line 5
        "d\n"  # line 6: too few columns
        'e,"unterminated\n',  # line 7
        "utf-8",
    )
    rows = read_rows(src)
    assert [(r.line, r.id) for r in rows] == [(2, "a"), (3, "b"), (5, 5), (6, "d"), (7, "e")]
    out = tmp_path / "answers.csv"
    res = run_batch(pipeline, src, out, progress=False)
    with open(out, newline="", encoding="utf-8") as f:
        recs = list(csv.DictReader(f))
    assert list(recs[0]) == ["id", "line", *Answer("", None, [], [], 0.0, False).to_dict(), "error"]
    assert [r["id"] for r in recs] == ["a", "b", "5", "d", "e"]
    assert recs[0]["short_answer"] == "Hu Xijin" and recs[0]["error"] == ""
    assert json.loads(recs[0]["quotes"])[0]["text"].startswith("Hu Xijin")
    assert recs[1]["question"] == "Which visit to China,\nexactly, is this for Kim?" and recs[1]["error"] == ""
    assert recs[2]["error"].startswith("line 5: ") and "empty" in recs[2]["error"]
    assert recs[3]["error"].startswith("line 6: no question")
    assert recs[4]["error"] == "line 7: unterminated quoted field"
    assert res.failed_lines == [5, 6, 7]


def test_csv_needs_a_question_column(tmp_path):
    src = tmp_path / "q.csv"
    src.write_text("id,text\n1,Who?\n", "utf-8")
    with pytest.raises(InputFileError, match="no 'question' column"):
        read_rows(src)


def test_exit_codes_and_one_line_errors(config, tmp_path, capsys):
    common = ["--index", str(config.index_dir), "--seeds", str(config.seeds_dir), "--no-progress"]
    good = tmp_path / "good.txt"
    good.write_text(GT_QUESTION + "\n", "utf-8")
    assert main(["batch", str(good), *common]) == 0
    assert "1 rows in" in capsys.readouterr().out
    bad = tmp_path / "bad.jsonl"
    _write_jsonl(bad, [{"id": 1, "question": GT_QUESTION}, "{oops"])
    assert main(["batch", str(bad), "-o", str(tmp_path / "bad.csv"), *common]) == 1
    assert "1 failed (lines 2)" in capsys.readouterr().out
    other = tmp_path / "q.xlsx"
    other.write_text("x", "utf-8")
    assert main(["batch", str(other), *common]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("rag batch: error: ") and "unknown input format" in err and "\n" not in err
    assert main(["batch", str(tmp_path / "missing.txt"), *common]) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_after_a_cut_answers_only_the_missing_rows(pipeline, tmp_path, fmt):
    src = tmp_path / "q.txt"
    questions = [GT_QUESTION, "?!", KIM_VISIT, "Who is Shi Yinhong?", FOLLOW_UP]
    src.write_text("\n".join(questions) + "\n", "utf-8")
    out = tmp_path / f"out.{fmt}"
    run_batch(pipeline, src, out, progress=False)
    full = out.read_bytes()
    # Cut inside the fourth row, as a power cut might: three rows survive whole.
    lines = full.splitlines(keepends=True)
    header = lines.pop(0) if fmt == "csv" else b""
    keep = len(header) + sum(len(x) for x in lines[:3])
    out.write_bytes(full[: keep + 25])
    res = run_batch(pipeline, src, out, progress=False)
    assert (res.resumed, res.answered, res.total) == (3, 2, 5)
    assert res.failed_lines == [2]
    assert out.read_bytes()[:keep] == full[:keep], "rows already answered are kept as they were"
    if fmt == "jsonl":
        rows = _jsonl(out)
    else:
        with open(out, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
    assert [int(r["line"]) for r in rows] == [1, 2, 3, 4, 5]
    assert [r["question"] for r in rows] == questions
    # a complete OUT: nothing left to do
    assert run_batch(pipeline, src, out, progress=False).answered == 0


def test_resume_refuses_an_answer_file_of_another_input(pipeline, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(GT_QUESTION + "\n", "utf-8")
    b.write_text(KIM_VISIT + "\n", "utf-8")
    run_batch(pipeline, a, tmp_path / "out.jsonl", progress=False)
    with pytest.raises(InputFileError, match="written for another input"):
        run_batch(pipeline, b, tmp_path / "out.jsonl", progress=False)
    # a file that is not an answer file is refused and left as it was, never truncated
    for name, text in (("data.jsonl", '{"x": 1}\n{"x": 2}\n'), ("data.csv", "a,b\n1,2\n")):
        other = tmp_path / name
        other.write_text(text, "utf-8")
        with pytest.raises(InputFileError, match="not an answer file"):
            run_batch(pipeline, a, other, progress=False)
        assert other.read_text("utf-8") == text


def _wait_for_rows(path, n, proc, timeout=240):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        if proc.poll() is not None:
            pytest.fail(f"rag batch ended (exit {proc.returncode}) before {n} rows were written")
        time.sleep(0.02)
    pytest.fail("rag batch wrote no rows in time")


def test_interrupted_run_leaves_a_valid_file_and_resumes(pipeline, config, tmp_path):
    gold = [json.loads(x) for x in (REPO / "eval" / "gold.jsonl").read_text("utf-8").splitlines() if x.strip()]
    # four passes over the gold questions (about 400 rows): long enough that the signal lands
    # mid-run even when the test process itself is slow to be scheduled
    rows = [
        {"id": f"{g['id']}-{k}", "question": g["question"], "history": g.get("history") or []}
        for k in range(4)
        for g in gold
    ]
    src = tmp_path / "gold.jsonl"
    _write_jsonl(src, rows)
    out = tmp_path / "gold.answers.jsonl"
    cmd = [sys.executable, "-m", "rag.cli", "batch", str(src), "--index", str(config.index_dir)]
    cmd += ["--seeds", str(config.seeds_dir), "--no-progress"]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    seen = 0
    for sig, code in ((signal.SIGINT, 130), (signal.SIGKILL, -9)):
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _wait_for_rows(out, seen + 2, proc)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == code, err.decode()
        if sig == signal.SIGINT:
            assert b"run the same command to go on" in err
        done = _jsonl(out)  # every line parses: valid up to the last complete row
        assert [r["id"] for r in done] == [r["id"] for r in rows[: len(done)]]
        assert len(done) >= seen + 2
        seen = len(done)
    assert seen < len(rows), "the runs were meant to be cut short"
    before = out.read_bytes()
    res = run_batch(pipeline, src, out, progress=False)
    assert res.resumed == seen and res.answered == len(rows) - seen
    assert out.read_bytes().startswith(before)
    done = _jsonl(out)
    assert [r["id"] for r in done] == [r["id"] for r in rows]
    assert all(r["error"] is None for r in done)


def test_file_with_only_blank_lines_is_an_error(pipeline, tmp_path):
    src = tmp_path / "blank.txt"
    src.write_text("\n   \n\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="holds no questions"):
        run_batch(pipeline, src)
    assert not (tmp_path / "blank.answers.jsonl").exists()
