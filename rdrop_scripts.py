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

QUALITY_COLUMNS = [
    "corpus", "pairs", "variant", "alpha", "seed", "test_bleu", "best_valid_loss",
    "epochs", "best_epoch", "updates", "train_minutes", "stopped_by",
]  # fmt: skip
QUALITY_KEY = ("corpus", "pairs", "variant", "alpha", "seed")  # one run; a rerun replaces its row
BASELINE = "baseline"


def read_quality_rows(csv_path):
    """The rows of a quality CSV as dicts of strings; [] if it does not exist yet."""
    if not Path(csv_path).exists():
        return []
    with open(csv_path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != QUALITY_COLUMNS:
            fail(f"{csv_path}: columns {reader.fieldnames} are not {QUALITY_COLUMNS}")
        return list(reader)


def write_quality_row(csv_path, row):
    """Add ROW, replacing an earlier row of the same run, and rewrite the file
    atomically: an interrupted write never loses earlier results."""
    row = {column: str(row[column]) for column in QUALITY_COLUMNS}
    rows = [r for r in read_quality_rows(csv_path) if any(r[k] != row[k] for k in QUALITY_KEY)] + [row]
    Path(csv_path).parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(csv_path) as f:
        writer = csv.DictWriter(f, fieldnames=QUALITY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _seed_key(row):
    return row["corpus"], row["pairs"], row["seed"]


def _baseline_runs(rows):
    """The baseline run of each (corpus, pairs, seed)."""
    return {_seed_key(r): r for r in rows if r["variant"] == BASELINE}


def _converged(stopped):
    return "yes" if stopped == ["patience"] else "no (" + ", ".join(stopped) + ")"


def summarize_quality(rows):
    """Mean and spread of test BLEU over seeds per (corpus, pairs, variant,
    alpha), with the gain and the minutes relative to the baseline runs of
    the same slice and seeds (seeds without a baseline run are left out of
    both). A group is converged only if every one of its runs stopped by
    patience."""
    import statistics

    groups = {}
    for row in rows:
        groups.setdefault(tuple(row[k] for k in QUALITY_KEY[:-1]), []).append(row)
    baseline_of = _baseline_runs(rows)
    summary = []
    for (corpus, pairs, variant, alpha), members in groups.items():
        bleu = [float(r["test_bleu"]) for r in members]
        # paired with the baseline runs of the same seeds: a seed's data
        # order and initialisation are shared by both, so is their luck
        paired = [(r, baseline_of[_seed_key(r)]) for r in members if _seed_key(r) in baseline_of]
        summary.append({
            "corpus": corpus, "pairs": pairs, "variant": variant, "alpha": alpha,
            "seeds": len(members),
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
                                          g["variant"], float(g["alpha"])))  # fmt: skip


def quality_runs_table(rows):
    """One line per run, with its BLEU difference to the same seed's baseline."""
    baseline_of = _baseline_runs(rows)
    lines = []
    for r in rows:
        base = baseline_of.get(_seed_key(r))
        diff = f"{float(r['test_bleu']) - float(base['test_bleu']):+.2f}" if base else "n/a"
        lines.append([r["corpus"], r["pairs"], r["variant"], r["alpha"], r["seed"], _converged([r["stopped_by"]]),
                      r["epochs"], r["best_epoch"], r["best_valid_loss"], r["test_bleu"], diff,
                      r["train_minutes"]])  # fmt: skip
    columns = ["corpus", "pairs", "variant", "alpha", "seed", "converged", "epochs", "best epoch",
               "best valid loss", "test BLEU", "vs baseline", "minutes"]  # fmt: skip
    return markdown_table(columns, lines)


def quality_summary_table(rows):
    """One line per (corpus, pairs, variant, alpha): BLEU mean +- std over seeds, gain, cost."""
    lines = []
    for g in summarize_quality(rows):
        spread = "" if math.isnan(g["bleu_std"]) else f" +- {g['bleu_std']:.2f}"
        lines.append([g["corpus"], g["pairs"], g["variant"], g["alpha"], g["seeds"], _converged(g["stopped_by"]),
                      f"{g['bleu_mean']:.2f}{spread}", "n/a" if math.isnan(g["gain"]) else f"{g['gain']:+.2f}",
                      f"{g['best_valid_loss']:.3f}", f"{g['epochs']:.0f}", f"{g['minutes']:.1f}",
                      "n/a" if math.isnan(g["cost"]) else f"{g['cost']:.1f}x"])  # fmt: skip
    columns = ["corpus", "pairs", "variant", "alpha", "seeds", "converged", "test BLEU (mean +- std)",
               "gain (same seeds)", "best valid loss", "epochs", "minutes", "minutes vs baseline"]  # fmt: skip
    return markdown_table(columns, lines)
