#!/usr/bin/env python3
"""sacreBLEU of a ``fairseq-generate --post-process`` output, printed as a bare number.

Kept so existing command lines keep working; the scoring is
``bleu.py generate OUTPUT --ref REFERENCES --metric sacrebleu --detok none``:

    score_generate.py generate.log test.en [--hyp-out test.hyp]
"""

import argparse

from bleu import score_generate_output


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("generate_log")
    parser.add_argument("references")
    parser.add_argument("--hyp-out")
    args = parser.parse_args(argv)
    score, _ = score_generate_output(args.generate_log, args.references, metric="sacrebleu", detok="none",
                                     hyp_out=args.hyp_out)  # fmt: skip
    print(f"{score:.2f}")


if __name__ == "__main__":
    main()
