"""Grid-search rag.reader_apply.ReaderSettings on the dev split of eval/gold.jsonl only.

Heuristic answers are computed once; reader outputs are cached per (question, window),
which is exact because Reader.read scores every window in its own call. The pick: the
highest short F1 with hit@1 no lower and false_abstain no higher than the heuristic's,
then the fewest windows (latency).

    .venv/bin/python eval/tune_reader.py [--reader-dir DIR] [--split dev]
"""

from __future__ import annotations

import argparse
import itertools
import math
from pathlib import Path

from rag.bench_reader import _gold_row
from rag.config import Config
from rag.evaluate import aggregate, load_gold
from rag.pipeline import Pipeline
from rag.reader import Reader
from rag.reader_apply import ReaderSettings, apply_reader


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default="eval/gold.jsonl")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--reader-dir", default=None)
    a = ap.parse_args()
    items = [it for it in load_gold(Path(a.gold)) if it.split == a.split]
    pipe = Pipeline(Config(), log=lambda s: None)
    reader = Reader(a.reader_dir) if a.reader_dir else Reader()
    cache: dict[tuple[str, str], object] = {}
    raw_read = reader.read

    def cached_read(question: str, windows: list[str]):
        out = []
        for i, w in enumerate(windows):
            key = (question, w)
            if key not in cache:
                got = raw_read(question, [w])
                cache[key] = got[0] if got else None
            s = cache[key]
            if s is not None:
                out.append(type(s)(**{**s.__dict__, "window": i}))
        return out

    reader.read = cached_read  # type: ignore[method-assign]
    answers = []
    for it in items:
        conv = pipe.conversation()
        for h in it.history:
            conv.ask(h)
        answers.append(conv.ask(it.question, k=10))
    base = aggregate([_gold_row(it, ans, 0.0) for it, ans in zip(items, answers)])
    print(
        f"heuristic: hit@1 {base['hit@1']:.3f} F1 {base['short_f1']:.3f} EM {base['short_em']:.3f} "
        f"false_abstain {base['false_abstain']:.3f} abstain_recall {base['abstain_recall']:.3f}"
    )

    def score(st: ReaderSettings) -> tuple:
        rows = [
            _gold_row(it, apply_reader(ans, it.question, pipe.index, reader, pipe.config, st), 0.0)
            for it, ans in zip(items, answers)
        ]
        m = aggregate(rows)
        ok = m["hit@1"] >= base["hit@1"] and m["false_abstain"] <= base["false_abstain"]
        return (ok, m["short_f1"], m["abstain_recall"], -st.passage_windows - st.neighbours, st, m)

    # Two stages (the full product is slow on a shared CPU): windows and the first-quote
    # credit with abstention left to the heuristic, then the two no-answer margins.
    results = []
    off = {"abstain_margin": -math.inf, "answer_margin": math.inf}
    for pw, nb, bonus, kt, ku in itertools.product(
        (0, 1, 2, 3), (0, 1), (0.0, 1.0, 2.0, 4.0, 100.0), ((), ("REASON",)), (False, True)
    ):
        st = ReaderSettings(
            passage_windows=pw, neighbours=nb, first_quote_bonus=bonus, keep_types=kt, keep_unresolved=ku, **off
        )
        results.append(score(st))
    results.sort(key=lambda r: (r[0], round(r[1], 4), r[3]), reverse=True)
    top = results[0][4]
    for am, wm in itertools.product((-math.inf, -8.0, -6.0, -4.0, -2.0, 0.0), (math.inf, 2.0, 4.0, 6.0)):
        results.append(
            score(
                ReaderSettings(
                    passage_windows=top.passage_windows,
                    neighbours=top.neighbours,
                    first_quote_bonus=top.first_quote_bonus,
                    keep_types=top.keep_types,
                    keep_unresolved=top.keep_unresolved,
                    abstain_margin=am,
                    answer_margin=wm,
                )
            )
        )
    results.sort(key=lambda r: (r[0], round(r[1], 4), round(r[2], 4), r[3]), reverse=True)
    for ok, f1, ar, _, st, m in results[:15]:
        print(
            f"{'ok ' if ok else 'NO '} F1 {f1:.3f} EM {m['short_em']:.3f} hit@1 {m['hit@1']:.3f} "
            f"false_abstain {m['false_abstain']:.3f} abstain_recall {ar:.3f} | pw={st.passage_windows} "
            f"nb={st.neighbours} bonus={st.first_quote_bonus} keep={st.keep_types}/{st.keep_unresolved} "
            f"abstain<{st.abstain_margin} wake>{st.answer_margin}"
        )


if __name__ == "__main__":
    main()
