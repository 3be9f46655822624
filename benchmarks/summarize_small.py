#!/usr/bin/env python3
"""Tables and the gain-vs-data plot of the small reproduction
(``benchmarks/reproduce_small.sh``) from its one-row-per-run CSV.

For each corpus slice: one line per run (converged or not, epochs, best
epoch, test BLEU and its difference to the same seed's baseline), then the
mean +- std over seeds per variant with its gain over the baseline and its
minutes relative to the baseline's. The plot shows each R-Drop variant's
mean gain against the number of training pairs, per corpus.

    summarize_small.py benchmarks/results/quality.csv --out-md benchmarks/results/quality.md \\
        --plot benchmarks/results/gain_vs_data.png
"""

import argparse
import math

from rdrop_scripts import (
    BASELINE,
    atomic_path,
    atomic_write,
    fail,
    quality_runs_table,
    quality_summary_table,
    read_quality_rows,
    summarize_quality,
)


def slices(rows):
    """(corpus, pairs) of the rows, by corpus, then size."""
    return sorted({(r["corpus"], r["pairs"]) for r in rows}, key=lambda s: (s[0], int(s[1])))


def report(rows):
    parts = []
    for corpus, pairs in slices(rows):
        chosen = [r for r in rows if (r["corpus"], r["pairs"]) == (corpus, pairs)]
        parts += [f"### {corpus}, {pairs} training pairs", "", quality_summary_table(chosen), "",
                  quality_runs_table(chosen), ""]  # fmt: skip
    return "\n".join(parts)


def plot_gain(rows, out):
    try:
        import matplotlib
    except ImportError:
        fail("the plot needs matplotlib: pip install matplotlib (or the 'recipes' extra)")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    lines = {}
    for g in summarize_quality(rows):
        if g["variant"] != BASELINE and not math.isnan(g["gain"]):
            lines.setdefault((g["corpus"], g["variant"], g["alpha"]), []).append(g)
    for (corpus, variant, alpha), groups in sorted(lines.items()):
        groups.sort(key=lambda g: int(g["pairs"]))
        x = [int(g["pairs"]) for g in groups]
        ax.errorbar(x, [g["gain"] for g in groups], yerr=[0 if math.isnan(g["bleu_std"]) else g["bleu_std"]
                                                          for g in groups],
                    marker="o", capsize=3, label=f"{corpus} {variant} alpha {alpha}")  # fmt: skip
    ax.axhline(0, color="grey", lw=0.8)
    ax.set_xscale("log")
    ax.set(xlabel="training pairs (log scale)", ylabel="test sacreBLEU gain over the baseline",
           title="R-Drop's gain at convergence vs training data (bars: std over seeds)")  # fmt: skip
    ax.legend(fontsize=8)
    fig.tight_layout()
    with atomic_path(out) as tmp:
        fig.savefig(tmp, dpi=110, format="png")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("csv")
    parser.add_argument("--out-md", help="also write the tables here")
    parser.add_argument("--plot", help="write the gain-vs-data PNG here")
    args = parser.parse_args(argv)
    rows = read_quality_rows(args.csv)
    if not rows:
        fail(f"{args.csv}: no runs recorded")
    text = report(rows)
    print(text)
    if args.out_md:
        with atomic_write(args.out_md) as f:
            f.write(text)
    if args.plot:
        plot_gain(rows, args.plot)


if __name__ == "__main__":
    main()
