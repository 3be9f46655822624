#!/usr/bin/env python3
"""Side-by-side table of fairseq runs: test BLEU, best valid loss (and its
epoch), epochs, updates, training wall time and why training stopped, read
from each run's fairseq-train log and score file.

    compare_runs.py baseline=base.log:base.bleu rdrop=rdrop.log:rdrop.bleu
"""

import argparse
import math

from rdrop_tools.fairseq_logs import read_score, run_summary
from rdrop_tools.tables import markdown_table


def summary(log_path, score_path=None):
    """One table row: the run's test BLEU (NaN without a score file) and its log summary."""
    return {"test BLEU": read_score(score_path) if score_path else math.nan, **run_summary(log_path)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("runs", nargs="+", help="NAME=LOG[:SCORE_FILE]")
    args = parser.parse_args(argv)
    rows = {}
    for spec in args.runs:
        name, _, paths = spec.partition("=")
        log, _, score = paths.partition(":")
        rows[name] = summary(log, score or None)
    columns = ["run", *next(iter(rows.values()))]
    print(markdown_table(columns, [[name, *row.values()] for name, row in rows.items()]))


if __name__ == "__main__":
    main()
