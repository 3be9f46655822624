"""Training to a compute budget: a run gets B times its seed's converged
baseline's compute, in plain updates (each update charged its mode's measured
cost), and a learning rate that decays linearly to zero at its last update,
so a cheap mode and an expensive one are compared at the same cost (Li, Yumer
and Ramanan, ICLR 2020, "Budgeted training"). Cutting a patience-trained run
at the budget would be unfair to both sides: its schedule was meant to go on.
"""

import math
import statistics

from rdrop_tools.compute import TARGET_SHARE, cost_from_table, plain_update_units
from rdrop_tools.files import fail
from rdrop_tools.result_rows import BASELINE, REFERENCE_VARIANT, SETTING_HEADER, setting_label
from rdrop_tools.tables import markdown_table
from rdrop_tools.translation_results import QUALITY_KEY, baseline_runs, seed_key, summarize_quality
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


def _baselines_within(rows, corpus, pairs, budget, seed):
    """``(at the budget, best within it)``: the tuned baseline's run of SEED
    trained to BUDGET, and of the tuned baselines a user with this budget
    could train (the converged one where the budget covers its 1x, and every
    one trained to a budget no larger) the one with the higher validation
    BLEU. Either is None if missing."""
    converged, _ = tuned_baseline_run(rows, (corpus, pairs), seed)
    if converged is None:  # no reference: a budget run cannot have been planned against it
        return None, None
    same_setting = seed_key(converged)[:-2]
    trained = {float(r["budget"]): r for r in rows
               if r["variant"] == BASELINE and r.get("budget") and r["seed"] == converged["seed"]
               and seed_key(r)[:-2] == same_setting}  # fmt: skip
    at_budget = trained.get(float(budget))
    candidates = [converged] if float(budget) >= 1 else []
    candidates += [r for b, r in sorted(trained.items()) if b <= float(budget)]
    scored = [r for r in candidates if r.get("valid_bleu")]
    best = max(scored, key=lambda r: float(r["valid_bleu"])) if scored else at_budget
    return at_budget, best


def budget_lines(rows, reference=REFERENCE_VARIANT):
    """Per slice and budget, each group trained to it: test BLEU; the change
    against the tuned baseline trained to the same budget, and against the
    best tuned baseline within the budget (chosen per seed on validation
    BLEU: converged, which costs 1x, or trained to this budget or a smaller
    one), same seeds; the latter's share of R-Drop's converged gain over the
    tuned baseline on the same seeds (the tuned comparison's R-Drop line). A
    user with the budget could take any of these baselines, so the share is
    against the best one. In the order of the budgets; ``run`` is one of the group's rows."""
    converged_gain = {}  # per slice: seed -> tuned R-Drop's converged gain over the tuned baseline
    for line in tuned_comparison(rows, ("corpus", "pairs"), "valid_bleu", True, "test_bleu"):
        if line["role"] == "R-Drop" and line["variant"] == reference:
            converged_gain[(line["corpus"], line["pairs"])] = line["change_by_seed"]
    groups = {}
    for r in rows:
        if r.get("budget"):
            groups.setdefault(tuple(r.get(k, "") for k in QUALITY_KEY[:-1]), []).append(r)
    lines = []
    for members in groups.values():
        first = members[0]
        is_baseline = first["variant"] == BASELINE
        by_seed = converged_gain.get((first["corpus"], first["pairs"]), {})
        at_budget, best, shared = [], [], []
        for r in members:
            base, better = _baselines_within(rows, r["corpus"], r["pairs"], r["budget"], r["seed"])
            at_budget += [float(r["test_bleu"]) - float(base["test_bleu"])] if base else []
            if better:
                best.append(float(r["test_bleu"]) - float(better["test_bleu"]))
                shared += [(best[-1], by_seed[r["seed"]])] if r["seed"] in by_seed else []
        gain = statistics.fmean(g for _, g in shared) if shared else math.nan
        share = 100 * statistics.fmean(b for b, _ in shared) / gain if shared and gain and not is_baseline else math.nan
        lines.append({**summarize_quality(members)[0], "budget": float(first["budget"]),
                      "gain": math.nan if is_baseline or not at_budget else statistics.fmean(at_budget),
                      "gain_best": statistics.fmean(best) if best else math.nan, "converged_gain": gain,
                      "gain_share": share, "budget_baseline": first["budget_baseline"], "run": first})  # fmt: skip
    return sorted(lines, key=lambda g: (g["corpus"], int(g["pairs"]), g["budget"], g["variant"] != BASELINE,
                                        g["variant"], float(g["alpha"]), g["setting"]))  # fmt: skip


def budget_multiple(rows, row):
    """ROW's compute as a multiple of its seed's converged tuned baseline's,
    the x of a budget plot: a budget run's ``relative_compute`` already is;
    a converged run's is against its own setting's baseline, rescaled here.
    NaN where a run or the column is missing."""
    if not row.get("relative_compute"):
        return math.nan
    if row.get("budget"):
        return float(row["relative_compute"])
    tuned = tuned_baseline_run(rows, (row["corpus"], row["pairs"]), row["seed"])[0]
    same = baseline_runs(rows).get(seed_key(row))
    if tuned is None or same is None:
        return math.nan
    return float(row["relative_compute"]) * float(same["updates"]) / float(tuned["updates"])


def budget_table(groups):
    """``budget_lines``' groups as a markdown table; empty when no run trained to a budget."""
    lines = []
    for g in groups:
        spread = "" if math.isnan(g["bleu_std"]) else f" +- {g['bleu_std']:.2f}"
        baseline = g["variant"] == BASELINE
        lines.append([g["corpus"], g["pairs"], f"{g['budget']:g}x", g["variant"], g["alpha"], g["setting"],
                      g["seeds"], f"{g['bleu_mean']:.2f}{spread}",
                      "" if baseline or math.isnan(g["gain"]) else f"{g['gain']:+.2f}",
                      "" if math.isnan(g["gain_best"]) else f"{g['gain_best']:+.2f}",
                      "" if math.isnan(g["gain_share"]) else f"{g['gain_share']:.0f}%",
                      "" if math.isnan(g["relative_compute"]) else f"{g['relative_compute']:.2f}x",
                      g["budget_baseline"]])  # fmt: skip
    if not lines:
        return ""
    columns = ["corpus", "pairs", "budget", "variant", "alpha", SETTING_HEADER, "seeds", "test BLEU (mean +- std)",
               "vs baseline at the budget", "vs best baseline within it",
               f"share of R-Drop's converged gain, same seeds (aim {TARGET_SHARE:.0f}%)",
               "relative compute", "budget of the baseline at"]  # fmt: skip
    return markdown_table(columns, lines)


def break_even(lines):
    """Per slice: the line of the smallest budget at which some R-Drop way is
    ahead, on average, of the best tuned baseline within that budget. Where
    several ways are ahead at it, the one measured on more seeds, then the
    larger lead: a larger lead on one seed is weaker evidence than a
    smaller one over three."""
    def rank(g):  # smaller is preferred
        return g["budget"], -g["seeds"], -g["gain_best"]

    found = {}
    for g in lines:
        if g["variant"] != BASELINE and not math.isnan(g["gain_best"]) and g["gain_best"] > 0:
            key = (g["corpus"], g["pairs"])
            if key not in found or rank(g) < rank(found[key]):
                found[key] = g
    return found


def break_even_text(lines):
    """Each slice with budget runs and its break-even budget (or that no budget
    measured reaches one), so a reader of the budget table needs no arithmetic."""
    found = break_even(lines)
    parts = []
    for key in sorted({(g["corpus"], g["pairs"]) for g in lines}, key=lambda k: (k[0], int(k[1]))):
        g = found.get(key)
        if g is None:
            largest = max((b["budget"] for b in lines if (b["corpus"], b["pairs"]) == key and b["variant"] != BASELINE),
                          default=None)  # fmt: skip
            parts.append(f"{key[0]} {key[1]}: " + (f"none up to {largest:g}x" if largest is not None else "no R-Drop run"))
        else:
            seeds = f"{g['seeds']} seed{'s' if g['seeds'] != 1 else ''}"
            parts.append(f"{key[0]} {key[1]}: {g['budget']:g}x ({g['variant']}, alpha {g['alpha']}, "
                         f"{g['gain_best']:+.2f} BLEU, {seeds})")  # fmt: skip
    return "; ".join(parts) + "."
