"""In-process fairseq objects for criterion and task tests."""

import torch

from builders import build_from_args
from conftest import TINY_TRANSFORMER


def build(data, task="rdrop_translation", criterion="rdrop_label_smoothed_cross_entropy", *extra):
    """(task, model, criterion) for the tiny translation transformer."""
    return build_from_args(data, "--task", task, "--criterion", criterion, *TINY_TRANSFORMER, *extra)


def valid_batch(task, size=8):
    dataset = task.dataset("valid")
    return dataset.collater([dataset[i] for i in range(size)])


def stacked_by_hand(sample):
    """``[x; x]`` built independently of the plugin's duplicate()."""
    net_input = {k: torch.cat([v, v]) for k, v in sample["net_input"].items()}
    return {
        **sample,
        "net_input": net_input,
        "target": torch.cat([sample["target"]] * 2),
        "ntokens": 2 * sample["ntokens"],
    }


def loss_and_grads(criterion, model, sample, seed=7):
    """Criterion output and parameter gradients, with fixed dropout masks."""
    model.zero_grad()
    torch.manual_seed(seed)
    loss, sample_size, log = criterion(model, sample)
    loss.backward()
    grads = [p.grad.clone() for p in model.parameters() if p.grad is not None]
    return loss.detach(), sample_size, log, grads
