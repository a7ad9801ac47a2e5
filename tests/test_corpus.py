from __future__ import annotations

import pytest

from rag.corpus import CorpusError, clean, iter_documents, list_files

CLUTTER = [
    "Share on WhatsApp",
    "Join the mailing list",
    "MOST POPULAR",
    "font-size",
    "Facebook share button",
    "Comments are approved by a moderator",
    "Listen Live",
    "Get short URL",
    "READ MORE",
    "View Full Site",
    "Top 10 Stories",
    "Back To Top",
    "do not necessarily reflect",
]


def test_clutter_never_reaches_a_chunk(pipeline):
    texts = [c.text for c in pipeline.index.chunks]
    for line in CLUTTER:
        assert not any(line.lower() in t.lower() for t in texts), line


def test_duplicated_caption_kept_once(pipeline):
    doc = pipeline.index.docs["004_a56a2f903766f48a.txt"]
    assert doc.text.count("inspect an honor guard in Pyongyang") == 1


def test_metadata_kept(pipeline):
    docs = pipeline.index.docs
    d = docs["000_0e88844027cc8d80.txt"]
    assert d.title == "North Korea's Kim Visits Beijing Amid US-China Trade Talks"
    assert d.byline == "Bill Ide"
    assert d.date == "January 08, 2019"
    assert d.text.startswith(d.title)
    assert docs["002_d01169830d053d92.txt"].outlet == "Sputnik"
    assert docs["001_d1aec32c6bfbc2a1.txt"].byline == "Eugene Whong"
    # a byline at the foot of the article, with the writer's email: the domain is its outlet
    herald = docs["003_79228504ccb7102d.txt"]
    assert (herald.byline, herald.outlet) == ("Ock Hyun-ju", "heraldcorp.com")
    assert "By Ock Hyun-ju" in herald.text
    assert docs["004_a56a2f903766f48a.txt"].title == "NK, US poised for denuclearization talks"


def test_general_rules_on_unseen_page():
    raw = (
        "Menu\nHome\nWorld\n\nTrade Deal Reached After Long Night Of Talks\n\nBy Jane Doe March 3, 2020\n"
        "Share on Facebook\n\nNegotiators from both sides agreed on Friday to cut tariffs on steel by half.\n\n"
        "Related Coverage\n\nThe deal still needs approval from parliament before it takes effect next year.\n"
        "Subscribe to our newsletter for more\n© 2020 Example News. All rights reserved.\n"
    )
    d = clean(raw, "x.txt")
    assert d.title == "Trade Deal Reached After Long Night Of Talks"
    assert d.byline == "Jane Doe" and d.date == "March 3, 2020"
    assert "Share on Facebook" not in d.text and "Related Coverage" not in d.text
    assert "newsletter" not in d.text and "rights reserved" not in d.text and "Menu" not in d.text
    assert "cut tariffs on steel by half." in d.text


def test_bad_files_are_skipped_with_a_warning_naming_them(tmp_path):
    (tmp_path / "good.txt").write_text("A full sentence about the summit in Hanoi was written here today.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks in Z\xfcrich ended on Monday with no deal.".encode("latin-1"))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    with pytest.warns(UserWarning) as rec:
        docs = list(iter_documents(tmp_path))
    assert [d.doc_id for d in docs] == ["good.txt"]
    msgs = " ".join(str(w.message) for w in rec)
    assert "empty.txt" in msgs and "binary.txt" in msgs and "latin1.txt" in msgs and "UTF-8" in msgs


def test_missing_folder_error_says_what_to_do(tmp_path):
    with pytest.raises(CorpusError, match="does not exist: create it"):
        list_files(tmp_path / "nope")
