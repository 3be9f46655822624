"""Compute in plain updates (each update charged its mode's measured cost),
relative to the same seed's baseline, and the frontier of R-Drop's gain
against it."""

import csv
import math
import re
import statistics
from pathlib import Path

from rdrop_tools.files import fail
from rdrop_tools.result_rows import (
    BASELINE,
    REFERENCE_VARIANT,
    SETTING_HEADER,
    at_convergence,
    converged_label,
    csv_lock,
    rewrite_result_rows,
    setting_label,
)
from rdrop_tools.tables import markdown_table
from rdrop_tools.translation_results import QUALITY_COLUMNS, baseline_runs, read_quality_rows, seed_key
from rdrop_tools.validation_choice import tuned_baseline_run


_LATE = re.compile(r"^(?P<mode>\w+?)_late(?P<start>\d+)(_lr\d+)?$")  # the lr scale costs nothing
STEP_COST_COLUMNS = ["variant", "cost_per_update"]


def read_step_costs(path):
    """``{variant: cost of one of its updates relative to a plain update}`` from a
    CSV with columns ``variant,cost_per_update``; ``#`` lines are comments."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(line for line in f if not line.startswith("#"))
            if reader.fieldnames != STEP_COST_COLUMNS:
                fail(f"{path}: columns {reader.fieldnames} are not {STEP_COST_COLUMNS}")
            costs = {}
            for row in reader:
                try:
                    costs[row["variant"]] = float(row["cost_per_update"])
                except (TypeError, ValueError):
                    fail(f"{path}: cost_per_update of {row['variant']!r} is not a number: {row['cost_per_update']!r}")
    except OSError as error:
        fail(f"cannot read the step costs: {error}")
    return costs


def cost_from_table(costs):
    """COST_PER_UPDATE for ``plain_update_units`` from the measured table
    ``{variant: cost}``; the alpha ramp changes the loss, not the work of an
    update, so the warm-up is charged R-Drop's cost."""
    return lambda mode: costs.get("ours" if mode == "ours_warmup" else mode)


def count_updates(mode):
    """COST_PER_UPDATE that charges every update one: counts updates."""
    return 1.0


def plain_update_units(variant, updates, cost_per_update, baseline_updates=None):
    """A run's compute in plain updates: its UPDATES, each charged its mode's
    COST_PER_UPDATE(mode) (plain = 1; None when unknown), plus, for
    fine-tuning the baseline, the BASELINE_UPDATES it starts from. None when
    a cost it needs is unknown."""
    if variant == BASELINE:
        return float(updates)
    if variant == "ours_every2":  # every 2nd update is an R-Drop one
        cost = cost_per_update("ours")
        return None if cost is None else updates * (1 + cost) / 2
    if variant == "ours_from_baseline":
        cost = cost_per_update("ours")
        return None if cost is None or baseline_updates is None else baseline_updates + updates * cost
    late = _LATE.match(variant)
    if late:  # plain updates until the start, the mode's after it
        start, cost = int(late.group("start")), cost_per_update(late.group("mode"))
        return None if cost is None else min(start, updates) + max(0, updates - start) * cost
    cost = cost_per_update(variant)
    return None if cost is None else updates * cost


def relative_compute(rows, costs):
    """``relative_compute`` of each row (a string, in the rows' order): its
    compute in plain updates over the updates of the same corpus, pairs,
    setting and seed's baseline run (for a run trained to a budget: the
    converged baseline its budget is a multiple of); empty when that baseline
    or a step cost is missing."""
    baseline_of = baseline_runs(rows)
    values = []
    for row in rows:
        if row.get("budget"):
            base = tuned_baseline_run(rows, (row["corpus"], row["pairs"]), row["seed"])[0]
        else:
            base = baseline_of.get(seed_key(row))
        base_updates = None
        try:
            base_updates = float(base["updates"]) if base else None
            units = plain_update_units(row["variant"], float(row["updates"]), cost_from_table(costs), base_updates)
        except ValueError:  # an unreadable updates field: unknown, as a missing run
            units = None
        values.append("" if units is None or not base_updates else f"{units / base_updates:.3f}")
    return values


def refresh_relative_compute(csv_path, costs):
    """Recompute ``relative_compute`` of every row of the CSV and write it back
    (atomically, other columns and the row order kept; a CSV from before the
    column gets it). Returns the rows; [] if there is no CSV."""
    if not Path(csv_path).exists():
        return []
    with csv_lock(csv_path):
        rows = read_quality_rows(csv_path)
        for row, value in zip(rows, relative_compute(rows, costs)):
            row["relative_compute"] = value
        if rows:
            rewrite_result_rows(csv_path, rows, QUALITY_COLUMNS)
    return rows


TARGET_SHARE, TARGET_COMPUTE = 80.0, 1.3  # the aim: most of R-Drop's gain for little more than a plain run
TARGET_COLUMN = f"meets {TARGET_SHARE:.0f}% at <={TARGET_COMPUTE}x"

REFERENCE = REFERENCE_VARIANT  # R-Drop from scratch: the gain the cheaper ways are measured against
REFERENCE_ALPHA = 3.0


def _reference_alpha(rows):
    """The alpha of the reference runs of a slice: 3 if run, else the most run one."""
    alphas = [float(r["alpha"]) for r in rows if r["variant"] == REFERENCE]
    if not alphas or REFERENCE_ALPHA in alphas:
        return REFERENCE_ALPHA
    return max(sorted(set(alphas)), key=alphas.count)


def _float_or_nan(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return math.nan


def frontier(rows):
    """One dict per (corpus, pairs, variant, alpha, setting), sorted by relative compute
    within a slice: seeds, mean test BLEU, gain share (mean over seeds of the
    run's gain over its seed's baseline divided by the same seed's reference
    gain, in percent; seeds without both are left out), mean relative
    compute, converged (all runs stopped by patience) and whether it meets
    the target. Per seed, because seeds differ in gain more than variants do.
    Runs at convergence only: a run trained to a budget is in the budget table;
    a baseline only at a setting some R-Drop way ran at."""
    rows = at_convergence(rows)
    baseline_of = baseline_runs(rows)
    slices = {}
    for row in rows:
        slices.setdefault((row["corpus"], row["pairs"]), []).append(row)
    lines = []
    for (corpus, pairs), chosen in slices.items():
        alpha = _reference_alpha(chosen)
        reference_of = {seed_key(r): r for r in chosen if r["variant"] == REFERENCE and float(r["alpha"]) == alpha}
        groups = {}
        for row in chosen:
            groups.setdefault((row["variant"], row["alpha"], setting_label(row)), []).append(row)
        compared = {setting for variant, _, setting in groups if variant != BASELINE}
        for (variant, run_alpha, setting), members in groups.items():
            if variant == BASELINE and setting not in compared:
                continue  # a baseline of the dropout grid alone: nothing to compare with it
            shares = []
            for r in members:
                base, ref = baseline_of.get(seed_key(r)), reference_of.get(seed_key(r))
                if base and ref:
                    reference_gain = float(ref["test_bleu"]) - float(base["test_bleu"])
                    if reference_gain:
                        gain = float(r["test_bleu"]) - float(base["test_bleu"])
                        shares.append(100 * gain / reference_gain)
            computes = [c for c in (_float_or_nan(r["relative_compute"]) for r in members) if not math.isnan(c)]
            update_ratios = [_updates_over_baseline(r, baseline_of.get(seed_key(r))) for r in members]
            update_ratios = [u for u in update_ratios if not math.isnan(u)]
            share = statistics.fmean(shares) if shares else math.nan
            compute = statistics.fmean(computes) if computes else math.nan
            lines.append({
                "corpus": corpus, "pairs": pairs, "variant": variant, "alpha": run_alpha, "setting": setting,
                "seeds": len(members),
                "bleu_mean": statistics.fmean(float(r["test_bleu"]) for r in members),
                "gain_share": share, "relative_compute": compute,
                "updates_over_baseline": statistics.fmean(update_ratios) if update_ratios else math.nan,
                "stopped_by": sorted({r["stopped_by"] for r in members}),
                "meets_target": share >= TARGET_SHARE and compute <= TARGET_COMPUTE,  # False when NaN
            })  # fmt: skip
    def order(g):  # unknown compute last (NaN does not sort)
        unknown = math.isnan(g["relative_compute"])
        return (g["corpus"], int(g["pairs"]), unknown, 0 if unknown else g["relative_compute"], g["variant"],
                float(g["alpha"]), g["setting"])  # fmt: skip

    return sorted(lines, key=order)


def _updates_over_baseline(row, base):
    """The updates that made the run's model (fine-tuning: the baseline's
    too), every one counted once, over its seed's baseline's; NaN if unknown.
    Beside relative compute it separates the two factors of the cost: how
    long a mode trains and how much an update costs."""
    try:
        base_updates = float(base["updates"]) if base else math.nan
        units = plain_update_units(row["variant"], float(row["updates"]), count_updates, base_updates)
    except ValueError:
        return math.nan
    return units / base_updates if units is not None and base_updates else math.nan


def frontier_table(rows):
    """The ``frontier`` lines as a markdown table; unknown numbers as ``-``."""
    lines = []
    for g in frontier(rows):
        lines.append([g["corpus"], g["pairs"], g["variant"], g["alpha"], g["setting"], g["seeds"],
                      f"{g['bleu_mean']:.2f}",
                      "-" if math.isnan(g["gain_share"]) else f"{g['gain_share']:.0f}%",
                      "-" if math.isnan(g["relative_compute"]) else f"{g['relative_compute']:.2f}x",
                      "-" if math.isnan(g["updates_over_baseline"]) else f"{g['updates_over_baseline']:.2f}x",
                      converged_label(g["stopped_by"]), "yes" if g["meets_target"] else "no"])  # fmt: skip
    columns = ["corpus", "pairs", "variant", "alpha", SETTING_HEADER, "seeds", "test BLEU (mean)", "gain share",
               "relative compute", "updates vs baseline", "converged", TARGET_COLUMN]  # fmt: skip
    return markdown_table(columns, lines)
