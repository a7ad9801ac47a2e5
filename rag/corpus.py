"""Articles on disk -> cleaned Documents.

The seed files are web-page text dumps. Cleaning works line by line with general
rules (no per-file lists): the header region before the first body paragraph keeps
only the headline and byline; the body drops short non-sentence lines (menus,
buttons, section labels), boilerplate phrases, keyword tag lines, contact lines and
repeated lines (photo captions printed twice).
"""

from __future__ import annotations

import hashlib
import logging
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

from .records import Document

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".html", ".htm")
# Bump when the cleaning rules change: indexes built with other rules are then stale.
CLEANER_VERSION = 3
# Larger files are refused, not read into memory: a news article is tens of kilobytes, and
# a file this big is a dump of many articles (split it) or not an article at all.
MAX_FILE_BYTES = 20_000_000

_BOILERPLATE = re.compile(
    r"share (on|button|this)|\bshare\b.*\bbutton\b|mailing list|newsletter|sign up|subscribe|"
    r"add your comment|comments are (approved|moderated)|comment(s)? (policy|will not appear)|"
    r"terms of use|terms of service|privacy policy|not responsible for the content|"
    r"do not necessarily reflect|all rights reserved|copyright|©|cookies?\b|"
    r"read more:|click here|get short url|listen live|back to top|view full site|most popular|"
    r"latest news|top \d+ stories|font-size|community standards|security clearance job",
    re.I,
)
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*$")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_NAME_WORD = rf"(?!{_MONTHS}(?:\s|$))[A-Z][\w.’'-]*"
_BYLINE = re.compile(rf"^By\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})(?P<rest>.*)$")
_DATE = re.compile(rf"\b{_MONTHS}\s+\d{{1,2}},\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}\b")
_EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
_DATELINE = re.compile(r"^[A-Z][A-Z .-]{2,}\s*\(([A-Z][\w&.' -]{1,40})\)")
_OUTLET_PHRASES = (
    re.compile(r"reflect those of ([A-Z][\w&.' -]{1,40}?)\.?$"),
    re.compile(r"(?:for|at|of) ([A-Z]{2,6})[’']s? (?:Korean|English|Chinese) Service"),
)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+){2,}\s+(?=[A-Z])")
_BULLET = re.compile(r"^[\s•·*\-–—]+")


class CorpusError(ValueError):
    """The corpus folder cannot be used; the message says how to fix it."""


def _words(line: str) -> int:
    return len(re.findall(r"\w+", line))


def _is_headline(line: str) -> bool:
    n = _words(line)
    if re.search(r"\d{1,2}:\d{2}", line) or len(re.findall(r"[A-Za-z]{3,}", line)) < 3:
        return False  # a clock or counter line, not a headline
    return 4 <= n <= 25 and not _SENT_END.search(line) and not _BOILERPLATE.search(line)


def _is_body(line: str) -> bool:
    return _words(line) >= 12 and bool(re.search(r"[.!?]", line))


def _is_tag_line(line: str) -> bool:
    parts = [p.strip() for p in line.split(",")]
    return len(parts) >= 4 and not _SENT_END.search(line) and all(_words(p) <= 6 for p in parts)


def clean(raw: str, doc_id: str = "") -> Document:
    """Strip web clutter from one article's text and pull out its metadata."""
    lines = [_BULLET.sub("", ln).strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln) for ln in lines if ln.strip()]
    first_body = next((i for i, ln in enumerate(lines) if _is_body(ln)), None)
    if first_body is None:
        # No punctuated paragraph at all (a transcript, notes): long lines are the body,
        # rather than the whole text being dropped as page clutter.
        first_body = next((i for i, ln in enumerate(lines) if _words(ln) >= 12), len(lines))

    title = byline = date = outlet = None
    header = lines[:first_body]
    for ln in lines[: first_body + 8]:
        m = _BYLINE.match(ln)
        if m and byline is None:
            byline = m.group("name")
            d = _DATE.search(m.group("rest"))
            date = d.group(0) if d else None
    headlines = [ln for ln in header if _is_headline(ln) and not _BYLINE.match(ln)]
    if headlines:
        title = max(headlines, key=_words)

    kept: list[str] = []
    seen: set[str] = set()
    for i, ln in enumerate(lines):
        key = re.sub(r"\W+", " ", ln).lower().strip()
        if key in seen:
            continue  # repeated caption or button
        for pat in _OUTLET_PHRASES:
            m = pat.search(ln)
            if m and outlet is None:
                outlet = m.group(1).strip()
        m = _DATELINE.match(ln)
        if m and outlet is None:
            outlet = m.group(1).strip()
        email = _EMAIL.search(ln)
        if email and _words(ln) <= 12:
            # "By Ock Hyun-ju (laeticia.ock@heraldcorp.com)" at the foot of the article:
            # its writer, and the paper's web domain as its outlet
            bm = _BYLINE.match(ln)
            if byline is None and bm:
                byline = bm.group("name").strip(" (")
            if outlet is None:
                outlet = email.group(1)
            if not bm:
                continue  # contact line: metadata only
        if i < first_body:
            if ln != title and not (_BYLINE.match(ln) and byline and byline in ln):
                continue
        elif byline and _BYLINE.match(ln) and byline in ln:
            pass
        elif _words(ln) <= 6 and not _SENT_END.search(ln):
            continue  # menu, button, section label
        elif _BOILERPLATE.search(ln) or _is_tag_line(ln):
            continue
        ln = _SLUG.sub("", ln)
        seen.add(key)
        kept.append(ln)
    if date is None:
        for ln in kept[:3]:
            d = _DATE.search(ln)
            if d and _words(ln) <= 12:
                date = d.group(0)
    return Document(doc_id=doc_id, text="\n\n".join(kept), title=title, outlet=outlet, byline=byline, date=date)


def _html_to_text(raw: str) -> str:
    from html.parser import HTMLParser

    class _Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.out: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag in ("script", "style", "nav", "footer", "noscript"):
                self.skip += 1
            if tag in ("p", "br", "div", "h1", "h2", "h3", "li", "tr", "title"):
                self.out.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("script", "style", "nav", "footer", "noscript") and self.skip:
                self.skip -= 1
            if tag in ("p", "div", "h1", "h2", "h3", "li", "title"):
                self.out.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.out.append(data)

    p = _Text()
    p.feed(raw)
    return "".join(p.out)


def read_document(path: Path, doc_id: str) -> Document | None:
    """One file -> Document, or None (with a warning naming the file) if unusable."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            warnings.warn(
                f"skipping {doc_id}: {size / 1e6:.0f} MB is over the {MAX_FILE_BYTES // 1_000_000} MB limit "
                "for one article; split it into one file per article"
            )
            return None
        data = path.read_bytes()
    except OSError as e:
        warnings.warn(f"skipping {doc_id}: cannot read it ({e.strerror or e})")
        return None
    if not data.strip():
        warnings.warn(f"skipping {doc_id}: the file is empty")
        return None
    if b"\x00" in data[:8192]:
        warnings.warn(f"skipping {doc_id}: it looks binary (contains NUL bytes)")
        return None
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        warnings.warn(f"skipping {doc_id}: not UTF-8 (byte {e.start}); re-save it as UTF-8 (e.g. iconv -t UTF-8)")
        return None
    if path.suffix.lower() in (".html", ".htm"):
        raw = _html_to_text(raw)
    doc = clean(raw, doc_id)
    if not doc.text.strip():
        why = "no article text left after removing page clutter"
        if not re.search(r"[.!?]", raw):
            why = "no sentences in it (no . ! or ? and no line of 12 or more words)"
        warnings.warn(f"skipping {doc_id}: {why}")
        return None
    if not re.search(r"[.!?]", doc.text):
        warnings.warn(f"{doc_id} has no sentence punctuation (. ! ?): its quotes are cut at word boundaries")
    doc.sha256 = hashlib.sha256(data).hexdigest()
    return doc


def list_files(seeds_dir: Path) -> list[tuple[str, Path]]:
    """(doc_id, path) for every article file under seeds_dir, sorted, symlink loops ignored."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.exists():
        raise CorpusError(f"articles folder {seeds_dir} does not exist: create it and put .txt/.md/.html files in it")
    if not seeds_dir.is_dir():
        raise CorpusError(
            f"articles folder {seeds_dir} is a file, not a folder: pass the folder that holds the articles"
        )
    root = seeds_dir.resolve()
    out: list[tuple[str, Path]] = []
    seen_real: set[Path] = set()
    for p in sorted(seeds_dir.rglob("*")):
        if p.suffix.lower() not in SUFFIXES or p.name.startswith("."):
            continue
        try:
            real = p.resolve(strict=True)
        except (OSError, RuntimeError):
            warnings.warn(f"skipping {p.relative_to(seeds_dir)}: broken or looping symlink")
            continue
        if not real.is_file() or real in seen_real:
            continue
        if root not in real.parents:
            warnings.warn(f"skipping {p.relative_to(seeds_dir)}: it points outside {seeds_dir}")
            continue
        seen_real.add(real)
        out.append((p.relative_to(seeds_dir).as_posix(), p))
    return out


def iter_documents(seeds_dir: Path) -> Iterator[Document]:
    for doc_id, path in list_files(seeds_dir):
        doc = read_document(path, doc_id)
        if doc is not None:
            yield doc


def file_hashes(seeds_dir: Path) -> dict[str, str]:
    """sha256 of every article file's bytes, by doc id (for staleness checks). Read in
    blocks: an oversized file is hashed (it is skipped, but its changes count) without
    being held in memory."""
    out = {}
    for doc_id, path in list_files(seeds_dir):
        h = hashlib.sha256()
        try:
            with open(path, "rb") as f:
                for block in iter(lambda f=f: f.read(1 << 20), b""):
                    h.update(block)
        except OSError:
            continue
        out[doc_id] = h.hexdigest()
    return out
