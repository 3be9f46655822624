#!/usr/bin/env python3
"""A small-scale R-Drop study on a binarized dataset: sweep alpha (paper
Table 7), the every-K schedule (Section 4.2) and per-copy dropout pairs
(Section 4.4), train each setting with the same fairseq flags, and write a
results table (valid loss, and test sacreBLEU with ``--bleu``).

    python scripts/rdrop_study.py data-bin/x --alphas 0,1,3,5 --every-k 1,2 \\
        --dropouts 0.3,0.3 0.1,0.3 --out study --bleu sentencepiece -- \\
        --arch transformer_iwslt_de_en --optimizer adam --lr 5e-4 --max-tokens 4096 --max-update 20000

``--bleu POST_PROCESS`` decodes the test split (beam 5) with fairseq-generate's
``--post-process POST_PROCESS`` (the data's BPE: ``sentencepiece``,
``subword_nmt``; ``none`` for word-level data), so BLEU is computed on words,
not subword pieces: the ``D-`` lines against the raw references of
``--references``, or else against fairseq's own post-processed targets.

Everything after ``--`` goes to every ``fairseq-train`` run unchanged. A
baseline (plain ``label_smoothed_cross_entropy``) row is added unless
``--no-baseline``. Results go to ``OUT/results.md`` and ``OUT/results.tsv``.
"""

import argparse
import itertools
import subprocess
import sys
from pathlib import Path

from bleu import score_generate_output
from rdrop_tools.fairseq_logs import generate_outputs, read_training_log
from rdrop_tools.files import atomic_write, fail, write_lines
from rdrop_tools.tables import markdown_table

USER_DIR = str(Path(__file__).resolve().parents[1] / "rdrop_fairseq")


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


def last_record(series, kind):
    """The last ``kind`` record of a read training log ({} if none)."""
    return series[kind][-1][2] if series.get(kind) else {}


def test_bleu(data, checkpoint, post_process, references, fairseq_args, out):
    """sacreBLEU of beam-5 translations of the test split, on post-processed text."""
    gen = subprocess.run(
        [sys.executable, "-m", "fairseq_cli.generate", data, "--user-dir", USER_DIR,
         "--path", checkpoint, "--gen-subset", "test", "--beam", "5", "--batch-size", "64",
         "--post-process", post_process, *fairseq_args],
        capture_output=True, text=True,
    )  # fmt: skip
    Path(out).write_text(gen.stdout)
    if gen.returncode != 0:
        fail(f"fairseq-generate failed on {checkpoint}: {gen.stderr.strip().splitlines()[-1:]}")
    if references is None:  # fairseq's targets, post-processed like the hypotheses
        targets = generate_outputs(out, "T")
        references = Path(out).with_suffix(".ref")
        write_lines(references, [targets[i] for i in sorted(targets)])
    return score_generate_output(out, references, metric="sacrebleu", detok="none")[0]


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    split = argv.index("--") if "--" in argv else len(argv)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data")
    parser.add_argument("--alphas", type=lambda s: s.split(","), default=["5"])
    parser.add_argument("--every-k", type=lambda s: s.split(","), default=["1"])
    parser.add_argument("--dropouts", nargs="*", help="per-copy pairs, e.g. 0.1,0.3")
    parser.add_argument("--out", default="study")
    parser.add_argument("--bleu", metavar="POST_PROCESS",
                        help="also score the test split, undoing this BPE first (sentencepiece, subword_nmt, none)")
    parser.add_argument("--references", help="raw test references for --bleu (default: fairseq's targets)")
    parser.add_argument("--generate-args", default="", help="extra fairseq-generate flags")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args(argv[:split])
    fairseq_args = argv[split + 1 :]
    if not Path(args.data).is_dir():
        fail(f"no binarized data folder {args.data}")
    if args.references and not Path(args.references).is_file():
        fail(f"no such references file: {args.references}")
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
        log = out / f"run{index}.log"
        log.write_text(proc.stdout + proc.stderr)
        if proc.returncode != 0:
            fail(f"run '{name}' failed, see {log}")
        series = read_training_log(log)
        valid, train = last_record(series, "valid"), last_record(series, "train")
        row = {
            "setting": name,
            "valid_loss": float(valid.get("valid_loss", "nan")),
            "updates": int(float(train.get("train_num_updates", 0))),
            "wall_s": float(train.get("train_wall", "nan")),
        }
        if args.bleu:
            row["test_bleu"] = test_bleu(args.data, run_dir / "checkpoint_best.pt", args.bleu, args.references,
                                         args.generate_args.split(), out / f"run{index}.generate.txt")
        rows.append(row)

    columns = list(rows[0])
    with atomic_write(out / "results.tsv") as f:
        f.write("\t".join(columns) + "\n")
        for row in rows:
            f.write("\t".join(str(row[c]) for c in columns) + "\n")
    table = markdown_table(columns, [[row[c] for c in columns] for row in rows], digits=3)
    with atomic_write(out / "results.md") as f:
        f.write(table + "\n")
    print(table)


if __name__ == "__main__":
    main()
