"""Smoke tests of `rag bench squad` and `rag bench speed` on tiny inputs (no timing asserts)."""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest

from rag import bench_speed, bench_squad, squad
from rag.batch import InputFileError
from rag.cli import main

ARTICLES = {
    "Super_Bowl_50": [
        "Super Bowl 50 was an American football game to determine the champion of the National Football League "
        "for the 2015 season. The Denver Broncos defeated the Carolina Panthers 24-10 to earn their third title. "
        "The game was played on February 7, 2016, at Levi's Stadium in Santa Clara, California.",
        "The Panthers finished the regular season with a 15-1 record, and quarterback Cam Newton was named the "
        "league's Most Valuable Player. Copyright of the broadcast belonged to CBS, which charged five million "
        "dollars for a thirty-second commercial.",
    ],
    "Oxygen": [
        "Oxygen is a chemical element with symbol O and atomic number 8. It is a highly reactive nonmetal and "
        "oxidizing agent that readily forms oxides with most elements.",
        "Oxygen was discovered independently by Carl Wilhelm Scheele, in Uppsala, in 1773 or earlier, and "
        "Joseph Priestley in Wiltshire, in 1774.",
    ],
    "Amazon_rainforest": [
        "The Amazon rainforest is a moist broadleaf forest that covers most of the Amazon basin of South America. "
        "This basin encompasses seven million square kilometres, of which five and a half million are covered by "
        "the rainforest.",
        "The majority of the forest is contained within Brazil, with 60% of the rainforest, followed by Peru with "
        "13%, and Colombia with 10%.",
    ],
}
QUESTIONS = [
    ("Super_Bowl_50", 0, "Which team won Super Bowl 50?", "Denver Broncos"),
    ("Super_Bowl_50", 0, "Where was Super Bowl 50 played?", "Levi's Stadium"),
    ("Super_Bowl_50", 1, "Who was named the league's Most Valuable Player?", "Cam Newton"),
    ("Oxygen", 0, "What is the atomic number of oxygen?", "8"),
    ("Oxygen", 1, "Who discovered oxygen in Uppsala?", "Carl Wilhelm Scheele"),
    ("Amazon_rainforest", 1, "Which country contains the majority of the Amazon rainforest?", "Brazil"),
]


def _squad_file(path, v2: bool = False):
    data = []
    n = 0
    for title, paras in ARTICLES.items():
        ps = []
        for i, context in enumerate(paras):
            qas = []
            for t, pi, q, a in QUESTIONS:
                if t == title and pi == i:
                    n += 1
                    qas.append(
                        {"id": f"q{n}", "question": q, "answers": [{"text": a, "answer_start": context.find(a)}]}
                    )
                    if v2:
                        qas[-1]["is_impossible"] = False
            if v2 and title == "Oxygen" and i == 0:
                qas.append(
                    {"id": "imp", "question": "Who painted the Mona Lisa?", "answers": [], "is_impossible": True}
                )
            ps.append({"context": context, "qas": qas})
        data.append({"title": title, "paragraphs": ps})
    path.write_text(json.dumps({"version": "v2.0" if v2 else "1.1", "data": data}), "utf-8")
    return path


def test_paragraphs_are_indexed_as_they_are(tmp_path):
    sq = squad.load_squad(_squad_file(tmp_path / "dev.json"))
    assert len(sq.docs) == 6 and len(sq.questions) == 6
    doc = sq.docs[2]
    assert doc.title == "Oxygen" and doc.text == ARTICLES["Oxygen"][0]
    # the web-page cleaner would drop this "Copyright ..." sentence; the bench keeps it
    assert "Copyright of the broadcast" in sq.docs[1].text and sq.docs[1].title == "Super Bowl 50"
    assert sq.questions[0].gold_docs == {sq.docs[0].doc_id}


def test_bench_squad_reports_three_configurations(config, embedder, tmp_path):
    data = _squad_file(tmp_path / "dev-v1.1.json")
    cfg = config.with_(index_dir=tmp_path / "unused")
    report = bench_squad.run(data, cfg, embedder, tmp_path / "cache", log=lambda s: None)
    assert set(report["modes"]) == {"bm25", "dense", "full"}
    assert report["paragraphs"] == 6 and report["questions"] == 6 and report["index_built_seconds"] > 0
    for m in report["modes"].values():
        assert 0.0 <= m["recall@1"] <= m["recall@5"] <= m["recall@20"] <= 1.0
        assert m["recall@20"] == 1.0, "six paragraphs: every one is within the top 20"
        assert 0.0 <= m["hit@1"] <= 1.0 and 0.0 <= m["short_f1"] <= 1.0 and "abstain_recall" not in m
    assert report["modes"]["bm25"]["recall@1"] >= 0.8
    assert report["modes"]["full"]["recall@1"] >= 0.8
    text = bench_squad.table(report)
    assert all(name in text.splitlines()[1] for name in ("bm25", "dense", "full"))
    assert "recall@5" in text and "hit@1" in text
    # the index is cached: a second run does not build it again
    again = bench_squad.run(data, cfg, embedder, tmp_path / "cache", limit=3, seed=1, log=lambda s: None)
    assert again["index_built_seconds"] == 0 and again["questions"] == 3
    # only the questions of some articles; the whole collection is still searched
    some = bench_squad.run(data, cfg, embedder, tmp_path / "cache", titles=["Oxygen"], log=lambda s: None)
    assert some["questions"] == 2 and some["paragraphs"] == 6 and some["titles"] == ["Oxygen"]
    with pytest.raises(InputFileError, match="no article titled Nope"):
        bench_squad.run(data, cfg, embedder, tmp_path / "cache", titles=["Nope"], log=lambda s: None)


def test_bench_squad_cli_on_v2(config, tmp_path, capsys):
    data = _squad_file(tmp_path / "dev-v2.0.json", v2=True)
    out = tmp_path / "report.json"
    argv = ["bench", "squad", "--data", str(data), "--cache", str(tmp_path / "cache"), "--json", str(out)]
    assert main([*argv, "--no-progress"]) == 0
    printed = capsys.readouterr().out
    assert "abstain_recall" in printed and "false_abstain" in printed
    report = json.loads(out.read_text("utf-8"))
    assert report["version"] == "2.0" and report["answerable"] == 6 and report["questions"] == 7
    assert 0.0 <= report["modes"]["full"]["abstain_recall"] <= 1.0


def test_bench_squad_bad_file_is_one_line(tmp_path, capsys):
    bad = tmp_path / "x.json"
    bad.write_text('{"nope": 1}', "utf-8")
    assert main(["bench", "squad", "--data", str(bad), "--cache", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "not a SQuAD file" in err and "\n" not in err


@pytest.mark.slow
def test_bench_speed_smoke(config, seeds_copy, tmp_path):
    for p in sorted(seeds_copy.iterdir())[1:]:
        p.unlink()  # one article keeps it quick
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"question": "Who is the editor in chief of the Global Times?"}) + "\n", "utf-8")
    cfg = config.with_(seeds_dir=seeds_copy)
    report = bench_speed.run(cfg, gold=gold, squad=None, cache=tmp_path / "cache", repeat=1, log=lambda s: None)
    (r,) = report["corpora"]
    assert r["documents"] == 1 and r["chunks"] > 0 and r["cold_ask_ok"]
    assert r["build_ratio"] > 0 and r["warm_p50_ms"] > 0 and r["floor_p50_ms"] > 0
    text = bench_speed.table(report)
    assert "build / raw" in text and "warm p50 / floor" in text and "cold rag ask s" in text
    assert r["build_precision"] in ("bf16", "fp32") and f"build precision{' ' * 13}" in text


def test_cold_start_memory_is_the_childs_own():
    # Linux carries a parent's resident memory into its forked child's peak RSS: a
    # cold `rag ask` started from the benchmark (model and index loaded) was charged for them.
    ballast = np.ones(400 * 2**20 // 8)  # 400 MiB resident in this process
    secs, rss, rc, out = bench_speed._child([sys.executable, "-c", "print('hi')"])
    assert rc == 0 and out.strip() == "hi" and secs > 0
    assert rss < 100, f"a bare python was charged {rss:.0f} MiB"
    assert ballast.sum() > 0
