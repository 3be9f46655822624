"""R-Drop for language models with a full softmax: per-token NLL of every
copy plus ``alpha`` x the symmetric KL, on top of fairseq's ``cross_entropy``."""

from dataclasses import dataclass, field

import torch.nn.functional as F
from fairseq.criterions import register_criterion
from fairseq.criterions.cross_entropy import (
    CrossEntropyCriterion,
    CrossEntropyCriterionConfig,
)

from rdrop_fairseq.criterions.base import RDropCriterion, checked_alpha


@dataclass
class RDropCrossEntropyConfig(CrossEntropyCriterionConfig):
    rdrop_alpha: float = field(
        default=1.0,
        metadata={
            "help": "weight of R-Drop's symmetric KL between the two dropout "
            "copies; 0 trains the duplicated batch without it. Paper "
            "(WikiText-103): 1.0 for transformer_lm_gpt; adaptive-input "
            "models (transformer_lm_wiki103, 0.5) use rdrop_adaptive_loss"
        },
    )


@register_criterion("rdrop_cross_entropy", dataclass=RDropCrossEntropyConfig)
class RDropCrossEntropyCriterion(RDropCriterion, CrossEntropyCriterion):
    """NLL of every copy + ``alpha`` x the symmetric KL over non-pad targets.

    Normalised by the tokens (or sentences) of one copy; ``loss`` (hence
    ``ppl``) is logged per copy so it reads like a baseline's. The NLL is
    written out rather than taken from ``compute_loss``, which keeps its
    log-probabilities to itself: the KL needs the same ones, and a second
    vocabulary-wide log-softmax would double the output layer's cost.
    """

    def __init__(self, task, sentence_avg, rdrop_alpha=1.0):
        super().__init__(task, sentence_avg)
        self.rdrop_alpha = checked_alpha(rdrop_alpha)

    def rdrop_forward(self, model, sample, copies, reduce=True):
        net_output = self.model_output(model, sample)
        lprobs = model.get_normalized_probs(net_output, log_probs=True)
        lprobs = lprobs.view(-1, lprobs.size(-1))
        target = model.get_targets(sample, net_output).view(-1)
        loss = F.nll_loss(
            lprobs,
            target,
            ignore_index=self.padding_idx,
            reduction="sum" if reduce else "none",
        )
        kl = self.token_kl(lprobs, target, copies)
        sample_size, logging_output = self.per_copy_logging(sample, copies, loss, kl)
        return loss + self.rdrop_alpha * kl, sample_size, logging_output
