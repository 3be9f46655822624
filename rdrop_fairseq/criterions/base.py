"""What every R-Drop criterion shares: the training-time copies, option
checks and the consistency metric. Each criterion adds only its own loss."""

import contextlib
import math

import torch
from fairseq.criterions import CRITERION_REGISTRY
from fairseq.logging import metrics
from fairseq.models import BaseFairseqModel, FairseqDecoder
from fairseq.models.transformer import TransformerModelBase
from fairseq.modules import FairseqDropout

from rdrop_fairseq.batch import (
    DROPOUTS_KEY,
    ONE_COPY_KEY,
    copies_in,
    duplicate,
    split_copies,
)
from rdrop_fairseq.compat import RDropConfigError
from rdrop_fairseq.consistency import symmetric_kl

DEFAULT_COPIES = 2


def checked_alpha(alpha, option="--rdrop-alpha"):
    alpha = float(alpha)
    if not math.isfinite(alpha) or alpha < 0:
        raise RDropConfigError(f"{option} must be a finite number >= 0, got {alpha}")
    return alpha


class RDropCriterion:
    """Mixin placed before a fairseq criterion: ``class C(RDropCriterion, Parent)``.

    In eval mode the parent runs untouched on the single-copy batch, so
    validation numbers equal the parent criterion's. In training the batch is
    duplicated here unless a task hook already did it, and ``rdrop_forward``
    receives a batch of ``copies`` stacked copies. Subclasses log their losses
    per copy (comparable with a baseline run) and the consistency term under
    ``kl_loss``.
    """

    # whether rdrop_forward runs the model through model_output, so that each
    # copy can get its own forward (and dropout rate)
    forwards_each_copy = True
    # whether rdrop_forward handles a batch of which only a share is stacked
    # (--rdrop-fraction: batch.PAIRED_KEY sentences per copy, then single rows)
    supports_fraction = False
    # the share of the configured alpha in force; an R-Drop task's
    # --rdrop-alpha-warmup-updates ramp sets it before each update
    alpha_scale = 1.0

    @property
    def rdrop_alpha(self):
        """The consistency weight of the current update."""
        return self.configured_alpha * self.alpha_scale

    @rdrop_alpha.setter
    def rdrop_alpha(self, alpha):
        self.configured_alpha = alpha

    def forward(self, model, sample, reduce=True):
        copies = copies_in(sample)
        if not model.training or copies == 1:  # validation, or an every-k plain step
            return super().forward(model, sample, reduce=reduce)
        if copies is None:  # a plain fairseq task: R-Drop on every step
            sample, copies = duplicate(sample, DEFAULT_COPIES), DEFAULT_COPIES
        loss, sample_size, logging_output = self.rdrop_forward(
            model, sample, copies, reduce=reduce
        )
        # kl_loss is averaged over R-Drop steps only (see reduce_metrics)
        logging_output["kl_sample_size"] = sample_size
        return loss, sample_size, logging_output

    def rdrop_forward(self, model, sample, copies, reduce=True):
        """Loss of a batch of ``copies`` stacked copies; per-copy logging."""
        raise NotImplementedError

    def check_plan(self, plan):
        """Refuse, in one line before training, task options this criterion's
        own options cannot run with (an R-Drop task calls it once)."""

    def token_kl(self, lprobs, target, copies):
        """The symmetric KL over non-pad target positions of ``(copies * n,
        vocab)`` log-probabilities; with alpha 0 it is only logged."""
        pad_mask = target.view(copies, -1)[0].eq(self.padding_idx)
        if self.rdrop_alpha == 0:
            lprobs = lprobs.detach()
        return symmetric_kl(lprobs, copies, pad_mask)

    def per_copy_logging(self, sample, copies, loss, kl, loss_copies=None):
        """``sample_size`` and logging output of one copy, so that logs read
        like a baseline run's (the loss is normalised by one copy's size).
        ``loss_copies``: how many copies ``loss`` sums (fewer than ``copies``
        when a target copy runs without gradient)."""
        ntokens, nsentences = sample.get(ONE_COPY_KEY) or (None, None)
        if ntokens is None:
            ntokens = sample["ntokens"] // copies
        if nsentences is None:
            nsentences = sample["target"].size(0) // copies
        sample_size = nsentences if self.sentence_avg else ntokens
        return sample_size, {
            "loss": loss.data / (copies if loss_copies is None else loss_copies),
            "kl_loss": kl.data,
            "ntokens": ntokens,
            "nsentences": nsentences,
            "sample_size": sample_size,
        }

    @staticmethod
    def model_output(model, sample, **forward_kwargs):
        """The model's output on a stacked batch. With per-copy dropout rates
        each copy needs its own forward; their outputs are stacked back (the
        extras, e.g. attention, are the first copy's)."""
        rates = sample.get(DROPOUTS_KEY)
        if rates is None:
            return model(**sample["net_input"], **forward_kwargs)
        outputs = []
        for net_input, rate in zip(split_copies(sample["net_input"], len(rates)), rates):
            with dropout_rate(model, rate):
                outputs.append(model(**net_input, **forward_kwargs))
        return (torch.cat([out[0] for out in outputs]), *outputs[0][1:])

    @classmethod
    def reduce_metrics(cls, logging_outputs) -> None:
        super().reduce_metrics(logging_outputs)
        if not any("kl_loss" in log for log in logging_outputs):
            return  # validation: nothing of R-Drop to report
        kl_sum = sum(log.get("kl_loss", 0) for log in logging_outputs)
        sample_size = sum(log.get("kl_sample_size", 0) for log in logging_outputs)
        metrics.log_scalar(
            "kl_loss", kl_sum / max(sample_size, 1) / math.log(2), sample_size, round=3
        )


@contextlib.contextmanager
def dropout_rate(model, rate):
    """Run every dropout module of ``model`` (``nn.Dropout`` and fairseq's
    ``FairseqDropout``) at ``rate``; the configured rates come back after."""
    modules = [
        m for m in model.modules() if isinstance(m, (torch.nn.Dropout, FairseqDropout))
    ]
    configured = [m.p for m in modules]
    try:
        for module in modules:
            module.p = rate
        yield
    finally:
        for module, p in zip(modules, configured):
            module.p = p


def normalizes_with_plain_log_softmax(model):
    """Whether ``model.get_normalized_probs(net_output, log_probs=True)`` is
    fairseq's plain ``log_softmax(net_output[0])`` (no adaptive softmax, no
    override anywhere), so that a loss may start from the logits instead."""
    while hasattr(model, "module"):  # data-parallel wrappers
        model = model.module
    decoder = getattr(model, "decoder", None)
    model_cls, decoder_cls = type(model), type(decoder)
    return (
        isinstance(decoder, FairseqDecoder)
        and getattr(decoder, "adaptive_softmax", None) is None
        and model_cls.get_normalized_probs
        in (BaseFairseqModel.get_normalized_probs, TransformerModelBase.get_normalized_probs)
        and model_cls.get_normalized_probs_scriptable
        is BaseFairseqModel.get_normalized_probs_scriptable
        and decoder_cls.get_normalized_probs is FairseqDecoder.get_normalized_probs
        and decoder_cls.get_normalized_probs_scriptable
        is FairseqDecoder.get_normalized_probs_scriptable
    )


def rdrop_criterion_names():
    return sorted(
        name
        for name, cls in CRITERION_REGISTRY.items()
        if isinstance(cls, type) and issubclass(cls, RDropCriterion)
    )
