"""Helpers shared by the project's command-line scripts (``scripts/``, ``benchmarks/``).

Reading fairseq training logs and ``fairseq-generate`` output, writing files
so that an interrupted run leaves nothing half-written, markdown tables, and
the one-line ``prog: error: ...`` exit.

Why a top-level module installed by ``setup.py`` (``py_modules``): every
script, in whatever folder it sits (``scripts/cnndm/...``, ``benchmarks/...``),
imports it by name, with no ``sys.path`` edits or loading of sibling files by
path. It is not part of ``rdrop_fairseq`` because importing that package
imports fairseq (seconds per process); this module needs the standard library
only.
"""

import csv
import io
import json
import math
import os
import re
import sys
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

# ---------------------------------------------------------------- errors and files


def fail(message, prog=None):
    """Stop with ``prog: error: message`` on one line and exit status 2 (as argparse)."""
    prog = prog or Path(sys.argv[0]).name
    print(f"{prog}: error: {message}", file=sys.stderr)
    sys.exit(2)


@contextmanager
def atomic_path(path):
    """Yield ``PATH.tmp`` to write; rename it to PATH only if the block succeeds.

    An interrupted or failing run removes the temporary file and leaves any
    earlier PATH untouched.
    """
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


@contextmanager
def atomic_write(path, mode="w"):
    """``open(PATH, mode)`` written through ``atomic_path``; text is UTF-8 with ``\\n`` line ends."""
    with atomic_path(path) as tmp:
        if "b" in mode:
            with open(tmp, mode) as f:
                yield f
        else:
            with open(tmp, mode, encoding="utf-8", newline="\n") as f:
                yield f


def read_lines(path):
    """The file's lines without their ``\\n``; only ``\\n`` ends a line (as ``wc -l``
    and fairseq-preprocess count them), so a stray ``\\r`` stays in its line."""
    with open(path, encoding="utf-8", newline="\n") as f:
        return [line.rstrip("\n") for line in f]


def write_lines(path, lines):
    """Write one line per item, atomically."""
    with atomic_write(path) as f:
        for line in lines:
            f.write(line + "\n")


def multi30k_dir():
    """The Multi30k folder of the benchmarks (``train.de.gz``, ``val.en.gz`` ...):
    ``$MULTI30K_DIR``, by default ``../shared/data/multi30k`` beside the
    repository. Fails with one line naming the variable when it is missing."""
    default = Path(__file__).resolve().parent.parent / "shared" / "data" / "multi30k"
    folder = Path(os.environ.get("MULTI30K_DIR") or default)
    if not (folder / "train.en.gz").is_file():
        fail(f"Multi30k not found in {folder} (no train.en.gz); set MULTI30K_DIR to the folder holding it")
    return folder


# ---------------------------------------------------------------- fairseq-generate output


def generate_outputs(path, kind="H"):
    """``{sentence id: text}`` of one kind of line of a ``fairseq-generate`` output.

    ``H``: the hypothesis after ``--post-process``/``--remove-bpe`` (still
    tokenized unless the data was never tokenized); ``D``: after also
    undoing ``--tokenizer``/``--bpe`` (detokenized). ``S``/``T``: source and target.
    """
    found = {}
    prefix = f"{kind}-"
    with open(path, encoding="utf-8", newline="\n") as f:
        for line in f:
            if line.startswith(prefix):
                tag, *fields = line.rstrip("\n").split("\t")
                if not tag[len(prefix) :].isdigit():
                    continue
                # H-/D- lines carry a score column before the text; S-/T- do not
                text = fields[-1] if len(fields) >= (2 if kind in ("H", "D") else 1) else ""
                found[int(tag[len(prefix) :])] = text
    return found


def ordered_outputs(path, count, kind="H"):
    """The ``kind`` lines for sentence ids ``0..count-1`` in order; fails (one line)
    unless the output has exactly one line for each of them."""
    found = generate_outputs(path, kind)
    missing = [i for i in range(count) if i not in found]
    if missing or len(found) != count:
        fail(
            f"{len(found)} hypotheses in {path} for {count} references "
            f"(first missing id: {missing[0] if missing else 'none'})"
        )
    return [found[i] for i in range(count)]


# ---------------------------------------------------------------- training logs

_LOG_LINE = re.compile(
    r"^(?P<stamp>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\s*\|\s*\w+\s*\|\s*"
    r"(?P<kind>train_inner|train|valid\w*)\s*\|\s*(?P<payload>.*?)\s*$"
)
_KEY_EQUALS_VALUE = re.compile(r"(\w+)=([^,\s]+)")
_NUMBER = re.compile(r"^-?[\d.]+(e[-+]?\d+)?$", re.I)


def _simple_record(kind, payload):
    """The record of a ``--log-format simple`` line, keyed as the json format keys it."""
    pairs = _KEY_EQUALS_VALUE.findall(payload)  # train_inner: "epoch 001:  20 / 30 loss=3.1, ..."
    if pairs:
        record = dict(pairs)
        epoch = re.match(r"epoch (\d+)", payload)
        if epoch:
            record.setdefault("epoch", str(int(epoch.group(1))))
        return record
    record = {}  # train/valid: "epoch 001 | valid on 'valid' subset | loss 3.0 | ... | num_updates 30"
    for field in payload.split(" | "):
        key, _, value = field.strip().partition(" ")
        if key == "epoch" and value.isdigit():
            record["epoch"] = str(int(value))
        elif _NUMBER.match(value.strip()):
            record[f"{kind}_{key}"] = value.strip()
    return record


def read_training_log(path):
    """``{kind: [(updates, seconds since the first record, record)]}`` of a
    fairseq-train log, kind being ``train_inner``, ``train``, ``valid`` (...).

    Reads ``--log-format json`` and ``--log-format simple`` lines alike (simple
    records get the json keys: ``valid_loss``, ``train_wall``...); values stay
    strings, as fairseq prints them.
    """
    series, start = {}, None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            match = _LOG_LINE.match(line.strip())
            if not match:
                continue
            kind, payload = match.group("kind"), match.group("payload")
            if payload.startswith("{"):
                try:
                    record = json.loads(payload)
                except json.JSONDecodeError:
                    continue
            else:
                record = _simple_record(kind, payload)
            updates = record.get("num_updates", record.get(f"{kind}_num_updates"))
            if updates is None:
                continue
            when = datetime.strptime(match.group("stamp"), "%Y-%m-%d %H:%M:%S")
            start = start or when
            series.setdefault(kind, []).append((int(float(updates)), (when - start).total_seconds(), record))
    return series


def stop_reason(log_text, max_epoch=None, epochs=None):
    """Why a fairseq-train run ended, from fairseq's own log messages:
    ``patience`` (early stopping: converged), ``time`` (``--stop-time-hours``),
    ``max_update``, ``max_epoch`` (EPOCHS reached the run's MAX_EPOCH) or ``?``."""
    if "early stop since valid performance" in log_text:
        return "patience"
    if "Stopping training due to cumulative_training_time" in log_text:
        return "time"
    if "Stopping training due to num_updates" in log_text:
        return "max_update"
    if max_epoch and epochs is not None and epochs >= max_epoch:
        return "max_epoch"
    return "?"


def run_summary(log_path, max_epoch=None):
    """The numbers a results table shows for one training run, from its log:
    best valid loss, updates, wall-clock seconds (fairseq's ``train_wall``),
    epochs, the epoch of the best valid loss, and why training stopped
    (``max_epoch``: the run's ``--max-epoch``, to recognise that reason)."""
    series = read_training_log(log_path)
    valid = [(float(r["valid_loss"]), int(float(r.get("epoch", 0)))) for _, _, r in series.get("valid", [])
             if "valid_loss" in r]  # fmt: skip
    best_loss, best_epoch = min(valid, default=(math.nan, 0))
    train = series.get("train", [])
    inner = series.get("train_inner", [])
    records = [r for kind in ("train", "valid") for _, _, r in series.get(kind, [])]
    epochs = max((int(float(r["epoch"])) for r in records if "epoch" in r), default=0)
    updates = train[-1][0] if train else max((u for u, _, _ in inner), default=0)
    return {
        "best valid loss": best_loss,
        "updates": updates,
        "train wall s": float(train[-1][2].get("train_wall", "nan")) if train else math.nan,
        "epochs": epochs,
        "best epoch": best_epoch,
        "stopped by": stop_reason(Path(log_path).read_text(encoding="utf-8", errors="replace"), max_epoch, epochs),
    }


_SCORE = re.compile(r"^\s*(?:\w*BLEU\s*=\s*)?(-?\d+(?:\.\d+)?)")


def read_score(path):
    """The score of a score file: ``12.34``, or the first number of a
    ``BLEU = 12.34, ...`` / ``sacreBLEU = 12.34 (...)`` line; NaN if none."""
    match = _SCORE.match(Path(path).read_text(encoding="utf-8"))
    return float(match.group(1)) if match else math.nan


# ---------------------------------------------------------------- tables


def format_cell(value, digits=2):
    """Floats with DIGITS decimals (NaN as ``n/a``), anything else as str."""
    if isinstance(value, float):
        return "n/a" if math.isnan(value) else f"{value:.{digits}f}"
    return str(value)


def markdown_table(columns, rows, digits=2):
    """A GitHub markdown table; ROWS are sequences in COLUMNS order."""
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(format_cell(v, digits) for v in row) + " |" for row in rows]
    return "\n".join(lines)


# ---------------------------------------------------------------- quality results (one CSV row per run)

# What a run varies from the small runner's defaults: every table and pairing
# keeps runs of different settings apart. Rows written before a setting had a
# column ran at its default.
SETTING_DEFAULTS = {"dropout": "0.3", "attention_dropout": "0", "activation_dropout": "0"}
SETTING_COLUMNS = list(SETTING_DEFAULTS)
QUALITY_COLUMNS = [
    "corpus", "pairs", "variant", "alpha", *SETTING_COLUMNS, "seed", "test_bleu", "valid_bleu", "best_valid_loss",
    "epochs", "best_epoch", "updates", "train_minutes", "stopped_by", "relative_compute",
]  # fmt: skip
# CSVs written before relative_compute, then before the settings and valid_bleu
_BEFORE_SETTINGS = [c for c in QUALITY_COLUMNS if c not in SETTING_COLUMNS and c != "valid_bleu"]
_OLDER_QUALITY_COLUMNS = [_BEFORE_SETTINGS, _BEFORE_SETTINGS[:-1]]
QUALITY_KEY = ("corpus", "pairs", "variant", "alpha", *SETTING_COLUMNS, "seed")  # one run; a rerun replaces its row
BASELINE = "baseline"
REFERENCE_VARIANT = "ours"  # R-Drop as the plugin trains it: the variant tuned against the baseline


def read_result_rows(csv_path, columns, older=(), defaults=None):
    """The rows of a results CSV (one row per run) as dicts of strings, with the
    header ``columns`` or one of the ``older`` headers (their missing columns
    read as their ``defaults``, else empty); [] if it does not exist yet."""
    if not Path(csv_path).exists():
        return []
    with open(csv_path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames not in (columns, *older):
            fail(f"{csv_path}: columns {reader.fieldnames} are not {columns}")
        missing = dict.fromkeys(c for c in columns if c not in reader.fieldnames)
        fill = {c: (defaults or {}).get(c, "") for c in missing}
        return [{column: fill[column] if column in fill else row.get(column) or "" for column in columns}
                for row in reader]  # fmt: skip


def read_quality_rows(csv_path):
    """The rows of the translation quality CSV. In a CSV from before a column,
    ``relative_compute`` and ``valid_bleu`` read empty and the settings as
    their defaults (the runs before them used the defaults)."""
    return read_result_rows(csv_path, QUALITY_COLUMNS, _OLDER_QUALITY_COLUMNS, SETTING_DEFAULTS)


@contextmanager
def _csv_lock(csv_path):
    """Hold an exclusive lock on the CSV's folder: every writer reads, changes
    and replaces the whole file, so two at once would lose one's rows. The
    folder, not the file: the file is replaced (a new inode) on each write."""
    import fcntl

    fd = os.open(Path(csv_path).parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _write_result_rows(csv_path, rows, columns):
    """Rewrite the CSV atomically (an interrupted write never loses earlier
    results), and only if its text changes."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({column: str(row.get(column, "")) for column in columns} for row in rows)
    path = Path(csv_path)
    if path.exists() and path.read_text(encoding="utf-8") == text.getvalue():
        return
    with atomic_write(path) as f:
        f.write(text.getvalue())


def write_result_row(csv_path, row, columns, key, optional=(), older=(), defaults=None):
    """Add ROW to a results CSV, replacing an earlier row of the same run (the
    same ``key`` columns); columns in ``optional`` may be left out (empty),
    those in ``defaults`` too (their default)."""
    defaults = defaults or {}
    row = {column: str(row[column] if column in row else defaults[column] if column in defaults
                       else "" if column in optional else row[column]) for column in columns}  # fmt: skip
    Path(csv_path).parent.mkdir(parents=True, exist_ok=True)
    with _csv_lock(csv_path):
        rows = read_result_rows(csv_path, columns, older, defaults)
        rows = [r for r in rows if any(r[k] != row[k] for k in key)] + [row]
        _write_result_rows(csv_path, rows, columns)


def write_quality_row(csv_path, row):
    """Add ROW, replacing an earlier row of the same run. ``relative_compute``
    may be left out: it depends on other runs (the same seed's baseline may
    finish later), so ``refresh_relative_compute`` fills it from the whole CSV;
    ``valid_bleu`` too (empty), and the settings (their defaults)."""
    write_result_row(csv_path, row, QUALITY_COLUMNS, QUALITY_KEY, ("relative_compute", "valid_bleu"),
                     _OLDER_QUALITY_COLUMNS, SETTING_DEFAULTS)  # fmt: skip


# ---------------------------------------------------------------- alpha, chosen on validation


def alpha_choice(rows, slice_keys):
    """Per slice (``slice_keys`` of a row) and R-Drop variant run with more
    than one alpha: each alpha's mean best validation loss over the seeds that
    every alpha of that variant has (so no alpha wins by its seeds), and the
    one with the lowest: the choice on validation, before any test score is read.
    Rows of the baseline take no alpha and are left out."""
    import statistics

    groups = {}
    for row in rows:
        if row["variant"] != BASELINE:
            key = tuple(row[k] for k in slice_keys) + (row["variant"],)
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
        for alpha in sorted(losses):
            choices.append({**dict(zip(slice_keys, key)), "variant": key[-1], "alpha": alpha, "seeds": seeds,
                            "best_valid_loss": losses[alpha], "chosen": alpha == chosen})  # fmt: skip
    return choices


def alpha_choice_table(rows, slice_keys):
    """``alpha_choice`` as a markdown table; empty when no variant ran two alphas."""
    choices = alpha_choice(rows, slice_keys)
    if not choices:
        return ""
    columns = [*slice_keys, "variant", "alpha", "seeds", "best valid loss (mean)", "lowest"]
    lines = [[*(c[k] for k in slice_keys), c["variant"], f"{c['alpha']:g}", " ".join(c["seeds"]),
              f"{c['best_valid_loss']:.3f}", "yes" if c["chosen"] else ""] for c in choices]  # fmt: skip
    return markdown_table(columns, lines)


# ---------------------------------------------------------------- settings chosen on validation, the tuned comparison

CHOICE_SEED = "1"  # settings are chosen on this seed's validation set; the other seeds only confirm


def _settings(row):
    return tuple(row[c] for c in SETTING_COLUMNS)


def is_no_kl(row):
    """R-Drop's duplicated batch without the consistency term: the control for seeing each sentence twice."""
    return row["variant"] != BASELINE and float(row["alpha"]) == 0


def setting_choice(rows, slice_keys, score_column, higher_is_better, seed=CHOICE_SEED):
    """Per slice (``slice_keys``) and variant: every (alpha, setting) run on
    ``seed`` with a ``score_column`` (validation BLEU for translation, best
    validation loss for language models), and the best of them: the choice
    made on validation, before any test score is read. The no-KL control
    (alpha 0) is no R-Drop candidate: it follows R-Drop's choice.
    Returns dicts with the slice keys, variant, alpha, settings (a dict),
    score, chosen and the number of candidates."""
    groups = {}
    for row in rows:
        if row["seed"] != seed or not row[score_column] or is_no_kl(row):
            continue
        key = tuple(row[k] for k in slice_keys) + (row["variant"],)
        groups.setdefault(key, []).append(row)
    choices = []
    for key, candidates in groups.items():
        candidates.sort(key=lambda r: (float(r["alpha"]), *map(float, _settings(r))))
        sign = -1 if higher_is_better else 1
        best = min(candidates, key=lambda r: sign * float(r[score_column]))
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
    setting, with 0 choices tried (not tuned).
    """
    import statistics

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
            paired = [float(members[s][test_column]) - float(base_runs[s][test_column])
                      for s in sorted(members, key=int) if s in base_runs]  # fmt: skip
            better = [d > 0 if higher_is_better else d < 0 for d in paired]
            lines.append({**dict(zip(slice_keys, slice_key)), "role": role, "variant": variant,
                          "alpha": choice["alpha"], "setting": setting_label({**members[min(members, key=int)]}),
                          "seeds": len(members), "mean": statistics.fmean(scores),
                          "std": statistics.stdev(scores) if len(scores) > 1 else math.nan,
                          "change": statistics.fmean(paired) if paired and variant != BASELINE else math.nan,
                          "relative_change": statistics.fmean(
                              d / float(base_runs[s][test_column]) for d, s in zip(paired, sorted(members, key=int)))
                          if paired and variant != BASELINE else math.nan,
                          "ahead": f"{sum(better)}/{len(paired)}" if variant != BASELINE else "",
                          "candidates": choice["candidates"]})  # fmt: skip
    return lines


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


# ---------------------------------------------------------------- compute in plain updates

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
    compute in plain updates over the updates of the same corpus, pairs and
    seed's baseline run; empty when that baseline or a step cost is missing."""
    baseline_of = _baseline_runs(rows)
    values = []
    for row in rows:
        base, base_updates = baseline_of.get(_seed_key(row)), None
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
    with _csv_lock(csv_path):
        rows = read_quality_rows(csv_path)
        for row, value in zip(rows, relative_compute(rows, costs)):
            row["relative_compute"] = value
        if rows:
            _write_result_rows(csv_path, rows, QUALITY_COLUMNS)
    return rows


def _seed_key(row):
    """A seed of a slice at one setting: a run is paired with the baseline of the same key."""
    return (row["corpus"], row["pairs"], *(row[c] for c in SETTING_COLUMNS), row["seed"])


def setting_label(row):
    """The run's dropout, with attention and activation dropout where they are not 0: ``0.3 (0.1, 0.1)``."""
    extra = [row[c] for c in SETTING_COLUMNS[1:]]
    return row["dropout"] + (f" ({', '.join(extra)})" if any(float(v) for v in extra) else "")


SETTING_HEADER = "dropout (attn, act)"


def _baseline_runs(rows):
    """The baseline run of each (corpus, pairs, setting, seed)."""
    return {_seed_key(r): r for r in rows if r["variant"] == BASELINE}


def _converged(stopped):
    return "yes" if stopped == ["patience"] else "no (" + ", ".join(stopped) + ")"


def summarize_quality(rows):
    """Mean and spread of test BLEU over seeds per (corpus, pairs, variant,
    alpha, setting), with the gain and the minutes relative to the baseline
    runs of the same slice, setting and seeds (seeds without a baseline run
    are left out of both). A group is converged only if every one of its runs
    stopped by patience."""
    import statistics

    groups = {}
    for row in rows:
        groups.setdefault(tuple(row[k] for k in QUALITY_KEY[:-1]), []).append(row)
    baseline_of = _baseline_runs(rows)
    summary = []
    for (corpus, pairs, variant, alpha, *_), members in groups.items():
        bleu = [float(r["test_bleu"]) for r in members]
        # paired with the baseline runs of the same seeds: a seed's data
        # order and initialisation are shared by both, so is their luck
        paired = [(r, baseline_of[_seed_key(r)]) for r in members if _seed_key(r) in baseline_of]
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
            "cost": sum(float(r["train_minutes"]) for r, _ in paired)
            / sum(float(b["train_minutes"]) for _, b in paired) if paired else math.nan,
        })  # fmt: skip
    return sorted(summary, key=lambda g: (g["corpus"], int(g["pairs"]), g["variant"] != BASELINE,
                                          g["variant"], float(g["alpha"]), g["setting"]))  # fmt: skip


def quality_runs_table(rows):
    """One line per run, with its BLEU difference to the same seed's baseline."""
    baseline_of = _baseline_runs(rows)
    lines = []
    for r in rows:
        base = baseline_of.get(_seed_key(r))
        diff = f"{float(r['test_bleu']) - float(base['test_bleu']):+.2f}" if base else "n/a"
        lines.append([r["corpus"], r["pairs"], r["variant"], r["alpha"], setting_label(r), r["seed"],
                      _converged([r["stopped_by"]]), r["epochs"], r["best_epoch"], r["best_valid_loss"],
                      r["valid_bleu"] or "-", r["test_bleu"], diff, r["train_minutes"]])  # fmt: skip
    columns = ["corpus", "pairs", "variant", "alpha", SETTING_HEADER, "seed", "converged", "epochs", "best epoch",
               "best valid loss", "valid BLEU", "test BLEU", "vs baseline", "minutes"]  # fmt: skip
    return markdown_table(columns, lines)


def quality_summary_table(rows):
    """One line per (corpus, pairs, variant, alpha, setting): BLEU mean +- std over seeds, gain, cost."""
    lines = []
    for g in summarize_quality(rows):
        spread = "" if math.isnan(g["bleu_std"]) else f" +- {g['bleu_std']:.2f}"
        lines.append([g["corpus"], g["pairs"], g["variant"], g["alpha"], g["setting"], g["seeds"],
                      _converged(g["stopped_by"]),
                      f"{g['bleu_mean']:.2f}{spread}", "n/a" if math.isnan(g["gain"]) else f"{g['gain']:+.2f}",
                      f"{g['best_valid_loss']:.3f}", f"{g['epochs']:.0f}", f"{g['minutes']:.1f}",
                      "n/a" if math.isnan(g["cost"]) else f"{g['cost']:.1f}x"])  # fmt: skip
    columns = ["corpus", "pairs", "variant", "alpha", SETTING_HEADER, "seeds", "converged", "test BLEU (mean +- std)",
               "gain (same seeds)", "best valid loss", "epochs", "minutes", "minutes vs baseline"]  # fmt: skip
    return markdown_table(columns, lines)


# ---------------------------------------------------------------- gain against compute

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
    the target. Per seed, because seeds differ in gain more than variants do."""
    import statistics

    baseline_of = _baseline_runs(rows)
    slices = {}
    for row in rows:
        slices.setdefault((row["corpus"], row["pairs"]), []).append(row)
    lines = []
    for (corpus, pairs), chosen in slices.items():
        alpha = _reference_alpha(chosen)
        reference_of = {_seed_key(r): r for r in chosen if r["variant"] == REFERENCE and float(r["alpha"]) == alpha}
        groups = {}
        for row in chosen:
            groups.setdefault((row["variant"], row["alpha"], setting_label(row)), []).append(row)
        for (variant, run_alpha, setting), members in groups.items():
            shares = []
            for r in members:
                base, ref = baseline_of.get(_seed_key(r)), reference_of.get(_seed_key(r))
                if base and ref:
                    reference_gain = float(ref["test_bleu"]) - float(base["test_bleu"])
                    if reference_gain:
                        gain = float(r["test_bleu"]) - float(base["test_bleu"])
                        shares.append(100 * gain / reference_gain)
            computes = [c for c in (_float_or_nan(r["relative_compute"]) for r in members) if not math.isnan(c)]
            update_ratios = [_updates_over_baseline(r, baseline_of.get(_seed_key(r))) for r in members]
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
                      _converged(g["stopped_by"]), "yes" if g["meets_target"] else "no"])  # fmt: skip
    columns = ["corpus", "pairs", "variant", "alpha", SETTING_HEADER, "seeds", "test BLEU (mean)", "gain share",
               "relative compute", "updates vs baseline", "converged", TARGET_COLUMN]  # fmt: skip
    return markdown_table(columns, lines)
