#!/usr/bin/env python3
"""Small translation runs trained to convergence: corpus slices, one result
row per run, and the tables and plot over seeds.

One implementation for the main job (``scripts/quickstart.sh``) and the
measured reproduction (``benchmarks/reproduce_small.sh``), so both report a
run the same way: why it stopped (``patience`` means converged), its best
epoch, and the test BLEU of its best checkpoint.

    small_mt.py sample --src train.es --tgt train.en --pairs 2000 --out-prefix slice/train
    small_mt.py record --csv quality.csv --log run.log --bleu run.bleu --minutes 12.5 \\
        --corpus bible --pairs 2000 --variant ours --alpha 5 --seed 1
    small_mt.py table --csv quality.csv [--corpus bible --pairs 2000]
    small_mt.py plot --csv quality.csv --log baseline=b.log --log ours=o.log --out curves.png
"""

import argparse
import csv
import json
import math
import os
import random
import re
import statistics
import sys
import tempfile
from pathlib import Path

COLUMNS = [
    "corpus", "pairs", "variant", "alpha", "seed", "test_bleu", "best_valid_loss",
    "epochs", "best_epoch", "updates", "train_minutes", "stopped_by",
]  # fmt: skip
KEY = ("corpus", "pairs", "variant", "alpha", "seed")
BASELINE = "baseline"
# fairseq-train's own words for why it stopped (fairseq_cli/train.py, trainer.py)
STOP_MESSAGES = (
    ("early stop since valid performance hasn't improved", "patience"),
    ("stop_time_hours", "time"),
    ("max_update", "max_update"),
)
JSON_LINE = re.compile(r"\|\s*(\w+)\s*\|\s*(\{.*\})\s*$")


def fail(message):
    sys.exit(f"small_mt: error: {message}")


def sample_pairs(source, target, pairs, seed=0):
    """``pairs`` aligned lines drawn without replacement, in corpus order.

    Seeded independently of training, so every run of a slice sees the same
    sentences; all lines when ``pairs`` is 0 or at least the corpus size.
    """
    if len(source) != len(target):
        fail(f"source and target differ in length ({len(source)} vs {len(target)} lines)")
    if pairs <= 0 or pairs >= len(source):
        return list(source), list(target)
    keep = sorted(random.Random(seed).sample(range(len(source)), pairs))
    return [source[i] for i in keep], [target[i] for i in keep]


def read_run(log_path):
    """Per-epoch validation losses and why training stopped, from a
    ``fairseq-train --log-format json`` log (stdout, where fairseq logs)."""
    valid, updates, stopped_by = {}, 0, "max_epoch"
    text = Path(log_path).read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        match = JSON_LINE.search(line)
        if match:
            kind, record = match.group(1), json.loads(match.group(2))
            if kind == "valid" and "valid_loss" in record:
                valid[int(float(record["epoch"]))] = float(record["valid_loss"])
            for key in ("num_updates", f"{kind}_num_updates"):
                if key in record:
                    updates = max(updates, int(float(record[key])))
            continue
        for message, reason in STOP_MESSAGES:
            if message in line and ("Stopping training" in line or reason == "patience"):
                stopped_by = reason
    if not valid:
        fail(f"{log_path}: no validation record (was it logged with --log-format json?)")
    best_epoch = min(valid, key=lambda epoch: (valid[epoch], epoch))
    return {
        "valid_curve": sorted(valid.items()),
        "best_valid_loss": valid[best_epoch],
        "best_epoch": best_epoch,
        "epochs": max(valid),
        "updates": updates,
        "stopped_by": stopped_by,
    }


def run_row(log_path, bleu_path, minutes, **key):
    """One result row: the run's identity (``KEY``) plus what its log and BLEU file say."""
    run = read_run(log_path)
    bleu = float(Path(bleu_path).read_text().split()[0])
    row = dict(key, test_bleu=f"{bleu:.2f}", best_valid_loss=f"{run['best_valid_loss']:.3f}",
               epochs=run["epochs"], best_epoch=run["best_epoch"], updates=run["updates"],
               train_minutes=f"{minutes:.1f}", stopped_by=run["stopped_by"])  # fmt: skip
    return {column: str(row[column]) for column in COLUMNS}


def read_rows(csv_path):
    if not Path(csv_path).exists():
        return []
    with open(csv_path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            fail(f"{csv_path}: columns {reader.fieldnames} are not {COLUMNS}")
        return list(reader)


def write_row(csv_path, row):
    """Add ``row`` (replacing an earlier row of the same run) and rewrite the
    file atomically: an interrupted write never loses earlier results."""
    rows = [r for r in read_rows(csv_path) if any(r[k] != row[k] for k in KEY)] + [row]
    path = Path(csv_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, newline="",
                                     encoding="utf-8", suffix=".tmp") as f:  # fmt: skip
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    os.replace(f.name, path)


def _mean_std(values):
    mean = statistics.fmean(values)
    return mean, (statistics.stdev(values) if len(values) > 1 else float("nan"))


def summarize(rows):
    """Mean and spread over seeds per (corpus, pairs, variant, alpha), with the
    gain over the same slice's baseline. A group counts as converged only if
    every one of its runs stopped by patience."""
    groups = {}
    for row in rows:
        groups.setdefault(tuple(row[k] for k in KEY[:-1]), []).append(row)
    summary = []
    for (corpus, pairs, variant, alpha), members in groups.items():
        bleu = [float(r["test_bleu"]) for r in members]
        mean, std = _mean_std(bleu)
        summary.append({
            "corpus": corpus, "pairs": pairs, "variant": variant, "alpha": alpha,
            "seeds": sorted((r["seed"] for r in members), key=int),
            "bleu_mean": mean, "bleu_std": std,
            "best_valid_loss": statistics.fmean(float(r["best_valid_loss"]) for r in members),
            "epochs": statistics.fmean(int(r["epochs"]) for r in members),
            "minutes": statistics.fmean(float(r["train_minutes"]) for r in members),
            "converged": all(r["stopped_by"] == "patience" for r in members),
            "stopped_by": sorted({r["stopped_by"] for r in members}),
        })  # fmt: skip
    for group in summary:
        base = [g for g in summary if g["variant"] == BASELINE
                and (g["corpus"], g["pairs"]) == (group["corpus"], group["pairs"])]  # fmt: skip
        group["gain"] = group["bleu_mean"] - base[0]["bleu_mean"] if base else float("nan")
        group["cost"] = group["minutes"] / base[0]["minutes"] if base else float("nan")
    return sorted(summary, key=lambda g: (g["corpus"], int(g["pairs"]), g["variant"] != BASELINE,
                                          g["variant"], float(g["alpha"])))  # fmt: skip


def _fmt(value, digits=2, signed=False):
    if isinstance(value, float) and math.isnan(value):
        return "-"
    return f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"


def markdown(header, lines):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(cell) for cell in line) + " |" for line in lines]
    return "\n".join(out)


def runs_table(rows):
    """One line per run, with its BLEU difference to the same seed's baseline."""
    base = {(r["corpus"], r["pairs"], r["seed"]): float(r["test_bleu"])
            for r in rows if r["variant"] == BASELINE}  # fmt: skip
    lines = []
    for r in rows:
        ref = base.get((r["corpus"], r["pairs"], r["seed"]))
        diff = float(r["test_bleu"]) - ref if ref is not None else float("nan")
        converged = "yes" if r["stopped_by"] == "patience" else f"no ({r['stopped_by']})"
        lines.append([r["corpus"], r["pairs"], r["variant"], r["alpha"], r["seed"], converged,
                      r["epochs"], r["best_epoch"], r["best_valid_loss"], r["test_bleu"],
                      _fmt(diff, signed=True), r["train_minutes"]])  # fmt: skip
    header = ["corpus", "pairs", "variant", "alpha", "seed", "converged", "epochs", "best epoch",
              "best valid loss", "test BLEU", "vs baseline", "minutes"]  # fmt: skip
    return markdown(header, lines)


def summary_table(rows):
    lines = []
    for g in summarize(rows):
        spread = f" +- {_fmt(g['bleu_std'])}" if len(g["seeds"]) > 1 else ""
        converged = "yes" if g["converged"] else "no (" + ", ".join(g["stopped_by"]) + ")"
        lines.append([g["corpus"], g["pairs"], g["variant"], g["alpha"], len(g["seeds"]),
                      converged, f"{_fmt(g['bleu_mean'])}{spread}", _fmt(g["gain"], signed=True),
                      _fmt(g["best_valid_loss"], 3), f"{g['epochs']:.0f}",
                      _fmt(g["minutes"], 1), _fmt(g["cost"], 1) + "x"])  # fmt: skip
    header = ["corpus", "pairs", "variant", "alpha", "seeds", "converged", "test BLEU (mean +- std)",
              "gain", "best valid loss", "epochs", "minutes", "minutes vs baseline"]  # fmt: skip
    return markdown(header, lines)


def select(rows, corpus=None, pairs=None):
    return [r for r in rows if (corpus is None or r["corpus"] == corpus)
            and (pairs is None or r["pairs"] == str(pairs))]  # fmt: skip


def plot(curves, rows, out):
    """Validation loss per epoch (best epochs starred) and test BLEU per run."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    for label, log in curves:
        run = read_run(log)
        epochs, losses = zip(*run["valid_curve"])
        (line,) = left.plot(epochs, losses, label=label)
        left.plot([run["best_epoch"]], [run["best_valid_loss"]], "*", ms=14, color=line.get_color())
    left.set(xlabel="epoch", ylabel="valid loss (bits, label-smoothed)",
             title="validation loss (star: best epoch)")  # fmt: skip
    left.legend()
    names = [f"{r['variant']} s{r['seed']}" for r in rows]
    bars = right.bar(names, [float(r["test_bleu"]) for r in rows])
    right.bar_label(bars, fmt="%.1f")
    right.set(ylabel="test sacreBLEU", title="test BLEU of the best checkpoint")
    right.tick_params(axis="x", rotation=30)
    fig.tight_layout()
    fig.savefig(out, dpi=110)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("sample", help="a seeded slice of a parallel corpus")
    p.add_argument("--src", required=True)
    p.add_argument("--tgt", required=True)
    p.add_argument("--pairs", type=int, required=True, help="0: all")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out-prefix", required=True, help="writes PREFIX.<src ext> and PREFIX.<tgt ext>")
    p = sub.add_parser("record", help="add one run's row to the results CSV")
    p.add_argument("--csv", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--bleu", required=True)
    p.add_argument("--minutes", type=float, required=True)
    for key in KEY:
        p.add_argument(f"--{key}", required=True)
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
        src, tgt = (Path(p).read_text(encoding="utf-8").splitlines() for p in (args.src, args.tgt))
        src, tgt = sample_pairs(src, tgt, args.pairs, args.seed)
        for lines, path in ((src, args.src), (tgt, args.tgt)):
            out = Path(f"{args.out_prefix}{Path(path).suffix}")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    elif args.command == "record":
        key = {k: getattr(args, k) for k in KEY}
        write_row(args.csv, run_row(args.log, args.bleu, args.minutes, **key))
    elif args.command == "table":
        rows = select(read_rows(args.csv), args.corpus, args.pairs)
        if not rows:
            fail(f"{args.csv}: no runs to show")
        print(runs_table(rows))
        print()
        print(summary_table(rows))
    else:
        labelled = [spec.partition("=")[::2] for spec in args.log]
        plot(labelled, select(read_rows(args.csv), args.corpus, args.pairs), args.out)


if __name__ == "__main__":
    main()
