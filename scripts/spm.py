#!/usr/bin/env python3
"""Joint sentencepiece BPE for the shell pipelines (no toolkit to clone).

    spm.py train --model PREFIX --vocab-size N FILE [FILE ...]
    spm.py encode --model PREFIX.model < raw > pieces
"""
import argparse
import sys

import sentencepiece as spm


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    train = sub.add_parser("train")
    train.add_argument("--model", required=True, help="output prefix")
    train.add_argument("--vocab-size", type=int, default=8000)
    train.add_argument("inputs", nargs="+")
    encode = sub.add_parser("encode")
    encode.add_argument("--model", required=True)
    args = parser.parse_args()

    if args.command == "train":
        spm.SentencePieceTrainer.train(
            input=",".join(args.inputs),
            model_prefix=args.model,
            vocab_size=args.vocab_size,
            model_type="bpe",
            character_coverage=1.0,
            # fairseq adds its own specials; keep sentencepiece's out of the text
            bos_id=-1, eos_id=-1, unk_id=0, pad_id=-1,
            input_sentence_size=2_000_000, shuffle_input_sentence=True,
            minloglevel=2,
        )  # fmt: skip
    else:
        processor = spm.SentencePieceProcessor(model_file=args.model)
        for line in sys.stdin:
            print(" ".join(processor.encode(line.rstrip("\n"), out_type=str)))


if __name__ == "__main__":
    main()
