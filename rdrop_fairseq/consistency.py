"""The R-Drop consistency losses, shared by every criterion of the package.

Pure tensors in, tensors out: nothing here imports fairseq, so the losses can be
tested against plain references, benchmarked in isolation and used from any
PyTorch training loop.

Layout convention: the ``copies`` copies of a batch are stacked along dim 0,
copy-major (rows ``[c * n, (c + 1) * n)`` belong to copy ``c``), which is what
``torch.cat([x] * copies)`` of the input produces after the model has flattened
its output to ``(rows, vocab)``.

Mixed precision: half inputs (fp16, bf16) are computed in float32, and each
function's gradient is kept in float32 from its forward to its backward,
where it is multiplied by the incoming gradient and only then rounded to the
input dtype, once. Under fairseq's ``--fp16`` the incoming gradient carries
the loss scale (2^7 .. 2^16), which is what lifts the many tiny entries
(probabilities below 1e-6, label smoothing's ``eps / V``) into fp16's range:
rounded before the scaling they would be flushed to zero. The alternative,
keeping the half logits and recomputing the gradient chunk by chunk in the
backward, holds 2 bytes less per logit at the peak but runs the whole
computation twice; the float32 gradient keeps the loss as fast as before for
2 more bytes per logit (``benchmarks/bench_half_gradient.py``,
``benchmarks/RESULTS.md``). For the chunked projection the kept gradients are
the small feature and matrix ones, so the choice costs nothing there.
"""

import torch

# Elements per working chunk: big enough to amortise the Python loop, small
# enough that the temporaries stay far below one (tokens x vocab) tensor.
CHUNK_ELEMENTS = 1 << 17
# The fused loss runs about twenty small ops per chunk: 4 MB chunks keep their
# dispatch cost small (1.8x faster than 512 KB ones at V = 14k on 2 cores)
# while the temporaries stay a few chunks, far below one (tokens x vocab) tensor.
FUSED_CHUNK_ELEMENTS = 1 << 20
# On a GPU each of those small ops costs a kernel launch (some 10 us of host
# time) whatever its size, while memory is plentiful: with the CPU's chunks the
# fused loss of 4k tokens x 16k vocabulary is ~60 chunks, some 3,000 launches,
# and made a transformer_iwslt_de_en update 1.6x slower than fairseq's
# built-in R-Drop on an H200. Chunks 8x larger there cut the launches as much.
CUDA_CHUNK_SCALE = 8
# The KL's chunks (CHUNK_ELEMENTS) are 8x smaller than the fused loss's, which
# at WikiText-103's 267,744 words left 3 rows a chunk on a GPU: 512 chunks
# and some 10,000 operator calls per update of transformer_lm_gpt. On a GPU
# no chunk is smaller than the fused loss's (32 MB of float32: a few hundred
# MB of temporaries at most, against GBs of log-probabilities at that size).
CUDA_MIN_CHUNK_ELEMENTS = FUSED_CHUNK_ELEMENTS * CUDA_CHUNK_SCALE


def _rows_per_chunk(vocab_size, chunk_elements, default, device):
    """Rows of ``vocab_size`` per chunk of ``chunk_elements`` elements; None
    (the public functions' default): ``default`` on a CPU, ``default *
    CUDA_CHUNK_SCALE`` and at least ``CUDA_MIN_CHUNK_ELEMENTS`` on a GPU."""
    if chunk_elements is None:
        on_gpu = device.type == "cuda"
        chunk_elements = max(default * CUDA_CHUNK_SCALE, CUDA_MIN_CHUNK_ELEMENTS) if on_gpu else default
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
    backward has to return anyway (float32 for half inputs), so the backward
    is a single in-place scaling (and, for half inputs, one rounding) and no
    exponential is computed twice.
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
        grad_output = grad_output.to(grad.dtype) * (0.5 / len(_pairs(ctx.copies)))
        if keep_rows is not None:
            grad_output = (keep_rows * grad_output).repeat(ctx.copies).unsqueeze(-1)
        return _scaled_and_rounded(grad, grad_output, lprobs.dtype), None, None, None


def _kl_and_grad(lprobs, copies, keep_rows, chunk_elements, want_grad):
    """The unscaled value and, if wanted, the gradient (before multiplying by
    the pair weight and the incoming gradient): eight passes per chunk."""
    acc = _accumulation_dtype(lprobs)
    n = lprobs.size(0) // copies
    grad = torch.empty_like(lprobs, dtype=acc) if want_grad else None
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
    step = _rows_per_chunk(lprobs.size(1), chunk_elements, CHUNK_ELEMENTS, lprobs.device)
    for i, j in _pairs(copies):
        for start in range(0, n, step):
            rows = slice(start, min(n, start + step))
            a = lprobs[i * n + rows.start : i * n + rows.stop].to(acc)
            b = lprobs[j * n + rows.start : j * n + rows.stop].to(acc)
            yield (i, j), a, b, rows


def symmetric_kl(lprobs, copies=2, pad_mask=None, chunk_elements=None):
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
    forward into the single buffer the backward scales (float32 for half
    logits, rounded once after the scaling). The logits are not
    saved, so autograd can free them as soon as the forward returns.
    """

    @staticmethod
    def forward(ctx, logits, target, copies, epsilon, alpha, ignore_index, chunk_elements, fixed_logits=None):
        values, grad = _fused_values_and_grad(
            logits, target, copies, epsilon, alpha, ignore_index, chunk_elements,
            ctx.needs_input_grad[0], fixed_logits,
        )  # fmt: skip
        ctx.grads = None if grad is None else (grad,)
        ctx.dtype = logits.dtype
        total, loss, nll, kl = values
        ctx.mark_non_differentiable(loss, nll, kl)
        return total, loss, nll, kl

    @staticmethod
    def backward(ctx, grad_total, *unused):
        (grad,) = _saved_gradients(ctx)
        grad = _scaled_and_rounded(grad, grad_total, ctx.dtype)
        return grad, None, None, None, None, None, None, None


class _LabelSmoothedRDropTerms:
    """The per-chunk maths of the fused losses: the values and the gradient
    with respect to the logits of ``label-smoothed NLL + alpha * KL`` for
    aligned row blocks of every copy."""

    def __init__(self, vocab, copies, epsilon, alpha, ignore_index, acc, device):
        # fairseq's label_smoothed_nll_loss: (1 - eps - eps_i) * nll + eps_i * smooth
        self.eps_i = epsilon / (vocab - 1)
        self.nll_weight = 1.0 - epsilon - self.eps_i
        self.alpha, self.copies, self.ignore_index, self.acc = alpha, copies, ignore_index, acc
        # d total / d (KL(Pi||Pj) + KL(Pj||Pi)), with the pair average of symmetric_kl;
        # one trained copy has no pair: its KL, if any, is KL(Q||P) against a fixed target
        self.kl_scale = 0.5 / len(_pairs(copies)) if copies > 1 else 1.0
        self.kl_weight = alpha * self.kl_scale
        self.ones = torch.ones(vocab, dtype=acc, device=device)
        self.loss = self.nll = self.kl = torch.zeros((), dtype=acc, device=device)

    def values(self):
        """``(total, label-smoothed loss, nll, kl)`` summed so far."""
        kl = self.kl * self.kl_scale
        return self.loss + self.alpha * kl, self.loss, self.nll, kl

    def add_chunk(self, logits, target, grads_out=None, fixed_logits=None):
        """Add the loss of ``logits`` (one ``(rows, vocab)`` block per copy,
        ``target`` the copies' shared ``(rows,)`` targets). With
        ``grads_out`` (one float block per copy, in the accumulation dtype,
        or None to allocate them) the logits' gradient is written there and
        the blocks are returned. ``fixed_logits`` (one trained copy only) is
        the block of a target copy that gets no gradient: the consistency
        term is then ``KL(Q||P)``, Q the target's distribution."""
        want_grad = grads_out is not False
        pad = target.eq(self.ignore_index)
        keep = (~pad).to(self.acc)
        safe_target = target.masked_fill(pad, 0).unsqueeze(-1)
        lps, ps = [], []
        for c, block in enumerate(logits):
            lp = torch.log_softmax(block.to(self.acc), dim=-1)
            row_nll = lp.gather(-1, safe_target).squeeze(-1).neg_()
            row_smooth = torch.mv(lp, self.ones).neg_()
            self.nll = self.nll + torch.dot(row_nll, keep)
            self.loss = self.loss + torch.dot(self.nll_weight * row_nll + self.eps_i * row_smooth, keep)
            lps.append(lp)
            out = grads_out[c] if want_grad and grads_out is not None else None
            ps.append(torch.exp(lp, out=out) if out is not None else lp.exp())
        # with one or two copies p is turned into the gradient in place; with more,
        # every pair needs the original p, so the gradients start as copies
        grads = (ps if self.copies <= 2 else [p.clone() for p in ps]) if want_grad else None
        w = self.kl_weight
        for i, j in _pairs(self.copies):
            d = lps[i] - lps[j]
            s_i = _row_dot(ps[i], d)  # sum(p_i * d)
            s_j = _row_dot(ps[j], d)
            self.kl = self.kl + torch.dot(s_i - s_j, keep)
            if grads is not None and w:
                # with d = log p_i - log p_j:
                # d/dx_i += w (p_i (d - s_i + 1) - p_j)
                # d/dx_j += w (p_j (s_j - d + 1) - p_i)
                coef_i = torch.add((1 - s_i).unsqueeze(-1), d)
                grad_j = d.neg_().add_((1 + s_j).unsqueeze(-1)).mul_(ps[j]).sub_(ps[i])
                grads[i].addcmul_(ps[i], coef_i, value=w).add_(ps[j], alpha=-w)
                grads[j].add_(grad_j, alpha=w)
        if fixed_logits is not None:
            lq = torch.log_softmax(fixed_logits.to(self.acc), dim=-1)
            q = lq.exp()
            self.kl = self.kl + torch.dot(_row_dot(q, lq.sub_(lps[0])), keep)
            if grads is not None and self.alpha:
                grads[0].mul_(1 + self.alpha).sub_(q, alpha=self.alpha)  # p + alpha (p - q)
        if grads is None:
            return None
        for g in grads:
            g.sub_(self.eps_i).scatter_add_(-1, safe_target, g.new_full(safe_target.shape, -self.nll_weight))
            _zero_rows(g, pad)
        return grads


def _zero_rows(grad, rows):
    """``grad[rows] = 0`` for a bool ``rows``. On a CPU only the few padding
    rows are written; on a GPU a masked fill over every row, because finding
    those rows (``nonzero``) would make the host wait for the GPU each chunk."""
    if grad.is_cuda:
        grad.masked_fill_(rows.unsqueeze(-1), 0.0)
    elif rows.any():
        grad.index_fill_(0, rows.nonzero().squeeze(-1), 0.0)


def _saved_gradients(ctx):
    """The gradients a fused forward computed, handed out once: the fused
    losses keep neither their inputs nor the logits, so they cannot redo it."""
    if ctx.grads is None:
        raise RuntimeError(
            "the fused R-Drop loss does not keep its inputs: backward through it only once"
        )
    grads, ctx.grads = ctx.grads, None
    return grads


def _scaled_and_rounded(grad, scale, dtype):
    """``grad * scale`` rounded once to ``dtype``: ``grad`` is the gradient a
    forward kept in the accumulation dtype, ``scale`` the incoming gradient
    (a scalar, or a per-row column). Under fp16 loss scaling the scale is what
    lifts tiny entries into fp16's range, so it comes before the rounding."""
    grad = grad.mul_(scale)
    return grad if grad.dtype == dtype else grad.to(dtype)


def _fused_values_and_grad(logits, target, copies, epsilon, alpha, ignore_index, chunk_elements, want_grad, fixed_logits=None):
    acc = _accumulation_dtype(logits)
    vocab, n = logits.size(1), logits.size(0) // copies
    terms = _LabelSmoothedRDropTerms(vocab, copies, epsilon, alpha, ignore_index, acc, logits.device)
    grad = torch.empty_like(logits, dtype=acc) if want_grad else None
    # with one or two copies p goes straight into the gradient's buffer
    in_place = grad is not None and copies <= 2
    step = _rows_per_chunk(vocab, chunk_elements, FUSED_CHUNK_ELEMENTS, logits.device)
    for start in range(0, n, step):
        rows = [slice(c * n + start, c * n + min(n, start + step)) for c in range(copies)]
        out = [grad[r] for r in rows] if in_place else None if want_grad else False
        fixed = None if fixed_logits is None else fixed_logits[rows[0]]
        grads = terms.add_chunk([logits[r] for r in rows], target[rows[0]], out, fixed)
        if grads is not None and not in_place:
            for r, g in zip(rows, grads):
                grad[r].copy_(g)
    return terms.values(), grad


def _row_dot(a, b):
    """Per-row dot product through BLAS: no (rows x vocab) temporary."""
    return torch.bmm(a.unsqueeze(1), b.unsqueeze(2)).view(-1)


def fused_label_smoothed_rdrop_loss(
    logits, target, copies=2, epsilon=0.0, alpha=1.0, ignore_index=-100,
    chunk_elements=None,
):  # fmt: skip
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

    ``copies=1`` gives the label-smoothed loss alone (``kl`` is 0): the rows
    of a batch that R-Drop leaves single (``--rdrop-fraction``).
    """
    if copies < 1:
        raise ValueError(f"the R-Drop loss needs at least 1 copy, got {copies}")
    if logits.dim() != 2 or logits.size(0) % copies or target.shape != logits.shape[:1]:
        raise ValueError(
            f"logits must be (copies * n, vocab) and target (copies * n,) with "
            f"copies={copies}, got {tuple(logits.shape)} and {tuple(target.shape)}"
        )
    return _FusedLabelSmoothedRDrop.apply(
        logits, target, copies, float(epsilon), float(alpha), ignore_index, chunk_elements
    )


def fused_label_smoothed_one_sided_loss(
    logits, target_logits, target, epsilon=0.0, alpha=1.0, ignore_index=-100,
    chunk_elements=None,
):  # fmt: skip
    """One-sided consistency: the label-smoothed NLL of ``logits`` plus
    ``alpha * KL(Q||P)``, with Q = ``softmax(target_logits)`` a fixed target.

    ``target_logits`` come from a second dropout pass run without gradient
    (forward only), so R-Drop costs a forward more than a plain step instead
    of a whole doubled step; no gradient ever reaches the target. The
    gradient with respect to the logits is the NLL's plus ``alpha * (P - Q)``.

    Args:
        logits, target_logits: ``(n, vocab)``; target: ``(n,)``, with
            ``ignore_index`` marking padding.

    Returns:
        ``(total, label_smoothed_loss, nll_loss, kl)`` as the fused loss.
    """
    if logits.dim() != 2 or target_logits.shape != logits.shape or target.shape != logits.shape[:1]:
        raise ValueError(
            f"logits and target_logits must be (n, vocab) and target (n,), got "
            f"{tuple(logits.shape)}, {tuple(target_logits.shape)} and {tuple(target.shape)}"
        )
    return _FusedLabelSmoothedRDrop.apply(
        logits, target, 1, float(epsilon), float(alpha), ignore_index, chunk_elements,
        target_logits.detach(),
    )  # fmt: skip


def one_sided_kl(lprobs, target_lprobs, pad_mask=None):
    """``sum_t KL(Q_t || P_t)`` over non-pad positions, Q from
    ``target_lprobs`` (a no-gradient target pass), P from ``lprobs``: the
    general path's one-sided term (models with their own normalization).
    Plain autograd: the gradient reaches ``lprobs`` only."""
    acc = _accumulation_dtype(lprobs)
    lq = target_lprobs.detach().to(acc)
    row_kl = torch.linalg.vecdot(lq.exp(), lq - lprobs.to(acc))
    if pad_mask is not None:
        row_kl = row_kl.masked_fill(pad_mask.reshape(-1).to(row_kl.device), 0.0)
    return row_kl.sum()


# The projection path multiplies a chunk by the whole output matrix, so it
# takes bigger chunks to keep the matmuls efficient.
PROJECTION_CHUNK_ELEMENTS = 1 << 20


class _FusedProjectionLabelSmoothedRDrop(torch.autograd.Function):
    """:class:`_FusedLabelSmoothedRDrop` with the output projection folded in:
    the logits of a chunk are made from the decoder's features, used, and
    dropped, so no (rows x vocab) tensor ever exists. The forward also
    computes the gradients of the features and of the projection matrix (the
    three matmuls autograd would do), which the backward scales."""

    @staticmethod
    def forward(ctx, features, weight, target, copies, epsilon, alpha, ignore_index, chunk_elements):
        acc = _accumulation_dtype(features)
        vocab, n = weight.size(0), features.size(0) // copies
        terms = _LabelSmoothedRDropTerms(vocab, copies, epsilon, alpha, ignore_index, acc, features.device)
        want_grad = ctx.needs_input_grad[0] or ctx.needs_input_grad[1]
        grad_features = torch.empty_like(features, dtype=acc) if want_grad else None
        grad_weight = torch.zeros_like(weight, dtype=acc) if want_grad else None
        weight_acc = weight.to(acc)
        step = _rows_per_chunk(vocab, chunk_elements, PROJECTION_CHUNK_ELEMENTS, features.device)
        for start in range(0, n, step):
            rows = [slice(c * n + start, c * n + min(n, start + step)) for c in range(copies)]
            logits = [features[r] @ weight.t() for r in rows]  # the model's own precision
            grads = terms.add_chunk(logits, target[rows[0]], None if want_grad else False)
            if grads is not None:
                for r, g in zip(rows, grads):
                    chunk = features[r].to(acc)
                    torch.mm(g, weight_acc, out=grad_features[r])
                    grad_weight.addmm_(g.t(), chunk)
        ctx.grads = (grad_features, grad_weight) if want_grad else None
        ctx.dtypes = features.dtype, weight.dtype
        total, loss, nll, kl = terms.values()
        ctx.mark_non_differentiable(loss, nll, kl)
        return total, loss, nll, kl

    @staticmethod
    def backward(ctx, grad_total, *unused):
        grads = _saved_gradients(ctx)
        grad_features, grad_weight = (
            _scaled_and_rounded(g, grad_total, dtype) for g, dtype in zip(grads, ctx.dtypes)
        )
        return grad_features, grad_weight, None, None, None, None, None, None


def fused_projection_rdrop_loss(
    features, weight, target, copies=2, epsilon=0.0, alpha=1.0, ignore_index=-100,
    chunk_elements=None,
):  # fmt: skip
    """:func:`fused_label_smoothed_rdrop_loss` of ``features @ weight.T``
    without ever materialising those logits: peak memory is the features'
    and the matrix's gradients plus a few chunks, instead of several
    (rows x vocab) tensors.

    Args:
        features: ``(copies * n, dim)`` decoder outputs before the output
            projection, copy-major.
        weight: ``(vocab, dim)`` output projection (no bias), e.g. tied
            embeddings.
        target: ``(copies * n,)``; ``ignore_index`` marks padding.
    """
    if copies < 2:
        raise ValueError(f"the R-Drop loss needs at least 2 copies, got {copies}")
    if (
        features.dim() != 2 or weight.dim() != 2 or features.size(1) != weight.size(1)
        or features.size(0) % copies or target.shape != features.shape[:1]
    ):  # fmt: skip
        raise ValueError(
            f"features must be (copies * n, dim), weight (vocab, dim) and target "
            f"(copies * n,) with copies={copies}, got {tuple(features.shape)}, "
            f"{tuple(weight.shape)} and {tuple(target.shape)}"
        )
    return _FusedProjectionLabelSmoothedRDrop.apply(
        features, weight, target, copies, float(epsilon), float(alpha), ignore_index, chunk_elements
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
