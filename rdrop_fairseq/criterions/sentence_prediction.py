"""R-Drop for sentence classification and regression (GLUE with RoBERTa),
on top of fairseq's ``sentence_prediction``."""

from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from fairseq.criterions import register_criterion
from fairseq.criterions.sentence_prediction import (
    SentencePredictionConfig,
    SentencePredictionCriterion,
)

from rdrop_fairseq.consistency import pairwise_mse, symmetric_kl
from rdrop_fairseq.criterions.base import RDropCriterion, checked_alpha
from rdrop_fairseq.criterions.capture import captured_outputs, only_output, per_copy


@dataclass
class RDropSentencePredictionConfig(SentencePredictionConfig):
    rdrop_alpha: float = field(
        default=1.0,
        metadata={
            "help": "weight of R-Drop's consistency term between the two "
            "dropout copies (symmetric KL of the class distributions, or the "
            "squared distance of the predictions with --regression-target); "
            "0 trains the duplicated batch without it. Paper (GLUE): tuned "
            "in {0.1, 0.5, 1.0}"
        },
    )


@register_criterion("rdrop_sentence_prediction", dataclass=RDropSentencePredictionConfig)
class RDropSentencePredictionCriterion(RDropCriterion, SentencePredictionCriterion):
    """fairseq's sentence-prediction loss of every copy + ``alpha`` x a
    consistency term between the copies' predictions.

    Classification: the symmetric KL between the copies' class
    distributions (eq. 4; no padding, one row per sentence). Regression
    (``--regression-target``, e.g. STS-B): the squared distance between the
    copies' predictions (Appendix A.4, eq. 7-8). The consistency term is
    logged as ``kl_loss`` in both cases.

    The task loss, its regularisers and ``ncorrect`` are fairseq's
    ``sentence_prediction`` run unchanged on the stacked copies, logged per
    copy (``accuracy`` is the copies' mean); the logits are read off the
    classification head during that call.
    """

    forwards_each_copy = False  # the parent's forward runs the model

    def __init__(self, cfg: RDropSentencePredictionConfig, task):
        super().__init__(cfg, task)
        self.rdrop_alpha = checked_alpha(cfg.rdrop_alpha)

    def rdrop_forward(self, model, sample, copies, reduce=True):
        head = model.classification_heads[self.classification_head_name]
        with captured_outputs(head) as outputs:
            loss, sample_size, logging_output = SentencePredictionCriterion.forward(
                self, model, sample, reduce=reduce
            )
        logits = only_output(outputs, "the classification head")
        if self.rdrop_alpha == 0:  # logged, but no gradient to form
            logits = logits.detach()
        if self.regression_target:
            consistency = pairwise_mse(logits.float(), copies)
        else:
            lprobs = F.log_softmax(logits, dim=-1, dtype=torch.float32)
            consistency = symmetric_kl(lprobs, copies)

        logging_output = per_copy(
            logging_output,
            copies,
            ("loss", "ntokens", "nsentences", "sample_size", "ncorrect"),
        )
        logging_output["kl_loss"] = consistency.data
        return loss + self.rdrop_alpha * consistency, sample_size // copies, logging_output
