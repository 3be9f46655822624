"""Data-parallel equivalence and mixed precision.

Two gloo workers must end where one process with ``--update-freq 2`` ends, and
the consistency loss must stay finite under fairseq's fp16 loss scaling.
"""

import json
import math
import socket
import subprocess
import sys

import pytest
import torch
import torch.nn.functional as F

from conftest import TINY_TRANSFORMER, USER_DIR, cli_env
from helpers import build, valid_batch
from rdrop_fairseq.consistency import symmetric_kl
from test_consistency import reference_symmetric_kl

# Dropout 0 makes the two copies of a sample identical, so the KL term is
# exactly zero whatever the masks. That is the one setting in which workers
# (which draw their masks from the same per-update seed) and a single process
# (which draws them one micro-batch after the other) must agree to float
# precision; alpha stays 5 so the whole R-Drop path runs: duplication, loss
# normalized by one copy's tokens, kl_sample_size summed across workers. The
# KL itself is checked separately below: it is a sum over samples, so how the
# samples are sharded cannot change it.
TRAIN_FLAGS = [
    "--user-dir", USER_DIR, "--task", "rdrop_translation",
    "--criterion", "rdrop_label_smoothed_cross_entropy", "--rdrop-alpha", "5",
    *TINY_TRANSFORMER, "--dropout", "0", "--optimizer", "adam", "--lr", "1e-3",
    "--max-tokens", "400", "--max-update", "3", "--cpu", "--seed", "3",
    "--no-epoch-checkpoints", "--log-format", "json", "--log-interval", "1",
    "--disable-validation", "--ddp-backend", "legacy_ddp",
]  # fmt: skip


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def train_losses(log):
    return [
        float(json.loads(line.split("| train_inner | ", 1)[1])["loss"])
        for line in log.splitlines()
        if "| train_inner | " in line
    ]


def final_params(save_dir):
    state = torch.load(save_dir / "checkpoint_last.pt", map_location="cpu", weights_only=False)
    return state["model"]


def test_two_gloo_workers_match_one_process_with_update_freq_2(bible_bin, tmp_path):
    env = {**cli_env(), "OMP_NUM_THREADS": "1"}
    train = [sys.executable, "-m", "fairseq_cli.train", str(bible_bin), *TRAIN_FLAGS]
    init = f"tcp://127.0.0.1:{free_port()}"
    workers = [
        subprocess.Popen(
            [*train, "--save-dir", tmp_path / "two_workers", "--distributed-backend", "gloo",
             "--distributed-init-method", init, "--distributed-world-size", "2",
             "--distributed-rank", str(rank), "--distributed-no-spawn"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        for rank in range(2)
    ]
    outs = [w.communicate(timeout=300)[0] for w in workers]
    assert all(w.returncode == 0 for w in workers), outs[0][-3000:] + outs[1][-3000:]
    assert "distributed init (rank 1)" in outs[1]

    single = subprocess.run(
        [*train, "--save-dir", tmp_path / "one_process", "--update-freq", "2"],
        env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert single.returncode == 0, single.stderr[-3000:]

    # the logged (all-reduced) losses and the final weights agree
    distributed_losses = train_losses(outs[0])
    assert len(distributed_losses) == 3
    assert distributed_losses == pytest.approx(train_losses(single.stdout + single.stderr), abs=2e-3)
    ours, ref = final_params(tmp_path / "two_workers"), final_params(tmp_path / "one_process")
    assert ours.keys() == ref.keys()
    for name in ref:
        torch.testing.assert_close(ours[name], ref[name], rtol=1e-5, atol=1e-6, msg=name)


def test_kl_of_a_batch_is_the_sum_over_its_shards():
    # what each worker computes on its shard adds up to the single-process KL,
    # in value and in gradient, so sharding cannot change the objective
    gen = torch.Generator().manual_seed(0)
    shard_a = F.log_softmax(torch.randn(2, 5, 30, generator=gen), -1)  # [copy, row, vocab]
    shard_b = F.log_softmax(torch.randn(2, 3, 30, generator=gen), -1)
    pad_a = torch.tensor([False, True, False, False, False])
    pad_b = torch.tensor([False, False, True])
    both = torch.cat([shard_a, shard_b], dim=1).reshape(-1, 30).requires_grad_()
    parts = [shard_a.reshape(-1, 30).requires_grad_(), shard_b.reshape(-1, 30).requires_grad_()]

    whole = symmetric_kl(both, 2, torch.cat([pad_a, pad_b]))
    sharded = symmetric_kl(parts[0], 2, pad_a) + symmetric_kl(parts[1], 2, pad_b)
    torch.testing.assert_close(whole, sharded)
    whole.backward()
    sharded.backward()
    grad = both.grad.view(2, 8, 30)
    torch.testing.assert_close(grad[:, :5], parts[0].grad.view(2, 5, 30))
    torch.testing.assert_close(grad[:, 5:], parts[1].grad.view(2, 3, 30))


@pytest.mark.parametrize("loss_scale", [2.0**7, 2.0**15])
@pytest.mark.parametrize("temperature", [1.0, 30.0])
def test_fp16_gradient_under_loss_scaling_is_finite_and_exact(loss_scale, temperature):
    # fairseq's fp16 trainer multiplies the loss by its scale (128 at start,
    # growing while no gradient overflows) and halves the scale and skips the
    # update when a gradient overflows. Its models emit fp16 logits and
    # get_normalized_probs takes the log_softmax in float32. Wherever the exact
    # scaled gradient fits in fp16, ours must be finite and equal to it; where
    # the exact gradient itself does not fit, the scaler must see the overflow
    # (that is how it finds its scale). The copies differ the way dropout makes
    # them differ: by a perturbation of the same logits.
    gen = torch.Generator().manual_seed(1)
    clean = torch.randn(48, 500, generator=gen) * temperature
    noisy = clean + 0.2 * torch.randn(48, 500, generator=gen) * temperature
    pad = torch.zeros(48, dtype=torch.bool)
    pad[::7] = True
    alpha = 5.0

    logits = torch.cat([clean, noisy]).half().requires_grad_()
    kl = symmetric_kl(F.log_softmax(logits.float(), -1), 2, pad)
    (alpha * kl * loss_scale).backward()
    ref_logits = logits.detach().double().requires_grad_()
    ref = reference_symmetric_kl(F.log_softmax(ref_logits, -1), 2, pad)
    (alpha * ref * loss_scale).backward()

    assert torch.isfinite(kl)
    torch.testing.assert_close(kl.double(), ref, rtol=1e-4, atol=1e-4)
    largest = ref_logits.grad.abs().max().item()
    fp16_max = torch.finfo(torch.float16).max
    if largest < 0.9 * fp16_max:
        assert torch.isfinite(logits.grad).all()
        torch.testing.assert_close(logits.grad.double(), ref_logits.grad, rtol=1e-2, atol=1e-3 * largest)
    else:
        assert largest > 2 * fp16_max  # the parameters keep clear of the boundary
        assert not torch.isfinite(logits.grad).all()


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_precision_model_gives_finite_loss_and_gradients(bible_bin, dtype):
    # the whole criterion on a half-precision model (what --fp16 / --bf16
    # train), with confident outputs from scaled-up output weights, and the
    # loss scaled the way fairseq's scaler settles: the largest power of two at
    # which the exact (float64) gradient still fits in fp16
    task, model, criterion = build(bible_bin)
    with torch.no_grad():
        model.decoder.output_projection.weight.mul_(10)
    sample = valid_batch(task)
    model.train()

    model.double()
    torch.manual_seed(0)
    ref_loss, _, ref_log = criterion(model, sample)
    ref_loss.backward()
    ref_largest = max(p.grad.abs().max().item() for p in model.parameters() if p.grad is not None)
    loss_scale = 2.0 ** math.floor(math.log2(0.25 * torch.finfo(torch.float16).max / ref_largest))

    model.zero_grad()
    model.to(dtype)
    torch.manual_seed(0)
    loss, _, log = criterion(model, sample)
    (loss * loss_scale).backward()
    assert torch.isfinite(loss) and torch.isfinite(log["kl_loss"])
    assert all(torch.isfinite(p.grad).all() for p in model.parameters() if p.grad is not None)
    # same dropout masks (same seed), so the KL matches the float64 model's
    assert ref_log["kl_loss"].item() > 0
    assert log["kl_loss"].item() == pytest.approx(ref_log["kl_loss"].item(), rel=0.05)
