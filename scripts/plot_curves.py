#!/usr/bin/env python3
"""Learning curves from fairseq training logs (paper Figures 2, 3 and 7).

Reads the logs that ``fairseq-train`` prints (``--log-format json`` or
``simple``; one file per run, label a run with ``LABEL=PATH``) and draws
train loss, valid loss and, when the runs validated with ``--eval-bleu``,
valid BLEU, against updates and against wall-clock time, one line per run:

    python scripts/plot_curves.py baseline=base.log rdrop=rdrop.log --out curves.png
"""

import argparse

from rdrop_tools.fairseq_logs import read_training_log
from rdrop_tools.files import fail

PANELS = [  # (title, record kind, key of the value)
    ("train loss", "train_inner", "loss"),
    ("valid loss", "valid", "valid_loss"),
    ("valid BLEU", "valid", "valid_bleu"),
]


def curves(runs):
    """``[(title, {label: (updates, seconds, values)})]`` for panels with data."""
    panels = []
    for title, kind, key in PANELS:
        lines = {}
        for label, series in runs.items():
            points = [(u, s, float(r[key])) for u, s, r in series.get(kind, []) if key in r]
            if points:
                lines[label] = tuple(map(list, zip(*points)))
        if lines:
            panels.append((title, lines))
    return panels


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("logs", nargs="+", help="LABEL=PATH or PATH (label = file name)")
    parser.add_argument("--out", default="curves.png", help="PNG to write")
    args = parser.parse_args(argv)

    runs = {}
    for spec in args.logs:
        label, _, path = spec.rpartition("=")
        runs[label or path.rsplit("/", 1)[-1]] = read_training_log(path)
    panels = curves(runs)
    if not panels:
        fail("no training records found (fairseq-train logs with --log-format json or simple)")

    try:
        import matplotlib
    except ImportError:
        fail("matplotlib is not installed (pip install -e '.[recipes]')")

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, len(panels), figsize=(5 * len(panels), 7), squeeze=False)
    for col, (title, lines) in enumerate(panels):
        for row, (axis_label, index) in enumerate((("updates", 0), ("wall time (s)", 1))):
            ax = axes[row][col]
            for label, data in lines.items():
                ax.plot(data[index], data[2], label=label, marker="." if len(data[2]) < 30 else None)
            ax.set_xlabel(axis_label)
            ax.set_ylabel(title)
            ax.grid(alpha=0.3)
            ax.legend()
    fig.tight_layout()
    fig.savefig(args.out, dpi=100)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
