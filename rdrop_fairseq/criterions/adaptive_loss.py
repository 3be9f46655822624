"""R-Drop for adaptive-softmax language models (adaptive input, e.g.
``transformer_lm_wiki103``), on top of fairseq's ``adaptive_loss``."""

from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from fairseq.criterions import register_criterion
from fairseq.criterions.adaptive_loss import AdaptiveLoss, AdaptiveLossConfig

from rdrop_fairseq.compat import RDropConfigError
from rdrop_fairseq.consistency import symmetric_kl
from rdrop_fairseq.criterions.base import RDropCriterion, checked_alpha
from rdrop_fairseq.criterions.capture import captured_outputs, only_output, per_copy

# What fairseq's adaptive_loss refuses: a tail cluster that no target of the
# batch falls in leaves its parameters unused, which PyTorch's DDP rejects.
INCOMPATIBLE_DDP_BACKENDS = ("c10d", "pytorch_ddp")


@dataclass
class RDropAdaptiveLossConfig(AdaptiveLossConfig):
    rdrop_alpha: float = field(
        default=0.5,
        metadata={
            "help": "weight of R-Drop's symmetric KL between the two dropout "
            "copies; 0 trains the duplicated batch without it. Paper "
            "(WikiText-103): 0.5 for transformer_lm_wiki103"
        },
    )


@register_criterion("rdrop_adaptive_loss", dataclass=RDropAdaptiveLossConfig)
class RDropAdaptiveLoss(RDropCriterion, AdaptiveLoss):
    """fairseq's adaptive-softmax NLL of every copy + ``alpha`` x a
    consistency term over the distributions the adaptive softmax computes.

    The adaptive softmax factorises ``P(w) = P_head(w)`` for a head word and
    ``P_head(c) * P_c(w)`` for a word of tail cluster ``c``; the full
    vocabulary is never normalised, and doing it for the KL would undo what
    the adaptive softmax saves. The consistency term is therefore, with each
    KL symmetric and pair-averaged as in :func:`symmetric_kl`:

    * the KL between the copies' head distributions (head words plus one
      entry per cluster) at every non-pad position, plus
    * for each tail cluster ``c``, the KL between the copies' within-cluster
      distributions ``P_c`` at the positions whose target lies in ``c``:
      exactly the rows on which fairseq evaluates that tail for the NLL, so
      no tail is computed beyond what the NLL already needs.

    By the chain rule the full-vocabulary KL is
    ``KL(head) + sum_c P_head(c) KL(P_c)``; this term counts each tail KL
    once where the target is in its cluster instead of weighting every tail
    by ``P_head(c)`` at every position. Padding lies in the head (its index
    is below the first cutoff), so the tail rows hold no pad. The copies'
    tail rows pair up because the copies share their targets: fairseq picks
    the same positions in every copy, copy-major.

    The NLL, ``ntokens`` and ``sample_size`` are fairseq's ``adaptive_loss``
    run unchanged on the stacked copies (logged per copy), so losses compare
    with a fairseq baseline, quirks included: its tail losses also ignore
    target ``padding_idx``, i.e. the word at that offset of each cluster
    adds only its head term. The logits are read off
    ``model.decoder.adaptive_softmax`` during that call.
    """

    forwards_each_copy = False  # the parent's forward runs the model

    def __init__(self, task, sentence_avg, rdrop_alpha=0.5):
        super().__init__(task, sentence_avg)
        self.rdrop_alpha = checked_alpha(rdrop_alpha)

    @classmethod
    def build_criterion(cls, cfg, task):
        if cfg.ddp_backend in INCOMPATIBLE_DDP_BACKENDS:
            raise RDropConfigError(
                f"--ddp-backend {cfg.ddp_backend} cannot train an adaptive "
                "softmax (tail clusters without targets leave parameters "
                "unused); use --ddp-backend legacy_ddp"
            )
        return cls(task, cfg.sentence_avg, cfg.rdrop_alpha)

    def rdrop_forward(self, model, sample, copies, reduce=True):
        adaptive_softmax = getattr(model.decoder, "adaptive_softmax", None)
        if adaptive_softmax is None:
            raise RDropConfigError(
                "--criterion rdrop_adaptive_loss needs a model with an adaptive "
                "softmax (--adaptive-softmax-cutoff); use rdrop_cross_entropy"
            )
        with captured_outputs(adaptive_softmax) as outputs:
            loss, sample_size, logging_output = AdaptiveLoss.forward(
                self, model, sample, reduce=reduce
            )
        (head, *tails), _ = only_output(outputs, "the adaptive softmax")

        pad_mask = sample["target"].view(copies, -1)[0].eq(self.padding_idx)
        kl = symmetric_kl(self._lprobs(head), copies, pad_mask)
        for tail in tails:
            if tail is not None:  # None: no target of the batch in this cluster
                kl = kl + symmetric_kl(self._lprobs(tail), copies)

        logging_output = per_copy(
            logging_output, copies, ("loss", "ntokens", "nsentences", "sample_size")
        )
        logging_output["kl_loss"] = kl.data
        return loss + self.rdrop_alpha * kl, sample_size // copies, logging_output

    def _lprobs(self, logits):
        if self.rdrop_alpha == 0:  # logged, but no gradient to form
            logits = logits.detach()
        return F.log_softmax(logits, dim=-1, dtype=torch.float32)
