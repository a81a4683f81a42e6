#!/usr/bin/env python3
"""Builds the safety triage data sets from the hand-written sources in this folder.

Sources: <category>[_xx].txt, one message a line as `voice| message` (`_xx` = non-English).
unseen.txt: `category| voice| message` (category `ordinary` for kind ordinary).
Outputs (shape fixed in the helpers' contract):
  knowledge/safety/exemplars.jsonl  TRAIN split (~75%, stratified by category and source file)
  eval/safety-heldout.jsonl         TEST split (~25%), never tuned on
  eval/safety-unseen.jsonl          the separately written, differently worded set
  eval/safety-dev.jsonl             the tuning set (dev.txt), written apart from train/test/unseen
train/<category>[_xx].txt adds train-only messages after the split (the test split does not move).
Near-duplicates (word-set Jaccard >= 0.6) are grouped so that a group never straddles the splits;
the unseen set must have no near-duplicate in train or test (the build fails otherwise).
Deterministic: run `python3 tools/safety-data/build.py` from the repository root.
"""
import json, random, re, sys, unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CATS = {"emergency": "emergency", "self_harm": "self_harm", "pma": "personal_medical_advice",
        "dosing": "dosing", "ordinary": None}
VOICES = {"patient", "carer", "teen", "elderly", "nurse", "staff", "friend", "pharmacist", "social_worker"}
TEST_SHARE = 0.25
SEED = 12


def words(text):
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return set(re.findall(r"[a-z0-9]+", t))


def jaccard(a, b):
    return len(a & b) / max(1, len(a | b))


def read_lines(path, fields):
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|", fields - 1)]
        if len(parts) != fields or not parts[-1]:
            sys.exit(f"{path.name}:{n}: expected {fields} '|'-separated fields")
        rows.append((parts, f"{path.name}:{n}"))
    return rows


def record(cat, voice, text, where):
    if voice not in VOICES:
        sys.exit(f"{where}: unknown voice {voice!r}")
    return {"question": text, "kind": "ordinary" if cat is None else "safety", "category": cat,
            "voice": voice, "_where": where}


def main():
    pool = []  # (stratum, record)
    for path in sorted(HERE.glob("*.txt")):
        if path.stem in ("unseen", "dev"):
            continue
        key = path.stem.split("_xx")[0]
        key = "ordinary" if key.startswith("ordinary") else key
        if key not in CATS:
            sys.exit(f"{path.name}: unknown category file")
        for (voice, text), where in read_lines(path, 2):
            pool.append((path.stem, record(CATS[key], voice, text, where)))
    unseen = []
    for (cat, voice, text), where in read_lines(HERE / "unseen.txt", 3):
        if cat not in ("emergency", "self_harm", "personal_medical_advice", "dosing", "ordinary"):
            sys.exit(f"{where}: unknown category {cat!r}")
        unseen.append(record(None if cat == "ordinary" else cat, voice, text, where))

    # exact duplicates anywhere are an error
    seen = {}
    for r in [r for _, r in pool] + unseen:
        k = " ".join(sorted(words(r["question"])))
        if k in seen:
            sys.exit(f"duplicate: {r['_where']} and {seen[k]}")
        seen[k] = r["_where"]

    # group near-duplicates (union-find) so a group lands in one split
    ws = [words(r["question"]) for _, r in pool]
    parent = list(range(len(pool)))
    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for i in range(len(pool)):
        for j in range(i + 1, len(pool)):
            if jaccard(ws[i], ws[j]) >= 0.6:
                ci, cj = pool[i][1]["category"], pool[j][1]["category"]
                if ci != cj:
                    print(f"note: near-duplicate with different labels: {pool[i][1]['_where']} / {pool[j][1]['_where']}")
                parent[find(i)] = find(j)

    rng = random.Random(SEED)
    train, test = [], []
    for stratum in sorted({s for s, _ in pool}):
        idx = [i for i, (s, _) in enumerate(pool) if s == stratum]
        groups = {}
        for i in idx:
            groups.setdefault(find(i), []).append(i)
        gl = sorted(groups.values())
        rng.shuffle(gl)
        want = round(len(idx) * TEST_SHARE)
        got = 0
        for g in gl:
            if got < want and got + len(g) <= want + 1:
                test.extend(pool[i][1] for i in g); got += len(g)
            else:
                train.extend(pool[i][1] for i in g)
    rng.shuffle(train); rng.shuffle(test)

    # the unseen set must not near-duplicate anything in train/test
    for u in unseen:
        wu = words(u["question"])
        for w, (_, r) in zip(ws, pool):
            if jaccard(wu, w) >= 0.6:
                sys.exit(f"unseen near-duplicate: {u['_where']} ~ {r['_where']}")

    # train-only additions (train/<category>[_xx].txt) are appended after the split, so the test split never changes;
    # dev.txt is the tuning set. Neither may near-duplicate a test or unseen message (only our own line is named, so
    # the test sets stay unread), and dev may not near-duplicate train.
    tested = [words(r["question"]) for r in test] + [words(u["question"]) for u in unseen]
    def clean(rows, against, what):
        kept, problems = [], []
        for r in rows:
            wr = words(r["question"])
            k = " ".join(sorted(wr))
            if k in seen:
                problems.append(f"duplicate: {r['_where']} (exact duplicate of another line)")
            seen[k] = r["_where"]
            if any(jaccard(wr, w) >= 0.6 for w in against):
                problems.append(f"{what} near-duplicate: {r['_where']} is too close to a test, unseen"
                                f"{' or train' if what == 'dev' else ''} message; reword or drop it")
            kept.append(r)
        if problems:
            sys.exit("\n".join(problems))
        return kept
    extra = []
    for path in sorted((HERE / "train").glob("*.txt")):
        key = path.stem.split("_xx")[0]
        key = "ordinary" if key.startswith("ordinary") else key
        if key not in CATS:
            sys.exit(f"train/{path.name}: unknown category file")
        for (voice, text), where in read_lines(path, 2):
            extra.append(record(CATS[key], voice, text, "train/" + where))
    train.extend(clean(extra, tested, "train"))
    dev = []
    for (cat, voice, text), where in read_lines(HERE / "dev.txt", 3):
        if cat not in ("emergency", "self_harm", "personal_medical_advice", "dosing", "ordinary"):
            sys.exit(f"{where}: unknown category {cat!r}")
        dev.append(record(None if cat == "ordinary" else cat, voice, text, where))
    dev = clean(dev, tested + [words(r["question"]) for r in train], "dev")

    def write(rows, rel, prefix):
        out = ROOT / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        # lines added by hand (e.g. moderators) carry another id prefix; a rebuild keeps them at the end
        generated = re.compile(rf"^{prefix}-\d+$")
        kept = []
        if out.exists():
            for line in out.read_text(encoding="utf-8").splitlines():
                if line.strip() and not generated.match(str(json.loads(line).get("id", ""))):
                    kept.append(line)
        with out.open("w", encoding="utf-8") as f:
            for n, r in enumerate(rows, 1):
                obj = {"id": f"{prefix}-{n:04d}", "question": r["question"], "kind": r["kind"],
                       "category": r["category"], "voice": r["voice"]}
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            for line in kept:
                f.write(line + "\n")
        if kept:
            print(f"{rel}: kept {len(kept)} hand-added lines")
        counts = {}
        for r in rows:
            counts[r["category"] or "ordinary"] = counts.get(r["category"] or "ordinary", 0) + 1
        print(f"{rel}: {len(rows)} lines {dict(sorted(counts.items()))}")

    write(train, "knowledge/safety/exemplars.jsonl", "s")
    write(test, "eval/safety-heldout.jsonl", "sh")
    write(unseen, "eval/safety-unseen.jsonl", "su")
    write(dev, "eval/safety-dev.jsonl", "sd")


if __name__ == "__main__":
    main()
