"""What the plugin needs from the environment it is imported into, checked
before anything else loads.

The plugin does not ask pip for fairseq or torch (only the ``fairseq`` extra
does): installing it must keep the fairseq (a release, a git checkout or a
fork such as fairseq-fixed) and the torch build a user trains with. So a
missing or unsupported one is reported here, in one line, at import.
"""

import re
from importlib.util import find_spec

# the oldest torch the plugin has run on (its tests and the GPU check), and
# where fairseq-fixed's requirements put a fresh install on Python >= 3.11
# (its torchaudio requires torch >= 2.11)
TORCH_FLOOR = (2, 11)
# the plugin patches fairseq 0.12's internals (compat.py, docs/fairseq_patches.md)
FAIRSEQ_SERIES = (0, 12)
INSTALL_HINT = "pip install 'rdrop-fairseq[fairseq]' installs one"


def release(version):
    """``(major, minor)`` of a version string such as ``2.13.0+cpu``, ``0.12.3.1``."""
    match = re.match(r"(\d+)\.(\d+)", version)
    return (int(match[1]), int(match[2])) if match else None


def check():
    """Raise ImportError with one line if torch or fairseq is missing or outside the supported range."""
    if find_spec("torch") is None:
        raise ImportError(f"rdrop_fairseq needs torch >= {'.'.join(map(str, TORCH_FLOOR))}, and none is installed")
    import torch

    found = release(torch.__version__)
    if found is None or found < TORCH_FLOOR:
        raise ImportError(
            f"rdrop_fairseq needs torch >= {'.'.join(map(str, TORCH_FLOOR))} (the oldest it is tested with), "
            f"found torch {torch.__version__}"
        )
    series = ".".join(map(str, FAIRSEQ_SERIES))
    if find_spec("fairseq") is None:
        raise ImportError(f"rdrop_fairseq needs fairseq {series}, and none is installed: {INSTALL_HINT}")
    import fairseq

    version = getattr(fairseq, "__version__", "unknown")
    if release(version) != FAIRSEQ_SERIES:
        raise ImportError(f"rdrop_fairseq needs fairseq {series}.x, found fairseq {version} ({fairseq.__file__})")
