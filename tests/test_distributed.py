"""Data-parallel training equals gradient accumulation, with the KL term active.

Two gloo workers must compute, update by update, the gradients one process
computes with ``--update-freq 2`` over the same two sub-batches.
"""

import json
import socket
import subprocess
import sys

import pytest
import torch
import torch.nn.functional as F

from conftest import REPO, TINY_TRANSFORMER, USER_DIR, cli_env
from rdrop_fairseq.consistency import symmetric_kl
from test_mixed_precision import assert_rounded_once

# Dropout 0.3 and alpha 5: the copies differ, so the KL term and its gradient
# are far from zero. tests/seeded_train.py seeds each sub-batch's dropout from
# the update number and its sample ids, so that a worker and the single process
# draw the same masks for the same sub-batch.
UPDATES = 3
TRAIN_FLAGS = [
    "--user-dir", USER_DIR, "--task", "rdrop_translation",
    "--criterion", "rdrop_label_smoothed_cross_entropy", "--rdrop-alpha", "5",
    "--label-smoothing", "0.1", *TINY_TRANSFORMER, "--dropout", "0.3",
    "--optimizer", "adam", "--lr", "1e-3",
    "--max-tokens", "400", "--max-update", str(UPDATES), "--cpu", "--seed", "3",
    "--no-epoch-checkpoints", "--log-format", "json", "--log-interval", "1",
    "--disable-validation", "--ddp-backend", "legacy_ddp",
]  # fmt: skip


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def train_logs(log):
    """The json records of fairseq's train_inner lines."""
    return [json.loads(line.split("| train_inner | ", 1)[1]) for line in log.splitlines() if "| train_inner | " in line]


def update_grads(folder):
    return [torch.load(folder / f"update{u}.pt", weights_only=True) for u in range(UPDATES)]


def final_params(save_dir):
    state = torch.load(save_dir / "checkpoint_last.pt", map_location="cpu", weights_only=False)
    return state["model"]


def test_two_gloo_workers_match_one_process_with_update_freq_2(bible_bin, tmp_path):
    env = {**cli_env(), "OMP_NUM_THREADS": "1"}
    train = [sys.executable, REPO / "tests" / "seeded_train.py", bible_bin, *TRAIN_FLAGS]
    init = f"tcp://127.0.0.1:{free_port()}"
    grads = {run: tmp_path / f"{run}_grads" for run in ("two_workers", "one_process")}
    for folder in grads.values():
        folder.mkdir()

    def start(run, *args):
        return subprocess.Popen(
            [*train, "--save-dir", tmp_path / run, *args], env={**env, "RDROP_TEST_GRAD_DIR": str(grads[run])},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip

    procs = [
        start("two_workers", "--distributed-backend", "gloo", "--distributed-init-method", init,
              "--distributed-world-size", "2", "--distributed-rank", str(rank), "--distributed-no-spawn")
        for rank in range(2)
    ] + [start("one_process", "--update-freq", "2")]  # fmt: skip
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs), "\n".join(out[-3000:] for out in outs)
    assert "distributed init (rank 1)" in outs[1]

    # every gradient entry of every update, as the optimizer sees it, within one
    # float32 ulp (the all-reduce adds the two sub-batches' gradients once, as
    # accumulation does; legacy_ddp's division by the world size and fairseq's
    # multiplication by it are exact: they come out bitwise equal); then the
    # weights they lead to
    updates = zip(update_grads(grads["two_workers"]), update_grads(grads["one_process"]), strict=True)
    for update, (ours, ref) in enumerate(updates):
        assert ours.keys() == ref.keys()
        for name in ref:
            assert_rounded_once(ours[name], ref[name].double(), torch.float32, f"update {update}: {name}")
    ours, ref = final_params(tmp_path / "two_workers"), final_params(tmp_path / "one_process")
    assert ours.keys() == ref.keys()
    for name in ref:
        assert_rounded_once(ours[name], ref[name].double(), torch.float32, name)
    # the logged (all-reduced) losses agree, and the KL term is active
    distributed, single = train_logs(outs[0]), train_logs(outs[2])
    assert len(distributed) == len(single) == UPDATES
    for ours, ref in zip(distributed, single, strict=True):
        for key in ("loss", "nll_loss", "kl_loss"):
            assert float(ours[key]) == pytest.approx(float(ref[key]), abs=1e-3), key
        assert float(ref["kl_loss"]) > 0.1


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
