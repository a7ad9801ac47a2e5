"""Question files of `rag batch`: reading .txt, .jsonl and .csv files into rows, malformed
rows included (the answer file a re-run resumes is rag/batch_output.py).

Only the standard library is imported here so `rag --help` stays instant.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# A row longer than this is refused before parsing: no question is that long, and
# echoing it into the output would bloat OUT.
MAX_ROW_CHARS = 100_000
# A quoted CSV field may span lines, but an unterminated quote must not swallow the
# rest of the file: past this many lines the row is reported as malformed.
MAX_CSV_ROW_LINES = 50
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
