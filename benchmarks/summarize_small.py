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

from rdrop_tools.small_runs import summarize_main

if __name__ == "__main__":
    summarize_main()
