"""The sentences that compete to answer a question: every sentence of its top passages,
those nearest it by embedding anywhere, and those the question or the conversation points
at (the cited article's, the previous answer's and its neighbours', companions')."""

from __future__ import annotations

import numpy as np

from .question import Question
from .records import Hit
from .sentence_table import Sent, SentenceTable

NEXT_TO = (-1, 3)  # sentences before and after the previous answer that count as next to it


def candidate_pool(
    q: Question, hits: list[Hit], table: SentenceTable, sims: np.ndarray | None, extra: int
) -> tuple[dict[int, Hit | None], set[int], Sent | None]:
    """(row -> the passage it came from, if any; the rows next to the previous answer;
    the previous answer's sentence)."""
    pool: dict[int, Hit | None] = {}
    for h in hits:
        for a, _b in h.chunk.sentences:
            s = table.lookup.get((h.chunk.doc_id, a))
            if s is not None and s.row not in pool:
                pool[s.row] = h
    if sims is not None:
        near = np.argpartition(-sims, extra)[:extra] if len(sims) > extra else np.arange(len(sims))
        for row in near[np.argsort(-sims[near])]:
            pool.setdefault(int(row), None)
    if q.subtype == "COMPANY":
        # "who was with Kim as he set off?": a photo caption naming his wife shares little
        # else with the question; the lines naming companions compete, the ten nearest it
        rows = list(table.companion_rows)
        if sims is not None:
            rows.sort(key=lambda r: -float(sims[r]))
        for row in rows[:10]:
            pool.setdefault(row, None)
    for doc in q.outlet_docs:
        # "according to the analysts Sputnik spoke to": all of that article competes, the
        # reader having said where the answer is
        for sent in table.by_doc.get(doc, []):
            pool.setdefault(sent.row, None)
    for key in q.among:
        prev = table.lookup.get(key)
        if prev is not None:
            pool.setdefault(prev.row, None)
    close: set[int] = set()
    last = table.lookup.get(q.after) if q.after else None
    if last is not None:
        seq = table.by_doc[last.doc]
        close = {seq[j].row for j in range(last.pos + NEXT_TO[0], last.pos + NEXT_TO[1] + 1) if 0 <= j < len(seq)}
        for row in sorted(close):
            pool.setdefault(row, None)
    return pool, close, last
