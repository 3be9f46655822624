#!/usr/bin/env python3
"""Results table of benchmarks/reproduce_small.sh: one row per run (test
sacreBLEU, best valid loss, epochs, updates, training time, why it stopped),
then the mean over seeds per corpus and variant with its gain over the
baseline.

    summarize_small.py WORK --corpora multi30k bible --variants baseline ours builtin --seeds 1 2
"""

import argparse
import math
import statistics
from pathlib import Path

from rdrop_scripts import read_score, run_summary


def run_row(log, bleu, max_epoch):
    row = run_summary(log, max_epoch)
    return {
        "test BLEU": read_score(bleu) if bleu.exists() else math.nan,
        "best valid loss": row["best valid loss"],
        "epochs": row["epochs"],
        "updates": row["updates"],
        "train min": row["train wall s"] / 60,
        "stopped by": row["stopped by"],
    }


def fmt(value):
    if isinstance(value, float):
        return "n/a" if math.isnan(value) else f"{value:.2f}"
    return str(value)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("work")
    parser.add_argument("--corpora", nargs="+", default=["multi30k", "bible"])
    parser.add_argument("--variants", nargs="+", default=["baseline", "ours", "builtin"])
    parser.add_argument("--seeds", nargs="+", default=["1"])
    parser.add_argument("--max-epoch", type=int, default=60)
    args = parser.parse_args(argv)
    work = Path(args.work)

    rows, means = [], {}
    for corpus in args.corpora:
        for variant in args.variants:
            scores = []
            for seed in args.seeds:
                log = work / corpus / f"{variant}-s{seed}.log"
                if not log.exists():
                    continue
                row = run_row(log, work / corpus / f"{variant}-s{seed}.bleu", args.max_epoch)
                rows.append((corpus, variant, seed, row))
                scores.append(row["test BLEU"])
            if scores:
                means[corpus, variant] = (statistics.mean(scores), len(scores))
    if not rows:
        raise SystemExit(f"summarize_small.py: error: no run logs under {work}")

    columns = ["corpus", "variant", "seed", *rows[0][3]]
    print("| " + " | ".join(columns) + " |")
    print("|---" * len(columns) + "|")
    for corpus, variant, seed, row in rows:
        print("| " + " | ".join([corpus, variant, seed, *map(fmt, row.values())]) + " |")
    print("\n| corpus | variant | seeds | mean test BLEU | vs baseline |")
    print("|---|---|---:|---:|---:|")
    for (corpus, variant), (mean, count) in means.items():
        base = means.get((corpus, "baseline"))
        gain = f"{mean - base[0]:+.2f}" if base and variant != "baseline" else ""
        print(f"| {corpus} | {variant} | {count} | {mean:.2f} | {gain} |")


if __name__ == "__main__":
    main()
