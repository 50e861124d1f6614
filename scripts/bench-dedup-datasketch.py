#!/usr/bin/env python3
"""datasketch MinHash + LSH on the paragraphs `bench-dedup --dump FILE` wrote, scored the same way.

    scripts/bench-dedup-datasketch.py FILE [--num-perm 128] [--ngram 5] [--procs 2]
                                           [--threshold T | --target-recall 0.98]

The baseline of issue 5's scale target, as text-dedup runs it (text_dedup/minhash.py): lowercase,
split on anything but [A-Za-z0-9_], word 5-shingles (a paragraph shorter than 5 words is one
shingle), a datasketch MinHash of num_perm permutations per paragraph (computed in a
multiprocessing pool of --procs workers, as text-dedup maps with num_proc), then datasketch's
MinHashLSH at a Jaccard threshold (its own optimal bands x rows), every paragraph queried against
the ones inserted before it, candidate pairs unioned (no verification: text-dedup's default).

Threshold: with --target-recall R (the default, R = 0.98) the signatures are computed once and
thresholds 0.50, 0.45, ... 0.05 are tried in turn until one reaches recall R; if none does, the
one with the best recall is reported (and, separately, the best recall at precision >= 0.99).
The time reported is the signatures' plus the reported threshold's LSH (each try builds its own
index; the other tries are not counted). --threshold T runs T only.

Scores as bench-dedup scores storysift: each cluster's kept paragraph is its first, every other
member is linked to it; a link is correct when both are in one truth group; recall = correct
links / (paragraphs - groups), precision = correct links / links; false merges = distinct pairs
of truth groups joined by a wrong link.

Output: a human summary on stderr and one JSON line on stdout. Needs `pip install datasketch`
(scripts/bench-dedup --datasketch makes a venv under /tmp for it).
"""

import argparse
import json
import multiprocessing
import re
import sys
import time

NON_ALPHA = re.compile("[^A-Za-z_0-9]")


def shingles(text, n):
    tokens = [t for t in NON_ALPHA.split(text.lower()) if t]
    if not tokens:
        return []
    if len(tokens) < n:
        return [" ".join(tokens).encode()]
    return [" ".join(tokens[i : i + n]).encode() for i in range(len(tokens) - n + 1)]


_NUM_PERM = 128
_NGRAM = 5


def _init(num_perm, ngram):
    global _NUM_PERM, _NGRAM
    _NUM_PERM, _NGRAM = num_perm, ngram


def signature(text):
    from datasketch import MinHash

    sh = shingles(text, _NGRAM)
    if not sh:
        return None
    m = MinHash(num_perm=_NUM_PERM, seed=1)
    m.update_batch(sh)
    return m.hashvalues


def find(sigs, threshold, num_perm, scheme):
    """Union-find over LSH candidates; returns each paragraph's cluster root (its first member)."""
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    parent = list(range(len(sigs)))

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, hv in enumerate(sigs):
        if hv is None:
            continue
        m = LeanMinHash(seed=1, hashvalues=hv, scheme=scheme)
        for j in lsh.query(m):
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
        lsh.insert(i, m, check_duplication=False)
    return [root(i) for i in range(len(sigs))], (lsh.b, lsh.r)


def score(roots, groups):
    links = correct = 0
    merged = set()
    for i, r in enumerate(roots):
        if r == i:
            continue
        links += 1
        if groups[i] == groups[r]:
            correct += 1
        else:
            merged.add((min(groups[i], groups[r]), max(groups[i], groups[r])))
    truth_dups = len(groups) - len(set(groups))
    return {
        "links": links,
        "correct": correct,
        "recall": correct / truth_dups if truth_dups else 1.0,
        "precision": correct / links if links else 1.0,
        "false_merges": len(merged),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", help="JSONL from bench-dedup --dump")
    ap.add_argument("--num-perm", type=int, default=128)
    ap.add_argument("--ngram", type=int, default=5)
    ap.add_argument("--procs", type=int, default=2, help="signature workers (default 2)")
    ap.add_argument("--threshold", type=float, help="run this LSH threshold only")
    ap.add_argument("--target-recall", type=float, default=0.98)
    args = ap.parse_args()

    import datasketch

    # The permutation scheme of this datasketch's MinHash (2.0: "affine32"; None before 2.0).
    scheme = getattr(datasketch.MinHash(num_perm=args.num_perm, seed=1), "scheme", None)

    texts, groups = [], []
    with open(args.dump, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            texts.append(o["text"])
            groups.append(o["group"])
    n = len(texts)

    t0 = time.perf_counter()
    with multiprocessing.Pool(args.procs, _init, (args.num_perm, args.ngram)) as pool:
        sigs = pool.map(signature, texts, chunksize=256)
    sig_s = time.perf_counter() - t0

    if args.threshold is not None:
        thresholds = [args.threshold]
    else:
        thresholds = [round(0.5 - 0.05 * k, 2) for k in range(10)]
    tries = []
    for th in thresholds:
        t1 = time.perf_counter()
        roots, (b, r) = find(sigs, th, args.num_perm, scheme)
        lsh_s = time.perf_counter() - t1
        sc = score(roots, groups)
        tries.append({"threshold": th, "bands": b, "rows": r, "lsh_s": round(lsh_s, 3), **sc})
        print(
            f"  threshold {th:.2f} (b={b}, r={r}): recall {sc['recall']:.4f} precision "
            f"{sc['precision']:.4f} false merges {sc['false_merges']} lsh {lsh_s:.2f} s",
            file=sys.stderr,
        )
        del roots
        if args.threshold is None and sc["recall"] >= args.target_recall:
            break
    # The first threshold that reaches the target recall; if none does, the best recall (then
    # the best precision) any threshold reached.
    best = tries[-1]
    if best["recall"] < args.target_recall:
        best = max(tries, key=lambda t: (round(t["recall"], 4), t["precision"]))
    precise = [t for t in tries if t["precision"] >= 0.99]
    best_precise = max(precise, key=lambda t: t["recall"]) if precise else None
    total = sig_s + best["lsh_s"]
    out = {
        "tool": "datasketch",
        "version": datasketch.__version__,
        "scheme": scheme,
        "paras": n,
        "num_perm": args.num_perm,
        "ngram": args.ngram,
        "procs": args.procs,
        "threshold": best["threshold"],
        "bands": best["bands"],
        "rows": best["rows"],
        "signature_s": round(sig_s, 3),
        "lsh_s": best["lsh_s"],
        "total_s": round(total, 3),
        "paras_per_s": round(n / total),
        "links": best["links"],
        "correct": best["correct"],
        "recall": round(best["recall"], 4),
        "precision": round(best["precision"], 4),
        "false_merges": best["false_merges"],
        "target_recall_reached": best["recall"] >= args.target_recall,
        "best_recall_at_precision_0_99": best_precise and {
            k: best_precise[k] for k in ("threshold", "recall", "precision", "lsh_s")
        },
        "tries": tries,
    }
    print(
        f"datasketch {datasketch.__version__}: {n} paragraphs, threshold {best['threshold']} "
        f"(b={best['bands']}, r={best['rows']}): signatures {sig_s:.2f} s ({args.procs} procs) + "
        f"LSH {best['lsh_s']:.2f} s = {total:.2f} s = {n / total:.0f} paragraphs/s; recall "
        f"{best['recall']:.4f} precision {best['precision']:.4f}",
        file=sys.stderr,
    )
    print(json.dumps(out))


if __name__ == "__main__":
    main()
