"""The task hook: duplicate each training batch before the criterion sees it."""

from rdrop_fairseq.batch import duplicate
from rdrop_fairseq.compat import RDropConfigError
from rdrop_fairseq.criterions.base import (
    DEFAULT_COPIES,
    RDropCriterion,
    rdrop_criterion_names,
)


class RDropTask:
    """Mixin placed before a fairseq task: ``class T(RDropTask, Parent)``.

    Only ``train_step`` changes: it hands the criterion ``[x; x]`` (one
    forward over twice the sentences). Validation, inference and generation
    are the parent's and never see copies.
    """

    rdrop_copies = DEFAULT_COPIES

    def build_criterion(self, cfg, from_checkpoint=False):
        criterion = super().build_criterion(cfg, from_checkpoint=from_checkpoint)
        if not isinstance(criterion, RDropCriterion):
            name = getattr(cfg, "_name", None) or getattr(cfg, "criterion", "?")
            raise RDropConfigError(
                f"--criterion {name} cannot consume the duplicated batches of an "
                f"R-Drop task; use one of: {', '.join(rdrop_criterion_names())}"
            )
        return criterion

    def train_step(
        self, sample, model, criterion, optimizer, update_num, ignore_grad=False
    ):
        return super().train_step(
            duplicate(sample, self.rdrop_copies),
            model,
            criterion,
            optimizer,
            update_num,
            ignore_grad=ignore_grad,
        )
