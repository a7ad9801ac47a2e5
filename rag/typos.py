"""Misspelt names in the articles. Raw news text has typos a reader reads past: one
sentence of an article says Kim met Xi "in the northeastern Chinese city of Dailan",
the rest of it says Dalian. A question (or a follow-up resolved to the earlier answer)
spelt one way must still find the sentence spelt the other way.

Only two capitalised words of one article, five letters or more, the same but for two
neighbouring letters swapped count, and neither may be an ordinary word of that article
(one it also writes in lower case): a transposition is the commonest typing slip, and a
name spelt right elsewhere in the same article is what makes it a slip and not a second
name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .retrieve import terms

_NAME = re.compile(r"\b[A-Z][a-z]{4,}\b")
_LOWER = re.compile(r"\b[a-z]{5,}\b")


def name_variants(texts: Iterable[str]) -> dict[str, frozenset[str]]:
    """Stem -> the stems of the other spellings of that name, both ways; texts are whole articles."""
    out: dict[str, set[str]] = {}
    for text in texts:
        names = {m.group(0).lower() for m in _NAME.finditer(text)} - set(_LOWER.findall(text))
        for w in names:
            for i in range(len(w) - 1):
                u = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
                if u != w and u in names:
                    for a, b in zip(terms(w), terms(u)):
                        if a != b:
                            out.setdefault(a, set()).add(b)
    return {t: frozenset(v) for t, v in out.items()}


def with_variants(found: set[str], variants: dict[str, frozenset[str]]) -> set[str]:
    """`found` plus the other spellings of the names in it."""
    if not variants:
        return found
    extra = [v for t in found if t in variants for v in variants[t]]
    return found | set(extra) if extra else found
