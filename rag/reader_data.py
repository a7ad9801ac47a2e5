"""SQuAD data for `rag train-reader` (rag/train_reader.py): loading the dev files, the
held-out split by article title, the training mix of paragraphs and short windows, and
the features the model is trained on.

Data: the SQuAD dev files (v1.1 answerable, v2.0 adds unanswerable questions). v2.0 dev's
35 articles are all v1.1 dev articles with the same paragraphs and the same answerable
questions, so training takes every v1.1 question plus only v2.0's unanswerable ones
(the rest would be duplicates). The split is by article title across both files:
HELDOUT_TITLES are never trained on, in either file.

Training examples mirror what the reader sees at answer time: besides whole paragraphs
(windowed at MAX_LEN with a stride), each answerable question also gets a short window of
2-3 sentences around its answer, and some get a window of the same paragraph that does
not hold the answer (labelled no-answer), because the pipeline hands the reader short
windows around candidate sentences, many of them wrong.

No-answer is the [CLS] position (start = end = 0), as in BERT on SQuAD 2.0.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

# Held-out SQuAD articles: never trained on (in v1.1 nor v2.0). 12 of v1.1 dev's 48
# titles, drawn by `_draw_heldout(seed=HELDOUT_SEED)` from the sorted title list and
# then frozen here so that the split never depends on the files passed in.
HELDOUT_SEED = 13
# 2,607 of 10,570 v1.1 questions (24.7%); 9 of the titles are in v2.0 dev too (3,278
# questions there, 1,702 unanswerable).
HELDOUT_TITLES: tuple[str, ...] = (
    "Construction",
    "French_and_Indian_War",
    "Genghis_Khan",
    "Intergovernmental_Panel_on_Climate_Change",
    "Islamism",
    "Newcastle_upon_Tyne",
    "Nikola_Tesla",
    "Packet_switching",
    "Rhine",
    "Scottish_Parliament",
    "Southern_California",
    "Warsaw",
)

MAX_LEN = 256  # word-pieces per feature (question + window); windows at answer time are far shorter
DOC_STRIDE = 96  # overlap between consecutive features of a long paragraph
MAX_QUERY = 48  # question word-pieces kept
MAX_ANSWER_TOKENS = 30

_SENT = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


@dataclass
class QAExample:
    qid: str
    title: str
    question: str
    context: str
    answers: list[tuple[str, int]] = field(default_factory=list)  # (text, char start); empty = no answer
    source: str = "v1.1"

    @property
    def impossible(self) -> bool:
        return not self.answers


def load_squad_examples(path: Path) -> list[QAExample]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))["data"]
    version = "v2.0" if any(q.get("is_impossible") for a in data for p in a["paragraphs"] for q in p["qas"]) else "v1.1"
    out = []
    for art in data:
        for para in art["paragraphs"]:
            for qa in para["qas"]:
                answers = [] if qa.get("is_impossible") else [(a["text"], a["answer_start"]) for a in qa["answers"]]
                out.append(QAExample(qa["id"], art["title"], qa["question"], para["context"], answers, version))
    return out


def load_pair(data: list[Path]) -> tuple[list[QAExample], list[QAExample]]:
    v11, v20 = [], []
    for p in data:
        ex = load_squad_examples(p)
        (v20 if any(e.impossible for e in ex) else v11).extend(ex)
    if not v11 and v20:  # only a v2.0 file: its answerable questions are the v1.1 ones
        v11 = [e for e in v20 if not e.impossible]
        v20 = [e for e in v20 if e.impossible]
    return v11, v20


def _draw_heldout(titles: list[str], counts: dict[str, int], seed: int, k: int = 12) -> list[str]:
    """A seeded draw of k titles holding 22-30% of the questions (the first seed-ordered
    draw that does); recorded in HELDOUT_TITLES and split.json, not re-drawn at train time."""
    rng = random.Random(seed)
    total = sum(counts.values())
    for _ in range(1000):
        pick = sorted(rng.sample(sorted(titles), k))
        share = sum(counts[t] for t in pick) / total
        if 0.22 <= share <= 0.30:
            return pick
    raise RuntimeError("no draw met the share")


def split_examples(examples: list[QAExample]) -> tuple[list[QAExample], list[QAExample]]:
    held = set(HELDOUT_TITLES)
    return [e for e in examples if e.title not in held], [e for e in examples if e.title in held]


def training_set(v11: list[QAExample], v20: list[QAExample]) -> list[QAExample]:
    """v1.1 questions plus v2.0's unanswerable ones, held-out titles removed."""
    train11, _ = split_examples(v11)
    train20, _ = split_examples([e for e in v20 if e.impossible])
    return train11 + train20


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENT.finditer(text):
        spans.append((start, m.start() + len(m.group(0).rstrip())))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _window_around(e: QAExample, rng: random.Random) -> QAExample | None:
    """The answer's sentence(s) with 0-1 neighbours each side; None if it can't be placed."""
    sents = _sentences(e.context)
    text, a_start = e.answers[0]
    a_end = a_start + len(text)
    idx = [i for i, (s, t) in enumerate(sents) if s <= a_start < t]
    if not idx:
        return None
    i = j = idx[0]
    while j < len(sents) - 1 and sents[j][1] < a_end:
        j += 1
    lo, hi = max(0, i - rng.randint(0, 1)), min(len(sents) - 1, j + rng.randint(0, 1))
    ws, we = sents[lo][0], sents[hi][1]
    answers = [(t, s - ws) for t, s in e.answers if ws <= s and s + len(t) <= we]
    if not answers:
        return None
    return QAExample(e.qid + "_w", e.title, e.question, e.context[ws:we], answers, "window")


def _window_without(e: QAExample, rng: random.Random) -> QAExample | None:
    """1-3 sentences of the paragraph that hold no gold answer start (labelled no-answer)."""
    sents = _sentences(e.context)
    starts = [s for _, s in e.answers]
    for _ in range(4):
        k = rng.randrange(len(sents))
        k2 = min(len(sents) - 1, k + rng.randint(0, 2))
        ws, we = sents[k][0], sents[k2][1]
        if not any(ws <= s < we for s in starts):
            return QAExample(e.qid + "_n", e.title, e.question, e.context[ws:we], [], "negative")
    return None


def training_mix(
    examples: list[QAExample], seed: int, window_rate: float = 0.5, neg_rate: float = 0.3
) -> list[QAExample]:
    """The pipeline hands the reader short windows around candidate sentences, many of them
    wrong, so half the questions are seen as a short window instead of the whole paragraph
    (answerable: around the answer; unanswerable: any window), and a share of answerable
    questions also get a window of the same paragraph without the answer. Windows are also
    far cheaper to train on than whole paragraphs, which is what fits this in the CPU budget."""
    rng = random.Random(seed)
    out = []
    for e in examples:
        w = None
        if rng.random() < window_rate:
            w = _window_without(e, rng) if e.impossible else _window_around(e, rng)
        out.append(w or e)
        if not e.impossible and rng.random() < neg_rate:
            n = _window_without(e, rng)
            if n:
                out.append(n)
    return out


def featurize(tokenizer, examples: list[QAExample], max_len: int = MAX_LEN, stride: int = DOC_STRIDE) -> list[dict]:
    """Tokenize (question, context) pairs into training features with start/end labels;
    a feature whose window misses the answer is labelled no-answer (position 0)."""
    feats = []
    questions = [e.question.strip()[:500] for e in examples]
    enc = tokenizer(
        questions,
        [e.context for e in examples],
        truncation="only_second",
        max_length=max_len,
        stride=stride,
        return_overflowing_tokens=True,
        return_offsets_mapping=True,
        padding=False,
    )
    for i in range(len(enc["input_ids"])):
        ex = examples[enc["overflow_to_sample_mapping"][i]]
        seq = enc.sequence_ids(i)
        offsets = enc["offset_mapping"][i]
        ctx = [k for k, s in enumerate(seq) if s == 1]
        start_pos = end_pos = 0
        if ex.answers:
            text, a_start = ex.answers[0]
            a_end = a_start + len(text)
            c0, c1 = ctx[0], ctx[-1]
            if offsets[c0][0] <= a_start and offsets[c1][1] >= a_end:
                s = c0
                while s <= c1 and offsets[s][1] <= a_start:
                    s += 1
                t = c1
                while t >= c0 and offsets[t][0] >= a_end:
                    t -= 1
                if s <= t:
                    start_pos, end_pos = s, t
        feats.append(
            {
                "input_ids": enc["input_ids"][i],
                "token_type_ids": enc["token_type_ids"][i],
                "start": start_pos,
                "end": end_pos,
            }
        )
    return feats
