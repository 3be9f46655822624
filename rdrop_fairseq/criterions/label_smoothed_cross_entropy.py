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

from fairseq.models import FairseqEncoderDecoderModel

from rdrop_fairseq.batch import ONE_COPY_KEY, paired_sentences, select_rows
from rdrop_fairseq.compat import RDropConfigError
from rdrop_fairseq.consistency import (
    fused_label_smoothed_one_sided_loss,
    fused_label_smoothed_rdrop_loss,
    fused_projection_rdrop_loss,
    one_sided_kl,
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
    # experimental: cheaper steps that make longer runs (benchmarks/RESULTS.md)
    rdrop_target_no_grad: bool = field(
        default=False,
        metadata={
            "help": "EXPERIMENTAL (dominated: a cheaper step but a longer run, 81%% of the "
            "gain at 5.5x a baseline's compute; alpha 1.5: 16%% at 2.4x). "
            "One-sided R-Drop: the second dropout copy runs without gradient "
            "(forward only) as a fixed target, loss = NLL(P1) + alpha * KL(P2||P1); "
            "about 1.4x a plain step instead of 2x (needs --rdrop-copies 2)"
        },
    )
    rdrop_encoder_once: bool = field(
        default=False,
        metadata={
            "help": "EXPERIMENTAL (dominated: 56%% of the gain at 2.7x a baseline's compute, "
            "where --rdrop-fraction 0.5 keeps 84%% at 2.8x). "
            "Run the encoder once per sentence and only the decoder on every "
            "copy (independent decoder dropout, shared encoder dropout): R-Drop's "
            "extra cost shrinks to the decoder's (encoder-decoder models)"
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
        rdrop_target_no_grad=False,
        rdrop_encoder_once=False,
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
        if rdrop_chunked_projection and (rdrop_target_no_grad or rdrop_encoder_once):
            raise RDropConfigError(
                "--rdrop-chunked-projection cannot be combined with "
                "--rdrop-target-no-grad or --rdrop-encoder-once"
            )
        self.rdrop_chunked_projection = rdrop_chunked_projection
        self.rdrop_target_no_grad = rdrop_target_no_grad
        self.rdrop_encoder_once = rdrop_encoder_once
        self.supports_fraction = not rdrop_chunked_projection
        self.forwards_each_copy = not (rdrop_target_no_grad or rdrop_encoder_once)

    def check_plan(self, plan):
        if self.rdrop_target_no_grad and plan.copies != 2:
            raise RDropConfigError(
                f"--rdrop-target-no-grad takes one trained copy and one target: "
                f"it needs --rdrop-copies 2, got {plan.copies}"
            )

    def rdrop_forward(self, model, sample, copies, reduce=True):
        if self.rdrop_chunked_projection and reduce:
            return self.chunked_projection_forward(model, sample, copies)
        paired = paired_sentences(sample, copies)
        sample, net_output, fixed_output = self.copy_outputs(model, sample, copies, paired)
        # rows: `paired` sentences x `trained` copies (the stacked block), then single ones
        trained = 1 if fixed_output is not None else copies
        if reduce and self.ignore_prefix_size == 0 and normalizes_with_plain_log_softmax(model):
            logits, target = net_output[0], model.get_targets(sample, net_output)
            fixed = None if fixed_output is None else fixed_output[0]
            total, loss, nll_loss, kl = self.fused_loss(logits, target, copies, paired, fixed)
            scores, target = logits.reshape(-1, logits.size(-1)), target.reshape(-1)
        else:
            scores, target = self.get_lprobs_and_target(model, net_output, sample)
            loss, nll_loss = label_smoothed_nll_loss(
                scores, target, self.eps, ignore_index=self.padding_idx, reduce=reduce
            )
            block = paired * trained * (target.numel() // sample["target"].size(0))
            if fixed_output is None:
                kl = self.token_kl(scores[:block], target[:block], copies)
            else:
                fixed = model.get_normalized_probs(fixed_output, log_probs=True)
                fixed = fixed[:, self.ignore_prefix_size :].reshape(-1, scores.size(-1))
                kl = one_sided_kl(scores[:block], fixed, target[:block].eq(self.padding_idx))
                kl = kl if self.rdrop_alpha else kl.detach()
            total = loss + self.rdrop_alpha * kl
        loss_copies = trained  # copies the loss sums, to log it per copy
        if sample["target"].size(0) > paired * trained:  # a share stacked: by tokens
            loss_copies = utils.item(target.ne(self.padding_idx).sum()) / max(sample[ONE_COPY_KEY][0], 1)
        sample_size, logging_output = self.per_copy_logging(sample, copies, loss, kl, loss_copies)
        logging_output["nll_loss"] = nll_loss.data / loss_copies
        if self.report_accuracy:
            mask = target.ne(self.padding_idx)
            correct = scores.argmax(1).masked_select(mask).eq(target.masked_select(mask))
            logging_output["n_correct"] = utils.item(correct.sum())
            logging_output["total"] = utils.item(mask.sum())
        return total, sample_size, logging_output

    def fused_loss(self, logits, target, copies, paired, fixed_logits):
        """The fused loss of ``(sentences, length, vocab)`` logits laid out as
        ``copy_outputs`` returns them: the stacked block of ``paired``
        sentences per copy (or, one-sided, the trained copy against the fixed
        target's logits), then the single sentences with the plain
        label-smoothed loss. Returns ``(total, loss, nll_loss, kl)``."""
        vocab = logits.size(-1)
        options = (self.eps, self.rdrop_alpha, self.padding_idx)
        if fixed_logits is None:
            block = paired * copies
            parts = [fused_label_smoothed_rdrop_loss(
                logits[:block].reshape(-1, vocab), target[:block].reshape(-1), copies, *options
            )]  # fmt: skip
        else:
            block = paired
            parts = [fused_label_smoothed_one_sided_loss(
                logits[:block].reshape(-1, vocab), fixed_logits.reshape(-1, vocab),
                target[:block].reshape(-1), *options,
            )]  # fmt: skip
        if block < logits.size(0):
            parts.append(fused_label_smoothed_rdrop_loss(
                logits[block:].reshape(-1, vocab), target[block:].reshape(-1), 1, *options
            ))  # fmt: skip
        return tuple(sum(values) for values in zip(*parts))

    def copy_outputs(self, model, sample, copies, paired):
        """``(trained sample, its net output, the target copy's net output or
        None)``. Plainly the stacked sample and one forward over it; with
        ``--rdrop-target-no-grad`` the second copy of the stacked block runs
        under ``no_grad`` and leaves the trained sample; with
        ``--rdrop-encoder-once`` the encoder sees each sentence once."""
        if not (self.rdrop_target_no_grad or self.rdrop_encoder_once):
            return sample, self.model_output(model, sample), None
        batch = sample["target"].size(0)
        singles = torch.arange(copies * paired, batch)
        first_copy = torch.arange(paired)
        if not self.rdrop_target_no_grad:  # encoder once, decoder on every copy
            unique = torch.cat([first_copy, singles])
            expand = torch.cat([first_copy.repeat(copies), torch.arange(paired, paired + len(singles))])
            return sample, encoder_once_output(model, sample, unique, expand), None
        if copies != 2:
            raise RDropConfigError(f"--rdrop-target-no-grad needs 2 copies, got {copies}")
        trained = select_rows(sample, torch.cat([first_copy, singles]))
        target_copy = select_rows(sample, torch.arange(paired, 2 * paired))
        if self.rdrop_encoder_once:
            every = torch.arange(paired + len(singles))
            net_output, encoder_out = encoder_once_output(
                model, trained, every, every, return_encoder_out=True
            )
            with torch.no_grad():
                encoder_out = model_of(model).encoder.reorder_encoder_out(encoder_out, first_copy.to(
                    target_copy["target"].device))  # fmt: skip
                fixed_output = decoder_output(model, target_copy, encoder_out)
        else:
            net_output = self.model_output(model, trained)
            with torch.no_grad():
                fixed_output = self.model_output(model, target_copy)
        return trained, net_output, fixed_output

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


def model_of(model):
    """``model`` without its data-parallel wrappers."""
    while hasattr(model, "module"):
        model = model.module
    return model


def encoder_once_output(model, sample, unique, expand, return_encoder_out=False):
    """The decoder's output on every row of ``sample`` with the encoder run
    only on the rows ``unique`` and its output spread back to all rows by
    ``expand`` (an index into ``unique``'s order, as beam search does). The
    gradient of every row flows back to the one encoder pass."""
    inner = model_of(model)
    if not isinstance(inner, FairseqEncoderDecoderModel) or not hasattr(inner.encoder, "reorder_encoder_out"):
        raise RDropConfigError(
            f"--rdrop-encoder-once needs an encoder-decoder model, {type(inner).__name__} is not one"
        )
    net_input = sample["net_input"]
    unknown = set(net_input) - {"src_tokens", "src_lengths", "prev_output_tokens"}
    if unknown:
        raise RDropConfigError(
            f"--rdrop-encoder-once runs src_tokens/src_lengths/prev_output_tokens only, "
            f"the batch also has {sorted(unknown)}"
        )
    device = net_input["src_tokens"].device
    unique, expand = unique.to(device), expand.to(device)
    encoder_out = inner.encoder(
        net_input["src_tokens"].index_select(0, unique),
        src_lengths=net_input["src_lengths"].index_select(0, unique),
    )
    spread = inner.encoder.reorder_encoder_out(encoder_out, expand)
    output = decoder_output(model, sample, spread)
    return (output, encoder_out) if return_encoder_out else output


def decoder_output(model, sample, encoder_out):
    net_input = sample["net_input"]
    return model_of(model).decoder(
        net_input["prev_output_tokens"], encoder_out=encoder_out,
        src_lengths=net_input["src_lengths"],
    )  # fmt: skip


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
