"""The R-Drop consistency losses, shared by every criterion of the package.

Pure tensors in, tensors out: nothing here imports fairseq, so the losses can be
tested against plain references, benchmarked in isolation and used from any
PyTorch training loop.

Layout convention: the ``copies`` copies of a batch are stacked along dim 0,
copy-major (rows ``[c * n, (c + 1) * n)`` belong to copy ``c``), which is what
``torch.cat([x] * copies)`` of the input produces after the model has flattened
its output to ``(rows, vocab)``.
"""

import torch

# Elements per working chunk: big enough to amortise the Python loop, small
# enough that the temporaries stay far below one (tokens x vocab) tensor.
CHUNK_ELEMENTS = 1 << 21


def _rows_per_chunk(vocab_size, chunk_elements):
    return max(1, chunk_elements // max(1, vocab_size))


def _accumulation_dtype(tensor):
    """float32 for half inputs (and float32), float64 stays float64."""
    return torch.promote_types(tensor.dtype, torch.float32)


def _pairs(copies):
    return [(i, j) for i in range(copies) for j in range(i + 1, copies)]


class _SymmetricKL(torch.autograd.Function):
    """Sum over rows of the pair-averaged ``(KL(Pi||Pj) + KL(Pj||Pi)) / 2``.

    The forward never materialises a (rows x vocab) temporary: it walks the
    rows in chunks and keeps only per-row sums. The backward is the closed
    form ``d/da = p * (a - b + 1) - q`` (with ``p = exp(a)``, ``q = exp(b)``),
    which autograd's log-softmax backward turns into the logit gradient
    ``p * (d - sum(p * d)) + (p - q)``. Nothing is saved beyond the input,
    which the log-softmax that produced it already keeps alive.
    """

    @staticmethod
    def forward(ctx, lprobs, copies, keep_rows, chunk_elements):
        n = lprobs.size(0) // copies
        rows = _rows_per_chunk(lprobs.size(1), chunk_elements)
        acc = _accumulation_dtype(lprobs)
        total = lprobs.new_zeros((), dtype=acc)
        for i, j in _pairs(copies):
            for start in range(0, n, rows):
                end = min(n, start + rows)
                a = lprobs[i * n + start : i * n + end].to(acc)
                b = lprobs[j * n + start : j * n + end].to(acc)
                # (p - q) * (a - b) == p * log(p/q) + q * log(q/p), per entry
                row_kl = (a.exp() - b.exp()).mul_(a - b).sum(-1)
                if keep_rows is not None:
                    row_kl = row_kl.masked_fill_(~keep_rows[start:end], 0.0)
                total += row_kl.sum()
        ctx.save_for_backward(lprobs, keep_rows)
        ctx.copies = copies
        ctx.chunk_elements = chunk_elements
        return total * (0.5 / len(_pairs(copies)))

    @staticmethod
    def backward(ctx, grad_output):
        lprobs, keep_rows = ctx.saved_tensors
        copies = ctx.copies
        n = lprobs.size(0) // copies
        rows = _rows_per_chunk(lprobs.size(1), ctx.chunk_elements)
        acc = _accumulation_dtype(lprobs)
        scale = grad_output.to(acc) * (0.5 / len(_pairs(copies)))
        # every row of the gradient is written by its copy's first pair and
        # accumulated by the later ones, so no zero-fill pass is needed
        grad = torch.empty_like(lprobs)
        for i, j in _pairs(copies):
            write_i = "copy_" if (i, j) == (0, 1) else "add_"
            write_j = "copy_" if i == 0 else "add_"
            for start in range(0, n, rows):
                end = min(n, start + rows)
                a = lprobs[i * n + start : i * n + end].to(acc)
                b = lprobs[j * n + start : j * n + end].to(acc)
                p, q, d = a.exp(), b.exp(), a - b
                grad_a = (d + 1).mul_(p).sub_(q).mul_(scale)
                grad_b = d.neg_().add_(1).mul_(q).sub_(p).mul_(scale)
                if keep_rows is not None:
                    drop = ~keep_rows[start:end].unsqueeze(-1)
                    grad_a.masked_fill_(drop, 0.0)
                    grad_b.masked_fill_(drop, 0.0)
                getattr(grad[i * n + start : i * n + end], write_i)(grad_a)
                getattr(grad[j * n + start : j * n + end], write_j)(grad_b)
        return grad, None, None, None


def symmetric_kl(lprobs, copies=2, pad_mask=None, chunk_elements=CHUNK_ELEMENTS):
    """R-Drop's KL term, summed over non-pad positions.

    Args:
        lprobs: ``(copies * n, vocab)`` log-probabilities, copy-major (any
            float dtype; accumulation is float32 for half inputs).
        copies: how many copies of each position the rows hold (>= 2).
        pad_mask: optional bool ``(n,)``, True where the position is padding
            (the same for every copy, since the copies share their targets).

    Returns:
        scalar (float32, or float64 for float64 input): ``sum_t mean_{i<j} (KL(Pi||Pj) + KL(Pj||Pi)) / 2``;
        with two copies, ``alpha`` times this is eq. (4)'s
        ``alpha/2 * (KL(P1||P2) + KL(P2||P1))``.
    """
    if copies < 2:
        raise ValueError(f"symmetric_kl needs at least 2 copies, got {copies}")
    if lprobs.dim() != 2 or lprobs.size(0) % copies:
        raise ValueError(
            f"lprobs must be (copies * n, vocab) with copies={copies}, "
            f"got shape {tuple(lprobs.shape)}"
        )
    keep_rows = None
    if pad_mask is not None:
        keep_rows = ~pad_mask.reshape(-1).to(device=lprobs.device, dtype=torch.bool)
        if keep_rows.numel() != lprobs.size(0) // copies:
            raise ValueError(
                f"pad_mask has {keep_rows.numel()} positions, "
                f"expected {lprobs.size(0) // copies}"
            )
    return _SymmetricKL.apply(lprobs, copies, keep_rows, chunk_elements)


def pairwise_mse(predictions, copies=2):
    """Consistency for regression heads (Appendix A.4, eq. 7).

    ``predictions`` is ``(copies * n, ...)`` copy-major; returns the sum over
    samples of the pair-averaged squared distance ``||y_i - y_j||^2``.
    Tensors are small here, so plain autograd is the right tool.
    """
    if copies < 2:
        raise ValueError(f"pairwise_mse needs at least 2 copies, got {copies}")
    per_copy = predictions.to(_accumulation_dtype(predictions)).reshape(copies, predictions.size(0) // copies, -1)
    total = sum(
        (per_copy[i] - per_copy[j]).pow(2).sum() for i, j in _pairs(copies)
    )
    return total / len(_pairs(copies))
