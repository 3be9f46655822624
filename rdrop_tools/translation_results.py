"""The translation runs' rows (``quality.csv``): one per run, paired with the
same seed's baseline at the same setting, and their tables."""

import math
import statistics

from rdrop_tools.fairseq_logs import read_score, run_summary
from rdrop_tools.files import fail
from rdrop_tools.result_rows import (
    BASELINE,
    SETTING_COLUMNS,
    SETTING_DEFAULTS,
    SETTING_HEADER,
    converged_label,
    read_result_rows,
    setting_label,
    write_result_row,
)
from rdrop_tools.tables import markdown_table


# budget: the run trained to that multiple of its seed's converged baseline's
# compute (empty: until patience), budget_baseline: that baseline's setting
QUALITY_COLUMNS = [
    "corpus", "pairs", "variant", "alpha", *SETTING_COLUMNS, "budget", "seed", "test_bleu", "valid_bleu",
    "best_valid_loss", "epochs", "best_epoch", "updates", "train_minutes", "stopped_by", "relative_compute",
    "budget_baseline",
]  # fmt: skip
# CSVs written before the budget, before relative_compute, then before the settings and valid_bleu
_BEFORE_BUDGET = [c for c in QUALITY_COLUMNS if c not in ("budget", "budget_baseline")]
_BEFORE_SETTINGS = [c for c in _BEFORE_BUDGET if c not in SETTING_COLUMNS and c != "valid_bleu"]
_OLDER_QUALITY_COLUMNS = [_BEFORE_BUDGET, _BEFORE_SETTINGS, _BEFORE_SETTINGS[:-1]]

# one run; a rerun replaces its row
QUALITY_KEY = ("corpus", "pairs", "variant", "alpha", *SETTING_COLUMNS, "budget", "seed")
QUALITY_KEY_DEFAULTS = {**SETTING_DEFAULTS, "budget": ""}  # rows from before a key column ran at these


def read_quality_rows(csv_path):
    """The rows of the translation quality CSV. In a CSV from before a column,
    ``relative_compute`` and ``valid_bleu`` read empty and the settings as
    their defaults (the runs before them used the defaults)."""
    return read_result_rows(csv_path, QUALITY_COLUMNS, _OLDER_QUALITY_COLUMNS, QUALITY_KEY_DEFAULTS)


def write_quality_row(csv_path, row):
    """Add ROW, replacing an earlier row of the same run. ``relative_compute``
    may be left out: it depends on other runs (the same seed's baseline may
    finish later), so ``refresh_relative_compute`` fills it from the whole CSV;
    ``valid_bleu`` too (empty), and the settings (their defaults)."""
    write_result_row(csv_path, row, QUALITY_COLUMNS, QUALITY_KEY, ("relative_compute", "valid_bleu", "budget_baseline"),
                     _OLDER_QUALITY_COLUMNS, QUALITY_KEY_DEFAULTS)  # fmt: skip


def run_row(log_path, bleu_path, minutes, max_epoch, valid_bleu_path=None, **key):
    """One result row: the run's identity (``QUALITY_KEY``) and what its log and
    BLEU files (test, and validation where given) say."""
    run = run_summary(log_path, max_epoch)
    if math.isnan(run["best valid loss"]):
        fail(f"{log_path}: no validation record (was it logged with --log-format json or simple?)")
    scores = {}
    for column, path in (("test_bleu", bleu_path), ("valid_bleu", valid_bleu_path)):
        if path is not None:
            scores[column] = read_score(path)
            if math.isnan(scores[column]):
                fail(f"{path}: no BLEU score in it")
            scores[column] = f"{scores[column]:.2f}"
    return dict(key, **scores, best_valid_loss=f"{run['best valid loss']:.3f}",
                epochs=run["epochs"], best_epoch=run["best epoch"], updates=run["updates"],
                train_minutes=f"{minutes:.1f}", stopped_by=run["stopped by"])  # fmt: skip


def select(rows, corpus=None, pairs=None):
    return [r for r in rows if (corpus is None or r["corpus"] == corpus)
            and (pairs is None or r["pairs"] == str(pairs))]  # fmt: skip


def seed_key(row):
    """A seed of a slice at one setting and budget: a run is paired with the baseline of the same key."""
    return (row["corpus"], row["pairs"], *(row[c] for c in SETTING_COLUMNS), row.get("budget", ""), row["seed"])


def baseline_runs(rows):
    """The baseline run of each (corpus, pairs, setting, seed)."""
    return {seed_key(r): r for r in rows if r["variant"] == BASELINE}


def summarize_quality(rows):
    """Mean and spread of test BLEU over seeds per (corpus, pairs, variant,
    alpha, setting), with the gain over the baseline runs of the same slice,
    setting and seeds (seeds without a baseline run are left out) and the
    mean relative compute (plain updates over the baseline's; wall-clock
    minutes move with the machine's load). A group is converged only if every
    one of its runs stopped by patience."""
    groups = {}
    for row in rows:
        groups.setdefault(tuple(row.get(k, "") for k in QUALITY_KEY[:-1]), []).append(row)
    baseline_of = baseline_runs(rows)
    summary = []
    for (corpus, pairs, variant, alpha, *_), members in groups.items():
        bleu = [float(r["test_bleu"]) for r in members]
        # paired with the baseline runs of the same seeds: a seed's data
        # order and initialisation are shared by both, so is their luck
        paired = [(r, baseline_of[seed_key(r)]) for r in members if seed_key(r) in baseline_of]
        summary.append({
            "corpus": corpus, "pairs": pairs, "variant": variant, "alpha": alpha,
            "setting": setting_label(members[0]), "seeds": len(members),
            "bleu_mean": statistics.fmean(bleu),
            "bleu_std": statistics.stdev(bleu) if len(bleu) > 1 else math.nan,
            "best_valid_loss": statistics.fmean(float(r["best_valid_loss"]) for r in members),
            "epochs": statistics.fmean(int(r["epochs"]) for r in members),
            "minutes": statistics.fmean(float(r["train_minutes"]) for r in members),
            "stopped_by": sorted({r["stopped_by"] for r in members}),
            "gain": statistics.fmean(float(r["test_bleu"]) - float(b["test_bleu"]) for r, b in paired)
            if paired else math.nan,
            "relative_compute": statistics.fmean(computes) if (computes := [
                float(r["relative_compute"]) for r in members if r["relative_compute"]]) else math.nan,
        })  # fmt: skip
    return sorted(summary, key=lambda g: (g["corpus"], int(g["pairs"]), g["variant"] != BASELINE,
                                          g["variant"], float(g["alpha"]), g["setting"]))  # fmt: skip


def quality_runs_table(rows):
    """One line per run, with its BLEU difference to the same seed's baseline."""
    baseline_of = baseline_runs(rows)
    lines = []
    for r in rows:
        base = baseline_of.get(seed_key(r))
        diff = f"{float(r['test_bleu']) - float(base['test_bleu']):+.2f}" if base else "n/a"
        lines.append([r["corpus"], r["pairs"], r["variant"], r["alpha"], setting_label(r), r["seed"],
                      converged_label([r["stopped_by"]]), r["epochs"], r["best_epoch"], r["best_valid_loss"],
                      r["valid_bleu"] or "-", r["test_bleu"], diff, r["train_minutes"]])  # fmt: skip
    columns = ["corpus", "pairs", "variant", "alpha", SETTING_HEADER, "seed", "converged", "epochs", "best epoch",
               "best valid loss", "valid BLEU", "test BLEU", "vs baseline", "wall-clock minutes"]  # fmt: skip
    return markdown_table(columns, lines)


def quality_summary_table(rows):
    """One line per (corpus, pairs, variant, alpha, setting): BLEU mean +- std over seeds, gain, cost."""
    lines = []
    for g in summarize_quality(rows):
        spread = "" if math.isnan(g["bleu_std"]) else f" +- {g['bleu_std']:.2f}"
        lines.append([g["corpus"], g["pairs"], g["variant"], g["alpha"], g["setting"], g["seeds"],
                      converged_label(g["stopped_by"]),
                      f"{g['bleu_mean']:.2f}{spread}", "n/a" if math.isnan(g["gain"]) else f"{g['gain']:+.2f}",
                      f"{g['best_valid_loss']:.3f}", f"{g['epochs']:.0f}", f"{g['minutes']:.1f}",
                      "n/a" if math.isnan(g["relative_compute"]) else f"{g['relative_compute']:.2f}x"])  # fmt: skip
    columns = ["corpus", "pairs", "variant", "alpha", SETTING_HEADER, "seeds", "converged", "test BLEU (mean +- std)",
               "gain (same seeds)", "best valid loss", "epochs", "wall-clock minutes", "relative compute"]  # fmt: skip
    return markdown_table(columns, lines)
