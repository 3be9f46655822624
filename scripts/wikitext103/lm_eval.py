#!/usr/bin/env python3
"""Perplexity of a language-model checkpoint on several splits with fairseq-eval-lm.

Runs fairseq's eval-lm (``fairseq_cli.eval_lm.main``) once per split in one
process, so fairseq is imported and set up once, and prints one line per split
plus, with ``--json``, a file of the results. fairseq's own log lines ("Evaluated
N tokens", "Loss (base 2): L, Perplexity: P") are printed as usual. Arguments
after ``--`` go to eval-lm unchanged (--context-window, --tokens-per-sample...).

    lm_eval.py data/wikitext103/bin checkpoints/wt103/checkpoint_best.pt \\
        --splits valid test --json ppl.json -- --context-window 400 --tokens-per-sample 512
"""

import argparse
import json
import sys
from pathlib import Path

from rdrop_tools.files import atomic_write, fail

REPO = Path(__file__).resolve().parents[2]


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    extra = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", help="fairseq-preprocess'ed folder")
    parser.add_argument("checkpoint")
    parser.add_argument("--splits", nargs="+", default=["valid", "test"])
    parser.add_argument("--json", help="also write {split: {loss, perplexity}} here")
    parser.add_argument("--user-dir", default=str(REPO / "rdrop_fairseq"))
    args = parser.parse_args(argv)
    if not Path(args.checkpoint).is_file():
        fail(f"no such checkpoint: {args.checkpoint}")
    for split in args.splits:
        if not list(Path(args.data).glob(f"{split}.bin")) and not list(
            Path(args.data).glob(f"{split}.*.bin")
        ):
            fail(f"no binarized '{split}' split in {args.data}")

    from fairseq import options
    from fairseq.dataclass.utils import convert_namespace_to_omegaconf
    from fairseq_cli import eval_lm

    results = {}
    for split in args.splits:
        cli = [args.data, "--path", args.checkpoint, "--gen-subset", split,
               "--user-dir", args.user_dir, *extra]  # fmt: skip
        parsed = options.parse_args_and_arch(options.get_eval_lm_parser(), cli)
        out = eval_lm.main(convert_namespace_to_omegaconf(parsed))
        results[split] = {"loss": float(out["loss"]), "perplexity": float(out["perplexity"])}
    for split, res in results.items():
        print(f"{split}: loss (base 2) {res['loss']:.4f}, perplexity {res['perplexity']:.2f}")
    if args.json:
        with atomic_write(args.json) as f:
            json.dump(results, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
