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
CHUNK_ELEMENTS = 1 << 17


def _rows_per_chunk(vocab_size, chunk_elements):
    return max(1, chunk_elements // max(1, vocab_size))


def _accumulation_dtype(tensor):
    """float32 for half inputs (and float32), float64 stays float64."""
    return torch.promote_types(tensor.dtype, torch.float32)


def _pairs(copies):
    return [(i, j) for i in range(copies) for j in range(i + 1, copies)]


class _SymmetricKL(torch.autograd.Function):
    """Sum over rows of the pair-averaged ``(KL(Pi||Pj) + KL(Pj||Pi)) / 2``.

    Works on row chunks of a few MB, so no (rows x vocab) temporary is ever
    alive. With ``a, b`` the log-probabilities of two copies, ``p, q`` their
    exponentials, ``d = a - b`` and ``r = p - q``, one pass over a chunk gives
    both the value ``sum(r * d)`` and the closed-form gradient
    ``d/da = p * d + r``, ``d/db = -(q * d + r)``; autograd's log-softmax
    backward then yields the logit gradient ``p * (d - sum(p * d)) + (p - q)``.
    The gradient is written, in the forward, straight into the one buffer the
    backward has to return anyway, so the backward is a single in-place
    scaling and no exponential is computed twice.
    """

    @staticmethod
    def forward(ctx, lprobs, copies, keep_rows, chunk_elements):
        total, grad = _kl_and_grad(
            lprobs, copies, keep_rows, chunk_elements, ctx.needs_input_grad[0]
        )
        ctx.save_for_backward(lprobs, keep_rows)
        ctx.copies, ctx.chunk_elements, ctx.grad = copies, chunk_elements, grad
        return total

    @staticmethod
    def backward(ctx, grad_output):
        lprobs, keep_rows = ctx.saved_tensors
        grad, ctx.grad = ctx.grad, None
        if grad is None:  # a second backward through a retained graph
            _, grad = _kl_and_grad(lprobs, ctx.copies, keep_rows, ctx.chunk_elements, True)
        grad_output = grad_output * (0.5 / len(_pairs(ctx.copies)))
        if keep_rows is None:
            return grad.mul_(grad_output), None, None, None
        row_scale = (keep_rows * grad_output).to(grad.dtype).repeat(ctx.copies)
        return grad.mul_(row_scale.unsqueeze(-1)), None, None, None


def _kl_and_grad(lprobs, copies, keep_rows, chunk_elements, want_grad):
    """The unscaled value and, if wanted, the gradient (before multiplying by
    the pair weight and the incoming gradient): eight passes per chunk."""
    acc = _accumulation_dtype(lprobs)
    n = lprobs.size(0) // copies
    grad = torch.empty_like(lprobs) if want_grad else None
    written = set()  # (copy, first row) already holding a pair's gradient

    def emit(copy, rows, base, x, y, value):  # grad rows (+)= base + value * x * y
        out = grad[copy * n + rows.start : copy * n + rows.stop]
        if (copy, rows.start) in written:
            out.add_(torch.addcmul(base, x, y, value=value))
        else:
            torch.addcmul(base, x, y, value=value, out=out)
            written.add((copy, rows.start))

    total = lprobs.new_zeros((), dtype=acc)
    for (i, j), a, b, rows in _pair_chunks(lprobs, copies, chunk_elements, acc):
        d = a - b
        p, q = a.exp(), b.exp()
        r = p.sub(q)
        row_kl = torch.linalg.vecdot(r, d)
        if keep_rows is not None:
            row_kl.masked_fill_(~keep_rows[rows], 0.0)
        total += row_kl.sum()
        if grad is not None:
            emit(i, rows, r, p, d, 1)  # p * d + r
            emit(j, rows, r.neg_(), q, d, -1)  # -(q * d + r)
    return total * (0.5 / len(_pairs(copies))), grad


def _pair_chunks(lprobs, copies, chunk_elements, acc):
    """Yield aligned row blocks ``(a, b, rows)`` of every pair of copies, in
    the accumulation dtype, a few MB at a time."""
    n = lprobs.size(0) // copies
    step = _rows_per_chunk(lprobs.size(1), chunk_elements)
    for i, j in _pairs(copies):
        for start in range(0, n, step):
            rows = slice(start, min(n, start + step))
            a = lprobs[i * n + rows.start : i * n + rows.stop].to(acc)
            b = lprobs[j * n + rows.start : j * n + rows.stop].to(acc)
            yield (i, j), a, b, rows


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
