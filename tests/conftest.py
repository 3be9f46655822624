import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# real text that ships with the repository (tests/data/README.md): 1,300 train,
# 100 valid and 100 test verse pairs of two public-domain Bibles
BIBLE = REPO / "tests" / "data" / "bible_es_en"
USER_DIR = str(REPO / "rdrop_fairseq")
# every script and fairseq command the tests start imports this checkout's
# rdrop_fairseq and rdrop_tools, installed or not
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


def bible_lines(lang, split="train", count=None, skip=0, lower=False):
    """Lines ``skip .. skip+count`` of a split of the Bible fixture (``es`` or ``en``)."""
    with open(BIBLE / f"{split}.{lang}", encoding="utf-8") as f:
        lines = [line.strip() for line in f]
    lines = lines[skip : skip + count if count else None]
    return [line.lower() for line in lines] if lower else lines


@pytest.fixture(scope="session")
def bible_bin(tmp_path_factory):
    """The Spanish-English Bible fixture, lower-cased, binarized by fairseq-preprocess
    (word level, one joined dictionary of the words seen twice)."""
    raw = tmp_path_factory.mktemp("bible_raw")
    for split in ("train", "valid", "test"):
        for lang in ("es", "en"):
            (raw / f"{split}.{lang}").write_text("".join(line + "\n" for line in bible_lines(lang, split, lower=True)))
    dest = tmp_path_factory.mktemp("bible_bin")
    run_cli(
        "preprocess",
        "--source-lang", "es", "--target-lang", "en",
        "--trainpref", raw / "train", "--validpref", raw / "valid",
        "--testpref", raw / "test", "--destdir", dest,
        "--joined-dictionary", "--thresholdsrc", "2", "--thresholdtgt", "2",
        "--workers", "1",
    )  # fmt: skip
    return dest


@pytest.fixture(scope="session")
def logs(bible_bin, tmp_path_factory):
    """Real fairseq-train logs (json) of a 6-update baseline and R-Drop run on the fixture."""
    from test_cli import train

    out = tmp_path_factory.mktemp("logs")
    paths = {}
    for label, criterion in (("baseline", "label_smoothed_cross_entropy"),
                             ("rdrop", "rdrop_label_smoothed_cross_entropy")):
        proc = train(bible_bin, out / label, "--task", "translation", "--criterion", criterion,
                     "--max-update", "6", "--validate-interval-updates", "3")
        paths[label] = out / f"{label}.log"
        paths[label].write_text(proc.stdout)
    return paths
