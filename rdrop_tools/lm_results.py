"""The language models' rows (``lm_quality.csv``): one per run, paired with the
same model's baseline at the same setting and seed, and their tables."""

import json
import math
import statistics
from pathlib import Path

from rdrop_tools.fairseq_logs import run_summary
from rdrop_tools.files import fail
from rdrop_tools.result_rows import (
    BASELINE,
    SETTING_COLUMNS,
    SETTING_HEADER,
    converged_label,
    read_result_rows,
    setting_label,
    write_result_row,
)
from rdrop_tools.tables import markdown_table


LM_COLUMNS = [
    "corpus", "tokens", "arch", "variant", "alpha", *SETTING_COLUMNS, "seed", "test_ppl", "best_valid_loss",
    "epochs", "best_epoch", "updates", "train_minutes", "stopped_by",
]  # fmt: skip
# the language models' defaults (scripts/small_runs.sh): rows from before these columns ran at them
LM_SETTING_DEFAULTS = {"dropout": "0.3", "attention_dropout": "0.1", "activation_dropout": "0"}
_OLDER_LM_COLUMNS = [[c for c in LM_COLUMNS if c not in SETTING_COLUMNS]]

LM_SLICE = ("corpus", "tokens", "arch")  # one model on one corpus
LM_KEY = ("corpus", "tokens", "arch", "variant", "alpha", *SETTING_COLUMNS, "seed")  # one run; a rerun replaces its row


def read_test_ppl(path):
    """The test perplexity in a ``lm_eval.py --json`` file."""
    try:
        return float(json.loads(Path(path).read_text(encoding="utf-8"))["test"]["perplexity"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        fail(f"{path}: no test perplexity in it ({e})")


def run_row(log_path, ppl_path, minutes, max_epoch, **key):
    """One result row: the run's identity (``LM_KEY``) and what its log and perplexity file say."""
    run = run_summary(log_path, max_epoch)
    if math.isnan(run["best valid loss"]):
        fail(f"{log_path}: no validation record (was it logged with --log-format json or simple?)")
    return dict(key, test_ppl=f"{read_test_ppl(ppl_path):.2f}", best_valid_loss=f"{run['best valid loss']:.3f}",
                epochs=run["epochs"], best_epoch=run["best epoch"], updates=run["updates"],
                train_minutes=f"{minutes:.1f}", stopped_by=run["stopped by"])  # fmt: skip


def read_rows(csv_path):
    return read_result_rows(csv_path, LM_COLUMNS, _OLDER_LM_COLUMNS, LM_SETTING_DEFAULTS)


def write_row(csv_path, row):
    """Add ROW, replacing an earlier row of the same run; settings left out take their defaults."""
    write_result_row(csv_path, row, LM_COLUMNS, LM_KEY, older=_OLDER_LM_COLUMNS, defaults=LM_SETTING_DEFAULTS)


def select(rows, corpus=None, tokens=None):
    return [r for r in rows if (corpus is None or r["corpus"] == corpus)
            and (tokens is None or r["tokens"] == str(tokens))]  # fmt: skip


def seed_key(row):
    """A seed of one model at one setting: a run is paired with the baseline of the same key."""
    return (row["corpus"], row["tokens"], row["arch"], *(row[c] for c in SETTING_COLUMNS), row["seed"])


def summarize(rows):
    """Per (corpus, tokens, arch, variant, alpha, setting): test perplexity mean
    and spread over seeds, and its relative change against the same arch's
    baseline runs at the same setting and seeds (seeds without one are left
    out of it)."""
    baseline_of = {seed_key(r): r for r in rows if r["variant"] == BASELINE}
    groups = {}
    for row in rows:
        groups.setdefault(tuple(row[k] for k in LM_KEY[:-1]), []).append(row)
    summary = []
    for (corpus, tokens, arch, variant, alpha, *_), members in groups.items():
        ppl = [float(r["test_ppl"]) for r in members]
        paired = [(r, baseline_of[seed_key(r)]) for r in members if seed_key(r) in baseline_of]
        summary.append({
            "corpus": corpus, "tokens": tokens, "arch": arch, "variant": variant, "alpha": alpha,
            "setting": setting_label(members[0]), "members": sorted(members, key=lambda r: int(r["seed"])),
            "seeds": len(members), "stopped_by": [r["stopped_by"] for r in members],
            "ppl_mean": statistics.fmean(ppl), "ppl_std": statistics.stdev(ppl) if len(ppl) > 1 else math.nan,
            "change": statistics.fmean(float(r["test_ppl"]) / float(b["test_ppl"]) - 1 for r, b in paired)
            if paired else math.nan,
            "lower_every_seed": all(float(r["test_ppl"]) < float(b["test_ppl"]) for r, b in paired) and bool(paired),
            "best_valid_loss": statistics.fmean(float(r["best_valid_loss"]) for r in members),
            "epochs": statistics.fmean(int(r["epochs"]) for r in members),
            "minutes": statistics.fmean(float(r["train_minutes"]) for r in members),
        })  # fmt: skip
    return sorted(summary, key=lambda g: (g["corpus"], int(g["tokens"]), g["arch"], g["variant"] != BASELINE,
                                          g["variant"], float(g["alpha"]), g["setting"]))  # fmt: skip


def _change(row, base):
    """A run's test perplexity against its seed's baseline, as a signed percentage."""
    return f"{100 * (float(row['test_ppl']) / float(base['test_ppl']) - 1):+.1f}%"


def runs_table(rows):
    """One line per run, with its perplexity change against the same seed's baseline."""
    baseline_of = {seed_key(r): r for r in rows if r["variant"] == BASELINE}
    lines = []
    for r in rows:
        base = baseline_of.get(seed_key(r))
        change = _change(r, base) if base else "n/a"
        lines.append([r["arch"], r["variant"], r["alpha"], setting_label(r), r["seed"],
                      converged_label([r["stopped_by"]]),
                      r["epochs"], r["best_epoch"], r["best_valid_loss"], r["test_ppl"], change,
                      r["train_minutes"]])  # fmt: skip
    columns = ["arch", "variant", "alpha", SETTING_HEADER, "seed", "converged", "epochs", "best epoch",
               "best valid loss",
               "test ppl", "vs baseline", "wall-clock minutes"]  # fmt: skip
    return markdown_table(columns, lines)


def summary_table(rows):
    """One line per (arch, variant, alpha): perplexity mean +- std over seeds, relative change."""
    lines = []
    for g in summarize(rows):
        spread = "" if math.isnan(g["ppl_std"]) else f" +- {g['ppl_std']:.2f}"
        change = "n/a" if math.isnan(g["change"]) or g["variant"] == BASELINE else f"{100 * g['change']:+.1f}%"
        every = "" if g["variant"] == BASELINE else ("yes" if g["lower_every_seed"] else "no")
        lines.append([g["corpus"], g["tokens"], g["arch"], g["variant"], g["alpha"], g["setting"], g["seeds"],
                      converged_label(g["stopped_by"]), f"{g['ppl_mean']:.2f}{spread}", change, every,
                      f"{g['epochs']:.0f}", f"{g['minutes']:.1f}"])  # fmt: skip
    columns = ["corpus", "tokens", "arch", "variant", "alpha", SETTING_HEADER, "seeds", "converged",
               "test ppl (mean +- std)",
               "change (same seeds)", "lower every seed", "epochs", "wall-clock minutes"]  # fmt: skip
    return markdown_table(columns, lines)


ARCH_LABEL = {"transformer_lm": "transformer_lm (full softmax)", "adaptive": "adaptive input + softmax"}


def per_seed_table(rows):
    """One line per (arch, variant, alpha) with every seed's epochs, test
    perplexity and change against its own baseline: the table RESULTS.md
    shows, so that its lines can be checked against the rows."""
    baseline_of = {seed_key(r): r for r in rows if r["variant"] == BASELINE}
    lines = []
    for g in summarize(rows):
        members = g["members"]
        spread = "" if math.isnan(g["ppl_std"]) else f" +- {g['ppl_std']:.2f}"
        changes = ", ".join(_change(r, baseline_of[seed_key(r)]) for r in members
                            if g["variant"] != BASELINE and seed_key(r) in baseline_of)  # fmt: skip
        if "," in changes:
            changes += f" (mean {100 * g['change']:+.1f}%)"
        lines.append([ARCH_LABEL.get(g["arch"], g["arch"]), g["variant"],
                      "" if g["variant"] == BASELINE else g["alpha"],
                      g["setting"], ", ".join(r["seed"] for r in members), converged_label(g["stopped_by"]),
                      ", ".join(r["epochs"] for r in members), ", ".join(r["test_ppl"] for r in members),
                      f"{g['ppl_mean']:.2f}{spread}", changes])  # fmt: skip
    columns = ["arch", "variant", "alpha", SETTING_HEADER, "seeds", "converged", "epochs", "test ppl (per seed)",
               "test ppl (mean +- std)", "change (per seed)"]  # fmt: skip
    return markdown_table(columns, lines)
