"""Copies of a fairseq sample within one batch: R-Drop's ``[x; x]``.

Running the copies as one forward over a batch stacked with itself is what
makes R-Drop cost about one doubled batch: every copy draws its own dropout
masks, while the matrix work runs once over ``copies * B`` rows.

A sample carries what an R-Drop task decided for it under two keys:
``rdrop_copies`` (how many stacked copies it holds; 1 marks a plain step of an
``--rdrop-every-k`` schedule) and, optionally, ``rdrop_dropouts`` (one dropout
rate per copy).
"""

import torch

COPIES_KEY = "rdrop_copies"
DROPOUTS_KEY = "rdrop_dropouts"
# sentences per copy in the stacked (paired) block; the rows after the
# block are single sentences R-Drop leaves alone (``--rdrop-fraction``)
PAIRED_KEY = "rdrop_paired_sentences"
# ``(ntokens, nsentences)`` of the batch before any copy was added
ONE_COPY_KEY = "rdrop_one_copy_size"


def copies_in(sample):
    """Copies ``sample`` holds, or None for a batch no R-Drop task has seen."""
    return sample.get(COPIES_KEY) if sample else None


def _stack(value, copies, batch_size):
    if isinstance(value, torch.Tensor):
        if value.dim() > 0 and value.size(0) == batch_size:
            return torch.cat([value] * copies, dim=0)
        return value
    if isinstance(value, dict):
        return {k: _stack(v, copies, batch_size) for k, v in value.items()}
    return value


def duplicate(sample, copies=2, dropouts=None):
    """A new sample holding ``copies`` copies of every sentence, copy-major.

    The caller's sample is not touched. Per-sentence tensors (dim 0 equal to
    the batch size) are stacked; counts (``ntokens``, ``nsentences``) are
    multiplied so they describe the batch truthfully.
    """
    if copies < 2:
        raise ValueError(f"duplicate needs at least 2 copies, got {copies}")
    if copies_in(sample) is not None:
        raise ValueError("sample already went through an R-Drop task")
    if dropouts is not None and len(dropouts) != copies:
        raise ValueError(f"{len(dropouts)} dropout rates for {copies} copies")
    batch_size = sample["target"].size(0)
    stacked = {k: _stack(v, copies, batch_size) for k, v in sample.items()}
    for count in ("ntokens", "nsentences"):
        if count in sample:
            stacked[count] = sample[count] * copies
    stacked[COPIES_KEY] = copies
    stacked[PAIRED_KEY] = batch_size
    stacked[ONE_COPY_KEY] = (sample.get("ntokens"), batch_size)
    if dropouts is not None:
        stacked[DROPOUTS_KEY] = tuple(dropouts)
    return stacked


def duplicate_share(sample, chosen, pad_idx, copies=2):
    """A new sample ``[x_chosen; ...; x_chosen; x_rest]``: ``copies`` stacked
    copies of the ``chosen`` sentences (a 1-d index) followed by the other
    sentences once, so R-Drop costs ``1 + (copies - 1) * share`` of a step.
    ``ntokens``/``nsentences`` count every row; ``pad_idx`` marks the
    target's padding."""
    if copies_in(sample) is not None:
        raise ValueError("sample already went through an R-Drop task")
    batch_size = sample["target"].size(0)
    chosen = torch.as_tensor(chosen, dtype=torch.long).reshape(-1)
    if chosen.numel() == 0 or chosen.numel() > batch_size:
        raise ValueError(f"choose 1 to {batch_size} sentences, got {chosen.numel()}")
    keep = torch.ones(batch_size, dtype=torch.bool)
    keep[chosen] = False
    rest = keep.nonzero().squeeze(-1)
    stacked = select_rows(sample, torch.cat([chosen.repeat(copies), rest]))
    target = sample["target"]
    extra_tokens = int(target.index_select(0, chosen.to(target.device)).ne(pad_idx).sum())
    if "ntokens" in sample:
        stacked["ntokens"] = sample["ntokens"] + (copies - 1) * extra_tokens
    if "nsentences" in sample:
        stacked["nsentences"] = sample["nsentences"] + (copies - 1) * chosen.numel()
    stacked[COPIES_KEY] = copies
    stacked[PAIRED_KEY] = chosen.numel()
    stacked[ONE_COPY_KEY] = (sample.get("ntokens"), batch_size)
    return stacked


def select_rows(sample, index):
    """A new sample of the sentences ``index`` (a 1-d tensor) of ``sample``,
    with ``ntokens``/``nsentences`` left out: they describe what the caller
    selected from, not this part."""
    batch_size = sample["target"].size(0)

    def rows(value):
        if isinstance(value, torch.Tensor) and value.dim() > 0 and value.size(0) == batch_size:
            return value.index_select(0, index.to(value.device))
        if isinstance(value, dict):
            return {k: rows(v) for k, v in value.items()}
        return value

    return {k: rows(v) for k, v in sample.items() if k not in ("ntokens", "nsentences")}


def paired_sentences(sample, copies):
    """Sentences per copy in ``sample``'s stacked block (all of them unless
    only a share of the batch was duplicated)."""
    return sample.get(PAIRED_KEY, sample["target"].size(0) // copies)


def single_copy(sample):
    """``sample`` marked as a deliberate plain (single-copy) training step."""
    return {**sample, COPIES_KEY: 1}


def split_copies(value, copies):
    """The per-copy views of a stacked ``net_input`` (inverse of duplicate)."""
    if isinstance(value, torch.Tensor) and value.dim() > 0:
        return list(value.chunk(copies, dim=0))
    if isinstance(value, dict):
        parts = {k: split_copies(v, copies) for k, v in value.items()}
        return [{k: v[c] for k, v in parts.items()} for c in range(copies)]
    return [value] * copies
