#!/usr/bin/env python3
"""Summaries of raw CNN/DailyMail articles with a fine-tuned BART checkpoint.

fairseq's BART CNN/DM inference (examples/bart/summarize.py, which the R-Drop
authors' run_inference.py repeats): the hub interface GPT-2-BPE-encodes each
raw article, truncates it to the model's positions, decodes with beam 4,
length penalty 2.0, max_len_b 140, min_len 55, no_repeat_ngram_size 3 and a
forced <s> first token, and detokenizes the best hypothesis. One summary a line,
in input order; the output is written under a temporary name, then renamed.

    summarize.py --checkpoint checkpoints/cnndm/checkpoint_best.pt \\
        --data-bin data/cnndm/bin --encoder-json encoder.json --vocab-bpe vocab.bpe \\
        --src test.source --out test.hypo
"""

import argparse
import os
import sys
from pathlib import Path

from rdrop_tools.files import atomic_write, fail, read_lines

REPO = Path(__file__).resolve().parents[2]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--checkpoint", required=True)
    parser.add_argument("--data-bin", required=True, help="folder with dict.source.txt")
    parser.add_argument("--encoder-json", required=True)
    parser.add_argument("--vocab-bpe", required=True)
    parser.add_argument("--src", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--lenpen", type=float, default=2.0)
    parser.add_argument("--max-len-b", type=int, default=140)
    parser.add_argument("--min-len", type=int, default=55)
    parser.add_argument("--no-repeat-ngram-size", type=int, default=3)
    parser.add_argument("--cpu", action="store_true", help="decode on the CPU even with CUDA")
    parser.add_argument("--fp32", action="store_true", help="no half precision on the GPU")
    args = parser.parse_args(argv)
    for path in [args.checkpoint, args.encoder_json, args.vocab_bpe, args.src]:
        if not os.path.isfile(path):
            fail(f"no such file: {path}")
    if not os.path.isfile(os.path.join(args.data_bin, "dict.source.txt")):
        fail(f"no dict.source.txt in {args.data_bin}")

    import torch
    from fairseq.models.bart import BARTModel

    checkpoint = Path(args.checkpoint).resolve()
    bart = BARTModel.from_pretrained(
        str(checkpoint.parent),
        checkpoint_file=checkpoint.name,
        data_name_or_path=str(Path(args.data_bin).resolve()),
        bpe="gpt2",
        gpt2_encoder_json=str(Path(args.encoder_json).resolve()),
        gpt2_vocab_bpe=str(Path(args.vocab_bpe).resolve()),
        # the plugin also lets BART models from hydra configs load
        user_dir=str(REPO / "rdrop_fairseq"),
    )
    bart.eval()
    if torch.cuda.is_available() and not args.cpu:
        bart.cuda()
        if not args.fp32:
            bart.half()
    settings = dict(
        beam=args.beam,
        lenpen=args.lenpen,
        max_len_b=args.max_len_b,
        min_len=args.min_len,
        no_repeat_ngram_size=args.no_repeat_ngram_size,
    )

    articles = [line.strip() for line in read_lines(args.src)]
    with atomic_write(args.out) as fout, torch.no_grad():
        for start in range(0, len(articles), args.batch_size):
            for summary in bart.sample(articles[start : start + args.batch_size], **settings):
                # a summary is one line of the output file
                fout.write(" ".join(summary.split()) + "\n")
            print(f"summarized {min(start + args.batch_size, len(articles))}/{len(articles)}",
                  file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
