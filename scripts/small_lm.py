#!/usr/bin/env python3
"""Small language models trained to convergence: one result row per run, and
the tables and plot over seeds.

The language-model twin of ``scripts/small_mt.py``: the LM quickstart
(``scripts/quickstart.sh lm``) and the measured reproduction
(``benchmarks/reproduce_small.sh`` with an ``lm`` slice) report a run the
same way: why it stopped (``patience`` means converged), its best epoch, and
the test perplexity of its best checkpoint (``fairseq-eval-lm``).

    small_lm.py record --csv lm_quality.csv --log run.log --ppl run.json --minutes 12.5 --max-epoch 300 \\
        --corpus bible --tokens 146704 --arch transformer_lm --variant ours --alpha 1 --seed 1
    small_lm.py table --csv lm_quality.csv [--corpus bible --tokens 146704]
    small_lm.py plot --log baseline=b.log --log ours=o.log --out curves.png
"""

import argparse
import json
import math
import statistics
from pathlib import Path

from rdrop_scripts import (
    SETTING_COLUMNS,
    CHOICE_SEED,
    SETTING_HEADER,
    alpha_choice_table,
    fail,
    markdown_table,
    read_result_rows,
    run_summary,
    setting_choice,
    setting_choice_table,
    setting_label,
    tuned_comparison_table,
    write_result_row,
)
from small_mt import add_record_parser, valid_curve

LM_COLUMNS = [
    "corpus", "tokens", "arch", "variant", "alpha", *SETTING_COLUMNS, "seed", "test_ppl", "best_valid_loss",
    "epochs", "best_epoch", "updates", "train_minutes", "stopped_by",
]  # fmt: skip
# the language models' defaults (scripts/small_lm.sh): rows from before these columns ran at them
LM_SETTING_DEFAULTS = {"dropout": "0.3", "attention_dropout": "0.1", "activation_dropout": "0"}
_OLDER_LM_COLUMNS = [[c for c in LM_COLUMNS if c not in SETTING_COLUMNS]]
LM_SLICE = ("corpus", "tokens", "arch")  # one model on one corpus
LM_KEY = ("corpus", "tokens", "arch", "variant", "alpha", *SETTING_COLUMNS, "seed")  # one run; a rerun replaces its row
BASELINE = "baseline"


def read_test_ppl(path):
    """The test perplexity in a ``lm_eval.py --json`` file."""
    try:
        return float(json.loads(Path(path).read_text(encoding="utf-8"))["test"]["perplexity"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        fail(f"{path}: no test perplexity in it ({e})")


def run_row(log_path, ppl_path, minutes, max_epoch, **key):
    """One result row: the run's identity (``LM_KEY``) and what its log and perplexity file say."""
    run = run_summary(log_path, max_epoch)
    if math.isnan(run["best valid loss"]):
        fail(f"{log_path}: no validation record (was it logged with --log-format json or simple?)")
    return dict(key, test_ppl=f"{read_test_ppl(ppl_path):.2f}", best_valid_loss=f"{run['best valid loss']:.3f}",
                epochs=run["epochs"], best_epoch=run["best epoch"], updates=run["updates"],
                train_minutes=f"{minutes:.1f}", stopped_by=run["stopped by"])  # fmt: skip


def read_rows(csv_path):
    return read_result_rows(csv_path, LM_COLUMNS, _OLDER_LM_COLUMNS, LM_SETTING_DEFAULTS)


def write_row(csv_path, row):
    """Add ROW, replacing an earlier row of the same run; settings left out take their defaults."""
    write_result_row(csv_path, row, LM_COLUMNS, LM_KEY, older=_OLDER_LM_COLUMNS, defaults=LM_SETTING_DEFAULTS)


def _seed_key(row):
    """A seed of one model at one setting: a run is paired with the baseline of the same key."""
    return (row["corpus"], row["tokens"], row["arch"], *(row[c] for c in SETTING_COLUMNS), row["seed"])


def _converged(stopped):
    return "yes" if set(stopped) == {"patience"} else "no (" + ", ".join(sorted(set(stopped))) + ")"


def summarize(rows):
    """Per (corpus, tokens, arch, variant, alpha, setting): test perplexity mean
    and spread over seeds, and its relative change against the same arch's
    baseline runs at the same setting and seeds (seeds without one are left
    out of it)."""
    baseline_of = {_seed_key(r): r for r in rows if r["variant"] == BASELINE}
    groups = {}
    for row in rows:
        groups.setdefault(tuple(row[k] for k in LM_KEY[:-1]), []).append(row)
    summary = []
    for (corpus, tokens, arch, variant, alpha, *_), members in groups.items():
        ppl = [float(r["test_ppl"]) for r in members]
        paired = [(r, baseline_of[_seed_key(r)]) for r in members if _seed_key(r) in baseline_of]
        summary.append({
            "corpus": corpus, "tokens": tokens, "arch": arch, "variant": variant, "alpha": alpha,
            "setting": setting_label(members[0]), "members": sorted(members, key=lambda r: int(r["seed"])),
            "seeds": len(members), "stopped_by": [r["stopped_by"] for r in members],
            "ppl_mean": statistics.fmean(ppl), "ppl_std": statistics.stdev(ppl) if len(ppl) > 1 else math.nan,
            "change": statistics.fmean(float(r["test_ppl"]) / float(b["test_ppl"]) - 1 for r, b in paired)
            if paired else math.nan,
            "lower_every_seed": all(float(r["test_ppl"]) < float(b["test_ppl"]) for r, b in paired) and bool(paired),
            "best_valid_loss": statistics.fmean(float(r["best_valid_loss"]) for r in members),
            "epochs": statistics.fmean(int(r["epochs"]) for r in members),
            "minutes": statistics.fmean(float(r["train_minutes"]) for r in members),
        })  # fmt: skip
    return sorted(summary, key=lambda g: (g["corpus"], int(g["tokens"]), g["arch"], g["variant"] != BASELINE,
                                          g["variant"], float(g["alpha"]), g["setting"]))  # fmt: skip


def _change(row, base):
    """A run's test perplexity against its seed's baseline, as a signed percentage."""
    return f"{100 * (float(row['test_ppl']) / float(base['test_ppl']) - 1):+.1f}%"


def runs_table(rows):
    """One line per run, with its perplexity change against the same seed's baseline."""
    baseline_of = {_seed_key(r): r for r in rows if r["variant"] == BASELINE}
    lines = []
    for r in rows:
        base = baseline_of.get(_seed_key(r))
        change = _change(r, base) if base else "n/a"
        lines.append([r["arch"], r["variant"], r["alpha"], setting_label(r), r["seed"], _converged([r["stopped_by"]]),
                      r["epochs"], r["best_epoch"], r["best_valid_loss"], r["test_ppl"], change,
                      r["train_minutes"]])  # fmt: skip
    columns = ["arch", "variant", "alpha", SETTING_HEADER, "seed", "converged", "epochs", "best epoch", "best valid loss",
               "test ppl", "vs baseline", "minutes"]  # fmt: skip
    return markdown_table(columns, lines)


def summary_table(rows):
    """One line per (arch, variant, alpha): perplexity mean +- std over seeds, relative change."""
    lines = []
    for g in summarize(rows):
        spread = "" if math.isnan(g["ppl_std"]) else f" +- {g['ppl_std']:.2f}"
        change = "n/a" if math.isnan(g["change"]) or g["variant"] == BASELINE else f"{100 * g['change']:+.1f}%"
        every = "" if g["variant"] == BASELINE else ("yes" if g["lower_every_seed"] else "no")
        lines.append([g["corpus"], g["tokens"], g["arch"], g["variant"], g["alpha"], g["setting"], g["seeds"],
                      _converged(g["stopped_by"]), f"{g['ppl_mean']:.2f}{spread}", change, every,
                      f"{g['epochs']:.0f}", f"{g['minutes']:.1f}"])  # fmt: skip
    columns = ["corpus", "tokens", "arch", "variant", "alpha", SETTING_HEADER, "seeds", "converged",
               "test ppl (mean +- std)",
               "change (same seeds)", "lower every seed", "epochs", "minutes"]  # fmt: skip
    return markdown_table(columns, lines)


ARCH_LABEL = {"transformer_lm": "transformer_lm (full softmax)", "adaptive": "adaptive input + softmax"}


def per_seed_table(rows):
    """One line per (arch, variant, alpha) with every seed's epochs, test
    perplexity and change against its own baseline: the table RESULTS.md
    shows, so that its lines can be checked against the rows."""
    baseline_of = {_seed_key(r): r for r in rows if r["variant"] == BASELINE}
    lines = []
    for g in summarize(rows):
        members = g["members"]
        spread = "" if math.isnan(g["ppl_std"]) else f" +- {g['ppl_std']:.2f}"
        changes = ", ".join(_change(r, baseline_of[_seed_key(r)]) for r in members
                            if g["variant"] != BASELINE and _seed_key(r) in baseline_of)  # fmt: skip
        if "," in changes:
            changes += f" (mean {100 * g['change']:+.1f}%)"
        lines.append([ARCH_LABEL.get(g["arch"], g["arch"]), g["variant"], "" if g["variant"] == BASELINE else g["alpha"],
                      g["setting"], ", ".join(r["seed"] for r in members), _converged(g["stopped_by"]),
                      ", ".join(r["epochs"] for r in members), ", ".join(r["test_ppl"] for r in members),
                      f"{g['ppl_mean']:.2f}{spread}", changes])  # fmt: skip
    columns = ["arch", "variant", "alpha", SETTING_HEADER, "seeds", "converged", "epochs", "test ppl (per seed)",
               "test ppl (mean +- std)", "change (per seed)"]  # fmt: skip
    return markdown_table(columns, lines)


def select(rows, corpus=None, tokens=None):
    return [r for r in rows if (corpus is None or r["corpus"] == corpus)
            and (tokens is None or r["tokens"] == str(tokens))]  # fmt: skip


def plot(curves, out):
    """Validation perplexity per epoch, the best epoch of each run starred."""
    try:
        import matplotlib
    except ImportError:
        fail("the plot needs matplotlib: pip install matplotlib (or the 'recipes' extra)")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5))
    for label, log in curves:
        points = valid_curve(log)
        if not points:
            fail(f"{log}: no validation record")
        epochs, losses = zip(*points)
        ppl = [2**loss for loss in losses]  # fairseq logs language-model losses in base 2
        best = min(range(len(ppl)), key=lambda i: (ppl[i], i))
        (line,) = ax.plot(epochs, ppl, label=label)
        ax.plot([epochs[best]], [ppl[best]], "*", ms=14, color=line.get_color())
    ax.set(xlabel="epoch", ylabel="validation perplexity", title="validation perplexity (star: best epoch)",
           yscale="log")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out, dpi=110)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    add_record_parser(sub, "--ppl", "lm_eval.py --json output with the test split", LM_KEY, LM_SETTING_DEFAULTS)
    p = sub.add_parser("table", help="per-run and per-variant tables of the CSV")
    p.add_argument("--csv", required=True)
    p.add_argument("--corpus")
    p.add_argument("--tokens")
    p = sub.add_parser("plot", help="validation perplexity per epoch")
    p.add_argument("--log", action="append", required=True, help="LABEL=LOG, repeatable")
    p.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    if args.command == "record":
        key = {k: getattr(args, k) for k in LM_KEY}
        write_row(args.csv, run_row(args.log, args.ppl, args.minutes, args.max_epoch, **key))
    elif args.command == "table":
        rows = select(read_rows(args.csv), args.corpus, args.tokens)
        if not rows:
            fail(f"{args.csv}: no runs to show")
        print(runs_table(rows))
        print()
        print(summary_table(rows))
        print()
        print(per_seed_table(rows))
        if any(c["candidates"] > 1 for c in setting_choice(rows, LM_SLICE, "best_valid_loss", False)):
            tuned = tuned_comparison_table(rows, LM_SLICE, "best_valid_loss", False, "test_ppl", "test ppl")
            print()
            print(f"Baseline and R-Drop, each at the choice of seed {CHOICE_SEED}'s validation loss (perplexity 2^loss):")
            print()
            print(tuned)
            print()
            print(setting_choice_table(rows, LM_SLICE, "best_valid_loss", False, "best valid loss", digits=3))
        alphas = alpha_choice_table(rows, LM_SLICE)
        if alphas:
            print()
            print(alphas)
    else:
        plot([spec.partition("=")[::2] for spec in args.log], args.out)


if __name__ == "__main__":
    main()
