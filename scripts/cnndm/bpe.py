#!/usr/bin/env python3
"""GPT-2 BPE encoding of raw text files, line by line, for BART fine-tuning.

The encoding of fairseq's ``examples/roberta/multiprocessing_bpe_encoder.py``
(``--keep-empty``): each line is stripped and encoded with fairseq's GPT-2
byte-level BPE (``fairseq.data.encoders.gpt2_bpe_utils``) into
space-separated GPT-2 token ids; empty lines stay empty so sources and
targets stay aligned. Outputs are written under a temporary name and renamed
when complete.

    bpe.py --encoder-json encoder.json --vocab-bpe vocab.bpe \\
        --inputs train.source train.target --outputs train.bpe.source train.bpe.target
"""

import argparse
import importlib.util
import os
from multiprocessing import Pool
from pathlib import Path

from rdrop_tools.files import atomic_write, fail


def load_gpt2_bpe_utils():
    """fairseq's gpt2_bpe_utils module on its own: importing the fairseq
    package (models, tasks, criterions) costs seconds in every process,
    and this module needs nothing from it."""
    spec = importlib.util.find_spec("fairseq")
    if spec is None or not spec.submodule_search_locations:
        fail("fairseq is not installed for this Python")
    path = Path(spec.submodule_search_locations[0]) / "data" / "encoders" / "gpt2_bpe_utils.py"
    module_spec = importlib.util.spec_from_file_location("gpt2_bpe_utils", path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module


_ENCODER = None


def _init(encoder_json, vocab_bpe):
    global _ENCODER
    _ENCODER = load_gpt2_bpe_utils().get_encoder(encoder_json, vocab_bpe)


def _encode(line):
    line = line.strip()
    if not line:
        return ""
    return " ".join(map(str, _ENCODER.encode(line)))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--encoder-json", required=True)
    parser.add_argument("--vocab-bpe", required=True)
    parser.add_argument("--inputs", nargs="+", required=True)
    parser.add_argument("--outputs", nargs="+", required=True)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    if len(args.inputs) != len(args.outputs):
        parser.error("--inputs and --outputs need the same number of files")
    for path in [args.encoder_json, args.vocab_bpe, *args.inputs]:
        if not os.path.isfile(path):
            parser.error(f"no such file: {path}")

    initargs = (args.encoder_json, args.vocab_bpe)
    if args.workers > 1:
        pool = Pool(args.workers, initializer=_init, initargs=initargs)
        mapper = lambda lines: pool.imap(_encode, lines, chunksize=100)  # noqa: E731
    else:
        pool = None
        _init(*initargs)
        mapper = lambda lines: map(_encode, lines)  # noqa: E731
    try:
        for src, dst in zip(args.inputs, args.outputs):
            # only "\n" ends a line, as wc -l and fairseq-preprocess count them
            with open(src, encoding="utf-8", newline="\n") as fin, atomic_write(dst) as fout:
                for encoded in mapper(fin):
                    fout.write(encoded + "\n")
    finally:
        if pool is not None:
            pool.close()
            pool.join()


if __name__ == "__main__":
    main()
