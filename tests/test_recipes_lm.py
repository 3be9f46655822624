"""The WikiText-103 recipe end to end on CPU: scripts/wikitext103/prepare.sh,
train.sh and evaluate.sh with SMOKE=1 for both configs (transformer_lm_gpt and
the adaptive-input transformer_lm_wiki103), on a wikitext-103-v1.zip built
here in the real layout from the Bible fixture's English verses, plus a
BASELINE=1 run."""

import json
import re
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pytest

from builders import binarized_sizes
from conftest import REPO, bible_lines, cli_env

SCRIPTS = REPO / "scripts" / "wikitext103"
SPLITS = {"train": 900, "valid": 120, "test": 120}  # verses per split
MODELS = ("transformer_lm_gpt", "adaptive")
ALPHA = {"transformer_lm_gpt": 1.0, "adaptive": 0.5}  # the configs' R-Drop weights


def wiki_text(verses):
    """WikiText's layout: " = Title = " headings between blank lines, a
    paragraph of space-separated tokens per line, each line padded by spaces."""
    lines = []
    for start in range(0, len(verses), 9):
        lines += [" ", f" = Article {start // 9} = ", " "]
        for i in range(start, min(start + 9, len(verses)), 3):
            lines.append(" " + " ".join(verses[i : i + 3]) + " ")
    return "".join(line + "\n" for line in lines)


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    root = tmp_path_factory.mktemp("wt103_archives")
    verses = bible_lines("en", count=sum(SPLITS.values()))
    texts, start = {}, 0
    for split, count in SPLITS.items():
        texts[split] = wiki_text(verses[start : start + count])
        start += count
    with zipfile.ZipFile(root / "wikitext-103-v1.zip", "w") as z:
        for split, text in texts.items():
            z.writestr(f"wikitext-103/wiki.{split}.tokens", text)
    return root, texts


def run(script, *args, env, cwd, check=True):
    proc = subprocess.run(
        ["bash", str(SCRIPTS / script), *args], env=env, capture_output=True, text=True, cwd=cwd
    )
    if check and proc.returncode != 0:
        raise AssertionError(
            f"{script} {' '.join(args)} failed ({proc.returncode}):\n"
            f"{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
        )
    return proc


@pytest.fixture(scope="module")
def runs(archives, tmp_path_factory):
    """prepare, then three concurrent lanes: each model trained and evaluated,
    and a baseline of the adaptive model trained (the fairseq CLIs spend most
    of their time importing, one core each)."""
    root, _ = archives
    work = tmp_path_factory.mktemp("wt103_work")
    env = {
        **cli_env(), "PY": sys.executable, "ARCHIVES": str(root), "OFFLINE": "1",
        "DATA": str(work / "data"), "SMOKE": "1", "NGPUS": "0", "WORKERS": "1",
        "OMP_NUM_THREADS": "1",
    }  # fmt: skip
    prepared = run("prepare.sh", env=env, cwd=work)

    def lane(model, baseline=False):
        lane_env = {**env, "SAVE_DIR": str(work / f"{model}{'_baseline' if baseline else ''}")}
        if baseline:
            lane_env["BASELINE"] = "1"
            return run("train.sh", model, env=lane_env, cwd=work), None
        trained = run("train.sh", model, env=lane_env, cwd=work)
        return trained, run("evaluate.sh", model, env=lane_env, cwd=work)

    with ThreadPoolExecutor(3) as pool:
        futures = {m: pool.submit(lane, m) for m in MODELS}
        futures["baseline"] = pool.submit(lane, "adaptive", baseline=True)
        results = {name: future.result() for name, future in futures.items()}
    return work, prepared, results


def train_inner(log):
    """fairseq's json log records of the training updates."""
    return [json.loads(line.split(" - ", 1)[1]) for line in log.splitlines() if "[train_inner][INFO]" in line]


def split_tokens(text):
    """Tokens fairseq-preprocess --only-source stores: the words of each line plus its eos."""
    return sum(len(line.split()) + 1 for line in text.splitlines())


def test_prepare_binarizes_the_three_splits_with_one_dictionary(archives, runs):
    _, texts = archives
    work, prepared, _ = runs
    bin_dir = work / "data" / "bin"
    for split, text in texts.items():
        sizes = binarized_sizes(bin_dir / split)
        assert len(sizes) == len(text.splitlines())
        assert int(sizes.sum()) == split_tokens(text)
    train_words = {w for line in texts["train"].splitlines() for w in line.split()}
    dict_words = [line.split()[0] for line in (bin_dir / "dict.txt").read_text().splitlines()]
    # fairseq pads the vocabulary to a multiple of 8 with made-up words
    assert {w for w in dict_words if not w.startswith("madeupword")} == train_words
    assert not list((work / "data").glob("*.tmp"))


@pytest.mark.parametrize("model", MODELS)
def test_train_runs_rdrop(runs, model):
    work, _, results = runs
    out = results[model][0].stdout + results[model][0].stderr
    assert "'_name': 'rdrop_language_modeling'" in out
    assert f"'rdrop_alpha': {ALPHA[model]}" in out
    steps = train_inner(out)  # one json log record per update
    assert [int(step["num_updates"]) for step in steps] == [1, 2, 3, 4]
    assert all(float(step["kl_loss"]) >= 0 for step in steps)
    assert (work / model / "checkpoint_best.pt").exists()


@pytest.mark.parametrize("model", MODELS)
def test_evaluate_reports_perplexity_as_two_to_the_eval_lm_loss(archives, runs, model):
    _, texts = archives
    work, _, results = runs
    out = results[model][1].stdout + results[model][1].stderr
    line = r"^(valid|test): loss \(base 2\) [\d.]+, perplexity ([\d.]+)$"
    summary = dict(re.findall(line, out, re.M))
    assert set(summary) == {"valid", "test"}, out[-3000:]
    # fairseq-eval-lm's own lines, one per split, valid first
    losses = [float(x) for x in re.findall(r"Loss \(base 2\): ([\d.]+), Perplexity", out)]
    counts = [int(x.replace(",", "")) for x in re.findall(r"Evaluated ([\d,]+) tokens", out)]
    assert len(losses) == len(counts) == 2
    for split, loss, count in zip(("valid", "test"), losses, counts, strict=True):
        assert float(summary[split]) == pytest.approx(2**loss, rel=1e-3)
        assert count == split_tokens(texts[split]), "every token is scored"
    saved = json.loads((work / model / "eval" / "perplexity.json").read_text())
    for split, loss in zip(("valid", "test"), losses, strict=True):
        assert saved[split]["loss"] == pytest.approx(loss, abs=1e-4)
        assert saved[split]["perplexity"] == pytest.approx(2 ** saved[split]["loss"])
    assert "eval_lm" in (work / model / "eval" / "eval_lm.log").read_text()


def test_baseline_trains_with_fairseqs_own_task_and_criterion(runs):
    work, _, results = runs
    out = results["baseline"][0].stdout + results["baseline"][0].stderr
    assert "'_name': 'language_modeling'" in out and "'_name': 'adaptive_loss'" in out
    steps = train_inner(out)
    assert len(steps) == 4 and not any("kl_loss" in step for step in steps)
    assert "rdrop_alpha" not in out
    assert (work / "adaptive_baseline" / "checkpoint_best.pt").exists()


def test_scripts_fail_fast_with_one_line_errors(tmp_path):
    env = {**cli_env(), "PY": sys.executable, "ARCHIVES": str(tmp_path), "OFFLINE": "1",
           "DATA": str(tmp_path / "data")}  # fmt: skip
    with zipfile.ZipFile(tmp_path / "wikitext-103-v1.zip", "w") as z:
        z.writestr("wikitext-103/wiki.train.tokens", " = A = \n")
    for args, message in [
        (("prepare.sh",), "is not wikitext-103-v1.zip"),
        (("train.sh", "lstm"), "model must be transformer_lm_gpt or adaptive"),
        (("train.sh", "adaptive"), "no binarized data"),
        (("evaluate.sh", "adaptive"), "no checkpoint"),
    ]:
        proc = run(*args, env=env, cwd=tmp_path, check=False)
        assert proc.returncode == 2, proc.stderr
        assert message in proc.stderr and proc.stderr.strip().count("\n") == 0, proc.stderr
    assert not (tmp_path / "data").exists()
