"""The small runs' plots: learning curves of one job, and the benchmark's
gain, cost and frontier over every row.

Every plot over the rows draws each run group (variant, alpha, dropouts) in
its own colour and marker, the same in every panel and plot of one CSV, and
names it in one legend outside the axes: no two groups share a look, and no
label sits on the data.
"""

import math
import statistics

from rdrop_tools.budget import budget_lines, budget_multiple
from rdrop_tools.compute import TARGET_COMPUTE, TARGET_SHARE, frontier
from rdrop_tools.fairseq_logs import valid_curve
from rdrop_tools.files import atomic_path, fail
from rdrop_tools.result_rows import BASELINE, REFERENCE_VARIANT, at_convergence, setting_label
from rdrop_tools.translation_results import summarize_quality
from rdrop_tools.validation_choice import tuned_comparison

GAIN_VARIANTS = (REFERENCE_VARIANT, "builtin")  # R-Drop from scratch; the cheaper ways are in the cost plot
# 16 colours told apart on screen and in print (tab10, then darker ones), one
# per way; markers tell a way's settings apart and ways that share a colour
COLOURS = ["tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple", "tab:brown", "tab:pink", "tab:olive",
           "tab:cyan", "navy", "teal", "maroon", "darkgoldenrod", "magenta", "lime", "slategray"]  # fmt: skip
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*", "<", ">", "h", "p", "d", "H", "8", "o"]


def pyplot():
    try:
        import matplotlib
    except ImportError:
        fail("the plots need matplotlib: pip install matplotlib (or the 'recipes' extra)")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def save(fig, out, **kwargs):
    """Write the PNG atomically (an interrupted run keeps the earlier plot)."""
    with atomic_path(out) as tmp:
        fig.savefig(tmp, dpi=110, format="png", **kwargs)


def slices(rows):
    """(corpus, pairs) of the rows, by corpus, then size."""
    return sorted({(r["corpus"], r["pairs"]) for r in rows}, key=lambda s: (s[0], int(s[1])))


def group_key(row):
    """The runs a plot shows as one: a variant at one alpha and one setting
    (dropouts; the budget plot draws a group's budgets as one line)."""
    return row["variant"], "0" if row["variant"] == BASELINE else row["alpha"], setting_label({**row, "budget": ""})


def group_label(key, settings):
    """``ours_every2 alpha 3``, with the dropouts when the plot shows more than one setting."""
    variant, alpha, setting = key
    label = variant if variant == BASELINE else f"{variant} alpha {alpha}"
    return f"{label}, dropout {setting}" if len(settings) > 1 else label


def group_order(key):
    """The baseline first, then by variant, alpha and setting: legends and styles follow it."""
    variant, alpha, setting = key
    return variant != BASELINE, variant, float(alpha), setting


BASELINE_MARKERS = ["s", "o", "^", "D", "v", "P", "X", "*"]


def group_styles(rows):
    """``{group key: (colour, marker)}`` in ``group_order``: baselines black, one
    marker per setting; the others a colour per variant and alpha, so a way
    reads the same in every panel whatever dropout each slice tuned it to,
    and from the way's own marker on, the first one its colour has not
    taken, so no two groups look alike."""
    styles, used, baselines, ways = {}, set(), 0, {}
    for key in sorted({group_key(r) for r in rows}, key=group_order):
        if key[0] == BASELINE:
            styles[key] = ("black", BASELINE_MARKERS[baselines % len(BASELINE_MARKERS)])
            baselines += 1
            continue
        way = ways.setdefault(key[:2], len(ways))
        colour = COLOURS[way % len(COLOURS)]
        candidates = [MARKERS[(way + i) % len(MARKERS)] for i in range(len(MARKERS))]
        marker = next((m for m in candidates if (colour, m) not in used), candidates[0])
        styles[key] = (colour, marker)
        used.add(styles[key])
    return styles


def setting_note(rows):
    """The one setting all rows share, for a title (``dropout 0.3``); empty when they differ."""
    settings = {setting_label(r) for r in rows}
    return f", dropout {settings.pop()}" if len(settings) == 1 else ""


def shared_legend(fig, axes, ncol):
    """One legend for all panels, below them: the groups of every panel, each once."""
    entries = {}
    for ax in axes:
        for handle, label in zip(*ax.get_legend_handles_labels()):
            entries.setdefault(label, handle)
    fig.legend(entries.values(), entries.keys(), loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=ncol,
               fontsize=8, frameon=False)  # fmt: skip


def plot_curves(curves, rows, out):
    """Validation loss per epoch (best epochs starred) and test BLEU per run."""
    plt = pyplot()
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    for label, log in curves:
        epochs, losses = zip(*valid_curve(log))
        best = min(range(len(losses)), key=lambda i: (losses[i], i))
        (line,) = left.plot(epochs, losses, label=label)
        left.plot([epochs[best]], [losses[best]], "*", ms=14, color=line.get_color())
    left.set(xlabel="epoch", ylabel="valid loss (label-smoothed, base 2)", title="validation loss (star: best epoch)")
    left.legend()
    names = [f"{r['variant']} s{r['seed']}" if r["variant"] == "baseline"
             else f"{r['variant']} a{r['alpha']} s{r['seed']}" for r in rows]  # fmt: skip
    bars = right.bar(names, [float(r["test_bleu"]) for r in rows])
    right.bar_label(bars, fmt="%.1f")
    right.set(ylabel="test sacreBLEU", title="test BLEU of the best checkpoint")
    right.tick_params(axis="x", rotation=30)
    fig.tight_layout()
    fig.savefig(out, dpi=110)


def plot_perplexity_curves(curves, out):
    """Validation perplexity per epoch, the best epoch of each run starred."""
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for label, log in curves:
        points = valid_curve(log)
        if not points:
            fail(f"{log}: no validation record")
        epochs, losses = zip(*points)
        ppl = [2**loss for loss in losses]  # fairseq logs language-model losses in base 2
        best = min(range(len(ppl)), key=lambda i: (ppl[i], i))
        (line,) = ax.plot(epochs, ppl, label=label)
        ax.plot([epochs[best]], [ppl[best]], "*", ms=14, color=line.get_color())
    ax.set(xlabel="epoch", ylabel="validation perplexity", title="validation perplexity (star: best epoch)",
           yscale="log")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out, dpi=110)


def plot_gain(rows, out):
    """R-Drop's mean test BLEU gain over the baseline against the training
    pairs: a line per corpus (its own line style) and group (its look)."""
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(7.5, 4.5))
    styles = group_styles(rows)
    settings = {key[2] for key in styles}
    lines = {}
    for g in summarize_quality(rows):
        if g["variant"] in GAIN_VARIANTS and not math.isnan(g["gain"]):
            lines.setdefault((g["corpus"], (g["variant"], g["alpha"], g["setting"])), []).append(g)
    corpora = sorted({corpus for corpus, _ in lines})
    for (corpus, key), groups in sorted(lines.items(), key=lambda item: (item[0][0], group_order(item[0][1]))):
        groups.sort(key=lambda g: int(g["pairs"]))
        colour, marker = styles[key]
        ax.errorbar([int(g["pairs"]) for g in groups], [g["gain"] for g in groups],
                    yerr=[0 if math.isnan(g["bleu_std"]) else g["bleu_std"] for g in groups], color=colour,
                    marker=marker, ls=["-", "--", ":", "-."][corpora.index(corpus) % 4], capsize=3, ms=7,
                    label=f"{corpus}: {group_label(key, settings)}")  # fmt: skip
    ax.axhline(0, color="grey", lw=0.8)
    ax.set_xscale("log")
    pairs = sorted({int(g["pairs"]) for groups in lines.values() for g in groups})
    ax.set_xticks(pairs, [f"{p:,}" for p in pairs])
    ax.minorticks_off()
    ax.set(xlabel="training sentence pairs (log scale)", ylabel="test BLEU gain over the baseline (sacreBLEU points)",
           title=f"R-Drop's gain at convergence vs training data{setting_note(rows)}\n"
                 "error bars: std of the test BLEU over seeds")  # fmt: skip
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    save(fig, out, bbox_inches="tight")


def plot_by_slice(rows, out, title, height, draw):
    """One panel per slice, each drawn by DRAW(ax, the slice's rows, look),
    under one legend; LOOK(group key) gives the group's colour, marker and label."""
    plt = pyplot()
    chosen = slices(rows)
    styles = group_styles(rows)
    settings = {key[2] for key in styles}

    def look(key):
        colour, marker = styles[key]
        return {"color": colour, "marker": marker, "label": group_label(key, settings)}

    fig, axes = plt.subplots(1, len(chosen), figsize=(6 * len(chosen), height), squeeze=False)
    for ax, (corpus, pairs) in zip(axes[0], chosen):
        in_slice = [r for r in rows if (r["corpus"], r["pairs"]) == (corpus, pairs)]
        draw(ax, in_slice, look)
        ax.set_title(f"{corpus}, {pairs} training pairs{setting_note(in_slice)}")
        ax.grid(alpha=0.3)
    fig.suptitle(title)
    fig.tight_layout()
    shared_legend(fig, axes[0], ncol=3)
    save(fig, out, bbox_inches="tight")


def plot_cost(rows, out):
    """Test BLEU against total training minutes, one panel per slice: a small
    mark per run, a large one at each group's mean, in the group's look."""

    def draw(ax, in_slice, look):
        groups = {}
        for r in in_slice:
            groups.setdefault(group_key(r), []).append((float(r["train_minutes"]), float(r["test_bleu"])))
        for key in sorted(groups, key=group_order):
            minutes, bleu = zip(*groups[key])
            style = look(key)
            ax.scatter(minutes, bleu, s=18, marker=style["marker"], color=style["color"], alpha=0.45)
            ax.scatter([sum(minutes) / len(minutes)], [sum(bleu) / len(bleu)], s=90, edgecolors="black",
                       linewidths=0.6, **style)  # fmt: skip
        ax.set(xlabel="training minutes per run (one thread; minutes vary with machine load)",
               ylabel="test BLEU (sacreBLEU)")  # fmt: skip

    plot_by_slice(rows, out, "Test BLEU against training time: small marks are runs, large marks the mean over seeds",
                  4.5, draw)  # fmt: skip


def plot_frontier(rows, out):
    """Share of ours' gain against relative compute, one panel per slice, one
    point per group in the group's look; the target region is shaded."""

    def draw(ax, in_slice, look):
        points = [g for g in frontier(in_slice)
                  if not (math.isnan(g["gain_share"]) or math.isnan(g["relative_compute"]))]  # fmt: skip
        x_high = max([TARGET_COMPUTE * 1.5] + [g["relative_compute"] * 1.08 for g in points])
        y_low = min([-10.0] + [g["gain_share"] - 10 for g in points])
        y_high = max([120.0] + [g["gain_share"] + 10 for g in points])
        ax.axvspan(0, TARGET_COMPUTE, ymin=(TARGET_SHARE - y_low) / (y_high - y_low), color="tab:green", alpha=0.12,
                   label=f"target: >= {TARGET_SHARE:.0f}% of the gain at <= {TARGET_COMPUTE}x compute")  # fmt: skip
        ax.axvline(TARGET_COMPUTE, color="tab:green", ls="--", lw=0.8)
        ax.axhline(TARGET_SHARE, color="tab:green", ls="--", lw=0.8)
        for g in sorted(points, key=lambda g: group_order((g["variant"], g["alpha"], g["setting"]))):
            ax.scatter([g["relative_compute"]], [g["gain_share"]], s=70, edgecolors="black", linewidths=0.6,
                       **look((g["variant"], g["alpha"], g["setting"])))  # fmt: skip
            ax.annotate(str(g["seeds"]), (g["relative_compute"], g["gain_share"]), fontsize=6, xytext=(5, -3),
                        textcoords="offset points", color="dimgray")  # fmt: skip
        ax.set(xlim=(0, x_high), ylim=(y_low, y_high), xlabel="relative compute (plain updates, the baseline's = 1x)",
               ylabel="share of ours' gain (% of the test BLEU gain, same seeds)")  # fmt: skip
        if not points:
            ax.text(0.5, 0.5, "no run with a known gain share and compute", ha="center", transform=ax.transAxes)

    plot_by_slice(rows, out, "R-Drop's gain against its compute (small number beside a point: its seeds)", 4.8, draw)


def plot_budget(rows, out):
    """Test BLEU against the compute budget, one panel per slice: a line per
    group over the budgets it trained to (error bars: std over seeds) and,
    hollow, the tuned baseline and tuned R-Drop at convergence at their
    relative compute."""

    def draw(ax, in_slice, look):
        lines = {}
        for g in budget_lines(in_slice):
            lines.setdefault(group_key(g["run"]), []).append(g)
        for key in sorted(lines, key=group_order):
            points = lines[key]
            ax.errorbar([g["budget"] for g in points], [g["bleu_mean"] for g in points],
                        yerr=[0 if math.isnan(g["bleu_std"]) else g["bleu_std"] for g in points], capsize=3, ms=7,
                        **look(key))  # fmt: skip
        converged = at_convergence(in_slice)
        for t in tuned_comparison(in_slice, ("corpus", "pairs"), "valid_bleu", True, "test_bleu"):
            key = (t["variant"], "0" if t["variant"] == BASELINE else t["alpha"], t["setting"])
            members = [r for r in converged if group_key(r) == key]
            x = statistics.fmean(budget_multiple(in_slice, r) for r in members) if members else math.nan
            if t["role"] == "no-KL control" or math.isnan(x):
                continue
            style = look(key)
            ax.scatter([x], [t["mean"]], s=110, marker=style["marker"], facecolors="none", edgecolors=style["color"],
                       linewidths=1.5, label=f"{t['role']} at convergence (tuned)")
        ax.set(xlabel="compute budget (plain updates, the converged tuned baseline's = 1x)",
               ylabel="test BLEU (sacreBLEU)")  # fmt: skip

    plot_by_slice(rows, out, "What each compute budget buys: lines trained to a budget (learning rate to zero at its "
                  "end), hollow marks at convergence", 4.8, draw)  # fmt: skip
