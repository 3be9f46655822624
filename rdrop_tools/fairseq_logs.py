"""What fairseq prints: ``fairseq-generate`` output, training logs (json or
simple format), score files, and the summary of one training run."""

import json
import math
import re
from datetime import datetime
from pathlib import Path

from rdrop_tools.files import fail


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


def valid_curve(log_path):
    """[(epoch, valid loss)] of a training log, one point per epoch."""
    points = {int(float(r["epoch"])): float(r["valid_loss"])
              for _, _, r in read_training_log(log_path).get("valid", []) if "valid_loss" in r}  # fmt: skip
    return sorted(points.items())


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
