"""The Python parts of ``gpu_check.sh``: synthetic corpus, a fairseq-train
wrapper that records peak GPU memory, and the markdown table of the runs.

    python benchmarks/gpu_check.py data DIR [--sentences 20000] [--words 8000]
    python benchmarks/gpu_check.py train RUN_DIR -- <fairseq-train arguments>
    python benchmarks/gpu_check.py table RUN_DIR [RUN_DIR ...] [--curve-at 10 50 100 150 200]

Each RUN_DIR is named ``<precision>-<variant>``; ``train`` writes
``run.json`` (exit status, peak ``torch.cuda.max_memory_allocated``) there,
and the caller keeps its output (fairseq's json log lines) as ``train.log``.
"""

import argparse
import json
import math
import random
import statistics
import sys
import traceback
from pathlib import Path

CURVE_AT = (10, 50, 100, 150, 200)


def make_corpus(dest, sentences, words, seed=1):
    """Random German-like source sentences (Zipfian word types) and a
    learnable target: each word mapped to its own target word, neighbours
    swapped in pairs, so a transformer's loss falls fast and steadily."""
    rng = random.Random(seed)
    weights = [1.0 / (rank + 1) for rank in range(words)]
    mapping = list(range(words))
    rng.shuffle(mapping)
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for split, count in (("train", sentences), ("valid", max(100, sentences // 100))):
        with open(dest / f"{split}.de", "w") as src, open(dest / f"{split}.en", "w") as tgt:
            for _ in range(count):
                ids = rng.choices(range(words), weights, k=rng.randint(4, 30))
                out = [mapping[i] for i in ids]
                for k in range(0, len(out) - 1, 2):
                    out[k], out[k + 1] = out[k + 1], out[k]
                src.write(" ".join(f"d{i}" for i in ids) + "\n")
                tgt.write(" ".join(f"e{i}" for i in out) + "\n")


def train(run_dir, args):
    """fairseq-train in this process, then its peak GPU memory."""
    import torch
    from fairseq_cli import train as fairseq_train

    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    sys.argv = ["fairseq-train", *args, "--log-format", "json"]
    status, error = 0, None
    try:
        fairseq_train.cli_main()
    except BaseException as exc:  # a failed run still gets its row in the table
        status, error = 1, "".join(traceback.format_exception_only(type(exc), exc)).strip()
        traceback.print_exc()
    peak = torch.cuda.max_memory_allocated() / 2**20 if torch.cuda.is_available() else None
    (run_dir / "run.json").write_text(json.dumps({"status": status, "error": error, "peak_mb": peak}))
    return status


def read_inner_logs(path):
    """fairseq's ``train_inner`` json records, in order."""
    records = []
    for line in Path(path).read_text().splitlines():
        if "| train_inner |" in line:
            records.append(json.loads(line.split("| train_inner |", 1)[1]))
    return records


def number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def summarize(run_dir):
    run_dir = Path(run_dir)
    precision, variant = run_dir.name.split("-", 1)
    run = json.loads((run_dir / "run.json").read_text()) if (run_dir / "run.json").exists() else {}
    records = read_inner_logs(run_dir / "train.log") if (run_dir / "train.log").exists() else []
    # fairseq's built-in criterion logs the NLL summed over both copies
    per_copy = 0.5 if variant == "builtin" else 1.0
    curve = {int(number(r["num_updates"])): per_copy * number(r["nll_loss"]) for r in records}
    scales = [number(r["loss_scale"]) for r in records if "loss_scale" in r]
    ups = [number(r["ups"]) for r in records[1:]]  # the first interval includes warm-up
    return {
        "precision": precision,
        "variant": variant,
        "status": run.get("status", 1),
        "error": run.get("error"),
        "updates": max(curve, default=0),
        "curve": curve,
        "finite": bool(curve) and all(math.isfinite(v) for v in curve.values())
        and all(math.isfinite(number(r["loss"])) for r in records),
        "scale_min": min(scales) if scales else None,
        "scale_last": scales[-1] if scales else None,
        "ms": 1000 / statistics.median(ups) if ups and statistics.median(ups) > 0 else None,
        "peak_mb": run.get("peak_mb"),
    }


def fmt(value, spec):
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else format(value, spec)


def table(run_dirs, curve_at=CURVE_AT):
    rows = [summarize(d) for d in run_dirs]
    lines = [
        "| precision | variant | updates | " + " | ".join(f"nll@{u}" for u in curve_at)
        + " | finite | loss scale min / last | ms / update | peak GPU MB |",
        "|---|---|---:|" + "---:|" * len(curve_at) + "---|---|---:|---:|",
    ]
    for r in rows:
        curve = " | ".join(fmt(r["curve"].get(u), ".2f") for u in curve_at)
        scale = "" if r["scale_min"] is None else f"{r['scale_min']:g} / {r['scale_last']:g}"
        if r["status"] != 0:
            finite = f"**failed**: {r['error'] or 'see its .out file'}"
        elif not r["curve"]:
            finite = "**no train_inner log**"
        else:
            finite = "yes" if r["finite"] else "**no**"
        lines.append(
            f"| {r['precision']} | {r['variant']} | {r['updates']} | {curve} | {finite} | {scale} "
            f"| {fmt(r['ms'], '.0f')} | {fmt(r['peak_mb'], '.0f')} |"
        )
    by_key = {(r["precision"], r["variant"]): r for r in rows}
    notes = []
    for precision in dict.fromkeys(r["precision"] for r in rows):
        ours = by_key.get((precision, "ours"))
        for other in ("builtin", "baseline_x2"):
            ref = by_key.get((precision, other))
            if ours and ref and ours["ms"] and ref["ms"] and ours["peak_mb"] and ref["peak_mb"]:
                notes.append(
                    f"- {precision}: ours / {other} = {ours['ms'] / ref['ms']:.2f}x time per update, "
                    f"{ours['peak_mb'] / ref['peak_mb']:.2f}x peak memory"
                )
    lines += ["", *notes] if notes else []
    lines += [
        "",
        "nll per copy in bits per target token as logged (train_inner; fairseq's built-in "
        "logs the sum over both copies, halved here); ms / update = 1000 / median of the "
        "logged updates per second after the first interval; peak = "
        "torch.cuda.max_memory_allocated over the run.",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    data = sub.add_parser("data")
    data.add_argument("dest")
    data.add_argument("--sentences", type=int, default=20000)
    data.add_argument("--words", type=int, default=8000)
    run = sub.add_parser("train")
    run.add_argument("run_dir")
    run.add_argument("fairseq_args", nargs=argparse.REMAINDER)
    tab = sub.add_parser("table")
    tab.add_argument("run_dirs", nargs="+")
    tab.add_argument("--curve-at", type=int, nargs="+", default=list(CURVE_AT), help="updates to show the loss at")
    args = parser.parse_args()
    if args.command == "data":
        make_corpus(args.dest, args.sentences, args.words)
    elif args.command == "train":
        extra = args.fairseq_args[1:] if args.fairseq_args[:1] == ["--"] else args.fairseq_args
        sys.exit(train(args.run_dir, extra))
    else:
        print(table(args.run_dirs, args.curve_at))


if __name__ == "__main__":
    main()
