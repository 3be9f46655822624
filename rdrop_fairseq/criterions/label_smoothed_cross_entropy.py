"""R-Drop for sequence-to-sequence models: eq. (4) of the paper on top of
fairseq's ``label_smoothed_cross_entropy``."""

from dataclasses import dataclass, field

from fairseq import utils
from fairseq.criterions import register_criterion
from fairseq.criterions.label_smoothed_cross_entropy import (
    LabelSmoothedCrossEntropyCriterion,
    LabelSmoothedCrossEntropyCriterionConfig,
    label_smoothed_nll_loss,
)

from rdrop_fairseq.consistency import fused_label_smoothed_rdrop_loss
from rdrop_fairseq.criterions.base import (
    RDropCriterion,
    checked_alpha,
    normalizes_with_plain_log_softmax,
)


@dataclass
class RDropLabelSmoothedCrossEntropyConfig(LabelSmoothedCrossEntropyCriterionConfig):
    rdrop_alpha: float = field(
        default=5.0,
        metadata={
            "help": "weight of R-Drop's symmetric KL between the two dropout "
            "copies; 0 trains the duplicated batch without it. Paper: 5 for "
            "translation, 0.7 for BART summarization"
        },
    )


@register_criterion(
    "rdrop_label_smoothed_cross_entropy", dataclass=RDropLabelSmoothedCrossEntropyConfig
)
class RDropLabelSmoothedCrossEntropyCriterion(
    RDropCriterion, LabelSmoothedCrossEntropyCriterion
):
    """Label-smoothed NLL of every copy + ``alpha`` x the symmetric KL.

    The loss is summed over the copies and normalised by the tokens (or
    sentences) of one copy, as in the authors' code; ``loss`` and
    ``nll_loss`` are logged per copy so they read like a baseline's.

    When the model normalizes with a plain log-softmax (every fairseq
    transformer, BART), the whole loss is computed straight from the logits
    by one fused function that holds no log-probability tensor and writes
    one gradient; other models (adaptive softmax, custom normalization) take
    the general path through ``get_normalized_probs``. Both give the same
    loss.
    """

    def __init__(
        self,
        task,
        sentence_avg,
        label_smoothing,
        ignore_prefix_size=0,
        report_accuracy=False,
        rdrop_alpha=5.0,
    ):
        super().__init__(
            task, sentence_avg, label_smoothing, ignore_prefix_size, report_accuracy
        )
        self.rdrop_alpha = checked_alpha(rdrop_alpha)

    def rdrop_forward(self, model, sample, copies, reduce=True):
        net_output = self.model_output(model, sample)
        if reduce and self.ignore_prefix_size == 0 and normalizes_with_plain_log_softmax(model):
            scores = net_output[0].reshape(-1, net_output[0].size(-1))  # logits
            target = model.get_targets(sample, net_output).reshape(-1)
            total, loss, nll_loss, kl = fused_label_smoothed_rdrop_loss(
                scores, target, copies, self.eps, self.rdrop_alpha, self.padding_idx
            )
        else:
            scores, target = self.get_lprobs_and_target(model, net_output, sample)
            loss, nll_loss = label_smoothed_nll_loss(
                scores, target, self.eps, ignore_index=self.padding_idx, reduce=reduce
            )
            kl = self.token_kl(scores, target, copies)
            total = loss + self.rdrop_alpha * kl
        sample_size, logging_output = self.per_copy_logging(sample, copies, loss, kl)
        logging_output["nll_loss"] = nll_loss.data / copies
        if self.report_accuracy:
            mask = target.ne(self.padding_idx)
            correct = scores.argmax(1).masked_select(mask).eq(target.masked_select(mask))
            logging_output["n_correct"] = utils.item(correct.sum())
            logging_output["total"] = utils.item(mask.sum())
        return total, sample_size, logging_output
