"""What today's torch needs from fairseq, applied once when the plugin loads.

torch >= 2.6 makes ``torch.load`` default to ``weights_only=True``, which
cannot unpickle a fairseq checkpoint (it stores ``argparse.Namespace`` and
omegaconf configs), so ``fairseq-generate``, ``fairseq-eval-lm``,
``fairseq-validate`` and ``--restore-file`` all fail. fairseq's own checkpoint
module is given a view of torch whose ``load`` keeps the pre-2.6 default
(``weights_only=False``); the rest of the process, and explicit
``weights_only=`` arguments, are left alone. As before torch 2.6, load only
checkpoints you trust.
"""

import sys
import types
import warnings

import numpy as np
import torch


class _TorchWithTrustedLoad(types.ModuleType):
    """Delegates to ``torch`` except for ``load``'s ``weights_only`` default."""

    def __init__(self):
        super().__init__("torch")

    def __getattr__(self, name):
        return getattr(torch, name)

    @staticmethod
    def load(*args, **kwargs):
        kwargs.setdefault("weights_only", False)
        return torch.load(*args, **kwargs)


def trust_fairseq_checkpoints():
    """Let fairseq's checkpoint loader read its own checkpoints again."""
    from fairseq import checkpoint_utils

    if not isinstance(checkpoint_utils.torch, _TorchWithTrustedLoad):
        checkpoint_utils.torch = _TorchWithTrustedLoad()


_HELP = ("-h", "--help")


def help_shows_every_option():
    """Make ``--help`` list the options of the chosen task, criterion, arch...

    fairseq parses the command line twice: once to learn the task, criterion
    and architecture, then again after adding their options. ``--help`` stops
    the first pass, so their options (ours included) never show. The patched
    parser runs both passes without it, then prints the now complete help.
    """
    from fairseq import options

    original = options.parse_args_and_arch
    if getattr(original, "rdrop_installed", False):
        return

    def parse_args_and_arch(parser, input_args=None, *args, **kwargs):
        argv = sys.argv[1:] if input_args is None else list(input_args)
        if not any(arg in _HELP for arg in argv):
            return original(parser, input_args, *args, **kwargs)
        try:
            kwargs["parse_known"] = True
            original(parser, [a for a in argv if a not in _HELP], *args, **kwargs)
        except (SystemExit, Exception):  # no data or --arch yet: fairseq's own help
            return original(parser, input_args, *args, **kwargs)
        parser.print_help()
        parser.exit()

    parse_args_and_arch.rdrop_installed = True
    options.parse_args_and_arch = parse_args_and_arch


class RDropConfigError(ValueError):
    """An R-Drop option that cannot work; reported as one line on the CLI."""


def _one_line_config_errors(previous_hook):
    def hook(exc_type, exc, tb):
        if issubclass(exc_type, RDropConfigError):
            print(f"{sys.argv[0].rsplit('/', 1)[-1]}: error: {exc}", file=sys.stderr)
            return
        previous_hook(exc_type, exc, tb)

    hook.rdrop_installed = True
    return hook


# fairseq 0.12 drives hydra through APIs hydra 1.3 deprecates, which prints
# these on every command; they say nothing to a fairseq user.
_HYDRA_DEPRECATIONS = (
    r"hydra\.experimental\.",
    r"\s*The version_base parameter is not specified",
    r"In '.*': Usage of deprecated keyword in package header",
    r"\s*'.*' is validated against ConfigStore schema",
    r"\s*The strict flag in the compose API is deprecated",
)


def numpy_compat_for_fairseq():
    """fairseq 0.12's ``--sample-break-mode eos`` uses ``np.compat.long``,
    which numpy 2 removed; it meant ``np.int64``."""
    import numpy as np

    if not hasattr(np, "compat"):
        np.compat = types.SimpleNamespace(long=np.int64)


def bart_loads_under_hydra():
    """fairseq's ``BARTModel.upgrade_state_dict_named`` (run on every
    checkpoint load: pretrained bart.large, a resumed run, inference) reads
    ``args.task``. A BART built from a hydra config keeps its options in a
    ``TransformerConfig``, which has no ``task`` field, so every load fails
    with "invalid argument task". BART only compares the value with
    "multilingual_denoising", so an absent task is None."""
    from fairseq.models.transformer.transformer_config import TransformerConfig

    if not hasattr(TransformerConfig, "task"):
        TransformerConfig.task = None


def batches_cover_every_index():
    """fairseq-fixed's compiled ``batch_by_size`` drops the last samples of a
    split when the final batch would be shorter than ``max_sentences`` (10
    samples in batches of 8 come back as one batch of 8). As the longest
    samples come last, ``fairseq-generate`` silently skipped the longest test
    sentences and every epoch the longest training ones. The samples left out
    are put back, each in a batch of its own (it fits, as it passed the size
    filter)."""
    from fairseq.data import data_utils

    original = data_utils.batch_by_size
    if getattr(original, "rdrop_covers_every_index", False):
        return

    def batch_by_size(indices, *args, **kwargs):
        batches = original(indices, *args, **kwargs)
        indices = np.asarray(indices)
        if sum(len(batch) for batch in batches) < len(indices):
            seen = np.concatenate(batches) if len(batches) else indices[:0]
            for index in indices[~np.isin(indices, seen)]:
                batches.append(np.array([index], dtype=indices.dtype))
        return batches

    batch_by_size.rdrop_covers_every_index = True
    data_utils.batch_by_size = batch_by_size


def install():
    trust_fairseq_checkpoints()
    batches_cover_every_index()
    bart_loads_under_hydra()
    numpy_compat_for_fairseq()
    help_shows_every_option()
    for message in _HYDRA_DEPRECATIONS:
        warnings.filterwarnings("ignore", message=message, category=UserWarning)
    if not getattr(sys.excepthook, "rdrop_installed", False):
        sys.excepthook = _one_line_config_errors(sys.excepthook)
