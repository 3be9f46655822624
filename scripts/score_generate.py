#!/usr/bin/env python3
"""sacreBLEU of a ``fairseq-generate`` output against raw references.

Takes the detokenized hypotheses (``D-`` lines, i.e. after
``--post-process``) in sentence-id order, checks that every reference got
one, writes them to ``--hyp-out`` and prints the score.

    score_generate.py generate.log test.en [--hyp-out test.hyp]
"""

import argparse
import sys

import sacrebleu


def hypotheses(lines):
    """{sentence id: detokenized hypothesis} from fairseq-generate's output."""
    found = {}
    for line in lines:
        if line.startswith("D-"):
            tag, _score, *text = line.rstrip("\n").split("\t")
            found[int(tag[2:])] = text[0] if text else ""
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("generate_log")
    parser.add_argument("references")
    parser.add_argument("--hyp-out")
    args = parser.parse_args(argv)
    with open(args.generate_log, encoding="utf-8") as f:
        hyps = hypotheses(f)
    with open(args.references, encoding="utf-8") as f:
        refs = [line.rstrip("\n") for line in f]
    missing = [i for i in range(len(refs)) if i not in hyps]
    if missing or len(hyps) != len(refs):
        sys.exit(
            f"score_generate: error: {len(hyps)} hypotheses for {len(refs)} references "
            f"(first missing id: {missing[0] if missing else 'none'})"
        )
    ordered = [hyps[i] for i in range(len(refs))]
    if args.hyp_out:
        with open(args.hyp_out, "w", encoding="utf-8") as f:
            f.write("\n".join(ordered) + "\n")
    print(f"{sacrebleu.corpus_bleu(ordered, [refs]).score:.2f}")


if __name__ == "__main__":
    main()
