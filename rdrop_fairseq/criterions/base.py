"""What every R-Drop criterion shares: the training-time copies, option
checks and the consistency metric. Each criterion adds only its own loss."""

import math

from fairseq.criterions import CRITERION_REGISTRY
from fairseq.logging import metrics

from rdrop_fairseq.batch import copies_in, duplicate
from rdrop_fairseq.compat import RDropConfigError

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

    def forward(self, model, sample, reduce=True):
        if not model.training:
            return super().forward(model, sample, reduce=reduce)
        if copies_in(sample) == 1:
            sample = duplicate(sample, DEFAULT_COPIES)
        return self.rdrop_forward(model, sample, copies_in(sample), reduce=reduce)

    def rdrop_forward(self, model, sample, copies, reduce=True):
        raise NotImplementedError

    @classmethod
    def reduce_metrics(cls, logging_outputs) -> None:
        super().reduce_metrics(logging_outputs)
        if not any("kl_loss" in log for log in logging_outputs):
            return  # validation: nothing of R-Drop to report
        kl_sum = sum(log.get("kl_loss", 0) for log in logging_outputs)
        sample_size = sum(log.get("sample_size", 0) for log in logging_outputs)
        metrics.log_scalar(
            "kl_loss", kl_sum / max(sample_size, 1) / math.log(2), sample_size, round=3
        )


def rdrop_criterion_names():
    return sorted(
        name
        for name, cls in CRITERION_REGISTRY.items()
        if isinstance(cls, type) and issubclass(cls, RDropCriterion)
    )
