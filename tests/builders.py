"""In-process fairseq objects for any task and architecture, and references
computed without the plugin (``helpers.build`` is tied to translation)."""

import torch
import torch.nn.functional as F
from fairseq import options, tasks
from fairseq.dataclass.utils import convert_namespace_to_omegaconf

import rdrop_fairseq  # noqa: F401  (registers the plugin)
from conftest import USER_DIR


def training_cfg(data, *args):
    """The configuration fairseq-train builds from these arguments."""
    parser = options.get_training_parser()
    parsed = options.parse_args_and_arch(
        parser, [str(data), "--user-dir", USER_DIR, *map(str, args)]
    )
    return convert_namespace_to_omegaconf(parsed)


def build_from_args(data, *args, split="valid"):
    """(task, model, criterion) exactly as fairseq-train builds them."""
    cfg = training_cfg(data, *args)
    fairseq_task = tasks.setup_task(cfg.task)
    fairseq_task.load_dataset(split)
    model = fairseq_task.build_model(cfg.model)
    return fairseq_task, model, fairseq_task.build_criterion(cfg.criterion)


def reference_losses_and_grads(model, parts, seed=7):
    """Each part re-run under the same seed (so every forward draws the
    dropout masks the criterion under test drew), their values, and the
    parameter gradients of their sum."""
    model.zero_grad()
    values = []
    for part in parts:
        torch.manual_seed(seed)
        values.append(part())
    sum(v.sum() for v in values).backward()
    grads = [p.grad.clone() for p in model.parameters() if p.grad is not None]
    return [v.detach() for v in values], grads


def assert_grads_close(grads, ref_grads):
    """Float32 agreement, with the absolute slack scaled to the largest
    gradient (losses are sums over tokens, so gradients reach the hundreds)."""
    scale = max(r.abs().max().item() for r in ref_grads)
    for g, r in zip(grads, ref_grads, strict=True):
        torch.testing.assert_close(g, r, rtol=1e-4, atol=1e-6 * max(scale, 1.0))


def kl_div_symmetric(a, b, keep=None):
    """sum over rows of (KL(P||Q) + KL(Q||P)) / 2 via torch's kl_div, in float64;
    ``a``, ``b`` are the two copies' log-probabilities, ``keep`` a row mask."""
    a, b = a.double(), b.double()
    kl = lambda p, q: F.kl_div(q, p, log_target=True, reduction="none").sum(-1)  # noqa: E731
    rows = (kl(a, b) + kl(b, a)) / 2
    return (rows[keep] if keep is not None else rows).sum()


def binarized_sizes(prefix):
    """Token counts (eos included) of a fairseq-preprocess'ed split, copied
    out before the memory map closes with its dataset."""
    from fairseq.data import data_utils

    dataset = data_utils.load_indexed_dataset(str(prefix), None)
    return dataset.sizes.copy()


def write_lines(path, lines):
    path.write_text("".join(line + "\n" for line in lines))


def byte_symbols():
    """GPT-2's printable stand-in for every byte (its bytes_to_unicode
    table), written out independently of fairseq's encoder, for the tiny
    GPT-2 BPE files the recipe tests build."""
    printable = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1),
                 *range(ord("®"), ord("ÿ") + 1)]  # fmt: skip
    table, extra = {}, 0
    for b in range(256):
        if b in printable:
            table[b] = chr(b)
        else:
            table[b] = chr(256 + extra)
            extra += 1
    return table
