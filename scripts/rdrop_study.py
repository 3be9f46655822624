#!/usr/bin/env python3
"""A small-scale R-Drop study on a binarized dataset: sweep alpha (paper
Table 7), the every-K schedule (Section 4.2) and per-copy dropout pairs
(Section 4.4), train each setting with the same fairseq flags, and write a
results table (valid loss, and test BLEU with ``--bleu``).

    python scripts/rdrop_study.py data-bin/x --alphas 0,1,3,5 --every-k 1,2 \\
        --dropouts 0.3,0.3 0.1,0.3 --out study -- --arch transformer_iwslt_de_en \\
        --optimizer adam --lr 5e-4 --max-tokens 4096 --max-update 20000

Everything after ``--`` goes to every ``fairseq-train`` run unchanged. A
baseline (plain ``label_smoothed_cross_entropy``) row is added unless
``--no-baseline``. Results go to ``OUT/results.md`` and ``OUT/results.tsv``.
"""

import argparse
import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

USER_DIR = str(Path(__file__).resolve().parents[1] / "rdrop_fairseq")
RECORD = re.compile(r"\| (valid|train) \| (\{.*\})\s*$")


def settings(args):
    """(name, extra fairseq flags) for every run of the sweep."""
    runs = []
    if not args.no_baseline:
        runs.append(("baseline", ["--task", "translation", "--criterion", "label_smoothed_cross_entropy"]))
    for alpha, k, dropouts in itertools.product(args.alphas, args.every_k, args.dropouts or [None]):
        name = f"alpha={alpha} k={k}" + (f" dropouts={dropouts}" if dropouts else "")
        flags = ["--task", "rdrop_translation", "--criterion", "rdrop_label_smoothed_cross_entropy",
                 "--rdrop-alpha", alpha, "--rdrop-every-k", k]
        if dropouts:
            flags += ["--rdrop-dropouts", dropouts]
        runs.append((name, flags))
    return runs


def last_record(log, kind):
    records = [json.loads(m.group(2)) for m in map(RECORD.search, log.splitlines()) if m and m.group(1) == kind]
    return records[-1] if records else {}


def test_bleu(data, checkpoint, fairseq_args):
    """sacreBLEU of beam-5 translations of the test split (fairseq's own scorer)."""
    gen = subprocess.run(
        [sys.executable, "-m", "fairseq_cli.generate", data, "--user-dir", USER_DIR,
         "--path", checkpoint, "--gen-subset", "test", "--beam", "5", "--batch-size", "64",
         "--scoring", "sacrebleu", *fairseq_args],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    match = re.search(r"BLEU = ([\d.]+)", gen.stdout + gen.stderr)
    return float(match.group(1)) if match else float("nan")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    split = argv.index("--") if "--" in argv else len(argv)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data")
    parser.add_argument("--alphas", type=lambda s: s.split(","), default=["5"])
    parser.add_argument("--every-k", type=lambda s: s.split(","), default=["1"])
    parser.add_argument("--dropouts", nargs="*", help="per-copy pairs, e.g. 0.1,0.3")
    parser.add_argument("--out", default="study")
    parser.add_argument("--bleu", action="store_true", help="also score the test split")
    parser.add_argument("--generate-args", default="", help="extra fairseq-generate flags")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args(argv[:split])
    fairseq_args = argv[split + 1 :]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    rows = []
    for index, (name, flags) in enumerate(settings(args)):
        run_dir = out / f"run{index}"
        print(f"[{index + 1}] {name}", flush=True)
        proc = subprocess.run(
            [sys.executable, "-m", "fairseq_cli.train", args.data, "--user-dir", USER_DIR,
             "--save-dir", run_dir, "--log-format", "json", "--no-epoch-checkpoints",
             *map(str, flags), *fairseq_args],
            capture_output=True, text=True,
        )  # fmt: skip
        (out / f"run{index}.log").write_text(proc.stdout + proc.stderr)
        if proc.returncode != 0:
            sys.exit(f"rdrop_study: error: run '{name}' failed, see {out}/run{index}.log")
        valid, train = last_record(proc.stdout, "valid"), last_record(proc.stdout, "train")
        row = {
            "setting": name,
            "valid_loss": float(valid.get("valid_loss", "nan")),
            "updates": int(float(train.get("train_num_updates", 0))),
            "wall_s": float(train.get("train_wall", "nan")),
        }
        if args.bleu:
            row["test_bleu"] = test_bleu(args.data, run_dir / "checkpoint_best.pt", args.generate_args.split())
        rows.append(row)

    columns = list(rows[0])
    with open(out / "results.tsv", "w") as f:
        f.write("\t".join(columns) + "\n")
        for row in rows:
            f.write("\t".join(str(row[c]) for c in columns) + "\n")
    with open(out / "results.md", "w") as f:
        f.write("| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n")
        for row in rows:
            f.write("| " + " | ".join(f"{row[c]:.3f}" if isinstance(row[c], float) else str(row[c]) for c in columns) + " |\n")
    print((out / "results.md").read_text())


if __name__ == "__main__":
    main()
