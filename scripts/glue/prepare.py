#!/usr/bin/env python3
"""One GLUE task's TSVs -> GPT-2 BPE -> fairseq binaries for RoBERTa fine-tuning.

Follows fairseq's ``examples/roberta/preprocess_GLUE_tasks.sh`` step for step
(same columns, header handling, QQP field filter, STS-B scaling), in one
process instead of cut/awk plus one fairseq-preprocess per field:

- drop the header (CoLA's train/dev have none), keep QQP train/dev rows with
  exactly 6 fields, cut the input column(s) and the label column;
- GPT-2 BPE each input line (stripped; empty lines kept) into BPE ids, as
  ``multiprocessing_bpe_encoder.py --keep-empty`` does;
- binarize ``input0`` (and ``input1``) with RoBERTa's ``dict.txt``
  (``fairseq-preprocess --only-source --srcdict dict.txt``), labels with
  their own dictionary (``--only-source``); STS-B scores are divided by 5
  and written as text (``label/{train,valid}.label``), not binarized.

Output: DEST/input0, [DEST/input1], DEST/label, as fairseq's
``sentence_prediction`` task reads them; ``valid`` is the dev set (MNLI:
``valid`` = dev_matched, ``valid1`` = dev_mismatched); ``test`` inputs are
binarized when the source has test TSVs. The BPE'd text stays in WORK.

    prepare.py --task RTE --source RTE.zip --encoder-json encoder.json \\
        --vocab-bpe vocab.bpe --dict dict.txt --work processed/ --dest RTE-bin/
"""

import argparse
import logging
import os
import sys
import zipfile
from dataclasses import dataclass

from rdrop_tools.files import fail, write_lines


@dataclass(frozen=True)
class Layout:
    """Where a task's fields are in its TSVs (0-based; fairseq's cut -f is 1-based)."""

    inputs: tuple  # input columns of train/dev
    test_inputs: tuple  # input columns of test (no label column there)
    label: int
    dev_label: int = None  # MNLI's dev label column differs from train's
    dev_splits: tuple = ("dev",)
    test_splits: tuple = ("test",)
    header: bool = True  # CoLA's train/dev have no header (its test has one)
    fields: int = None  # QQP: keep only train/dev rows with this many fields


TASKS = {
    "QQP": Layout(inputs=(3, 4), test_inputs=(1, 2), label=5, fields=6),
    "MNLI": Layout(
        inputs=(8, 9), test_inputs=(8, 9), label=11, dev_label=15,
        dev_splits=("dev_matched", "dev_mismatched"),
        test_splits=("test_matched", "test_mismatched"),
    ),  # fmt: skip
    "QNLI": Layout(inputs=(1, 2), test_inputs=(1, 2), label=3),
    "MRPC": Layout(inputs=(3, 4), test_inputs=(3, 4), label=0),
    "RTE": Layout(inputs=(1, 2), test_inputs=(1, 2), label=3),
    "STS-B": Layout(inputs=(7, 8), test_inputs=(7, 8), label=9),
    "SST-2": Layout(inputs=(0,), test_inputs=(1,), label=1),
    "CoLA": Layout(inputs=(3,), test_inputs=(1,), label=1, header=False),
}
REGRESSION = {"STS-B"}


class Source:
    """A task's TSV files, from a ``glue_data/TASK`` folder or the task's zip,
    whose split files are its shallowest ``*.tsv`` (``QNLI/dev.tsv`` in
    QNLIv2.zip; CoLA.zip also holds ``CoLA/original/*/*.tsv``)."""

    def __init__(self, path):
        self.path = path
        self.zip = None
        self.ambiguous = {}
        if os.path.isdir(path):
            self.names = {n: os.path.join(path, n) for n in os.listdir(path) if n.endswith(".tsv")}
            return
        try:
            self.zip = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as e:
            fail(f"cannot read {path}: {e}")
        found = {}  # file name -> its shallowest members
        for member in self.zip.namelist():
            base = member.rsplit("/", 1)[-1]
            if not base.endswith(".tsv") or base.startswith("._") or member.startswith("__MACOSX/"):
                continue
            depth = member.count("/")
            best = found.get(base, [])
            if not best or depth < best[0].count("/"):
                found[base] = [member]
            elif depth == best[0].count("/"):
                best.append(member)
        self.names = {base: members[0] for base, members in found.items()}
        self.ambiguous = {base: members for base, members in found.items() if len(members) > 1}

    def has(self, split):
        name = f"{split}.tsv"
        if name in self.ambiguous:
            fail(f"{self.path} holds several {name}: {', '.join(self.ambiguous[name])}")
        return name in self.names

    def lines(self, split):
        """The split's lines without their newline; only '\\n' ends a line,
        as for cut(1), so a stray '\\r' inside a field stays in its field."""
        name = self.names[f"{split}.tsv"]
        if self.zip:
            raw = self.zip.read(name)
        else:
            with open(name, "rb") as f:
                raw = f.read()
        text = raw.decode("utf-8")
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return lines


def column(fields, index):
    """``cut -f``: a missing field is empty; a line without any tab is
    printed whole by cut, which only happens for malformed rows."""
    if len(fields) == 1:
        return fields[0]
    return fields[index] if index < len(fields) else ""


def extract(task, layout, source, split, is_test):
    """(list of input columns, labels or None) of one split."""
    lines = source.lines(split)
    if layout.header or is_test:
        lines = lines[1:]
    rows = [line.split("\t") for line in lines]
    if layout.fields is not None and not is_test:
        rows = [r for r in rows if len(r) == layout.fields]
    cols = layout.test_inputs if is_test else layout.inputs
    inputs = [[column(r, c) for r in rows] for c in cols]
    if is_test:
        return inputs, None
    label_col = layout.dev_label if (split != "train" and layout.dev_label is not None) else layout.label
    return inputs, [column(r, label_col) for r in rows]


def stsb_label(score):
    """awk's ``print $1 / 5.0`` (OFMT %.6g)."""
    try:
        value = float(score or 0) / 5.0  # awk reads an empty field as 0
    except ValueError:
        fail(f"STS-B score {score!r} is not a number")
    return f"{value:.6g}"


def binarize(prefixes, destdir, workers, srcdict=None):
    """``fairseq-preprocess --only-source`` for train (+ valid, test) prefixes."""
    from fairseq import options
    from fairseq_cli import preprocess

    argv = ["--only-source", "--trainpref", prefixes["train"], "--destdir", destdir, "--workers", str(workers)]
    if prefixes.get("valid"):
        argv += ["--validpref", prefixes["valid"]]
    if prefixes.get("test"):
        argv += ["--testpref", prefixes["test"]]
    if srcdict:
        argv += ["--srcdict", srcdict]
    args = options.get_preprocessing_parser().parse_args(argv)
    try:
        preprocess.main(args)
    finally:  # main() adds a log file handler per call; keep each log to its own folder
        for handler in list(preprocess.logger.handlers):
            if isinstance(handler, logging.FileHandler):
                preprocess.logger.removeHandler(handler)
                handler.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--task", required=True, choices=sorted(TASKS))
    parser.add_argument("--source", required=True, help="glue_data/TASK folder or the task's zip")
    parser.add_argument("--encoder-json", required=True)
    parser.add_argument("--vocab-bpe", required=True)
    parser.add_argument("--dict", required=True, help="RoBERTa's (GPT-2 BPE) dict.txt")
    parser.add_argument("--work", required=True, help="folder for the extracted and BPE'd text")
    parser.add_argument("--dest", required=True, help="binarized output folder")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)

    task, layout = args.task, TASKS[args.task]
    for path in (args.encoder_json, args.vocab_bpe, args.dict):
        if not os.path.isfile(path):
            fail(f"{path} not found")
    source = Source(args.source)
    needed = ["train", *layout.dev_splits]
    missing = [f"{s}.tsv" for s in needed if not source.has(s)]
    if missing:
        fail(f"{args.source} has no {', '.join(missing)} for {task}")
    tests = [s for s in layout.test_splits if source.has(s)]
    if tests and len(tests) != len(layout.test_splits):
        tests = []  # an incomplete test set (MNLI) is left out, as it cannot be named consistently
    splits = needed + tests

    from fairseq.data.encoders.gpt2_bpe_utils import get_encoder

    bpe = get_encoder(args.encoder_json, args.vocab_bpe)
    os.makedirs(args.work, exist_ok=True)
    n_inputs = len(layout.inputs)
    for split in splits:
        inputs, labels = extract(task, layout, source, split, split in tests)
        for i, texts in enumerate(inputs):
            write_lines(os.path.join(args.work, f"{split}.raw.input{i}"), texts)
            # multiprocessing_bpe_encoder.py --keep-empty: strip, then BPE ids
            write_lines(
                os.path.join(args.work, f"{split}.input{i}"),
                (" ".join(map(str, bpe.encode(t.strip()))) for t in texts),
            )
        if labels is not None:
            write_lines(os.path.join(args.work, f"{split}.label"), labels)
        print(f"{task} {split}: {len(inputs[0])} examples", file=sys.stderr)

    def prefixes(key, with_test=True):
        return {
            "train": os.path.join(args.work, f"train.{key}"),
            "valid": ",".join(os.path.join(args.work, f"{s}.{key}") for s in layout.dev_splits),
            "test": ",".join(os.path.join(args.work, f"{s}.{key}") for s in tests) if with_test else "",
        }

    os.makedirs(args.dest, exist_ok=True)
    for i in range(n_inputs):
        key = f"input{i}"
        binarize(prefixes(key), os.path.join(args.dest, key), args.workers, srcdict=args.dict)
    label_dir = os.path.join(args.dest, "label")
    if task in REGRESSION:  # scores in [0, 1], read as text by sentence_prediction
        os.makedirs(label_dir, exist_ok=True)
        for split, name in (("train", "train"), ("dev", "valid")):
            with open(os.path.join(args.work, f"{split}.label"), encoding="utf-8") as f:
                scores = [(line.split() or [""])[0] for line in f]
            write_lines(os.path.join(label_dir, f"{name}.label"), map(stsb_label, scores))
    else:
        binarize(prefixes("label", with_test=False), label_dir, args.workers)


if __name__ == "__main__":
    main()
