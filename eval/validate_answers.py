#!/usr/bin/env python3
"""Checks the answer evaluation sets (eval/answers-*.jsonl) and prints counts per kind and style.

Usage:
  python3 eval/validate_answers.py [--outline OUTLINE.md | --knowledge DIR] FILE.jsonl [FILE.jsonl ...]

Section ids come either from the knowledge outline (lines "## <file>.md (title...)" followed by "- <heading>")
or from the "##" headings of the Markdown files under a knowledge folder (default: knowledge/ next to eval/;
the tests/ and safety/ folders are skipped, as the engine skips them).
Slug rule (as QaBot.Knowledge.Files.Slug): lower-case, every run of characters other than a-z0-9 becomes one '-',
trimmed of '-'. Exit code 1 when any check fails.
"""
import argparse
import collections
import json
import pathlib
import re
import sys
import unicodedata

KINDS = {"answered", "no_answer", "small_talk"}


def slug(text):
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "section"


def ids_from_outline(path):
    ids, current = set(), None
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        m = re.match(r"^## (\S+)\.md\b", line)
        if m:
            current = m.group(1)
            continue
        if line.startswith("## "):
            current = None
            continue
        m = re.match(r"^- (.+?)\s*$", line)
        if current and m:
            ids.add(f"{current}#{slug(m.group(1))}")
    return ids


def ids_from_knowledge(root):
    root = pathlib.Path(root)
    ids = set()
    for md in root.rglob("*.md"):
        rel = md.relative_to(root)
        if rel.parts[0] in ("tests", "safety"):
            continue
        stem = rel.with_suffix("").as_posix()
        for line in md.read_text(encoding="utf-8").splitlines():
            if line.startswith("## "):
                ids.add(f"{stem}#{slug(line[3:].strip())}")
    return ids


def check(path, known, seen_ids, seen_questions, problems):
    items = []
    for n, line in enumerate(pathlib.Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as ex:
            problems.append(f"{where}: malformed JSON: {ex}")
            continue
        items.append(item)
        iid, q, kind = item.get("id"), item.get("question"), item.get("kind")
        rel = item.get("relevant") or []
        if not iid or not isinstance(q, str) or not q.strip():
            problems.append(f"{where}: missing id or question")
        if iid in seen_ids:
            problems.append(f"{where}: duplicate id {iid} (also {seen_ids[iid]})")
        seen_ids[iid] = where
        key = re.sub(r"\s+", " ", (q or "").strip().lower())
        if key in seen_questions:
            problems.append(f"{where}: same question as {seen_questions[key]}")
        seen_questions[key] = where
        if kind not in KINDS:
            problems.append(f"{where}: kind {kind!r} not one of {sorted(KINDS)}")
        if not item.get("style"):
            problems.append(f"{where}: no style")
        if "category" in item and item["category"] is not None:
            problems.append(f"{where}: category must be null for answer questions")
        if kind == "answered":
            if not 1 <= len(rel) <= 3:
                problems.append(f"{where}: answered needs 1-3 relevant ids, has {len(rel)}")
        elif rel:
            problems.append(f"{where}: {kind} must not list relevant ids")
        if len(set(rel)) != len(rel):
            problems.append(f"{where}: repeated relevant id")
        for r in rel:
            if r not in known:
                problems.append(f"{where}: unknown section id {r}")
        if "caveat" in item and item["caveat"] is not True:
            problems.append(f"{where}: caveat, when present, must be true")
        if item.get("caveat") and kind != "answered":
            problems.append(f"{where}: caveat on a {kind} question")
        if "parts" in item:
            if item["parts"] not in (2, 3) or item["parts"] != len(rel):
                problems.append(f"{where}: parts must be 2 or 3 and equal the number of relevant ids")
        if item.get("style") == "other-language" and kind != "no_answer":
            problems.append(f"{where}: other-language questions are kind no_answer")
    return items


def report(path, items):
    kinds = collections.Counter(i.get("kind") for i in items)
    styles = collections.Counter(i.get("style") for i in items)
    by = collections.Counter((i.get("kind"), i.get("style")) for i in items)
    print(f"{path}: {len(items)} questions")
    print("  kinds:  " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print("  styles: " + ", ".join(f"{k} {v}" for k, v in sorted(styles.items())))
    print("  kind/style: " + ", ".join(f"{k}/{s} {v}" for (k, s), v in sorted(by.items())))
    print(f"  caveat {sum(1 for i in items if i.get('caveat'))}, "
          f"multi-part {sum(1 for i in items if i.get('parts'))} "
          f"(2 parts {sum(1 for i in items if i.get('parts') == 2)}, 3 parts {sum(1 for i in items if i.get('parts') == 3)})")
    used = collections.Counter(r for i in items for r in (i.get("relevant") or []))
    return used


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--outline")
    ap.add_argument("--knowledge", default=str(pathlib.Path(__file__).resolve().parent.parent / "knowledge"))
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    known = ids_from_outline(args.outline) if args.outline else ids_from_knowledge(args.knowledge)
    print(f"{len(known)} section ids from {args.outline or args.knowledge}")
    problems, seen_ids, seen_questions, used = [], {}, {}, collections.Counter()
    for f in args.files:
        used += report(f, check(f, known, seen_ids, seen_questions, problems))
    unused = sorted(known - set(used))
    print(f"sections never expected: {len(unused)}" + ("" if not unused else " (" + ", ".join(unused) + ")"))
    for p in problems:
        print("PROBLEM " + p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
