"""Where the benchmark corpora are, and the seeded slices of a parallel corpus the small runs train on."""

import os
import random
from pathlib import Path

from rdrop_tools.files import fail


def multi30k_dir():
    """The Multi30k folder of the benchmarks (``train.de.gz``, ``val.en.gz`` ...):
    ``$MULTI30K_DIR``, by default ``../shared/data/multi30k`` beside the
    repository. Fails with one line naming the variable when it is missing."""
    default = Path(__file__).resolve().parent.parent / "shared" / "data" / "multi30k"
    folder = Path(os.environ.get("MULTI30K_DIR") or default)
    if not (folder / "train.en.gz").is_file():
        fail(f"Multi30k not found in {folder} (no train.en.gz); set MULTI30K_DIR to the folder holding it")
    return folder


def sample_pairs(source, target, pairs, seed=0):
    """``pairs`` aligned lines drawn without replacement, kept in corpus order.

    Seeded independently of training, so every run on a slice sees the same
    sentences; all lines when ``pairs`` is 0 or at least the corpus size.
    """
    if len(source) != len(target):
        fail(f"source and target differ in length ({len(source)} vs {len(target)} lines)")
    if pairs <= 0 or pairs >= len(source):
        return list(source), list(target)
    keep = sorted(random.Random(seed).sample(range(len(source)), pairs))
    return [source[i] for i in keep], [target[i] for i in keep]
