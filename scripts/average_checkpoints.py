#!/usr/bin/env python3
"""Average the parameters of fairseq checkpoints (the R-Drop paper averages the last
checkpoints for WMT, Appendix A.1; fairseq's scripts/average_checkpoints.py does the same).

    average_checkpoints.py OUTPUT CHECKPOINT [CHECKPOINT ...]
    average_checkpoints.py OUTPUT --last-updates N SAVE_DIR

The second form takes the N checkpoints of SAVE_DIR saved every
--save-interval-updates (checkpoint_EPOCH_UPDATES.pt) with the most updates, and
refuses fewer than N. The output keeps everything but the model weights (config,
training state) from the last input, so fairseq-generate loads it like any checkpoint.
"""

import argparse
import re
import sys
from pathlib import Path

import torch

from rdrop_tools.files import atomic_path, fail

UPDATE_CHECKPOINT = re.compile(r"checkpoint_\d+_(\d+)\.pt")


def last_update_checkpoints(save_dir, count):
    """The COUNT update checkpoints of SAVE_DIR with the most updates, oldest first."""
    found = sorted(
        (int(m.group(1)), path)
        for path in Path(save_dir).glob("checkpoint_*_*.pt")
        if (m := UPDATE_CHECKPOINT.fullmatch(path.name))
    )
    if len(found) < count:
        fail(f"{save_dir} has {len(found)} checkpoint_EPOCH_UPDATES.pt files, fewer than the {count} to average")
    return [path for _, path in found[-count:]]


def average(paths):
    total, last = None, None
    for path in paths:
        state = torch.load(path, map_location="cpu", weights_only=False)
        model = state["model"]
        if total is None:
            total = {k: v.detach().clone().double() if v.is_floating_point() else v for k, v in model.items()}
        else:
            if model.keys() != total.keys():
                fail(f"{path} has different parameters")
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
    parser.add_argument("inputs", nargs="+", help="checkpoints, or SAVE_DIR with --last-updates")
    parser.add_argument("--last-updates", type=int, metavar="N", help="average SAVE_DIR's last N update checkpoints")
    args = parser.parse_args()
    if args.last_updates is not None:
        if len(args.inputs) != 1 or args.last_updates < 1:
            fail("--last-updates N (N >= 1) takes one SAVE_DIR")
        paths = last_update_checkpoints(args.inputs[0], args.last_updates)
    else:
        paths = args.inputs
    for path in paths:
        if not Path(path).is_file():
            fail(f"no such checkpoint: {path}")
    print(f"averaging {len(paths)} checkpoints: {' '.join(Path(p).name for p in paths)}", file=sys.stderr)
    state = average(paths)
    with atomic_path(args.output) as tmp:
        torch.save(state, tmp)


if __name__ == "__main__":
    main()
