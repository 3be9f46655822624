"""Copies of a fairseq sample within one batch: R-Drop's ``[x; x]``.

Running the copies as one forward over a batch stacked with itself is what
makes R-Drop cost about one doubled batch: every copy draws its own dropout
masks, while the matrix work runs once over ``copies * B`` rows.
"""

import torch

COPIES_KEY = "rdrop_copies"


def copies_in(sample):
    """How many stacked copies ``sample`` holds (1 for an ordinary batch)."""
    return sample.get(COPIES_KEY, 1) if sample else 1


def _stack(value, copies, batch_size):
    if isinstance(value, torch.Tensor):
        if value.dim() > 0 and value.size(0) == batch_size:
            return torch.cat([value] * copies, dim=0)
        return value
    if isinstance(value, dict):
        return {k: _stack(v, copies, batch_size) for k, v in value.items()}
    return value


def duplicate(sample, copies=2):
    """A new sample holding ``copies`` copies of every sentence, copy-major.

    The caller's sample is not touched. Per-sentence tensors (dim 0 equal to
    the batch size) are stacked; counts (``ntokens``, ``nsentences``) are
    multiplied so they describe the batch truthfully, and ``rdrop_copies``
    records how to split it back (see :func:`copies_in`).
    """
    if copies < 2:
        raise ValueError(f"duplicate needs at least 2 copies, got {copies}")
    if copies_in(sample) != 1:
        raise ValueError("sample already holds R-Drop copies")
    batch_size = sample["target"].size(0)
    stacked = {k: _stack(v, copies, batch_size) for k, v in sample.items()}
    for count in ("ntokens", "nsentences"):
        if count in sample:
            stacked[count] = sample[count] * copies
    stacked[COPIES_KEY] = copies
    return stacked
