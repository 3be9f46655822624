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

import torch
from fairseq.models.transformer import TransformerDecoderBase

from rdrop_fairseq.compat import RDropConfigError
from rdrop_fairseq.consistency import (
    fused_label_smoothed_rdrop_loss,
    fused_projection_rdrop_loss,
)
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
    rdrop_chunked_projection: bool = field(
        default=False,
        metadata={
            "help": "compute the output projection, the label-smoothed NLL and "
            "the KL together chunk by chunk from the decoder's features, so "
            "the (tokens x vocabulary) logits never exist: less memory for "
            "large vocabularies (transformer and BART decoders with a plain "
            "linear output projection)"
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
    loss. ``--rdrop-chunked-projection`` goes one step further and folds the
    output projection in, so the logits are never materialised.
    """

    def __init__(
        self,
        task,
        sentence_avg,
        label_smoothing,
        ignore_prefix_size=0,
        report_accuracy=False,
        rdrop_alpha=5.0,
        rdrop_chunked_projection=False,
    ):
        super().__init__(
            task, sentence_avg, label_smoothing, ignore_prefix_size, report_accuracy
        )
        self.rdrop_alpha = checked_alpha(rdrop_alpha)
        if rdrop_chunked_projection and (report_accuracy or ignore_prefix_size):
            raise RDropConfigError(
                "--rdrop-chunked-projection cannot be combined with --report-accuracy "
                "or --ignore-prefix-size"
            )
        self.rdrop_chunked_projection = rdrop_chunked_projection

    def rdrop_forward(self, model, sample, copies, reduce=True):
        if self.rdrop_chunked_projection and reduce:
            return self.chunked_projection_forward(model, sample, copies)
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

    def chunked_projection_forward(self, model, sample, copies):
        projection = plain_output_projection(model)
        if projection is None:
            raise RDropConfigError(
                "--rdrop-chunked-projection needs a decoder whose output layer is a "
                "plain linear projection followed by log-softmax (transformer, BART); "
                f"{type(model).__name__} is not one"
            )
        features, extra = self.model_output(model, sample, features_only=True)
        target = model.get_targets(sample, (features, extra)).reshape(-1)
        total, loss, nll_loss, kl = fused_projection_rdrop_loss(
            features.reshape(-1, features.size(-1)), projection.weight, target, copies,
            self.eps, self.rdrop_alpha, self.padding_idx,
        )  # fmt: skip
        sample_size, logging_output = self.per_copy_logging(sample, copies, loss, kl)
        logging_output["nll_loss"] = nll_loss.data / copies
        return total, sample_size, logging_output


def plain_output_projection(model):
    """The decoder's bias-free ``nn.Linear`` output projection when the logits
    are exactly ``output_projection(features)`` normalized by log-softmax."""
    while hasattr(model, "module"):  # data-parallel wrappers
        model = model.module
    decoder = getattr(model, "decoder", None)
    projection = getattr(decoder, "output_projection", None)
    if (
        normalizes_with_plain_log_softmax(model)
        and isinstance(decoder, TransformerDecoderBase)
        and type(decoder).output_layer is TransformerDecoderBase.output_layer
        and isinstance(projection, torch.nn.Linear)
        and projection.bias is None
    ):
        return projection
    return None
