"""The task hook: decide, per training batch, what R-Drop runs on it."""

import math
from dataclasses import dataclass, field
from typing import Optional

from fairseq.dataclass import FairseqDataclass

import torch

from rdrop_fairseq.batch import duplicate, duplicate_share, single_copy
from rdrop_fairseq.compat import RDropConfigError
from rdrop_fairseq.criterions.base import RDropCriterion, rdrop_criterion_names


@dataclass
class RDropTaskConfig(FairseqDataclass):
    """Options every R-Drop task adds to its fairseq parent's."""

    # First the ways to pay less for most of the gain (benchmarks/RESULTS.md):
    # every-2 and half of each batch keep 70-100% of it at ~2.7x a baseline's
    # compute, a late start 97% at 3.4x (R-Drop from scratch: ~4x)
    rdrop_every_k: int = field(
        default=1,
        metadata={
            "help": "R-Drop on every K-th update only (updates 0, K, 2K, ...), "
            "plain single-copy training on the others (paper Section 4.2); "
            "2 keeps 70-100%% of the gain at 2.8x a baseline's compute"
        },
    )
    rdrop_fraction: float = field(
        default=1.0,
        metadata={
            "help": "R-Drop on this share of the sentences of each batch, drawn at "
            "random (reproducibly from --seed and the update number); the others "
            "train once. A step costs about 1 + share of a plain one; 1 = every "
            "sentence (translation criterion only); 0.5 keeps 72-93%% of the gain "
            "at 2.7x a baseline's compute"
        },
    )
    rdrop_start_update: int = field(
        default=0,
        metadata={
            "help": "plain training before update N, R-Drop from update N on (counted "
            "from 0), in one run: the learning-rate schedule goes on unchanged; "
            "0 = R-Drop from the start; 1000 kept 97%% of the gain at 3.4x a "
            "baseline's compute (one seed)"
        },
    )
    # the paper's studies
    rdrop_copies: int = field(
        default=2,
        metadata={
            "help": "copies of each sentence per R-Drop step (paper Section 4.3); "
            "the consistency loss is the mean of the pairwise symmetric KLs, "
            "so 2 is exactly eq. (4)"
        },
    )
    rdrop_dropouts: Optional[str] = field(
        default=None,
        metadata={
            "help": "comma-separated dropout rate per copy, e.g. 0.1,0.3 (paper "
            "Section 4.4): every dropout module runs at copy c's rate for copy c "
            "(one forward per copy); the configured rates come back afterwards"
        },
    )
    # experimental: measured, and dominated by the ways above
    rdrop_alpha_warmup_updates: int = field(
        default=0,
        metadata={
            "help": "EXPERIMENTAL (dominated: 82%% of the gain at 3.7x a baseline's "
            "compute, where --rdrop-start-update keeps 97%% at 3.4x). Raise the "
            "consistency weight linearly over the first N updates: "
            "--rdrop-alpha x min(1, u / N) at update u (counted from 0), full weight "
            "after; 0 = full weight from the start. A resumed run continues the ramp "
            "from its update number"
        },
    )
    rdrop_lr_scale: float = field(
        default=1.0,
        metadata={
            "help": "EXPERIMENTAL (dominated: not converged at 5.2x a baseline's compute, "
            "where the full rate converges at 3.4x). With --rdrop-start-update: "
            "from that update on, each step uses the "
            "learning-rate schedule's value times this (e.g. 0.5 to settle the late "
            "R-Drop phase); the schedule itself and its logged lr are unchanged"
        },
    )


@dataclass(frozen=True)
class RDropPlan:
    """The validated R-Drop options of a task; a pure function of the update
    number decides each batch, so a resumed run continues the schedule."""

    copies: int = 2
    every_k: int = 1
    dropouts: Optional[tuple] = None
    alpha_warmup_updates: int = 0
    start_update: int = 0
    fraction: float = 1.0
    seed: int = 1
    pad_idx: int = 1
    lr_scale: float = 1.0

    @classmethod
    def from_config(cls, cfg, pad_idx=1):
        copies = int(getattr(cfg, "rdrop_copies", 2))
        every_k = int(getattr(cfg, "rdrop_every_k", 1))
        if copies < 2:
            raise RDropConfigError(f"--rdrop-copies must be >= 2, got {copies}")
        if every_k < 1:
            raise RDropConfigError(f"--rdrop-every-k must be >= 1, got {every_k}")
        warmup = int(getattr(cfg, "rdrop_alpha_warmup_updates", 0) or 0)
        if warmup < 0:
            raise RDropConfigError(f"--rdrop-alpha-warmup-updates must be >= 0, got {warmup}")
        dropouts = _parse_dropouts(getattr(cfg, "rdrop_dropouts", None), copies)
        start = int(getattr(cfg, "rdrop_start_update", 0) or 0)
        if start < 0:
            raise RDropConfigError(f"--rdrop-start-update must be >= 0, got {start}")
        fraction = float(getattr(cfg, "rdrop_fraction", 1.0))
        if not (math.isfinite(fraction) and 0 < fraction <= 1):
            raise RDropConfigError(f"--rdrop-fraction must be in (0, 1], got {fraction}")
        if fraction < 1 and dropouts:
            raise RDropConfigError(
                "--rdrop-fraction cannot be combined with --rdrop-dropouts"
            )
        lr_scale = float(getattr(cfg, "rdrop_lr_scale", 1.0))
        if not (math.isfinite(lr_scale) and lr_scale > 0):
            raise RDropConfigError(f"--rdrop-lr-scale must be > 0, got {lr_scale}")
        if lr_scale != 1 and start == 0:
            raise RDropConfigError(
                "--rdrop-lr-scale applies from --rdrop-start-update on; set that "
                "(> 0), or scale --lr itself for R-Drop from the start"
            )
        seed = int(getattr(cfg, "seed", 1) or 1)
        return cls(copies, every_k, dropouts, warmup, start, fraction, seed, pad_idx, lr_scale)

    def alpha_scale(self, update_num):
        """The share of --rdrop-alpha in force at update ``update_num``."""
        if self.alpha_warmup_updates == 0:
            return 1.0
        return min(1.0, update_num / self.alpha_warmup_updates)

    def lr_scale_at(self, update_num):
        """The factor on the scheduled learning rate of update ``update_num``."""
        return self.lr_scale if update_num >= self.start_update else 1.0

    def batch_for(self, sample, update_num):
        if update_num < self.start_update or update_num % self.every_k:
            return single_copy(sample)
        if self.fraction < 1:
            return duplicate_share(
                sample, self.chosen_sentences(sample, update_num), self.pad_idx, self.copies
            )
        return duplicate(sample, self.copies, self.dropouts)

    def chosen_sentences(self, sample, update_num):
        """The ``--rdrop-fraction`` share of ``sample``'s sentences that get
        R-Drop: a pure function of the seed, the update number and the
        batch's first sample id, so a resumed run draws the same ones."""
        batch_size = sample["target"].size(0)
        count = min(batch_size, max(1, round(self.fraction * batch_size)))
        first_id = int(sample["id"].view(-1)[0]) if "id" in sample else 0
        generator = torch.Generator().manual_seed(
            (self.seed * 1_000_003 + update_num) * 1_000_003 + first_id
        )
        return torch.randperm(batch_size, generator=generator)[:count].sort().values


def _parse_dropouts(text, copies):
    if text is None or str(text).strip() == "":
        return None
    try:
        rates = tuple(float(rate) for rate in str(text).split(","))
    except ValueError:
        raise RDropConfigError(
            f"--rdrop-dropouts must be comma-separated numbers, got {text!r}"
        ) from None
    if len(rates) != copies:
        raise RDropConfigError(
            f"--rdrop-dropouts gives {len(rates)} rates for --rdrop-copies {copies}"
        )
    if not all(math.isfinite(r) and 0 <= r < 1 for r in rates):
        raise RDropConfigError(f"--rdrop-dropouts rates must be in [0, 1), got {text}")
    return rates


class RDropTask:
    """Mixin placed before a fairseq task: ``class T(RDropTask, Parent)``.

    Only training changes: ``train_step`` hands the criterion ``[x; x]``
    (one forward over ``copies`` times the sentences), or the plain batch on
    the updates an ``--rdrop-every-k`` schedule skips, and sets the share of
    alpha an ``--rdrop-alpha-warmup-updates`` ramp gives that update;
    ``optimizer_step`` applies ``--rdrop-lr-scale`` after a late start.
    Validation, inference and generation are the parent's and never see copies.
    """

    def __init__(self, cfg, *args, **kwargs):
        super().__init__(cfg, *args, **kwargs)
        target_dictionary = self.target_dictionary
        pad_idx = target_dictionary.pad() if target_dictionary is not None else 1
        self.rdrop_plan = RDropPlan.from_config(cfg, pad_idx)

    def build_criterion(self, cfg, from_checkpoint=False):
        # fairseq's legacy tasks (language_modeling) take no from_checkpoint
        if from_checkpoint:
            criterion = super().build_criterion(cfg, from_checkpoint=True)
        else:
            criterion = super().build_criterion(cfg)
        if not isinstance(criterion, RDropCriterion):
            name = getattr(cfg, "_name", None) or getattr(cfg, "criterion", "?")
            raise RDropConfigError(
                f"--criterion {name} cannot consume the duplicated batches of an "
                f"R-Drop task; use one of: {', '.join(rdrop_criterion_names())}"
            )
        if self.rdrop_plan.dropouts and not criterion.forwards_each_copy:
            raise RDropConfigError(
                f"--rdrop-dropouts needs one forward per copy, which --criterion "
                f"{getattr(cfg, '_name', '?')} cannot run (its parent's forward "
                f"computes the loss); use it without per-copy dropout rates"
            )
        if self.rdrop_plan.fraction < 1 and not criterion.supports_fraction:
            raise RDropConfigError(
                f"--rdrop-fraction needs a criterion that pairs part of a batch, which "
                f"--criterion {getattr(cfg, '_name', '?')} cannot; use "
                f"rdrop_label_smoothed_cross_entropy or leave it at 1"
            )
        criterion.check_plan(self.rdrop_plan)
        return criterion

    def train_step(
        self, sample, model, criterion, optimizer, update_num, ignore_grad=False
    ):
        criterion.alpha_scale = self.rdrop_plan.alpha_scale(update_num)
        return super().train_step(
            self.rdrop_plan.batch_for(sample, update_num),
            model,
            criterion,
            optimizer,
            update_num,
            ignore_grad=ignore_grad,
        )

    def optimizer_step(self, optimizer, model, update_num):
        scale = self.rdrop_plan.lr_scale_at(update_num)
        if scale == 1.0:
            return super().optimizer_step(optimizer, model, update_num)
        # the scheduler sets the next update's rate after this step; putting
        # the scheduled rate back keeps what it reads and logs its own
        scheduled = optimizer.get_lr()
        optimizer.set_lr(scheduled * scale)
        try:
            return super().optimizer_step(optimizer, model, update_num)
        finally:
            optimizer.set_lr(scheduled)
