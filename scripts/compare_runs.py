#!/usr/bin/env python3
"""Side-by-side table of fairseq runs: test BLEU, best valid loss, updates,
training wall time, read from each run's ``--log-format json`` log.

    compare_runs.py baseline=base.log:base.bleu rdrop=rdrop.log:rdrop.bleu
"""

import argparse
import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "plot_curves", Path(__file__).with_name("plot_curves.py")
)
plot_curves = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(plot_curves)


def summary(log_path, bleu_path=None):
    series = plot_curves.read_log(log_path)
    valid = [float(r["valid_loss"]) for _, _, r in series.get("valid", []) if "valid_loss" in r]
    final = series.get("train", [])
    updates = final[-1][0] if final else max((u for u, _, _ in series.get("train_inner", [])), default=0)
    wall = float(final[-1][2].get("train_wall", "nan")) if final else float("nan")
    bleu = float(Path(bleu_path).read_text().split()[0]) if bleu_path else float("nan")
    return {"test BLEU": bleu, "best valid loss": min(valid, default=float("nan")),
            "updates": updates, "train wall s": wall}  # fmt: skip


def table(rows):
    columns = ["run", *next(iter(rows.values()))]
    lines = ["| " + " | ".join(columns) + " |", "|---" * len(columns) + "|"]
    for name, row in rows.items():
        cells = [f"{v:.2f}" if isinstance(v, float) else str(v) for v in row.values()]
        lines.append("| " + " | ".join([name, *cells]) + " |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("runs", nargs="+", help="NAME=LOG[:BLEU_FILE]")
    args = parser.parse_args(argv)
    rows = {}
    for spec in args.runs:
        name, _, paths = spec.partition("=")
        log, _, bleu = paths.partition(":")
        rows[name] = summary(log, bleu or None)
    print(table(rows))


if __name__ == "__main__":
    main()
