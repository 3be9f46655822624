"""Training to a compute budget: a run gets B times its seed's converged
baseline's compute, in plain updates (each update charged its mode's measured
cost), and a learning rate that decays linearly to zero at its last update,
so a cheap mode and an expensive one are compared at the same cost (Li, Yumer
and Ramanan, ICLR 2020, "Budgeted training"). Cutting a patience-trained run
at the budget would be unfair to both sides: its schedule was meant to go on.
"""

import math

from rdrop_tools.compute import TARGET_SHARE, cost_from_table, plain_update_units
from rdrop_tools.files import fail
from rdrop_tools.result_rows import BASELINE, REFERENCE_VARIANT, SETTING_HEADER, setting_label
from rdrop_tools.tables import markdown_table
from rdrop_tools.translation_results import summarize_quality
from rdrop_tools.validation_choice import tuned_baseline_run, tuned_comparison


def updates_for_budget(variant, budget, baseline_updates, cost_per_update):
    """The most updates of VARIANT whose compute (``plain_update_units``) fits
    in BUDGET x BASELINE_UPDATES plain updates; None when a cost it needs is
    unknown. Every mode costs at least a plain update per update, so the count
    lies between 0 and the budget in plain updates."""
    limit = budget * baseline_updates
    if plain_update_units(variant, 1, cost_per_update, baseline_updates) is None:
        return None
    low, high = 0, math.floor(limit)
    while low < high:  # compute grows with the updates: the largest count that fits
        middle = (low + high + 1) // 2
        if plain_update_units(variant, middle, cost_per_update, baseline_updates) <= limit + 1e-9:
            low = middle
        else:
            high = middle - 1
    return low


def budget_plan(rows, costs, corpus, pairs, seed, variant, budget, warmup):
    """``(updates, baseline label)`` of a run of VARIANT trained to BUDGET x
    the compute of the same seed's converged baseline (at the baseline's
    setting chosen on validation where there is one, else at the default
    setting, said in the label), or a one-line error: no such baseline, no
    measured cost of the mode, or a budget that ends inside the warm-up."""
    if not budget > 0:
        fail(f"the budget must be a positive multiple of the baseline's compute, got {budget}")
    base, how = tuned_baseline_run(rows, (corpus, str(pairs)), seed)
    if base is None:
        fail(f"no converged baseline of {corpus} {pairs} seed {seed} in the results: a budget is a multiple of "
             "its compute (train it first: VARIANTS=baseline without BUDGET)")  # fmt: skip
    updates = updates_for_budget(variant, budget, float(base["updates"]), cost_from_table(costs))
    if updates is None:
        fail(f"no measured cost per update of {variant} (benchmarks/results/step_cost.csv)")
    if updates <= warmup:
        fail(f"a {budget:g}x budget gives {variant} {updates} updates, within the {warmup} warm-up updates: "
             "raise the budget or lower WARMUP")  # fmt: skip
    return updates, setting_label(base) + (" tuned" if how == "tuned" else " default, not tuned")


def budget_lines(rows, reference=REFERENCE_VARIANT):
    """Per slice and budget, each group trained to it: test BLEU, the change
    against the baseline trained to the same budget (same seeds) and its share
    of R-Drop's converged gain over the tuned baseline (the tuned comparison's
    R-Drop line), in the order of the budgets; ``run`` is one of the group's rows."""
    converged_gain = {}
    for line in tuned_comparison(rows, ("corpus", "pairs"), "valid_bleu", True, "test_bleu"):
        if line["role"] == "R-Drop" and line["variant"] == reference:
            converged_gain[(line["corpus"], line["pairs"])] = line["change"]
    lines = []
    for g in summarize_quality([r for r in rows if r.get("budget")]):
        members = [r for r in rows if r.get("budget") and (r["corpus"], r["pairs"], r["variant"], r["alpha"]) ==
                   (g["corpus"], g["pairs"], g["variant"], g["alpha"]) and setting_label(r) == g["setting"]]  # fmt: skip
        gain = converged_gain.get((g["corpus"], g["pairs"]), math.nan)
        share = 100 * g["gain"] / gain if gain and not math.isnan(gain) and g["variant"] != BASELINE else math.nan
        lines.append({**g, "budget": float(members[0]["budget"]), "converged_gain": gain, "gain_share": share,
                      "budget_baseline": members[0]["budget_baseline"], "run": members[0]})  # fmt: skip
    return sorted(lines, key=lambda g: (g["corpus"], int(g["pairs"]), g["budget"], g["variant"] != BASELINE,
                                        g["variant"], float(g["alpha"]), g["setting"]))  # fmt: skip


def budget_table(rows):
    """``budget_lines`` as a markdown table; empty when no run trained to a budget."""
    lines = []
    for g in budget_lines(rows):
        spread = "" if math.isnan(g["bleu_std"]) else f" +- {g['bleu_std']:.2f}"
        baseline = g["variant"] == BASELINE
        lines.append([g["corpus"], g["pairs"], f"{g['budget']:g}x", g["variant"], g["alpha"], g["setting"],
                      g["seeds"], f"{g['bleu_mean']:.2f}{spread}",
                      "" if baseline or math.isnan(g["gain"]) else f"{g['gain']:+.2f}",
                      "" if math.isnan(g["gain_share"]) else f"{g['gain_share']:.0f}%",
                      "" if math.isnan(g["relative_compute"]) else f"{g['relative_compute']:.2f}x",
                      g["budget_baseline"]])  # fmt: skip
    if not lines:
        return ""
    columns = ["corpus", "pairs", "budget", "variant", "alpha", SETTING_HEADER, "seeds", "test BLEU (mean +- std)",
               "vs baseline at the budget", f"share of R-Drop's converged gain (aim {TARGET_SHARE:.0f}%)",
               "relative compute", "budget of the baseline at"]  # fmt: skip
    return markdown_table(columns, lines)


def break_even(lines):
    """Per slice: the smallest budget at which some R-Drop way is ahead of the
    baseline trained to the same budget on average, or None."""
    found = {}
    for g in lines:
        if g["variant"] != BASELINE and not math.isnan(g["gain"]) and g["gain"] > 0:
            key = (g["corpus"], g["pairs"])
            found[key] = min(found.get(key, math.inf), g["budget"])
    return found
