"""Mixed precision the way fairseq trains: fp16 under dynamic loss scaling, bf16.

fairseq's ``--fp16`` trainer multiplies the loss by a scale S (a power of two
it adjusts) before the backward, so every gradient that lands in an fp16
tensor should be S times the true one rounded once to fp16: entries far below
fp16's smallest normal number (6e-5) survive only because of S. Each test
compares every gradient entry with a float64 computation from the same
(rounded) inputs, times S: within one ulp of the input dtype wherever that
value is representable, and inf (which fairseq's overflow check must see)
where it is not. Gradients made from a float32 log-softmax (the fused losses,
the general path) get one allowance per entry, float32's own log-softmax
error (``float32_slack``), without which the fused loss is up to 5.5 fp16
ulps off and the general path up to 58; ``symmetric_kl`` on half
log-probabilities gets none. Padded rows get none either: exactly 0. The scales are chosen from the float64 gradient, so that each
case is what its name says whatever the data: 1 (``--bf16``, which has no loss
scale, or fp16 unscaled), the largest power of two at which nothing overflows
(where fairseq's scaler settles), and twice that, where the largest entry
overflows. Tests marked ``gpu`` run the same checks on CUDA (``pytest -m
gpu``, see ``benchmarks/gpu_check.sh``).
"""

import copy
import math

import pytest
import torch
import torch.nn.functional as F
from fairseq import optim, tasks, utils
from fairseq.criterions.label_smoothed_cross_entropy import label_smoothed_nll_loss
from fairseq.data import Dictionary
from fairseq.optim.dynamic_loss_scaler import DynamicLossScaler
from fairseq.optim.fp16_optimizer import FP16Optimizer

from builders import training_cfg
from conftest import TINY_TRANSFORMER
from rdrop_fairseq.consistency import (
    fused_label_smoothed_rdrop_loss,
    fused_projection_rdrop_loss,
    symmetric_kl,
)
from test_consistency import reference_rdrop_loss, reference_symmetric_kl

ALPHA, EPS, PAD = 5.0, 0.1, 1
LOSS_SCALE = 2.0**15
CUDA = pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")


def on_devices(*marks):
    """CPU, plus CUDA under the ``gpu`` marker (skipped without CUDA)."""
    return pytest.mark.parametrize(
        "device", ["cpu", pytest.param("cuda", marks=[pytest.mark.gpu, CUDA, *marks])]
    )


def ulp(values, dtype):
    """The spacing of ``dtype`` at each float64 value (subnormal spacing
    below the smallest normal number)."""
    info = torch.finfo(dtype)
    exponent = torch.floor(torch.log2(values.abs().clamp(min=info.smallest_normal)))
    return info.eps * torch.exp2(exponent)


def overflow_threshold(dtype):
    """The smallest magnitude that rounds to inf in ``dtype``."""
    largest = torch.tensor(torch.finfo(dtype).max, dtype=torch.float64)
    return largest + ulp(largest, dtype) / 2


def assert_rounded_once(got, expected, dtype, what, slack=0.0):
    """``got`` (in ``dtype``) within one ulp (plus ``slack``, float32's own
    error) of the float64 ``expected`` wherever that is representable, and
    inf of the right sign where it is not; returns whether any entry
    overflowed."""
    assert got.dtype == dtype, what
    got, expected = got.detach().double().cpu(), expected.detach().double().cpu()
    fits = expected.abs() < overflow_threshold(dtype)
    ulps = ((got - expected).abs() - slack).clamp(min=0) / ulp(expected, dtype)
    ulps = ulps[fits]
    worst = ulps.argmax()
    assert ulps.max() <= 1, (
        f"{what}: {ulps.max():.1f} {dtype} ulps off (got {got[fits][worst]:.6g}, "
        f"expected {expected[fits][worst]:.6g}); {(ulps > 1).sum()} of "
        f"{ulps.numel()} entries beyond one ulp"
    )
    assert torch.equal(got[~fits], expected[~fits].sign() * float("inf")), what
    return not fits.all()


def float32_slack(logits, target, scale):
    """How far any float32 computation may be from float64 at each entry of
    the logits' gradient of ``NLL + ALPHA * KL`` (two copies); 0 on padded
    rows (TARGET is PAD), whose gradient is exactly 0.

    A float32 log-softmax (fairseq's own too) gives log-probabilities with an
    absolute error of about u32 (|x| + |logsumexp|): a relative error of every
    probability, and so of every term of the gradient built from them (p for
    the NLL, ``p_i (1 + d - s_i)`` and ``p_j`` for the KL). Twice that, times
    those terms' magnitude. Where label smoothing's constant dominates an
    entry (the tiny probabilities) this is far below one ulp; it matters only
    where the terms cancel.
    """
    logits = logits.detach().double().cpu()
    a, b = F.log_softmax(logits, -1).chunk(2)
    p, q, d = a.exp(), b.exp(), a - b
    s_a = (p * d).sum(-1, keepdim=True).abs()
    s_b = (q * d).sum(-1, keepdim=True).abs()
    w = ALPHA / 2  # d total / d (KL(P||Q) + KL(Q||P)) for two copies
    terms = torch.cat([
        p * (1 + w * (1 + d.abs() + s_a)) + w * q,
        q * (1 + w * (1 + d.abs() + s_b)) + w * p,
    ])  # fmt: skip
    log_error = 2.0**-24 * (logits.abs().amax(-1, keepdim=True) + torch.logsumexp(logits, -1, keepdim=True).abs())
    keep = target.cpu().ne(PAD).double().unsqueeze(-1)
    return 2 * scale * log_error * terms * keep


def assert_padded_rows_are_zero(grad, rows, what):
    """Padding contributes nothing: every entry of the ROWS (bool, True at a
    padded position) of GRAD is exactly 0, with no allowance."""
    assert rows.any(), f"{what}: the data has no padding to check"
    padded = grad.detach().cpu()[rows.cpu()]
    assert torch.equal(padded, torch.zeros_like(padded)), f"{what}: {int(padded.ne(0).sum())} non-zero entries on padded rows"


def assert_overflow_seen_iff(overflowed, tensors, scale):
    """fairseq's loss scaler sees an overflow exactly when a gradient holds
    an inf: its FP16Optimizer feeds it the norm of the gradients."""
    scaler = DynamicLossScaler(init_scale=scale)
    grad_norm = utils.clip_grad_norm_(tensors, max_norm=0)
    if overflowed:
        with pytest.raises(OverflowError):
            scaler.check_overflow(grad_norm)
        assert scaler.loss_scale == scale / 2
    else:
        scaler.check_overflow(grad_norm)
        assert scaler.loss_scale == scale


# (dtype, loss scale): fp16 unscaled, at the largest scale that fits and at
# twice that (overflow); bf16 as fairseq runs it (no loss scale) and at 2^15.
SCALES = [
    pytest.param(torch.float16, "1", id="fp16-scale-1"),
    pytest.param(torch.float16, "fits", id="fp16-largest-scale"),
    pytest.param(torch.float16, "overflows", id="fp16-overflow"),
    pytest.param(torch.bfloat16, "1", id="bf16-scale-1"),
    pytest.param(torch.bfloat16, "2^15", id="bf16-scale-2^15"),
]


def loss_scale(case, exact_grads, dtype):
    """The loss scale of CASE for gradients whose float64 values at scale 1
    are EXACT_GRADS: ``fits`` is the largest power of two at which every entry
    stays below DTYPE's overflow threshold, ``overflows`` twice that, where
    the largest entry must overflow."""
    if case in ("1", "2^15"):
        return 2.0 ** int(case.split("^")[-1]) if "^" in case else 1.0
    largest = max(g.abs().max().item() for g in exact_grads)
    threshold = overflow_threshold(dtype).item()
    fits = 2.0 ** math.floor(math.log2(threshold / largest))
    if fits * largest >= threshold:
        fits /= 2
    assert 2 * fits * largest >= threshold
    return fits if case == "fits" else 2 * fits


def assert_overflow_is_the_case(overflowed, case, tensors, scale):
    assert overflowed == (case == "overflows"), f"loss scale {scale}: overflow {overflowed}"
    assert_overflow_seen_iff(overflowed, tensors, scale)


def peaked_logits(rows, vocab, seed=0, temperature=6.0):
    """Two copies of confident logits that differ the way dropout makes them
    differ, mostly probabilities below 1e-6; shared targets with padding."""
    gen = torch.Generator().manual_seed(seed)
    clean = torch.randn(rows, vocab, generator=gen) * temperature
    noisy = clean + 0.2 * temperature * torch.randn(rows, vocab, generator=gen)
    target = torch.randint(0, vocab, (rows,), generator=gen)
    target[torch.rand(rows, generator=gen) < 0.2] = PAD
    return torch.cat([clean, noisy]), target.repeat(2)


def assert_mostly_tiny(logits):
    probs = F.softmax(logits.double(), -1)
    assert (probs < 1e-6).double().mean() > 0.9


# V = 8000: label smoothing's eps / (V - 1) = 1.25e-5 is itself below fp16's
# smallest normal number, as in every real vocabulary.
ROWS, VOCAB = 16, 8000


def exact_logits_grad(logits, target):
    """The float64 gradient of the R-Drop loss at the (rounded) LOGITS, loss scale 1."""
    ref_in = logits.detach().double().cpu().requires_grad_()
    reference_rdrop_loss(ref_in, target, 2, EPS, ALPHA, PAD)[0].backward()
    return ref_in.grad


def assert_logits_gradient_is_the_reference(ours_in, logits, target, exact, scale, dtype, case):
    """OURS_IN's gradient against the float64 gradient EXACT times the loss
    scale: rounded once, padded rows exactly 0, overflow exactly in the
    overflow case, seen by fairseq."""
    slack = float32_slack(logits, target, scale)
    overflowed = assert_rounded_once(ours_in.grad, exact * scale, dtype, "logits", slack)
    assert_padded_rows_are_zero(ours_in.grad, target.eq(PAD), "logits")
    assert_overflow_is_the_case(overflowed, case, [ours_in], scale)


@on_devices()
@pytest.mark.parametrize("dtype,case", SCALES)
def test_fused_loss_gradient_is_the_scaled_gradient_rounded_once(dtype, case, device):
    logits, target = peaked_logits(ROWS, VOCAB)
    logits = logits.to(dtype)
    assert_mostly_tiny(logits)
    exact = exact_logits_grad(logits, target)
    scale = loss_scale(case, [exact], dtype)
    ours_in = logits.to(device).requires_grad_()
    ours = fused_label_smoothed_rdrop_loss(ours_in, target.to(device), 2, EPS, ALPHA, PAD)
    (ours[0] * scale).backward()
    assert_logits_gradient_is_the_reference(ours_in, logits, target, exact, scale, dtype, case)


@on_devices()
@pytest.mark.parametrize("dtype,case", SCALES)
@pytest.mark.parametrize("temperature", [1.0, 6.0, 30.0])
def test_general_path_gradient_is_the_scaled_gradient_rounded_once(dtype, case, temperature, device):
    # what the criterion runs for other models: fairseq's float32
    # log-softmax of the half logits, then symmetric_kl; from spread-out
    # (temperature 1) to very confident (30) distributions
    logits, target = peaked_logits(ROWS, VOCAB, temperature=temperature)
    logits = logits.to(dtype)
    exact = exact_logits_grad(logits, target)
    scale = loss_scale(case, [exact], dtype)
    ours_in = logits.to(device).requires_grad_()
    lprobs = F.log_softmax(ours_in.float(), -1)
    loss, _ = label_smoothed_nll_loss(lprobs, target.to(device).unsqueeze(-1), EPS, ignore_index=PAD)
    kl = symmetric_kl(lprobs, 2, target[:ROWS].to(device).eq(PAD))
    ((loss + ALPHA * kl) * scale).backward()
    assert_logits_gradient_is_the_reference(ours_in, logits, target, exact, scale, dtype, case)


@on_devices()
@pytest.mark.parametrize("dtype,case", SCALES)
def test_symmetric_kl_gradient_of_half_lprobs_is_rounded_once(dtype, case, device):
    logits, target = peaked_logits(ROWS, VOCAB, seed=1)
    lprobs = F.log_softmax(logits.double(), -1).to(dtype)
    pad = target[:ROWS].eq(PAD)
    ref_in = lprobs.detach().double().requires_grad_()
    (ALPHA * reference_symmetric_kl(ref_in, 2, pad)).backward()
    scale = loss_scale(case, [ref_in.grad], dtype)
    ours_in = lprobs.to(device).requires_grad_()
    (ALPHA * symmetric_kl(ours_in, 2, pad.to(device)) * scale).backward()
    # most entries of this gradient (p * log-ratio) lie far below fp16's normal range
    assert (ref_in.grad.abs() * scale < 2**-14).double().mean() > 0.5
    overflowed = assert_rounded_once(ours_in.grad, ref_in.grad * scale, dtype, "lprobs")
    assert_padded_rows_are_zero(ours_in.grad, pad.repeat(2), "lprobs")
    assert_overflow_is_the_case(overflowed, case, [ours_in], scale)


def exact_projection_inputs(rows, dim, vocab, seed=2):
    """Features and an output matrix on a coarse grid (multiples of 1/2 and
    1/4), so the logits come out exact in fp16 and bf16: the float64
    reference then sees the very logits the half matmul made."""
    gen = torch.Generator().manual_seed(seed)
    features = torch.randint(-4, 5, (2 * rows, dim), generator=gen).double() / 2
    weight = torch.randint(-8, 9, (vocab, dim), generator=gen).double() / 4
    target = torch.randint(0, vocab, (rows,), generator=gen)
    target[torch.rand(rows, generator=gen) < 0.2] = PAD
    return features, weight, target.repeat(2)


@pytest.fixture
def full_precision_sums():
    """cuBLAS may keep half partial sums in half matmuls, which could round
    the exact logits of these tests: not while they run."""
    matmul = torch.backends.cuda.matmul
    saved = matmul.allow_fp16_reduced_precision_reduction, matmul.allow_bf16_reduced_precision_reduction
    matmul.allow_fp16_reduced_precision_reduction = matmul.allow_bf16_reduced_precision_reduction = False
    yield
    matmul.allow_fp16_reduced_precision_reduction, matmul.allow_bf16_reduced_precision_reduction = saved


@on_devices()
@pytest.mark.parametrize("dtype,case", SCALES)
def test_chunked_projection_gradients_are_rounded_once(dtype, case, device, full_precision_sums):
    features, weight, target = exact_projection_inputs(ROWS, 16, VOCAB)
    logits = features @ weight.t()
    assert_mostly_tiny(logits)
    ref_f, ref_w = features.clone().requires_grad_(), weight.clone().requires_grad_()
    reference_rdrop_loss(ref_f @ ref_w.t(), target, 2, EPS, ALPHA, PAD)[0].backward()
    scale = loss_scale(case, [ref_f.grad, ref_w.grad], dtype)
    f = features.to(dtype).to(device).requires_grad_()
    w = weight.to(dtype).to(device).requires_grad_()
    assert torch.equal((f.detach() @ w.detach().t()).double().cpu(), logits)
    ours = fused_projection_rdrop_loss(f, w, target.to(device), 2, EPS, ALPHA, PAD)
    (ours[0] * scale).backward()
    slack_f, slack_w = projection_slack(features, weight, target, scale)
    overflowed = assert_rounded_once(f.grad, ref_f.grad * scale, dtype, "features", slack_f)
    overflowed |= assert_rounded_once(w.grad, ref_w.grad * scale, dtype, "weight", slack_w)
    assert_padded_rows_are_zero(f.grad, target.eq(PAD), "features")
    assert_overflow_is_the_case(overflowed, case, [f, w], scale)


def projection_slack(features, weight, target, scale):
    """float32's error for the projection's two gradients: the logits'
    gradient's (above), carried through the two products, plus the products'
    own sums (about 2 sqrt(n) u32 of the sum of magnitudes for n terms, as
    blocked BLAS sums go)."""
    logit_slack = float32_slack(features @ weight.t(), target, scale)
    magnitude = scale * exact_logits_grad(features @ weight.t(), target).abs()
    sums = 2 * 2.0**-24 * magnitude
    return (
        logit_slack @ weight.abs() + VOCAB**0.5 * sums @ weight.abs(),
        logit_slack.t() @ features.abs() + features.size(0) ** 0.5 * sums.t() @ features.abs(),
    )


@pytest.mark.gpu
@CUDA
@pytest.mark.parametrize("path", ["fused", "general", "chunked projection"])
def test_float32_on_cuda_matches_float64(path):
    # full precision on the GPU: values and gradients as float32 arithmetic allows
    if path == "chunked projection":
        features, weight, target = exact_projection_inputs(ROWS, 16, VOCAB)
        inputs = [features.float().cuda().requires_grad_(), weight.float().cuda().requires_grad_()]
        refs = [features.clone().requires_grad_(), weight.clone().requires_grad_()]
        ours = fused_projection_rdrop_loss(*inputs, target.cuda(), 2, EPS, ALPHA, PAD)[0]
        ref = reference_rdrop_loss(refs[0] @ refs[1].t(), target, 2, EPS, ALPHA, PAD)[0]
    else:
        logits, target = peaked_logits(ROWS, VOCAB)
        inputs, refs = [logits.cuda().requires_grad_()], [logits.detach().double().requires_grad_()]
        ref = reference_rdrop_loss(refs[0], target, 2, EPS, ALPHA, PAD)[0]
        if path == "fused":
            ours = fused_label_smoothed_rdrop_loss(inputs[0], target.cuda(), 2, EPS, ALPHA, PAD)[0]
        else:
            lprobs = F.log_softmax(inputs[0], -1)
            nll, _ = label_smoothed_nll_loss(lprobs, target.cuda().unsqueeze(-1), EPS, ignore_index=PAD)
            ours = nll + ALPHA * symmetric_kl(lprobs, 2, target[:ROWS].cuda().eq(PAD))
    torch.testing.assert_close(ours.double().cpu(), ref.detach(), rtol=1e-5, atol=1e-3)
    (ours * LOSS_SCALE).backward()
    (ref * LOSS_SCALE).backward()
    if path == "chunked projection":
        slacks = projection_slack(features, weight, target, LOSS_SCALE)
    else:
        slacks = [float32_slack(logits, target, LOSS_SCALE)]
    for got, expected, slack in zip(inputs, refs, slacks, strict=True):
        # float32's own error where terms cancel, a few ulps elsewhere
        error = (got.grad.double().cpu() - expected.grad).abs()
        assert (error <= slack + 1e-5 * expected.grad.abs()).all()

# End to end: fairseq's FP16Optimizer driven the way fairseq-train --fp16 drives
# it (its trainer needs CUDA, its optimizer does not): model halved, scaled
# backward, overflow check that lowers the scale and retries, unscaled float32
# master gradients. Checked per entry: the R-Drop loss's gradient at the
# model's half logits is the float64 one times the loss scale rounded once, and
# the master gradients are the half model's gradients at the final scale,
# unscaled, with nothing left over from the attempts that overflowed.

SEED = 3
ACTIVATION = "gelu"  # smooth: no ReLU boundary flips between the half and the float64 forward
WORDS = 2000  # eps / (V - 1) = 5e-5: label smoothing's gradient is subnormal in fp16


def tiny_translation(data, *extra):
    """(cfg, task, model, criterion) as fairseq-train builds them, from
    dictionaries written here: no corpus is read."""
    dictionary = Dictionary()
    for i in range(WORDS):
        dictionary.add_symbol(f"w{i}")
    for lang in ("de", "en"):
        dictionary.save(str(data / f"dict.{lang}.txt"))
    cfg = training_cfg(
        data, "--task", "rdrop_translation", "-s", "de", "-t", "en",
        "--criterion", "rdrop_label_smoothed_cross_entropy", "--label-smoothing", "0.1",
        "--rdrop-alpha", str(ALPHA), *TINY_TRANSFORMER, "--activation-fn", ACTIVATION, "--optimizer", "adam", "--lr", "1e-4",
        # fairseq's flat fp32 master copy lives on the current CUDA device
        "--fp16-no-flatten-grads", *extra,
    )  # fmt: skip
    task = tasks.setup_task(cfg.task)
    torch.manual_seed(0)
    model = task.build_model(cfg.model)
    with torch.no_grad():  # confident outputs: most probabilities below 1e-6
        model.decoder.output_projection.weight.mul_(8)
    return cfg, task, model, task.build_criterion(cfg.criterion)


def synthetic_batch(dictionary, sentences=6, src_len=9, tgt_len=8, seed=0):
    """A collated translation batch of random words, targets of varied length."""
    gen = torch.Generator().manual_seed(seed)
    eos, pad = dictionary.eos(), dictionary.pad()
    src = torch.randint(dictionary.nspecial, len(dictionary), (sentences, src_len), generator=gen)
    src[:, -1] = eos
    target = torch.randint(dictionary.nspecial, len(dictionary), (sentences, tgt_len), generator=gen)
    lengths = torch.randint(3, tgt_len + 1, (sentences,), generator=gen)
    prev = torch.full_like(target, pad)
    for row, length in enumerate(lengths.tolist()):
        target[row, length - 1] = eos
        target[row, length:] = pad
        prev[row, 0] = eos
        prev[row, 1:length] = target[row, : length - 1]
    return {
        "id": torch.arange(sentences),
        "nsentences": sentences,
        "ntokens": int(target.ne(pad).sum()),
        "net_input": {
            "src_tokens": src,
            "src_lengths": torch.full((sentences,), src_len),
            "prev_output_tokens": prev,
        },
        "target": target,
    }


class LogitsProbe:
    """The output projection's logits of the model's last forward, and the
    gradient the loss sends back into them."""

    def __init__(self, model):
        self.logits = self.grad = None
        model.decoder.output_projection.register_forward_hook(self.forward_hook)

    def forward_hook(self, module, inputs, output):
        self.logits, self.grad = output.detach().clone(), None
        if output.requires_grad:
            output.register_hook(self.save_grad)

    def save_grad(self, grad):
        self.grad = grad.detach().clone()


def trainer_update(cfg, task, model, criterion, sample):
    """One update the way fairseq's trainer runs it under --fp16/--bf16, up
    to the optimizer step: train_step (scaled backward), gradients divided by
    the sample size, the norm check that raises OverflowError (the trainer
    then skips the update and retries at the lowered scale). Returns the
    logging output, the float32 master gradients (unscaled as step() does),
    the loss scales tried and the sample size."""
    optimizer = FP16Optimizer.build_optimizer(cfg, [p for p in model.parameters() if p.requires_grad])
    scales = []
    for _ in range(40):
        scales.append(optimizer.scaler.loss_scale if optimizer.scaler else None)
        optimizer.zero_grad()
        torch.manual_seed(SEED)
        _, sample_size, log = task.train_step(sample, model, criterion, optimizer, 0)
        optimizer.multiply_grads(1.0 / sample_size)
        try:
            optimizer.clip_grad_norm(0.0)
        except OverflowError:
            continue
        optimizer._unscale_grads()
        return log, [p.grad for p in optimizer.fp32_params], scales, sample_size
    raise AssertionError(f"no loss scale without overflow among {scales}")


class ScaledBackward:
    """The one optimizer call a task's train_step makes: the backward of the
    loss times a fixed scale."""

    def __init__(self, scale):
        self.scale = scale

    def backward(self, loss):
        (loss * self.scale).backward()


def unscaled_half_grads(task, model, criterion, sample, scale, sample_size):
    """The half model's own gradients of one scaled backward (same dropout
    masks), as float32 divided by the scale and the sample size, in the
    order FP16Optimizer applies them."""
    model.zero_grad(set_to_none=True)
    torch.manual_seed(SEED)
    task.train_step(sample, model, criterion, ScaledBackward(scale), 0)
    factor = (1.0 / scale) * (1.0 / sample_size)
    return [p.grad.float().mul_(factor) for p in model.parameters() if p.requires_grad]


def float64_log(cfg, task, model, criterion, sample):
    model = copy.deepcopy(model).double()
    torch.manual_seed(SEED)  # the same dropout masks
    _, _, log = task.train_step(sample, model, criterion, optim.build_optimizer(cfg.optimizer, model.parameters()), 0)
    return log


@pytest.mark.parametrize("path", ["fused", "general"])
@pytest.mark.parametrize("precision", ["--fp16", "--bf16"])
def test_trainer_mixed_precision_update_is_the_rounded_gradient(tmp_path, monkeypatch, precision, path):
    from rdrop_fairseq.criterions import label_smoothed_cross_entropy as lsce

    # a high initial scale, so the scaler must find its scale by overflowing
    init_scale = 2.0**24
    cfg, task, model, criterion = tiny_translation(tmp_path, precision, "--fp16-init-scale", str(int(init_scale)))
    if path == "general":
        monkeypatch.setattr(lsce, "normalizes_with_plain_log_softmax", lambda model: False)
    dtype = torch.float16 if precision == "--fp16" else torch.bfloat16
    model.to(dtype)  # what the trainer does to the model
    probe = LogitsProbe(model)
    sample = synthetic_batch(task.target_dictionary)

    log, grads, scales, sample_size = trainer_update(cfg, task, model, criterion, sample)
    # the R-Drop loss's gradient at the half logits of the update that went
    # through: the float64 gradient of those logits times the scale, rounded once
    scale = scales[-1] or 1.0
    logits = probe.logits.reshape(-1, probe.logits.size(-1))
    target = torch.cat([sample["target"]] * 2).view(-1)  # the task's [x; x]
    exact = exact_logits_grad(logits, target)
    logits_grad = probe.grad.reshape(logits.shape)
    overflowed = assert_rounded_once(logits_grad, exact * scale, dtype, "logits", float32_slack(logits, target, scale))
    assert not overflowed
    assert_padded_rows_are_zero(logits_grad, target.eq(PAD), "logits")
    if dtype == torch.float16:
        # 2^24 overflows by construction (the exact logits gradient alone
        # exceeds fp16's range there); halved until nothing overflows
        assert exact.abs().max() * init_scale >= overflow_threshold(dtype)
        assert scales[0] == init_scale and len(scales) > 1
        assert all(b == a / 2 for a, b in zip(scales, scales[1:]))
    else:  # bf16 needs no loss scale
        assert scales == [None]
    # the float32 master gradients: the half gradients at that scale,
    # unscaled, and nothing else (no residue of the overflowed attempts)
    expected = unscaled_half_grads(task, model, criterion, sample, scale, sample_size)
    names = [n for n, p in model.named_parameters() if p.requires_grad]
    for name, got, want in zip(names, grads, expected, strict=True):
        assert torch.isfinite(got).all(), name
        assert_rounded_once(got, want.double(), torch.float32, name)
    # the logged values match the float64 model's (same weights and masks)
    ref_log = float64_log(cfg, task, model, criterion, sample)
    for key in ("loss", "nll_loss", "kl_loss"):
        assert float(log[key]) == pytest.approx(float(ref_log[key]), rel=2e-3), key
    assert float(ref_log["kl_loss"]) > 1  # the copies differ: dropout, confident outputs
