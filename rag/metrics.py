"""Answer metrics: SQuAD normalisation, exact match, token F1, hit and retrieval recall."""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from collections.abc import Sequence

_FOLD = str.maketrans(
    {
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_PUNCT = set(string.punctuation)


def normalize(text: str) -> str:
    """SQuAD's normalisation (lower case, no punctuation, no articles, single spaces),
    after folding non-breaking spaces, curly quotes and dashes to plain ASCII."""
    text = unicodedata.normalize("NFKC", text or "").translate(_FOLD).lower()
    text = "".join(ch for ch in text if ch not in _PUNCT)
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def exact_match(pred: str | None, golds: Sequence[str]) -> float:
    if not golds:
        return 0.0
    p = normalize(pred or "")
    return float(any(p == normalize(g) for g in golds))


def _f1(pred: str, gold: str) -> float:
    p, g = normalize(pred).split(), normalize(gold).split()
    common = Counter(p) & Counter(g)
    same = sum(common.values())
    if not p or not g:
        return float(p == g)
    if same == 0:
        return 0.0
    precision, recall = same / len(p), same / len(g)
    return 2 * precision * recall / (precision + recall)


def f1(pred: str | None, golds: Sequence[str]) -> float:
    """Token F1, the best over the gold strings (0 for a missing prediction)."""
    if not golds or not pred:
        return 0.0
    return max(_f1(pred, g) for g in golds)


def _words(text: str) -> str:
    # a possessive is the word it is on: "Renmin University's Shi" holds "Renmin
    # University" (SQuAD's normalisation alone makes it "universitys")
    return normalize(re.sub(r"(\w)['’]s\b", r"\1 s", text or ""))


def contains(text: str, gold: str) -> bool:
    """Does `gold` occur in `text` as whole normalised words?"""
    g = _words(gold)
    return bool(g) and f" {g} " in f" {_words(text)} "


def any_contains(text: str, golds: Sequence[str]) -> bool:
    return any(contains(text, g) for g in golds)


def hit(quotes: Sequence[str], answers: Sequence[str], answers_all: Sequence[str] | None, k: int) -> bool:
    """A gold answer in the first k quotes; with answers_all, every part in the quotes."""
    if answers_all:
        joined = " \n ".join(quotes[: max(k, 3)])
        return all(contains(joined, a) for a in answers_all)
    return any(any_contains(q, answers) for q in quotes[:k])


def first_rank(passages: Sequence[str], golds: Sequence[str], k: int) -> int | None:
    """1-based rank of the first passage holding a gold answer, within the top k."""
    for i, p in enumerate(passages[:k]):
        if any_contains(p, golds):
            return i + 1
    return None


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    pos = (len(s) - 1) * q / 100
    lo, hi = int(pos), min(int(pos) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0
