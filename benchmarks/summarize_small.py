#!/usr/bin/env python3
"""Results table of benchmarks/reproduce_small.sh: one row per run (test
sacreBLEU, best valid loss, epochs, updates, training time, why it stopped),
then the mean over seeds per corpus and variant with its gain over the
baseline.

    summarize_small.py WORK --corpora multi30k bible --variants baseline ours builtin --seeds 1 2
"""

import argparse
import importlib.util
import math
import statistics
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "compare_runs", Path(__file__).resolve().parents[1] / "scripts" / "compare_runs.py"
)
compare_runs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compare_runs)


def stop_reason(log_text, max_epoch, epochs):
    if "early stop since valid performance" in log_text:
        return "patience"
    if "Stopping training due to" in log_text:
        return "time budget"
    if max_epoch and epochs >= max_epoch:
        return "max epoch"
    return "?"


def run_row(log, bleu, max_epoch):
    row = compare_runs.summary(log, bleu if bleu.exists() else None)
    series = compare_runs.plot_curves.read_log(log)
    records = [r for kind in ("train", "valid") for _, _, r in series.get(kind, [])]
    epochs = max((int(r["epoch"]) for r in records if "epoch" in r), default=0)
    return {
        "test BLEU": row["test BLEU"],
        "best valid loss": row["best valid loss"],
        "epochs": epochs,
        "updates": row["updates"],
        "train min": row["train wall s"] / 60,
        "stopped by": stop_reason(Path(log).read_text(encoding="utf-8"), max_epoch, epochs),
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
