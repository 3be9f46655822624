#!/usr/bin/env python3
"""Small translation runs trained to convergence: corpus slices, one result
row per run, and the tables and plot over seeds.

The main job (``scripts/quickstart.sh``) and the measured reproduction
(``benchmarks/reproduce_small.sh``) both go through here, so they report a run
the same way: why it stopped (``patience`` means converged), its best epoch,
and the test BLEU of its best checkpoint.

    small_mt.py sample --src train.es --tgt train.en --pairs 2000 --out-prefix slice/train
    small_mt.py record --csv quality.csv --log run.log --bleu run.bleu --minutes 12.5 --max-epoch 300 \\
        --corpus bible --pairs 2000 --variant ours --alpha 5 --seed 1
    small_mt.py table --csv quality.csv [--corpus bible --pairs 2000]
    small_mt.py plot --csv quality.csv --log baseline=b.log --log ours=o.log --out curves.png
"""

import argparse
import math
import random
from pathlib import Path

from rdrop_scripts import (
    QUALITY_KEY,
    SETTING_DEFAULTS,
    fail,
    quality_runs_table,
    quality_summary_table,
    read_lines,
    read_quality_rows,
    read_score,
    read_training_log,
    run_summary,
    write_lines,
    write_quality_row,
)


def sample_pairs(source, target, pairs, seed=0):
    """``pairs`` aligned lines drawn without replacement, kept in corpus order.

    Seeded independently of training, so every run on a slice sees the same
    sentences; all lines when ``pairs`` is 0 or at least the corpus size.
    """
    if len(source) != len(target):
        fail(f"source and target differ in length ({len(source)} vs {len(target)} lines)")
    if pairs <= 0 or pairs >= len(source):
        return list(source), list(target)
    keep = sorted(random.Random(seed).sample(range(len(source)), pairs))
    return [source[i] for i in keep], [target[i] for i in keep]


def run_row(log_path, bleu_path, minutes, max_epoch, valid_bleu_path=None, **key):
    """One result row: the run's identity (``QUALITY_KEY``) and what its log and
    BLEU files (test, and validation where given) say."""
    run = run_summary(log_path, max_epoch)
    if math.isnan(run["best valid loss"]):
        fail(f"{log_path}: no validation record (was it logged with --log-format json or simple?)")
    scores = {}
    for column, path in (("test_bleu", bleu_path), ("valid_bleu", valid_bleu_path)):
        if path is not None:
            scores[column] = read_score(path)
            if math.isnan(scores[column]):
                fail(f"{path}: no BLEU score in it")
            scores[column] = f"{scores[column]:.2f}"
    return dict(key, **scores, best_valid_loss=f"{run['best valid loss']:.3f}",
                epochs=run["epochs"], best_epoch=run["best epoch"], updates=run["updates"],
                train_minutes=f"{minutes:.1f}", stopped_by=run["stopped by"])  # fmt: skip


def valid_curve(log_path):
    """[(epoch, valid loss)] of a training log, one point per epoch."""
    points = {int(float(r["epoch"])): float(r["valid_loss"])
              for _, _, r in read_training_log(log_path).get("valid", []) if "valid_loss" in r}  # fmt: skip
    return sorted(points.items())


def select(rows, corpus=None, pairs=None):
    return [r for r in rows if (corpus is None or r["corpus"] == corpus)
            and (pairs is None or r["pairs"] == str(pairs))]  # fmt: skip


def plot(curves, rows, out):
    """Validation loss per epoch (best epochs starred) and test BLEU per run."""
    try:
        import matplotlib
    except ImportError:
        fail("the plot needs matplotlib: pip install matplotlib (or the 'recipes' extra)")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    for label, log in curves:
        epochs, losses = zip(*valid_curve(log))
        best = min(range(len(losses)), key=lambda i: (losses[i], i))
        (line,) = left.plot(epochs, losses, label=label)
        left.plot([epochs[best]], [losses[best]], "*", ms=14, color=line.get_color())
    left.set(xlabel="epoch", ylabel="valid loss (label-smoothed, base 2)", title="validation loss (star: best epoch)")
    left.legend()
    names = [f"{r['variant']} s{r['seed']}" if r["variant"] == "baseline"
             else f"{r['variant']} a{r['alpha']} s{r['seed']}" for r in rows]  # fmt: skip
    bars = right.bar(names, [float(r["test_bleu"]) for r in rows])
    right.bar_label(bars, fmt="%.1f")
    right.set(ylabel="test sacreBLEU", title="test BLEU of the best checkpoint")
    right.tick_params(axis="x", rotation=30)
    fig.tight_layout()
    fig.savefig(out, dpi=110)


def add_record_parser(sub, score_option, score_help, key_columns, defaults):
    """The ``record`` subcommand: a run's log, score file and minutes, and its
    identity (key columns in ``defaults``, the settings, may be left at them)."""
    p = sub.add_parser("record", help="add one run's row to the results CSV")
    p.add_argument("--csv", required=True)
    p.add_argument("--log", required=True)
    p.add_argument(score_option, required=True, help=score_help)
    p.add_argument("--minutes", type=float, required=True)
    p.add_argument("--max-epoch", type=int, required=True, help="the run's --max-epoch")
    for key in key_columns:
        if key in defaults:
            p.add_argument(f"--{key.replace('_', '-')}", default=defaults[key], help="default: %(default)s")
        else:
            p.add_argument(f"--{key.replace('_', '-')}", required=True)
    return p


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("sample", help="a seeded slice of a parallel corpus")
    p.add_argument("--src", required=True)
    p.add_argument("--tgt", required=True)
    p.add_argument("--pairs", type=int, required=True, help="0: all")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out-prefix", required=True, help="writes PREFIX.<src ext> and PREFIX.<tgt ext>")
    p = add_record_parser(sub, "--bleu", "the run's test BLEU file (scripts/bleu.py output)", QUALITY_KEY,
                          SETTING_DEFAULTS)
    p.add_argument("--valid-bleu", help="its validation BLEU file (same decoding and scorer)")
    p = sub.add_parser("table", help="per-run and per-variant tables of the CSV")
    p.add_argument("--csv", required=True)
    p.add_argument("--corpus")
    p.add_argument("--pairs")
    p = sub.add_parser("plot", help="validation curves and test BLEU")
    p.add_argument("--csv", required=True)
    p.add_argument("--log", action="append", default=[], help="LABEL=LOG, repeatable")
    p.add_argument("--corpus")
    p.add_argument("--pairs")
    p.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    if args.command == "sample":
        src, tgt = sample_pairs(read_lines(args.src), read_lines(args.tgt), args.pairs, args.seed)
        for lines, path in ((src, args.src), (tgt, args.tgt)):
            out = Path(f"{args.out_prefix}{Path(path).suffix}")
            out.parent.mkdir(parents=True, exist_ok=True)
            write_lines(out, lines)
    elif args.command == "record":
        key = {k: getattr(args, k) for k in QUALITY_KEY}
        write_quality_row(args.csv, run_row(args.log, args.bleu, args.minutes, args.max_epoch, args.valid_bleu, **key))
    elif args.command == "table":
        rows = select(read_quality_rows(args.csv), args.corpus, args.pairs)
        if not rows:
            fail(f"{args.csv}: no runs to show")
        print(quality_runs_table(rows))
        print()
        print(quality_summary_table(rows))
    else:
        labelled = [spec.partition("=")[::2] for spec in args.log]
        plot(labelled, select(read_quality_rows(args.csv), args.corpus, args.pairs), args.out)


if __name__ == "__main__":
    main()
