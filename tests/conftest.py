import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MULTI30K = REPO.parent / "shared" / "data" / "multi30k"
USER_DIR = str(REPO / "rdrop_fairseq")
# every script and fairseq command the tests start imports this checkout's
# rdrop_fairseq and rdrop_scripts, installed or not
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))

TINY_TRANSFORMER = [
    "--arch", "transformer",
    "--encoder-layers", "1", "--decoder-layers", "1",
    "--encoder-embed-dim", "32", "--decoder-embed-dim", "32",
    "--encoder-ffn-embed-dim", "64", "--decoder-ffn-embed-dim", "64",
    "--encoder-attention-heads", "2", "--decoder-attention-heads", "2",
    "--dropout", "0.3",
]  # fmt: skip


def cli_env():
    env = dict(os.environ)
    # the plugin itself must make checkpoints loadable
    env.pop("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD", None)
    env.setdefault("OMP_NUM_THREADS", "2")
    return env


def run_cli(module, *args, cwd=None, check=True):
    """Run a fairseq console entry point (``fairseq_cli.<module>``)."""
    cmd = [sys.executable, "-m", f"fairseq_cli.{module}", *map(str, args)]
    proc = subprocess.run(cmd, cwd=cwd, env=cli_env(), capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(
            f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n"
            f"{proc.stderr[-5000:]}"
        )
    return proc


def write_slice(src, dst, lines):
    with gzip.open(src, "rt", encoding="utf-8") as fin, open(dst, "w") as fout:
        for i, line in enumerate(fin):
            if i >= lines:
                break
            fout.write(line.strip().lower() + "\n")


@pytest.fixture(scope="session")
def multi30k_bin(tmp_path_factory):
    """A small slice of real Multi30k De-En, binarized by fairseq-preprocess."""
    if not MULTI30K.is_dir():
        pytest.fail(f"shared Multi30k data not found at {MULTI30K}")
    raw = tmp_path_factory.mktemp("multi30k_raw")
    for split, name, lines in [
        ("train", "train", 1200),
        ("valid", "val", 80),
        ("test", "test_2016_flickr", 40),
    ]:
        for lang in ("de", "en"):
            write_slice(MULTI30K / f"{name}.{lang}.gz", raw / f"{split}.{lang}", lines)
    dest = tmp_path_factory.mktemp("multi30k_bin")
    run_cli(
        "preprocess",
        "--source-lang", "de", "--target-lang", "en",
        "--trainpref", raw / "train", "--validpref", raw / "valid",
        "--testpref", raw / "test", "--destdir", dest,
        "--joined-dictionary", "--thresholdsrc", "2", "--thresholdtgt", "2",
        "--workers", "1",
    )  # fmt: skip
    return dest
