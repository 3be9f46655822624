"""Alpha and dropouts chosen on validation, before any test score is read,
and the comparison of the tuned baseline, tuned R-Drop and the no-KL control."""

import math
import statistics

from rdrop_tools.result_rows import (
    BASELINE,
    REFERENCE_VARIANT,
    SETTING_COLUMNS,
    SETTING_DEFAULTS,
    SETTING_HEADER,
    at_convergence,
    setting_label,
)
from rdrop_tools.tables import markdown_table


def alpha_choice(rows, slice_keys):
    """Per slice (``slice_keys`` of a row) and R-Drop variant run with more
    than one alpha: each alpha's mean best validation loss over the seeds that
    every alpha of that variant has (so no alpha wins by its seeds), and the
    one with the lowest: the choice on validation, before any test score is read.
    Rows of the baseline take no alpha and are left out, so is the no-KL
    control; alphas are compared within one setting (dropouts)."""
    groups = {}
    for row in at_convergence(rows):
        if row["variant"] != BASELINE and float(row["alpha"]) != 0:
            key = tuple(row[k] for k in slice_keys) + (_settings(row), row["variant"])
            groups.setdefault(key, {}).setdefault(float(row["alpha"]), {})[row["seed"]] = row
    choices = []
    for key, by_alpha in groups.items():
        if len(by_alpha) < 2:
            continue
        seeds = sorted(set.intersection(*(set(runs) for runs in by_alpha.values())), key=int)
        if not seeds:
            continue
        losses = {alpha: statistics.fmean(float(runs[s]["best_valid_loss"]) for s in seeds)
                  for alpha, runs in by_alpha.items()}  # fmt: skip
        chosen = min(sorted(losses), key=lambda a: losses[a])
        setting = setting_label(next(iter(by_alpha[chosen].values())))
        for alpha in sorted(losses):
            choices.append({**dict(zip(slice_keys, key)), "variant": key[-1], "alpha": alpha, "setting": setting,
                            "seeds": seeds, "best_valid_loss": losses[alpha], "chosen": alpha == chosen})  # fmt: skip
    return choices


def alpha_choice_table(rows, slice_keys):
    """``alpha_choice`` as a markdown table, one block per setting; empty when no variant ran two alphas."""
    choices = alpha_choice(rows, slice_keys)
    if not choices:
        return ""
    columns = [*slice_keys, "variant", "alpha", SETTING_HEADER, "seeds", "best valid loss (mean)", "lowest"]
    lines = [[*(c[k] for k in slice_keys), c["variant"], f"{c['alpha']:g}", c["setting"], " ".join(c["seeds"]),
              f"{c['best_valid_loss']:.3f}", "yes" if c["chosen"] else ""] for c in choices]  # fmt: skip
    return markdown_table(columns, lines)


CHOICE_SEED = "1"  # settings are chosen on this seed's validation set; the other seeds only confirm


def _settings(row):
    return tuple(row[c] for c in SETTING_COLUMNS)


def _distance_to_default(row):
    return sum(abs(float(row[c]) - float(SETTING_DEFAULTS[c])) for c in SETTING_COLUMNS)


def is_no_kl(row):
    """R-Drop's duplicated batch without the consistency term: the control for seeing each sentence twice."""
    return row["variant"] != BASELINE and float(row["alpha"]) == 0


def setting_choice(rows, slice_keys, score_column, higher_is_better, seed=CHOICE_SEED):
    """Per slice (``slice_keys``) and variant: every (alpha, setting) run on
    ``seed`` with a ``score_column`` (validation BLEU for translation, best
    validation loss for language models), and the best of them: the choice
    made on validation, before any test score is read. A tie at the score's
    recorded precision goes to the setting nearest the default one (a tie is
    no evidence for a change). The no-KL control (alpha 0) is no R-Drop
    candidate: it follows R-Drop's choice; nor is a run trained to a compute
    budget. Returns dicts with the slice keys, variant, alpha, settings (a
    dict), score, chosen and the number of candidates."""
    groups = {}
    for row in at_convergence(rows):
        if row["seed"] != seed or not row[score_column] or is_no_kl(row):
            continue
        key = tuple(row[k] for k in slice_keys) + (row["variant"],)
        groups.setdefault(key, []).append(row)
    choices = []
    for key, candidates in groups.items():
        candidates.sort(key=lambda r: (float(r["alpha"]), *map(float, _settings(r))))
        sign = -1 if higher_is_better else 1
        best = min(candidates, key=lambda r: (sign * float(r[score_column]), _distance_to_default(r)))
        for r in candidates:
            choices.append({**dict(zip(slice_keys, key)), "variant": key[-1], "alpha": r["alpha"],
                            "settings": dict(zip(SETTING_COLUMNS, _settings(r))), "setting": setting_label(r),
                            "score": float(r[score_column]), "chosen": r is best,
                            "candidates": len(candidates)})  # fmt: skip
    return choices


def setting_choice_table(rows, slice_keys, score_column, higher_is_better, score_header, digits=2):
    """``setting_choice`` as a markdown table; empty when nothing has a score."""
    choices = setting_choice(rows, slice_keys, score_column, higher_is_better)
    if not choices:
        return ""
    columns = [*slice_keys, "variant", "alpha", SETTING_HEADER, f"{score_header} (seed {CHOICE_SEED})", "chosen"]
    lines = [[*(c[k] for k in slice_keys), c["variant"], c["alpha"], c["setting"], f"{c['score']:.{digits}f}",
              "yes" if c["chosen"] else ""] for c in choices]  # fmt: skip
    return markdown_table(columns, lines)


def tuned_comparison(rows, slice_keys, score_column, higher_is_better, test_column, reference=REFERENCE_VARIANT):
    """Per slice: the tuned baseline (its validation-chosen setting), tuned
    R-Drop (``reference``'s chosen alpha and setting) and the no-KL control
    (``reference`` at alpha 0 and R-Drop's chosen setting), each over all its
    seeds: test mean and spread, and the change against the tuned baseline
    paired by seed, with how many seeds are ahead. Each line says its setting:
    the comparison is across settings on purpose. Where no R-Drop run has a
    validation score, R-Drop is its measured configuration at the default
    setting, with 0 choices tried (not tuned). Runs trained to a compute
    budget are left out: this compares runs at convergence.
    """
    rows = at_convergence(rows)
    chosen = {}
    for c in setting_choice(rows, slice_keys, score_column, higher_is_better):
        if c["chosen"]:
            chosen[tuple(c[k] for k in slice_keys) + (c["variant"],)] = c
    lines = []
    for slice_key in sorted({tuple(r[k] for k in slice_keys) for r in rows}):
        base = chosen.get(slice_key + (BASELINE,))
        ours = chosen.get(slice_key + (reference,))
        if base is None:
            continue
        in_slice = [r for r in rows if tuple(r[k] for k in slice_keys) == slice_key]

        def runs(variant, alpha, settings):
            return {r["seed"]: r for r in in_slice if r["variant"] == variant and float(r["alpha"]) == float(alpha)
                    and _settings(r) == tuple(settings.values())}  # fmt: skip

        base_runs = runs(BASELINE, 0, base["settings"])
        if ours is None:
            ours = _untuned_reference(in_slice, reference)
        arms = [("baseline", BASELINE, base)]
        if ours:
            arms += [("R-Drop", reference, ours), ("no-KL control", reference, dict(ours, alpha="0"))]
        for role, variant, choice in arms:
            members = runs(variant, choice["alpha"], choice["settings"]) if variant != BASELINE else base_runs
            if not members:
                continue
            scores = [float(members[s][test_column]) for s in sorted(members, key=int)]
            by_seed = {s: float(members[s][test_column]) - float(base_runs[s][test_column])
                       for s in sorted(members, key=int) if s in base_runs}  # fmt: skip
            paired = list(by_seed.values())
            better = [d > 0 if higher_is_better else d < 0 for d in paired]
            compared = paired and variant != BASELINE
            lines.append({**dict(zip(slice_keys, slice_key)), "role": role, "variant": variant,
                          "alpha": choice["alpha"], "setting": setting_label({**members[min(members, key=int)]}),
                          "seeds": len(members), "mean": statistics.fmean(scores),
                          "std": statistics.stdev(scores) if len(scores) > 1 else math.nan,
                          "change": statistics.fmean(paired) if compared else math.nan,
                          "change_by_seed": by_seed if compared else {},
                          "relative_change": statistics.fmean(d / float(base_runs[s][test_column])
                                                              for s, d in by_seed.items()) if compared else math.nan,
                          "ahead": f"{sum(better)}/{len(paired)}" if variant != BASELINE else "",
                          "candidates": choice["candidates"]})  # fmt: skip
    return lines


def tuned_baseline_run(rows, slice_key, seed, slice_keys=("corpus", "pairs"), score_column="valid_bleu"):
    """The converged baseline run of SEED in the slice (``slice_keys`` values
    ``slice_key``) at the baseline's setting chosen on validation, else at the
    default setting: the reference a compute budget is a multiple of. Returns
    ``(row, how)``, how ``"tuned"`` or ``"default"``; ``(None, None)`` if there is none."""
    in_slice = [r for r in at_convergence(rows) if tuple(r[k] for k in slice_keys) == tuple(slice_key)]
    for choice in setting_choice(in_slice, slice_keys, score_column, True):
        if choice["variant"] == BASELINE and choice["chosen"]:
            settings, how = tuple(choice["settings"].values()), "tuned"
            break
    else:
        settings, how = tuple(SETTING_DEFAULTS.values()), "default"
    for r in in_slice:
        if r["variant"] == BASELINE and r["seed"] == str(seed) and _settings(r) == settings:
            return r, how
    return None, None


def _untuned_reference(rows, reference):
    """R-Drop where none of its runs has a validation score to choose by: its
    alpha with the most seeds at the default setting (the measured
    configuration), marked as chosen among 0 tried settings."""
    counts = {}
    for r in rows:
        if r["variant"] == reference and not is_no_kl(r) and _settings(r) == tuple(SETTING_DEFAULTS.values()):
            counts.setdefault(r["alpha"], set()).add(r["seed"])
    if not counts:
        return None
    alpha = max(sorted(counts, key=float), key=lambda a: len(counts[a]))
    return {"alpha": alpha, "settings": dict(SETTING_DEFAULTS), "candidates": 0}


def tuned_comparison_table(rows, slice_keys, score_column, higher_is_better, test_column, test_header, digits=2):
    """``tuned_comparison`` as a markdown table (empty without a baseline with a validation score)."""
    lines = []
    for g in tuned_comparison(rows, slice_keys, score_column, higher_is_better, test_column):
        spread = "" if math.isnan(g["std"]) else f" +- {g['std']:.{digits}f}"
        change = "" if math.isnan(g["change"]) else f"{g['change']:+.{digits}f}"
        if change and not higher_is_better:
            change += f" ({100 * g['relative_change']:+.1f}%)"
        lines.append([*(g[k] for k in slice_keys), g["role"], g["candidates"], g["alpha"], g["setting"], g["seeds"],
                      f"{g['mean']:.{digits}f}{spread}", change, g["ahead"]])  # fmt: skip
    if not lines:
        return ""
    columns = [*slice_keys, "run", "choices tried", "alpha", SETTING_HEADER, "seeds", f"{test_header} (mean +- std)",
               "vs baseline (same seeds)", "ahead on seeds"]  # fmt: skip
    return markdown_table(columns, lines)
