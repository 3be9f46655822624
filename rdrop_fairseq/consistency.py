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


class _FusedLabelSmoothedRDrop(torch.autograd.Function):
    """Label-smoothed NLL of every copy + ``alpha`` x the symmetric KL, from
    logits, in one pass over row chunks.

    The standard path keeps three more (rows x vocab) tensors alive: the
    log-probabilities, their gradient and the KL's gradient. Here each chunk's
    log-softmax lives only in the chunk, and the closed-form gradient of the
    whole loss with respect to the logits (softmax - smoothed one-hot for the
    NLL, ``p * (d - sum(p * d)) + (p - q)`` for the KL) is written during the
    forward into the single buffer the backward returns. The logits are not
    saved, so autograd can free them as soon as the forward returns.
    """

    @staticmethod
    def forward(ctx, logits, target, copies, epsilon, alpha, ignore_index, chunk_elements):
        values, grad = _fused_values_and_grad(
            logits, target, copies, epsilon, alpha, ignore_index, chunk_elements,
            ctx.needs_input_grad[0],
        )  # fmt: skip
        ctx.grad = grad
        total, loss, nll, kl = values
        ctx.mark_non_differentiable(loss, nll, kl)
        return total, loss, nll, kl

    @staticmethod
    def backward(ctx, grad_total, *unused):
        if ctx.grad is None:
            raise RuntimeError(
                "the fused R-Drop loss does not keep its logits: backward through it only once"
            )
        grad, ctx.grad = ctx.grad, None
        return grad.mul_(grad_total.to(grad.dtype)), None, None, None, None, None, None


def _fused_values_and_grad(logits, target, copies, epsilon, alpha, ignore_index, chunk_elements, want_grad):
    acc = _accumulation_dtype(logits)
    vocab = logits.size(1)
    n = logits.size(0) // copies
    # fairseq's label_smoothed_nll_loss: (1 - eps - eps_i) * nll + eps_i * smooth
    eps_i = epsilon / (vocab - 1)
    nll_weight = 1.0 - epsilon - eps_i
    kl_weight = alpha * 0.5 / len(_pairs(copies))  # d total / d (KL(Pi||Pj) + KL(Pj||Pi))
    grad = torch.empty_like(logits) if want_grad else None
    # with two copies and a float32 gradient, p is computed straight into the
    # gradient buffer and turned into the gradient there
    in_place = grad is not None and grad.dtype == acc and copies == 2
    ones = logits.new_ones(vocab, dtype=acc)
    loss = nll = kl = logits.new_zeros((), dtype=acc)
    step = _rows_per_chunk(vocab, chunk_elements)
    for start in range(0, n, step):
        stop = min(n, start + step)
        rows = [slice(c * n + start, c * n + stop) for c in range(copies)]
        tgt = target[rows[0]]  # the copies share their targets
        pad = tgt.eq(ignore_index)
        keep = (~pad).to(acc)
        pad_rows = pad.nonzero().squeeze(-1) if pad.any() else None
        safe_tgt = tgt.masked_fill(pad, 0).unsqueeze(-1)
        lps, ps = [], []
        for r in rows:
            lp = torch.log_softmax(logits[r].to(acc), dim=-1)
            row_nll = lp.gather(-1, safe_tgt).squeeze(-1).neg_()
            row_smooth = torch.mv(lp, ones).neg_()
            nll = nll + torch.dot(row_nll, keep)
            loss = loss + torch.dot(nll_weight * row_nll + eps_i * row_smooth, keep)
            lps.append(lp)
            ps.append(torch.exp(lp, out=grad[r]) if in_place else lp.exp())
        grads = ps if in_place else [p.clone() for p in ps] if grad is not None else None
        for i, j in _pairs(copies):
            d = lps[i] - lps[j]
            s_i = _row_dot(ps[i], d)  # sum(p * d)
            s_j = _row_dot(ps[j], d)
            kl = kl + torch.dot(s_i - s_j, keep)
            if grads is not None and kl_weight:
                # with w the KL weight and d = log p_i - log p_j:
                # d/dx_i += w (p_i (d - s_i + 1) - p_j)
                # d/dx_j += w (p_j (s_j - d + 1) - p_i)
                coef_i = torch.add((1 - s_i).unsqueeze(-1), d)
                coef_j = d.neg_().add_((1 + s_j).unsqueeze(-1))  # d is no longer needed
                grad_j = coef_j.mul_(ps[j]).sub_(ps[i])
                grads[i].addcmul_(ps[i], coef_i, value=kl_weight).add_(ps[j], alpha=-kl_weight)
                grads[j].add_(grad_j, alpha=kl_weight)
        if grads is not None:
            for r, g in zip(rows, grads):
                g.sub_(eps_i).scatter_add_(-1, safe_tgt, g.new_full(safe_tgt.shape, -nll_weight))
                if pad_rows is not None:
                    g.index_fill_(0, pad_rows, 0.0)
                if not in_place:
                    grad[r].copy_(g)
    kl = kl * 0.5 / len(_pairs(copies))
    return (loss + alpha * kl, loss, nll, kl), grad


def _row_dot(a, b):
    """Per-row dot product through BLAS: no (rows x vocab) temporary."""
    return torch.bmm(a.unsqueeze(1), b.unsqueeze(2)).view(-1)


def fused_label_smoothed_rdrop_loss(
    logits, target, copies=2, epsilon=0.0, alpha=1.0, ignore_index=-100, chunk_elements=CHUNK_ELEMENTS
):
    """R-Drop's whole loss (eq. 4 with label smoothing) straight from logits.

    Equal to fairseq's ``label_smoothed_nll_loss`` on ``log_softmax(logits)``
    summed over the copies, plus ``alpha * symmetric_kl``, at the cost of the
    logits' gradient alone: no log-probability tensor is ever materialised.

    Args:
        logits: ``(copies * n, vocab)``, copy-major, any float dtype
            (float32 accumulation for half inputs).
        target: ``(copies * n,)`` target indices; ``ignore_index`` marks padding.

    Returns:
        ``(total, label_smoothed_loss, nll_loss, kl)`` scalars; only ``total``
        (``= label_smoothed_loss + alpha * kl``) carries a gradient.
    """
    if copies < 2:
        raise ValueError(f"the R-Drop loss needs at least 2 copies, got {copies}")
    if logits.dim() != 2 or logits.size(0) % copies or target.shape != logits.shape[:1]:
        raise ValueError(
            f"logits must be (copies * n, vocab) and target (copies * n,) with "
            f"copies={copies}, got {tuple(logits.shape)} and {tuple(target.shape)}"
        )
    return _FusedLabelSmoothedRDrop.apply(
        logits, target, copies, float(epsilon), float(alpha), ignore_index, chunk_elements
    )


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
