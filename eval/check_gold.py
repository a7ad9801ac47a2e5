#!/usr/bin/env python3
"""Validate the extractive-QA gold set (eval/gold.jsonl).

Usage:
    python eval/check_gold.py eval/gold.jsonl --seeds seeds

Checks, per line:
  * valid JSON object with the required fields (id, question, answers, docs,
    type, split) and no unknown fields (optional: history, answers_all);
  * field types, unique ids, allowed type / split values;
  * every doc named in `docs` exists in the --seeds folder;
  * every string in `answers` and `answers_all` occurs verbatim (exact
    characters, no normalisation) in at least one of the files named in `docs`;
  * consistency: `unanswerable` items have empty answers/docs and no
    answers_all; answerable items name docs and have answers; `followup` items
    have a non-empty history; `multi` items have >= 2 answers_all strings and
    >= 2 docs.

Prints one line per problem, then a summary line with counts per type and
split. Exits 1 if any problem was found, else 0. Standard library only.
"""

import argparse
import json
import os
import sys
from collections import Counter

REQUIRED = ("id", "question", "answers", "docs", "type", "split")
OPTIONAL = ("history", "answers_all")
TYPES = ("factoid", "why", "followup", "multi", "unanswerable")
SPLITS = ("dev", "test")


def is_str_list(x, allow_empty=True):
    return isinstance(x, list) and all(isinstance(s, str) and s.strip() for s in x) and (allow_empty or len(x) > 0)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", help="path to gold.jsonl")
    ap.add_argument("--seeds", default="seeds", help="folder with the article files (default: seeds)")
    args = ap.parse_args(argv)

    problems = []

    def bad(where, msg):
        problems.append(f"{where}: {msg}")

    if not os.path.isdir(args.seeds):
        print(f"{args.seeds}: seeds folder not found")
        print("SUMMARY: 0 items, 1 problem")
        return 1

    texts = {}

    def doc_text(name):
        if name not in texts:
            path = os.path.join(args.seeds, name)
            if os.path.basename(name) != name or not os.path.isfile(path):
                texts[name] = None
            else:
                with open(path, encoding="utf-8") as f:
                    texts[name] = f.read()
        return texts[name]

    try:
        with open(args.gold, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except OSError as e:
        print(f"{args.gold}: cannot read ({e})")
        print("SUMMARY: 0 items, 1 problem")
        return 1

    ids = Counter()
    seen_q = {}
    by_type, by_split, by_pair = Counter(), Counter(), Counter()
    n_items = 0

    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"line {lineno}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            bad(where, f"invalid JSON ({e})")
            continue
        if not isinstance(item, dict):
            bad(where, "not a JSON object")
            continue
        n_items += 1
        if isinstance(item.get("id"), str):
            where = f"line {lineno} ({item['id']})"

        for k in REQUIRED:
            if k not in item:
                bad(where, f"missing field '{k}'")
        for k in item:
            if k not in REQUIRED and k not in OPTIONAL:
                bad(where, f"unknown field '{k}'")

        iid = item.get("id")
        if "id" in item:
            if not isinstance(iid, str) or not iid.strip():
                bad(where, "'id' must be a non-empty string")
            else:
                ids[iid] += 1
                if ids[iid] == 2:
                    bad(where, f"duplicate id '{iid}'")

        q = item.get("question")
        if "question" in item and (not isinstance(q, str) or not q.strip()):
            bad(where, "'question' must be a non-empty string")

        typ = item.get("type")
        if "type" in item and typ not in TYPES:
            bad(where, f"'type' must be one of {', '.join(TYPES)} (got {typ!r})")
        split = item.get("split")
        if "split" in item and split not in SPLITS:
            bad(where, f"'split' must be one of {', '.join(SPLITS)} (got {split!r})")
        if typ in TYPES:
            by_type[typ] += 1
        if split in SPLITS:
            by_split[split] += 1
        if typ in TYPES and split in SPLITS:
            by_pair[(typ, split)] += 1

        answers = item.get("answers")
        if "answers" in item and not is_str_list(answers):
            bad(where, "'answers' must be a list of non-empty strings")
            answers = None
        answers_all = item.get("answers_all")
        if "answers_all" in item and not is_str_list(answers_all, allow_empty=False):
            bad(where, "'answers_all' must be a non-empty list of non-empty strings")
            answers_all = None
        history = item.get("history")
        if "history" in item and not is_str_list(history, allow_empty=False):
            bad(where, "'history' must be a non-empty list of non-empty strings")
            history = None
        docs = item.get("docs")
        if "docs" in item and not is_str_list(docs):
            bad(where, "'docs' must be a list of file names")
            docs = None

        if isinstance(q, str) and q.strip():
            key = (q.strip(), tuple(history or ()))
            if key in seen_q:
                bad(where, f"same question and history as {seen_q[key]}")
            else:
                seen_q[key] = iid if isinstance(iid, str) else where

        # docs exist
        doc_texts = []
        if docs is not None:
            if len(set(docs)) != len(docs):
                bad(where, "duplicate names in 'docs'")
            for d in docs:
                t = doc_text(d)
                if t is None:
                    bad(where, f"doc not found in {args.seeds}: {d!r}")
                else:
                    doc_texts.append(t)

        # verbatim check
        if docs is not None and doc_texts:
            for field, vals in (("answers", answers), ("answers_all", answers_all)):
                for s in vals or ():
                    if not any(s in t for t in doc_texts):
                        bad(where, f"{field} string not verbatim in named docs: {s!r}")

        # type consistency
        if typ == "unanswerable":
            if answers:
                bad(where, "unanswerable item must have answers == []")
            if docs:
                bad(where, "unanswerable item must have docs == []")
            if "answers_all" in item:
                bad(where, "unanswerable item must not have answers_all")
        elif typ in TYPES:
            if docs is not None and not docs:
                bad(where, "answerable item must name at least one doc")
            if answers is not None and not answers and not answers_all:
                bad(where, "answerable item needs non-empty answers or answers_all")
        if typ == "followup" and not history:
            bad(where, "followup item needs a non-empty 'history'")
        if typ == "multi":
            if not answers_all or len(answers_all) < 2:
                bad(where, "multi item needs 'answers_all' with at least 2 strings")
            if docs is not None and len(docs) < 2:
                bad(where, "multi item needs at least 2 docs")

    if n_items == 0:
        bad(args.gold, "no items")

    for p in problems:
        print(p)

    types = " ".join(f"{t}={by_type[t]}" for t in TYPES)
    splits = " ".join(f"{s}={by_split[s]}" for s in SPLITS)
    pairs = " ".join(f"{t}:{by_pair[(t, 'dev')]}/{by_pair[(t, 'test')]}" for t in TYPES)
    print(
        f"SUMMARY: {n_items} items, {len(problems)} problem{'s' if len(problems) != 1 else ''} | "
        f"types: {types} | splits: {splits} | dev/test per type: {pairs}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
