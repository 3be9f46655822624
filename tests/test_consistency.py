"""The consistency losses against independent references built from
``torch.nn.functional.kl_div`` and plain autograd."""

import itertools

import pytest
import torch
import torch.nn.functional as F

from rdrop_fairseq.consistency import (
    fused_label_smoothed_rdrop_loss,
    fused_projection_rdrop_loss,
    pairwise_mse,
    symmetric_kl,
)


def reference_symmetric_kl(lprobs, copies, pad_mask):
    """Mean over pairs of (KL(Pi||Pj) + KL(Pj||Pi)) / 2, summed over kept rows,
    written with kl_div in both directions and plain autograd."""
    per_copy = lprobs.double().view(copies, -1, lprobs.size(-1))
    keep = (~pad_mask).double().unsqueeze(-1)
    pairs = list(itertools.combinations(range(copies), 2))
    total = 0
    for i, j in pairs:
        # kl_div(input=log q, target=log p, log_target=True) = sum p (log p - log q)
        kl_ij = F.kl_div(per_copy[j], per_copy[i], reduction="none", log_target=True)
        kl_ji = F.kl_div(per_copy[i], per_copy[j], reduction="none", log_target=True)
        total = total + ((kl_ij + kl_ji) * keep).sum() / 2
    return total / len(pairs)


def random_lprobs(rows, vocab, copies=2, temperature=1.0, dtype=torch.float32, seed=0):
    gen = torch.Generator().manual_seed(seed)
    logits = torch.randn(copies * rows, vocab, generator=gen) * temperature
    return F.log_softmax(logits, dim=-1).to(dtype)


def random_pad_mask(rows, seed=1):
    gen = torch.Generator().manual_seed(seed)
    mask = torch.rand(rows, generator=gen) < 0.3
    mask[0] = False
    return mask


@pytest.mark.parametrize("chunk_elements", [7, 1 << 21])
@pytest.mark.parametrize("copies", [2, 3])
def test_value_and_gradient_match_kl_div_reference(copies, chunk_elements):
    rows, vocab = 13, 11
    pad = random_pad_mask(rows)
    ours_in = random_lprobs(rows, vocab, copies).requires_grad_()
    ref_in = ours_in.detach().clone().requires_grad_()

    ours = symmetric_kl(ours_in, copies, pad, chunk_elements=chunk_elements)
    ref = reference_symmetric_kl(ref_in, copies, pad)
    assert ours.dtype == torch.float32
    torch.testing.assert_close(ours.double(), ref, rtol=1e-5, atol=1e-6)

    weight = torch.tensor(1.7)
    (weight * ours).backward()
    (weight * ref).backward()
    torch.testing.assert_close(ours_in.grad, ref_in.grad, rtol=1e-4, atol=1e-6)
    # padded positions contribute nothing, in every copy
    grads = ours_in.grad.view(copies, rows, vocab)
    assert grads[:, pad].abs().sum() == 0


def test_gradient_through_log_softmax_is_closed_form_on_logits():
    a, b = torch.randn(2, 5, 9, dtype=torch.float64)
    logits = torch.cat([a, b]).requires_grad_()
    symmetric_kl(F.log_softmax(logits, -1), 2).backward()
    p, q = a.softmax(-1), b.softmax(-1)
    d = p.log() - q.log()
    grad_a = p * (d - (p * d).sum(-1, keepdim=True)) + (p - q)
    # the function is (KL + KL) / 2, so the closed form is halved
    torch.testing.assert_close(logits.grad[:5], grad_a / 2)


@pytest.mark.parametrize("copies", [2, 3])
def test_gradcheck_float64(copies):
    lprobs = F.log_softmax(torch.randn(copies * 4, 6, dtype=torch.float64), -1)
    pad = torch.tensor([False, True, False, False])
    assert torch.autograd.gradcheck(
        lambda x: symmetric_kl(x, copies, pad, chunk_elements=10),
        (lprobs.requires_grad_(),),
    )


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
@pytest.mark.parametrize("temperature", [0.01, 1.0, 30.0])
def test_half_inputs_accumulate_in_float32(dtype, temperature):
    # temperature 0.01: near uniform; 30: very confident distributions
    rows, vocab = 64, 1000
    pad = random_pad_mask(rows)
    lprobs = random_lprobs(rows, vocab, temperature=temperature, dtype=dtype)
    ours = symmetric_kl(lprobs.requires_grad_(), 2, pad)
    ref = reference_symmetric_kl(lprobs.detach().double(), 2, pad)
    assert ours.dtype == torch.float32 and torch.isfinite(ours)
    torch.testing.assert_close(ours.double(), ref, rtol=1e-3, atol=1e-3)
    ours.backward()
    assert lprobs.grad.dtype == dtype and torch.isfinite(lprobs.grad).all()


def test_all_pad_rows_give_zero_and_zero_gradient():
    lprobs = random_lprobs(5, 7).requires_grad_()
    loss = symmetric_kl(lprobs, 2, torch.ones(5, dtype=torch.bool))
    loss.backward()
    assert loss.item() == 0 and lprobs.grad.abs().sum() == 0


def test_identical_copies_have_zero_kl():
    one = random_lprobs(6, 9, copies=1)
    assert symmetric_kl(torch.cat([one, one]), 2).item() == pytest.approx(0, abs=1e-7)


def test_bad_shapes_are_refused():
    with pytest.raises(ValueError, match="copies"):
        symmetric_kl(torch.zeros(5, 3), 2)
    with pytest.raises(ValueError, match="pad_mask"):
        symmetric_kl(torch.zeros(6, 3), 2, torch.zeros(4, dtype=torch.bool))


@pytest.mark.parametrize("copies", [2, 3])
def test_pairwise_mse_matches_explicit_pairs(copies):
    preds = torch.randn(copies * 4, 1, requires_grad=True)
    y = preds.view(copies, 4)
    pairs = list(itertools.combinations(range(copies), 2))
    ref = sum(F.mse_loss(y[i], y[j], reduction="sum") for i, j in pairs) / len(pairs)
    torch.testing.assert_close(pairwise_mse(preds, copies), ref)


# The fused loss (label-smoothed NLL + alpha * KL straight from logits) against
# fairseq's own label_smoothed_nll_loss on log_softmax plus the kl_div reference.


def reference_rdrop_loss(logits, target, copies, epsilon, alpha, pad):
    from fairseq.criterions.label_smoothed_cross_entropy import label_smoothed_nll_loss

    lprobs = F.log_softmax(logits.double(), -1)
    loss, nll = label_smoothed_nll_loss(lprobs, target.unsqueeze(-1), epsilon, ignore_index=pad)
    kl = reference_symmetric_kl(lprobs, copies, target[: target.numel() // copies].eq(pad))
    return loss + alpha * kl, loss, nll, kl


def random_logits_and_target(rows, vocab, copies, temperature=1.0, pad=1, seed=0):
    gen = torch.Generator().manual_seed(seed)
    logits = torch.randn(copies * rows, vocab, generator=gen) * temperature
    target = torch.randint(0, vocab, (rows,), generator=gen)
    target[random_pad_mask(rows)] = pad
    return logits, target.repeat(copies)


@pytest.mark.parametrize("alpha", [0.0, 5.0])
@pytest.mark.parametrize("chunk_elements", [7, 1 << 21])
@pytest.mark.parametrize("copies", [2, 3])
def test_fused_loss_matches_fairseq_label_smoothing_plus_kl(copies, chunk_elements, alpha):
    logits, target = random_logits_and_target(13, 11, copies)
    logits = logits.double()
    ours_in, ref_in = logits.clone().requires_grad_(), logits.clone().requires_grad_()
    ours = fused_label_smoothed_rdrop_loss(ours_in, target, copies, 0.1, alpha, 1, chunk_elements)
    ref = reference_rdrop_loss(ref_in, target, copies, 0.1, alpha, 1)
    for value, expected in zip(ours, ref):
        torch.testing.assert_close(value, expected)
    (1.7 * ours[0]).backward()
    (1.7 * ref[0]).backward()
    torch.testing.assert_close(ours_in.grad, ref_in.grad)


def test_fused_gradient_matches_finite_differences():
    logits, target = random_logits_and_target(4, 6, 2)
    logits = logits.double()
    loss = lambda x: fused_label_smoothed_rdrop_loss(x, target, 2, 0.1, 5.0, 1, 10)[0]  # noqa: E731
    x = logits.clone().requires_grad_()
    loss(x).backward()
    numeric = torch.zeros_like(logits)
    h = 1e-6
    for idx in itertools.product(*map(range, logits.shape)):
        up, down = logits.clone(), logits.clone()
        up[idx] += h
        down[idx] -= h
        numeric[idx] = (loss(up) - loss(down)) / (2 * h)
    torch.testing.assert_close(x.grad, numeric, rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float16, torch.bfloat16])
@pytest.mark.parametrize("temperature", [0.01, 1.0, 30.0])
def test_fused_loss_half_inputs_accumulate_in_float32(dtype, temperature):
    logits, target = random_logits_and_target(64, 1000, 2, temperature)
    logits = logits.to(dtype).requires_grad_()
    ours = fused_label_smoothed_rdrop_loss(logits, target, 2, 0.1, 5.0, 1)
    ref_in = logits.detach().double().requires_grad_()
    ref = reference_rdrop_loss(ref_in, target, 2, 0.1, 5.0, 1)
    assert all(v.dtype == torch.float32 and torch.isfinite(v) for v in ours)
    for value, expected in zip(ours, ref):
        torch.testing.assert_close(value.double(), expected, rtol=1e-4, atol=1e-3)
    ours[0].backward()
    ref[0].backward()
    assert logits.grad.dtype == dtype
    # relative to the largest entry: gradients of very confident rows reach 5 * 2
    tol = {torch.float32: 1e-5, torch.float16: 1e-3, torch.bfloat16: 1e-2}[dtype]
    scale = ref_in.grad.abs().max().item()
    torch.testing.assert_close(logits.grad.double(), ref_in.grad, rtol=tol, atol=tol * scale)


def test_fused_loss_all_pad_rows_give_zero_and_zero_gradient():
    logits = torch.randn(10, 7, requires_grad=True)
    target = torch.ones(10, dtype=torch.long)
    total, *_ = fused_label_smoothed_rdrop_loss(logits, target, 2, 0.1, 5.0, 1)
    total.backward()
    assert total.item() == 0 and logits.grad.abs().sum() == 0


def test_fused_loss_refuses_bad_shapes_and_a_second_backward():
    with pytest.raises(ValueError, match="copies"):
        fused_label_smoothed_rdrop_loss(torch.zeros(5, 3), torch.zeros(5, dtype=torch.long), 2)
    with pytest.raises(ValueError, match="target"):
        fused_label_smoothed_rdrop_loss(torch.zeros(6, 3), torch.zeros(4, dtype=torch.long), 2)
    logits = torch.randn(6, 5, requires_grad=True)
    total = fused_label_smoothed_rdrop_loss(logits, torch.zeros(6, dtype=torch.long), 2)[0]
    total.backward(retain_graph=True)
    with pytest.raises(RuntimeError, match="only once"):
        total.backward()


@pytest.mark.parametrize("copies", [2, 3])
def test_chunked_projection_equals_the_loss_of_materialized_logits(copies):
    gen = torch.Generator().manual_seed(4)
    features = torch.randn(copies * 13, 8, generator=gen, dtype=torch.float64)
    weight = torch.randn(11, 8, generator=gen, dtype=torch.float64)
    _, target = random_logits_and_target(13, 11, copies)
    ours_f, ours_w = features.clone().requires_grad_(), weight.clone().requires_grad_()
    ref_f, ref_w = features.clone().requires_grad_(), weight.clone().requires_grad_()
    ours = fused_projection_rdrop_loss(ours_f, ours_w, target, copies, 0.1, 5.0, 1, chunk_elements=30)
    ref = reference_rdrop_loss(ref_f @ ref_w.t(), target, copies, 0.1, 5.0, 1)
    for value, expected in zip(ours, ref):
        torch.testing.assert_close(value, expected)
    (0.7 * ours[0]).backward()
    (0.7 * ref[0]).backward()
    torch.testing.assert_close(ours_f.grad, ref_f.grad)
    torch.testing.assert_close(ours_w.grad, ref_w.grad)


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_chunked_projection_half_inputs(dtype):
    gen = torch.Generator().manual_seed(5)
    features = torch.randn(2 * 40, 16, generator=gen).to(dtype).requires_grad_()
    weight = (torch.randn(300, 16, generator=gen) * 0.5).to(dtype).requires_grad_()
    _, target = random_logits_and_target(40, 300, 2)
    ours = fused_projection_rdrop_loss(features, weight, target, 2, 0.1, 5.0, 1)
    ref_f = features.detach().double().requires_grad_()
    ref_w = weight.detach().double().requires_grad_()
    ref = reference_rdrop_loss(ref_f @ ref_w.t(), target, 2, 0.1, 5.0, 1)
    torch.testing.assert_close(ours[0].double(), ref[0], rtol=2e-2, atol=1e-2)
    ours[0].backward()
    ref[0].backward()
    assert features.grad.dtype == weight.grad.dtype == dtype
    for got, expected in ((features.grad, ref_f.grad), (weight.grad, ref_w.grad)):
        scale = expected.abs().max().item()
        torch.testing.assert_close(got.double(), expected, rtol=5e-2, atol=2e-2 * scale)


def test_chunks_are_larger_by_default_on_a_gpu_and_as_given_otherwise():
    """The default chunk grows on CUDA (kernel launches, not memory, limit
    there); a chunk size the caller gives is used on any device."""
    from rdrop_fairseq.consistency import CHUNK_ELEMENTS, CUDA_CHUNK_SCALE, FUSED_CHUNK_ELEMENTS, _rows_per_chunk

    cpu, cuda = torch.device("cpu"), torch.device("cuda")
    vocab = 1000
    assert _rows_per_chunk(vocab, None, FUSED_CHUNK_ELEMENTS, cpu) == FUSED_CHUNK_ELEMENTS // vocab
    assert _rows_per_chunk(vocab, None, FUSED_CHUNK_ELEMENTS, cuda) == FUSED_CHUNK_ELEMENTS * CUDA_CHUNK_SCALE // vocab
    assert CUDA_CHUNK_SCALE > 1
    # the KL's smaller chunks too: at WikiText-103's vocabulary, 31 rows a
    # chunk on a GPU (50 chunks for transformer_lm_gpt's 1,536 tokens), not 3
    wikitext103 = 267744
    assert _rows_per_chunk(wikitext103, None, CHUNK_ELEMENTS, cpu) == 1
    assert _rows_per_chunk(wikitext103, None, CHUNK_ELEMENTS, cuda) == 31
    assert _rows_per_chunk(vocab, None, CHUNK_ELEMENTS, cuda) == _rows_per_chunk(vocab, None, FUSED_CHUNK_ELEMENTS, cuda)
    for device in (cpu, cuda):
        assert _rows_per_chunk(vocab, 7000, FUSED_CHUNK_ELEMENTS, device) == 7
        assert _rows_per_chunk(vocab, 10, FUSED_CHUNK_ELEMENTS, device) == 1
