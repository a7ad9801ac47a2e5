"""Documents -> sentence spans -> token-bounded, overlapping chunk windows."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .config import Config
from .records import Chunk, Document

_CL100K_SHA256 = "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"
# Pattern and special tokens as tiktoken_ext/openai_public.py defines cl100k_base.
_CL100K_PAT = r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s"""
_CL100K_SPECIAL = {
    "<|endoftext|>": 100257,
    "<|fim_prefix|>": 100258,
    "<|fim_middle|>": 100259,
    "<|fim_suffix|>": 100260,
    "<|endofprompt|>": 100276,
}


@lru_cache(maxsize=1)
def encoding():  # -> tiktoken.Encoding
    """cl100k_base from the copy shipped in rag/data, so no download is ever needed."""
    import tiktoken
    from tiktoken.load import load_tiktoken_bpe

    path = resources.files("rag") / "data" / "cl100k_base.tiktoken"
    ranks = load_tiktoken_bpe(str(path), expected_hash=_CL100K_SHA256)
    return tiktoken.Encoding(
        name="cl100k_base", pat_str=_CL100K_PAT, mergeable_ranks=ranks, special_tokens=_CL100K_SPECIAL
    )


def count_tokens(text: str) -> int:
    return len(encoding().encode_ordinary(text))


# Abbreviations after which a period does not end a sentence.
_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "st",
    "jr",
    "sr",
    "inc",
    "corp",
    "co",
    "ltd",
    "vs",
    "etc",
    "no",
    "vol",
    "fig",
    "approx",
    "dept",
    "est",
    "mt",
    "ft",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}
# Words that may start a sentence right after an initialism such as "U.S.".
_STARTERS = {
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "and",
    "in",
    "a",
    "an",
    "this",
    "that",
    "there",
    "his",
    "her",
    "its",
    "their",
    "on",
    "at",
    "as",
    "after",
    "before",
    "when",
    "while",
    "if",
    "however",
    "meanwhile",
    "also",
    "so",
    "still",
    "yet",
    "now",
    "then",
    "both",
    "many",
    "some",
    "what",
    "why",
    "how",
    "who",
}
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_INITIALISM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of text[start:end]; never crosses a blank line."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text[start:end]):
        p0 = start + para.start()
        ptext = para.group(0)
        s = 0
        for m in _BOUNDARY.finditer(ptext):
            head = ptext[s : m.start() + 1]
            word = re.search(r"([A-Za-z.]+)\.$", head)
            if word:
                w = word.group(1)
                if w.lower().rstrip(".") in _ABBREV and m.group(0) == ".":
                    continue
                if len(w) == 1 and w.isupper():
                    continue  # an initial: "J. Smith"
                if _INITIALISM.search(head):
                    nxt = re.match(r"\s+[\"'“‘(]?(\w+)", ptext[m.end() :])
                    if nxt and nxt.group(1).lower() not in _STARTERS:
                        continue
            spans.append((p0 + s, p0 + m.end()))
            s = m.end()
            while s < len(ptext) and ptext[s].isspace():
                s += 1
        if s < len(ptext.rstrip()):
            spans.append((p0 + s, p0 + len(ptext.rstrip())))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _split_long(text: str, a: int, b: int, max_tokens: int) -> list[tuple[int, int]]:
    """Cut an over-long sentence at word boundaries into pieces of at most max_tokens."""
    pieces: list[tuple[int, int]] = []
    words = [(m.start() + a, m.end() + a) for m in re.finditer(r"\S+", text[a:b])]
    cur = 0
    while cur < len(words):
        # Every word is at least one token, so a piece never holds more than max_tokens
        # words: bounding the search keeps an unpunctuated megabyte linear, not quadratic.
        lo, hi = cur, min(len(words), cur + max_tokens)
        # largest run of words from `cur` that fits: binary search on the end
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if count_tokens(text[words[cur][0] : words[mid - 1][1]]) <= max_tokens:
                lo = mid
            else:
                hi = mid - 1
        stop = max(lo, cur + 1)
        pieces.append((words[cur][0], words[stop - 1][1]))
        cur = stop
    return pieces


def chunk_document(doc: Document, config: Config) -> list[Chunk]:
    """Sentence-aware windows of at most config.chunk_tokens tokens, overlapping by
    up to config.chunk_overlap tokens of whole trailing sentences."""
    budget = config.chunk_tokens
    sents: list[tuple[int, int, int]] = []  # start, end, tokens
    for a, b in split_sentences(doc.text):
        n = count_tokens(doc.text[a:b])
        if n > budget:
            sents.extend((x, y, count_tokens(doc.text[x:y])) for x, y in _split_long(doc.text, a, b, budget))
        else:
            sents.append((a, b, n))

    chunks: list[Chunk] = []
    i = 0
    while i < len(sents):
        j, total = i, 0
        while j < len(sents) and (j == i or total + sents[j][2] + 1 <= budget):
            total += sents[j][2] + 1
            j += 1
        start, end = sents[i][0], sents[j - 1][1]
        text = doc.text[start:end]
        chunks.append(
            Chunk(
                chunk_id=f"{doc.doc_id}#{len(chunks)}",
                doc_id=doc.doc_id,
                start=start,
                end=end,
                text=text,
                n_tokens=count_tokens(text),
                sentences=[(s[0], s[1]) for s in sents[i:j]],
            )
        )
        if j >= len(sents):
            break
        # step back over trailing sentences that fit in the overlap, but always advance
        k, back = j, 0
        while k - 1 > i and back + sents[k - 1][2] <= config.chunk_overlap:
            back += sents[k - 1][2]
            k -= 1
        i = k
    return chunks


def chunk_documents(docs: list[Document], config: Config) -> list[Chunk]:
    return [c for d in docs for c in chunk_document(d, config)]
