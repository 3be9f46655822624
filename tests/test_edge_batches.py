"""The odd batches fairseq produces: dummy batches, one sentence, all padding."""

import numpy as np
import pytest
import torch

from helpers import build, valid_batch
from rdrop_fairseq.batch import duplicate
from rdrop_fairseq.consistency import symmetric_kl
from test_rdrop_options import Optimizer, reference_pairwise_kl


def test_ignore_grad_dummy_batch_contributes_nothing(bible_bin):
    # fairseq trains on a dummy batch with ignore_grad=True after an OOM or
    # when a worker's shard runs out: its gradient must be exactly zero
    task, model, criterion = build(bible_bin)
    sample = valid_batch(task)
    model.zero_grad()
    loss, _, _ = task.train_step(sample, model, criterion, Optimizer(), 0, ignore_grad=True)
    assert loss.item() == 0
    assert all(p.grad is None or p.grad.abs().sum() == 0 for p in model.parameters())


def test_one_sentence_batch(bible_bin):
    task, model, criterion = build(bible_bin)
    sample = valid_batch(task, size=1)
    loss, size, log = task.train_step(sample, model, criterion, Optimizer(), 0)
    assert torch.isfinite(loss) and log["kl_loss"] >= 0
    assert size == sample["ntokens"] and log["nsentences"] == 1


def test_targets_all_padding_but_one_token(bible_bin):
    task, model, criterion = build(bible_bin)
    sample = valid_batch(task, size=4)
    pad = task.target_dictionary.pad()
    target = torch.full_like(sample["target"], pad)
    target[2, 0] = sample["target"][2, 0]
    sample = {**sample, "target": target, "ntokens": 1}
    model.train()
    torch.manual_seed(0)
    loss, size, log = criterion(model, sample)
    assert size == 1 and torch.isfinite(loss)
    # the KL covers exactly the one real position of each copy
    torch.manual_seed(0)
    stacked = duplicate(sample)
    lprobs = model.get_normalized_probs(model(**stacked["net_input"]), log_probs=True)
    lprobs = lprobs.view(-1, lprobs.size(-1)).detach()
    keep = target.ne(pad).view(-1).double()
    torch.testing.assert_close(log["kl_loss"].double(), reference_pairwise_kl(lprobs, 2, keep),
                               rtol=1e-4, atol=1e-5)


def test_all_padding_gives_zero_kl_and_zero_kl_gradient():
    lprobs = torch.log_softmax(torch.randn(6, 50), -1).requires_grad_()
    kl = symmetric_kl(lprobs, 2, torch.ones(3, dtype=torch.bool))
    kl.backward()
    assert kl.item() == 0 and lprobs.grad.abs().sum() == 0


@pytest.mark.parametrize("count, max_sentences", [(10, 8), (2290, 128), (16, 8)])
def test_batching_keeps_every_sample(count, max_sentences):
    # fairseq-fixed's compiled batch_by_size drops a short final batch (the
    # longest samples): generation would skip the longest test sentences
    from fairseq.data import data_utils

    sizes = np.sort(np.random.RandomState(0).randint(5, 100, count)).astype("int64")
    indices = np.arange(count, dtype="int64")
    batches = data_utils.batch_by_size(
        indices, lambda i: int(sizes[i]), max_tokens=None, max_sentences=max_sentences,
        required_batch_size_multiple=8, num_tokens_vec=sizes,
    )  # fmt: skip
    assert sorted(np.concatenate(batches).tolist()) == list(range(count))
    assert all(len(batch) <= max_sentences for batch in batches)
