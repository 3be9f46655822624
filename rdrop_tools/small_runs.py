"""The low-resource runner's Python side: the commands that
``scripts/small_runs.sh`` (sourced by ``scripts/quickstart.sh`` and
``benchmarks/reproduce_small.sh``) calls for translation and language
models alike: slice a corpus, record a finished run as one CSV row, print
the tables, draw the plots. ``scripts/small_mt.py``, ``scripts/small_lm.py``
and ``benchmarks/summarize_small.py`` are their command lines.
"""

import argparse
from pathlib import Path

from rdrop_tools.budget import break_even_text, budget_lines, budget_plan, budget_table
from rdrop_tools.compute import frontier_table, read_step_costs, refresh_relative_compute
from rdrop_tools.corpora import sample_pairs
from rdrop_tools.files import atomic_write, fail, read_lines, write_lines
from rdrop_tools import lm_results
from rdrop_tools.plots import (
    plot_budget,
    plot_cost,
    plot_curves,
    plot_frontier,
    plot_gain,
    plot_perplexity_curves,
    slices,
)
from rdrop_tools.result_rows import at_convergence
from rdrop_tools.translation_results import (
    QUALITY_KEY,
    QUALITY_KEY_DEFAULTS,
    quality_runs_table,
    quality_summary_table,
    read_quality_rows,
    run_row,
    select,
    write_quality_row,
)
from rdrop_tools.validation_choice import (
    CHOICE_SEED,
    alpha_choice_table,
    setting_choice,
    setting_choice_table,
    tuned_comparison_table,
)

# the measured cost per update of each mode (a checkout's benchmarks/results)
STEP_COST = Path(__file__).resolve().parents[1] / "benchmarks" / "results" / "step_cost.csv"
SLICE = ("corpus", "pairs")  # one translation corpus slice


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


def translation_main(argv=None):
    """``small_mt.py sample|budget|record|table|plot``: a translation run's slice, budget, row, tables and curves."""
    parser = argparse.ArgumentParser(
        prog="small_mt.py",
        description="Small translation runs trained to convergence: corpus slices, result rows, tables, curves.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("sample", help="a seeded slice of a parallel corpus")
    p.add_argument("--src", required=True)
    p.add_argument("--tgt", required=True)
    p.add_argument("--pairs", type=int, required=True, help="0: all")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out-prefix", required=True, help="writes PREFIX.<src ext> and PREFIX.<tgt ext>")
    p = sub.add_parser("budget", help="the updates of a run trained to a multiple of its seed's baseline's compute")
    p.add_argument("--csv", required=True, help="the results with the converged baseline runs")
    for option in ("--corpus", "--pairs", "--seed", "--variant"):
        p.add_argument(option, required=True)
    p.add_argument("--budget", type=float, required=True, help="the multiple of the baseline's compute")
    p.add_argument("--warmup", type=int, required=True, help="the run's warm-up updates: a budget must exceed them")
    p.add_argument("--step-cost", default=str(STEP_COST), help="default: %(default)s")
    p = add_record_parser(sub, "--bleu", "the run's test BLEU file (scripts/bleu.py output)", QUALITY_KEY,
                          QUALITY_KEY_DEFAULTS)
    p.add_argument("--valid-bleu", help="its validation BLEU file (same decoding and scorer)")
    p.add_argument("--budget-baseline", default="", help="with --budget: the setting of the baseline it is a multiple of")
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
    elif args.command == "budget":  # prints UPDATES<tab>the baseline's setting
        updates, baseline = budget_plan(read_quality_rows(args.csv), read_step_costs(args.step_cost), args.corpus,
                                        args.pairs, args.seed, args.variant, args.budget, args.warmup)  # fmt: skip
        print(f"{updates}\t{baseline}")
    elif args.command == "record":
        key = {k: getattr(args, k) for k in QUALITY_KEY}
        row = run_row(args.log, args.bleu, args.minutes, args.max_epoch, args.valid_bleu, **key)
        write_quality_row(args.csv, dict(row, budget_baseline=args.budget_baseline if args.budget else ""))
    elif args.command == "table":
        rows = select(read_quality_rows(args.csv), args.corpus, args.pairs)
        if not rows:
            fail(f"{args.csv}: no runs to show")
        print(quality_runs_table(rows))
        print()
        print(quality_summary_table(rows))
    else:
        labelled = [spec.partition("=")[::2] for spec in args.log]
        plot_curves(labelled, select(read_quality_rows(args.csv), args.corpus, args.pairs), args.out)


def language_model_main(argv=None):
    """``small_lm.py record|table|plot``: a language model's row, tables and curves."""
    parser = argparse.ArgumentParser(
        prog="small_lm.py", description="Small language models trained to convergence: result rows, tables, curves."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    add_record_parser(sub, "--ppl", "lm_eval.py --json output with the test split", lm_results.LM_KEY,
                      lm_results.LM_SETTING_DEFAULTS)
    p = sub.add_parser("table", help="per-run and per-variant tables of the CSV")
    p.add_argument("--csv", required=True)
    p.add_argument("--corpus")
    p.add_argument("--tokens")
    p = sub.add_parser("plot", help="validation perplexity per epoch")
    p.add_argument("--log", action="append", required=True, help="LABEL=LOG, repeatable")
    p.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    if args.command == "record":
        key = {k: getattr(args, k) for k in lm_results.LM_KEY}
        lm_results.write_row(args.csv, lm_results.run_row(args.log, args.ppl, args.minutes, args.max_epoch, **key))
    elif args.command == "table":
        rows = lm_results.select(lm_results.read_rows(args.csv), args.corpus, args.tokens)
        if not rows:
            fail(f"{args.csv}: no runs to show")
        print(lm_results.runs_table(rows))
        print()
        print(lm_results.summary_table(rows))
        print()
        print(lm_results.per_seed_table(rows))
        if any(c["candidates"] > 1 for c in setting_choice(rows, lm_results.LM_SLICE, "best_valid_loss", False)):
            tuned = tuned_comparison_table(rows, lm_results.LM_SLICE, "best_valid_loss", False, "test_ppl", "test ppl")
            print()
            print(f"Baseline and R-Drop, each at the choice of seed {CHOICE_SEED}'s validation loss (perplexity 2^loss):")
            print()
            print(tuned)
            print()
            print(setting_choice_table(rows, lm_results.LM_SLICE, "best_valid_loss", False, "best valid loss", digits=3))
        alphas = alpha_choice_table(rows, lm_results.LM_SLICE)
        if alphas:
            print()
            print(alphas)
    else:
        plot_perplexity_curves([spec.partition("=")[::2] for spec in args.log], args.out)


def report(rows):
    """The benchmark's markdown: the tuned comparison, then per slice its tables, frontier and choices."""
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
        # runs trained to a budget have their own table below: this one is at convergence
        parts += [f"### {corpus}, {pairs} training pairs", "", quality_summary_table(at_convergence(chosen)), "",
                  quality_runs_table(chosen), "", "Frontier: share of ours' gain against relative compute", "",
                  frontier_table(chosen), ""]  # fmt: skip
        settings = setting_choice_table(chosen, SLICE, "valid_bleu", True, "valid BLEU")
        if settings:
            parts += ["Dropouts and alpha on the validation set (runs with a validation BLEU):", "", settings, ""]
        alphas = alpha_choice_table(chosen, SLICE)
        if alphas:
            parts += ["Alpha on the validation set (mean best validation loss over the seeds every alpha has):", "",
                      alphas, ""]
    budget_groups = budget_lines(rows)  # computed once: each group compares every run with its baselines
    budgets = budget_table(budget_groups)
    if budgets:
        parts += ["### What each compute budget buys", "",
                  "Each run trained to a multiple of its seed's converged tuned baseline's compute (plain updates), "
                  "its learning rate decaying linearly to zero at its last update; compared, on the same seeds, with "
                  "the tuned baseline trained to the same budget and with the best tuned baseline within the budget "
                  "(per seed, of the converged one, which costs 1x, and those trained to this budget or a smaller one, "
                  "the one with the higher validation BLEU); the share is of R-Drop's converged gain over the tuned "
                  "baseline, against the latter.", "",
                  budgets, "", "Break-even budget, the smallest at which an R-Drop way is ahead, on average, of the best "
                  "baseline within it: " + break_even_text(budget_groups), ""]  # fmt: skip
    return "\n".join(parts)


def summarize_main(argv=None):
    """``summarize_small.py CSV``: refresh ``relative_compute``, then every table and plot of the benchmark."""
    parser = argparse.ArgumentParser(
        prog="summarize_small.py",
        description="Tables and plots of the small reproduction from its one-row-per-run CSV.",
    )
    parser.add_argument("csv")
    parser.add_argument("--out-md", help="also write the tables here")
    parser.add_argument("--plot", help="write the gain-vs-data PNG here")
    parser.add_argument("--cost-plot", help="write the BLEU-vs-minutes PNG here")
    parser.add_argument("--frontier-plot", help="write the gain-share-vs-relative-compute PNG here")
    parser.add_argument("--budget-plot", help="write the test-BLEU-vs-budget PNG here (runs trained to a budget)")
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
    converged = at_convergence(rows)
    if args.plot:
        plot_gain(converged, args.plot)
    if args.cost_plot:
        plot_cost(converged, args.cost_plot)
    if args.frontier_plot:
        plot_frontier(converged, args.frontier_plot)
    if args.budget_plot and len(converged) < len(rows):
        plot_budget(rows, args.budget_plot)
