"""The answer file of `rag batch`: the records written for each row, and the append-only
file (JSONL or CSV) they go to, which a re-run resumes (the questions are read by
rag/batch_input.py).

Only the standard library is imported here so `rag --help` stays instant.
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
from pathlib import Path

from .batch_input import InputFileError, Row

# How much of a bad row's question is echoed into its error row.
ECHO_CHARS = 300


# --- records --------------------------------------------------------------------------
def _answer_keys() -> list[str]:
    """The keys of `rag ask --json`, taken from the record itself so they stay in step."""
    from .records import Answer

    return list(Answer("", None, [], [], 0.0, False).to_dict())


def _columns() -> list[str]:
    return ["id", "line", *_answer_keys(), "error"]


def _echo(text: str | None) -> str | None:
    if text is None:
        return None
    text = text if len(text) <= ECHO_CHARS else text[:ECHO_CHARS] + "…"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def error_record(row: Row, message: str) -> dict:
    rec: dict = {"id": row.id, "line": row.line}
    for key in _answer_keys():
        rec[key] = [] if key in ("quotes", "sources") else None
    rec["question"] = _echo(row.question)
    rec["error"] = message
    return rec


def answer_record(row: Row, ans) -> dict:
    return {"id": row.id, "line": row.line, **ans.to_dict(), "error": None}


# --- output files -------------------------------------------------------------------
class OutFile:
    """Append-only writer: one complete row per os.write, so a killed run never leaves
    half a row behind (a partial trailing row, e.g. after a power cut, is cut on resume)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.csv = path.suffix.lower() == ".csv"
        self.columns = _columns()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            import fcntl

            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            raise InputFileError(f"another `rag batch` is writing {path}; wait for it or pass another -o") from None
        except ImportError:  # pragma: no cover - no fcntl off POSIX; run unlocked
            pass
        self.last_sync = time.monotonic()

    def existing(self) -> list[dict]:
        """The complete rows already in the file. Only a last row cut short (by a power
        cut, say) is dropped; a file that is not a `rag batch` answer file is refused,
        never truncated."""
        with open(self.path, "rb") as f:
            data = f.read()
        rows, keep = (self._parse_csv if self.csv else self._parse_jsonl)(data)
        if keep < len(data):
            os.ftruncate(self.fd, keep)
        os.lseek(self.fd, keep, os.SEEK_SET)
        if self.csv and keep == 0:
            self._write(self._csv_line(self.columns))
        return rows

    def _not_ours(self, why: str) -> InputFileError:
        return InputFileError(f"{self.path} is not an answer file of `rag batch` ({why}): delete it or pass another -o")

    def _parse_jsonl(self, data: bytes) -> tuple[list[dict], int]:
        rows: list[dict] = []
        pos = 0
        lines = data.splitlines(keepends=True)
        for i, line in enumerate(lines):
            rec = None
            if line.endswith(b"\n"):
                try:
                    rec = json.loads(line)
                except ValueError:
                    rec = None
            if isinstance(rec, dict) and "line" in rec and "error" in rec:
                rows.append(rec)
                pos += len(line)
                continue
            # A row cut short can only be the last one, and it starts as every row does.
            if i == len(lines) - 1 and line.startswith(b'{"id": '):
                break
            raise self._not_ours(f"its line {i + 1} is not an answer row")
        return rows, pos

    def _parse_csv(self, data: bytes) -> tuple[list[dict], int]:
        header = self._csv_line(self.columns)
        if len(data) <= len(header) and header.startswith(data):
            return [], 0  # empty, or only the header (perhaps cut short)
        if not data.startswith(header):
            raise self._not_ours("its first line is not the header `rag batch` writes")
        rows: list[dict] = []
        pos = len(header)
        raw = b""
        lines = data[pos:].splitlines(keepends=True)
        for i, line in enumerate(lines):
            raw += line
            text = raw.decode("utf-8", "replace")
            complete = line.endswith(b"\n") and text.count('"') % 2 == 0
            last = i == len(lines) - 1
            if not complete and not last:
                continue  # a quoted field goes on over the next line
            rec = None
            if complete:
                fields_ = next(csv.reader(io.StringIO(text)), [])
                if len(fields_) == len(self.columns):
                    rec = dict(zip(self.columns, fields_))
                    try:
                        rec["line"] = int(rec["line"])
                    except ValueError:
                        rec = None
            if rec is not None:
                rows.append(rec)
                pos += len(raw)
                raw = b""
            elif last:
                break  # the last row, cut short
            else:
                raise self._not_ours(f"its row {len(rows) + 1} is damaged")
        return rows, pos

    def _csv_line(self, values: list) -> bytes:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow(values)
        return buf.getvalue().encode("utf-8", "backslashreplace")

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]

    def write(self, rec: dict) -> None:
        if self.csv:
            vals = []
            for c in self.columns:
                v = rec.get(c)
                if isinstance(v, (list, dict)):
                    v = json.dumps(v, ensure_ascii=False)
                vals.append("" if v is None else v)
            self._write(self._csv_line(vals))
        else:
            self._write((json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace"))
        if time.monotonic() - self.last_sync > 5.0:
            os.fsync(self.fd)  # page cache survives a killed process; this is for power cuts
            self.last_sync = time.monotonic()

    def close(self) -> None:
        try:
            os.fsync(self.fd)
        finally:
            os.close(self.fd)


def default_out(path: Path) -> Path:
    return Path(path).with_name(f"{Path(path).stem}.answers.jsonl")


def check_resume(rows: list[Row], done: list[dict], out: Path, src: Path) -> None:
    if len(done) > len(rows):
        raise InputFileError(
            f"{out} has {len(done)} rows but {src} only {len(rows)}: it was written for another input; "
            "delete it or pass another -o"
        )
    for i, (row, rec) in enumerate(zip(rows, done)):
        asked = (_echo(row.question) or "")[:ECHO_CHARS]
        if (
            rec.get("line") != row.line
            or str(rec.get("id")) != str(row.id)
            or asked != (rec.get("question") or "")[:ECHO_CHARS]
        ):
            raise InputFileError(
                f"{out} was written for another input (its row {i + 1} is line {rec.get('line')}, id "
                f"{rec.get('id')!r}, question {(rec.get('question') or '')[:60]!r}; in {src} it is line "
                f"{row.line}, id {row.id!r}, question {asked[:60]!r}): delete it or pass another -o"
            )
