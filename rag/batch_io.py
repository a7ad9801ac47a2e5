"""Files of `rag batch`: reading question files (.txt, .jsonl, .csv) into rows, malformed
rows included, and the append-only answer file (JSONL or CSV) that a re-run resumes.

Only the standard library is imported here so `rag --help` stays instant.
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# A row longer than this is refused before parsing: no question is that long, and
# echoing it into the output would bloat OUT.
MAX_ROW_CHARS = 100_000
# A quoted CSV field may span lines, but an unterminated quote must not swallow the
# rest of the file: past this many lines the row is reported as malformed.
MAX_CSV_ROW_LINES = 50
# How much of a bad row's question is echoed into its error row.
ECHO_CHARS = 300
FORMATS = (".txt", ".jsonl", ".csv")


class InputFileError(ValueError):
    """An input or output file cannot be used as a whole; the message says how to fix it."""


@dataclass
class Row:
    line: int  # 1-based line number in the input file where the row starts
    id: object
    question: str | None
    history: list[str] = field(default_factory=list)
    error: str | None = None  # set when the row cannot be parsed


# --- reading input ------------------------------------------------------------------
def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text without its line ending). Undecodable bytes survive as lone
    surrogates so the row can be reported rather than aborting the whole file."""
    with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
        for n, line in enumerate(f, 1):
            yield n, line.rstrip("\r\n")


def _bad_utf8(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def _row_problem(text: str) -> str | None:
    if len(text) > MAX_ROW_CHARS:
        return f"the row is {len(text):,} characters long; the limit is {MAX_ROW_CHARS:,}"
    if _bad_utf8(text):
        return "the row is not valid UTF-8; re-save the file as UTF-8"
    return None


def _read_txt(path: Path) -> Iterator[Row]:
    for n, line in _lines(path):
        if not line.strip():
            continue  # blank lines separate nothing and are not questions
        problem = _row_problem(line)
        yield Row(n, n, line.strip(), error=f"line {n}: {problem}" if problem else None)


def _history(value: object) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(h, str) for h in value):
        return value
    return None


def _read_jsonl(path: Path) -> Iterator[Row]:
    for n, line in _lines(path):
        if not line.strip():
            continue
        problem = _row_problem(line)
        if problem:
            yield Row(n, n, None, error=f"line {n}: {problem}")
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            yield Row(n, n, None, error=f"line {n}: not valid JSON ({e})")
            continue
        if not isinstance(obj, dict):
            yield Row(n, n, None, error=f'line {n}: expected a JSON object with a "question", got {type(obj).__name__}')
            continue
        rid = obj.get("id", n)
        q = obj.get("question")
        history = _history(obj.get("history"))
        if q is None:
            yield Row(n, rid, None, error=f'line {n}: no "question" field (fields: {", ".join(obj) or "none"})')
        elif not isinstance(q, str):
            yield Row(n, rid, None, error=f'line {n}: "question" must be text, got {type(q).__name__}')
        elif history is None:
            yield Row(n, rid, q, error=f'line {n}: "history" must be a list of earlier questions')
        else:
            yield Row(n, rid, q, history)


def _csv_records(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, list[str] | None, str]]:
    """(start line, fields or None if malformed, raw text) per CSV record. A record is
    complete when its quotes balance (RFC 4180 escapes a quote by doubling it)."""
    buf = list(lines)
    i = 0
    while i < len(buf):
        start = i
        text = buf[i][1]
        while text.count('"') % 2 and i + 1 < len(buf) and i - start < MAX_CSV_ROW_LINES:
            i += 1
            text += "\n" + buf[i][1]
        if text.count('"') % 2:
            # Unterminated quote: report this line alone, then carry on from the next.
            yield buf[start][0], None, buf[start][1]
            i = start + 1
            continue
        i += 1
        if text.strip():
            yield buf[start][0], next(csv.reader(io.StringIO(text))), text


def _read_csv(path: Path) -> Iterator[Row]:
    records = _csv_records(_lines(path))
    header = None
    for n, fields_, _raw in records:
        if fields_ is None:
            raise InputFileError(f"{path}: the header on line {n} has an unterminated quote")
        header = [h.strip().lower() for h in fields_]
        break
    if header is None:
        return
    if "question" not in header:
        raise InputFileError(
            f"{path} has no 'question' column (columns: {', '.join(header)}); name the column 'question'"
        )
    qcol = header.index("question")
    icol = header.index("id") if "id" in header else None
    for n, fields_, raw in records:
        problem = _row_problem(raw)
        # The id as far as it can be read, so even a broken row can be matched up.
        cells = fields_ if fields_ is not None else next(csv.reader(io.StringIO(raw[:MAX_ROW_CHARS])), [])
        rid = cells[icol] if icol is not None and icol < len(cells) and cells[icol] != "" else n
        if problem:
            yield Row(n, rid, None, error=f"line {n}: {problem}")
        elif fields_ is None:
            yield Row(n, rid, None, error=f"line {n}: unterminated quoted field")
        elif qcol >= len(fields_):
            yield Row(
                n, rid, None, error=f"line {n}: no question (the row has {len(fields_)} of {len(header)} columns)"
            )
        else:
            yield Row(n, rid, fields_[qcol])


def read_rows(path: Path) -> list[Row]:
    """Every row of a batch input file, malformed ones included (with `error` set)."""
    path = Path(path)
    if not path.is_file():
        raise InputFileError(f"input file {path} does not exist" if not path.exists() else f"{path} is not a file")
    suffix = path.suffix.lower()
    readers = {".txt": _read_txt, ".jsonl": _read_jsonl, ".csv": _read_csv}
    if suffix not in readers:
        raise InputFileError(f"{path}: unknown input format {suffix or '(none)'!r}: use .txt, .jsonl or .csv")
    return list(readers[suffix](path))


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
