#!/usr/bin/env python3
"""Average the parameters of fairseq checkpoints (the authors average the last
10 epoch checkpoints for WMT, Appendix A.1).

    average_checkpoints.py OUTPUT CHECKPOINT [CHECKPOINT ...]

The output keeps everything but the model weights (config, training state)
from the last input, so fairseq-generate loads it like any checkpoint.
"""

import argparse
import os

import torch


def average(paths):
    total, last = None, None
    for path in paths:
        state = torch.load(path, map_location="cpu", weights_only=False)
        model = state["model"]
        if total is None:
            total = {k: v.detach().clone().double() if v.is_floating_point() else v for k, v in model.items()}
        else:
            if model.keys() != total.keys():
                raise SystemExit(f"average_checkpoints.py: error: {path} has different parameters")
            for k, v in model.items():
                if v.is_floating_point():
                    total[k] += v.double()
        last = state
    dtypes = {k: v.dtype for k, v in last["model"].items()}
    last["model"] = {k: (v / len(paths)).to(dtypes[k]) if v.is_floating_point() else v for k, v in total.items()}
    return last


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output")
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args()
    state = average(args.inputs)
    tmp = args.output + ".tmp"
    torch.save(state, tmp)
    os.replace(tmp, args.output)


if __name__ == "__main__":
    main()
