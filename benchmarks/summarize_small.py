#!/usr/bin/env python3
"""Tables and the gain-vs-data plot of the small reproduction
(``benchmarks/reproduce_small.sh``) from its one-row-per-run CSV.

First it recomputes every row's ``relative_compute`` (its updates, each
charged its mode's cost per update from ``--step-cost``, over the same seed's
baseline updates) and writes the column back into the CSV: a run may be
recorded before the same seed's baseline has finished.

For each corpus slice: one line per run (converged or not, epochs, best
epoch, test BLEU and its difference to the same seed's baseline), then the
mean +- std over seeds per variant with its gain over the baseline and its
minutes relative to the baseline's, then the frontier: each variant's share
of R-Drop's gain against its relative compute, flagged where it keeps 80% of
the gain for at most 1.3x a baseline's compute. The plot shows R-Drop's (ours
and the built-in) mean gain against the number of training pairs, per
corpus; the cost plot shows every run's test BLEU against its total training
minutes, one panel per slice; the frontier plot shows the frontier table.
Minutes depend on the machine's load; compute in plain updates does not.

    summarize_small.py benchmarks/results/quality.csv --out-md benchmarks/results/quality.md \\
        --plot benchmarks/results/gain_vs_data.png --cost-plot benchmarks/results/bleu_vs_minutes.png \\
        --frontier-plot benchmarks/results/frontier.png
"""

import argparse
import math
from pathlib import Path

from rdrop_scripts import (
    BASELINE,
    CHOICE_SEED,
    TARGET_COMPUTE,
    TARGET_SHARE,
    atomic_path,
    atomic_write,
    alpha_choice_table,
    fail,
    frontier,
    frontier_table,
    quality_runs_table,
    quality_summary_table,
    read_step_costs,
    refresh_relative_compute,
    setting_choice_table,
    summarize_quality,
    tuned_comparison_table,
)

STEP_COST = Path(__file__).resolve().parent / "results" / "step_cost.csv"  # measured cost per update of each mode


def slices(rows):
    """(corpus, pairs) of the rows, by corpus, then size."""
    return sorted({(r["corpus"], r["pairs"]) for r in rows}, key=lambda s: (s[0], int(s[1])))


SLICE = ("corpus", "pairs")


def report(rows):
    parts = []
    tuned = tuned_comparison_table(rows, SLICE, "valid_bleu", True, "test_bleu", "test BLEU")
    if tuned:
        parts += ["### Baseline and R-Drop, each tuned on validation, and the no-KL control", "",
                  f"Each one's dropouts (and R-Drop's alpha) chosen on seed {CHOICE_SEED}'s validation BLEU "
                  "(tables below, runs with a validation BLEU only); "
                  "the no-KL control is R-Drop's duplicated batch at alpha 0, at R-Drop's chosen setting.", "",
                  tuned, ""]  # fmt: skip
    for corpus, pairs in slices(rows):
        chosen = [r for r in rows if (r["corpus"], r["pairs"]) == (corpus, pairs)]
        parts += [f"### {corpus}, {pairs} training pairs", "", quality_summary_table(chosen), "",
                  quality_runs_table(chosen), "", "Frontier: share of ours' gain against relative compute", "",
                  frontier_table(chosen), ""]  # fmt: skip
        settings = setting_choice_table(chosen, SLICE, "valid_bleu", True, "valid BLEU")
        if settings:
            parts += ["Dropouts and alpha on the validation set (runs with a validation BLEU):", "", settings, ""]
        alphas = alpha_choice_table(chosen, SLICE)
        if alphas:
            parts += ["Alpha on the validation set (mean best validation loss over the seeds every alpha has):", "", alphas, ""]
    return "\n".join(parts)


GAIN_VARIANTS = ("ours", "builtin")  # R-Drop from scratch; the cheaper ways are in the cost plot


def pyplot():
    try:
        import matplotlib
    except ImportError:
        fail("the plots need matplotlib: pip install matplotlib (or the 'recipes' extra)")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def save(fig, out):
    fig.tight_layout()
    with atomic_path(out) as tmp:
        fig.savefig(tmp, dpi=110, format="png")


def plot_gain(rows, out):
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(7, 4))
    lines = {}
    for g in summarize_quality(rows):
        if g["variant"] in GAIN_VARIANTS and not math.isnan(g["gain"]):
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
    save(fig, out)


def plot_cost(rows, out):
    """Test BLEU against total training minutes: one point per run, a large
    marker at each variant's mean."""
    plt = pyplot()
    chosen = slices(rows)
    fig, axes = plt.subplots(1, len(chosen), figsize=(5.5 * len(chosen), 4), squeeze=False)
    for ax, (corpus, pairs) in zip(axes[0], chosen):
        groups = {}
        for r in rows:
            if (r["corpus"], r["pairs"]) == (corpus, pairs):
                label = r["variant"] if r["variant"] == BASELINE else f"{r['variant']} alpha {r['alpha']}"
                groups.setdefault(label, []).append((float(r["train_minutes"]), float(r["test_bleu"])))
        for label, points in sorted(groups.items()):
            minutes, bleu = zip(*points)
            dots = ax.scatter(minutes, bleu, s=14, alpha=0.5)
            ax.scatter([sum(minutes) / len(minutes)], [sum(bleu) / len(bleu)], s=80, marker="D",
                       color=dots.get_facecolor()[0][:3], label=f"{label} ({len(points)})")  # fmt: skip
        ax.set(xlabel="total training minutes (1 thread)", ylabel="test sacreBLEU", title=f"{corpus}, {pairs} pairs")
        ax.legend(fontsize=7)
    save(fig, out)


def plot_frontier(rows, out):
    """Gain share against relative compute, one point per (variant, alpha),
    each labelled, one panel per slice; the target region is shaded."""
    plt = pyplot()
    chosen = slices(rows)
    fig, axes = plt.subplots(1, len(chosen), figsize=(6 * len(chosen), 4.5), squeeze=False)
    for ax, (corpus, pairs) in zip(axes[0], chosen):
        points = [g for g in frontier([r for r in rows if (r["corpus"], r["pairs"]) == (corpus, pairs)])
                  if not (math.isnan(g["gain_share"]) or math.isnan(g["relative_compute"]))]  # fmt: skip
        for g in points:
            label = g["variant"] if g["variant"] == BASELINE else f"{g['variant']} a{g['alpha']}"
            meets = g["meets_target"]
            ax.scatter([g["relative_compute"]], [g["gain_share"]], s=40, marker="o" if meets else "x",
                       color="tab:green" if meets else "tab:blue")  # fmt: skip
            ax.annotate(f"{label} (n={g['seeds']})", (g["relative_compute"], g["gain_share"]), fontsize=7,
                        xytext=(4, 3), textcoords="offset points")  # fmt: skip
        x_high = max([TARGET_COMPUTE * 1.5] + [g["relative_compute"] * 1.1 for g in points])
        y_low = min([-10.0] + [g["gain_share"] - 10 for g in points])
        y_high = max([120.0] + [g["gain_share"] + 10 for g in points])
        ax.axvspan(0, TARGET_COMPUTE, ymin=(TARGET_SHARE - y_low) / (y_high - y_low), color="tab:green", alpha=0.12,
                   label=f">= {TARGET_SHARE:.0f}% of the gain at <= {TARGET_COMPUTE}x compute")  # fmt: skip
        ax.axvline(TARGET_COMPUTE, color="tab:green", ls="--", lw=0.8)
        ax.axhline(TARGET_SHARE, color="tab:green", ls="--", lw=0.8)
        ax.set(xlim=(0, x_high), ylim=(y_low, y_high), xlabel="relative compute (plain updates / baseline's)",
               ylabel="share of ours' gain (%, same seeds)", title=f"{corpus}, {pairs} pairs")  # fmt: skip
        if not points:
            ax.text(0.5, 0.5, "no run with a known gain share and compute", ha="center", transform=ax.transAxes)
        ax.legend(fontsize=7, loc="lower right")
    save(fig, out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("csv")
    parser.add_argument("--out-md", help="also write the tables here")
    parser.add_argument("--plot", help="write the gain-vs-data PNG here")
    parser.add_argument("--cost-plot", help="write the BLEU-vs-minutes PNG here")
    parser.add_argument("--frontier-plot", help="write the gain-share-vs-relative-compute PNG here")
    parser.add_argument("--step-cost", default=str(STEP_COST),
                        help="CSV of variant,cost_per_update (a plain update = 1.0; default: %(default)s)")  # fmt: skip
    args = parser.parse_args(argv)
    rows = refresh_relative_compute(args.csv, read_step_costs(args.step_cost))
    if not rows:
        fail(f"{args.csv}: no runs recorded")
    text = report(rows)
    print(text)
    if args.out_md:
        with atomic_write(args.out_md) as f:
            f.write(text)
    if args.plot:
        plot_gain(rows, args.plot)
    if args.cost_plot:
        plot_cost(rows, args.cost_plot)
    if args.frontier_plot:
        plot_frontier(rows, args.frontier_plot)


if __name__ == "__main__":
    main()
