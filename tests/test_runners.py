"""The CPU runners (scripts/quickstart.sh, benchmarks/reproduce_small.sh) run
with the Python they are given (PY) and stop, rather than wait forever, when a
baseline that a fine-tuning run starts from fails."""

import os
import subprocess
import sys

from conftest import BIBLE, REPO, cli_env

REPRODUCE = ["bash", str(REPO / "benchmarks" / "reproduce_small.sh")]


def recording_python(tmp_path):
    """A PY that records each call, then runs this Python."""
    python, calls = tmp_path / "python", tmp_path / "python.calls"
    python.write_text(f'#!/usr/bin/env bash\necho "$*" >> {calls}\nexec {sys.executable} "$@"\n')
    python.chmod(0o755)
    return python, calls


def test_fine_tuning_stops_in_one_line_when_its_baseline_fails(tmp_path):
    work = tmp_path / "work"
    # prepared data that cannot train (a dictionary only): the baseline fails at once
    (work / "bible-200" / "bin").mkdir(parents=True)
    (work / "bible-200" / "bin" / "dict.en.txt").write_text("")
    python, calls = recording_python(tmp_path)
    env = {**cli_env(), "SMOKE": "1", "SLICES": "bible:200", "WORK": str(work), "CSV": str(tmp_path / "q.csv"),
           "SEEDS": "1", "ALPHAS": "3", "VARIANTS": "ours_from_baseline baseline", "PY": str(python)}  # fmt: skip
    proc = subprocess.run(REPRODUCE, env=env, capture_output=True, text=True, timeout=120)
    run = work / "bible-200"
    assert (run / "baseline-s1.failed").exists() and not (run / "baseline-s1.recorded").exists()
    errors = [line for line in proc.stderr.splitlines() if "ours_from_baseline-a3-s1:" in line]
    assert errors == [
        f"reproduce_small.sh: error: bible 200 ours_from_baseline-a3-s1: its baseline baseline-s1 failed "
        f"(see {run}/baseline-s1.err)"
    ], proc.stderr
    assert "baseline-s1: failed, see" in proc.stderr
    assert "ours_from_baseline-a3-s1: training" not in proc.stdout and not (run / "ours_from_baseline-a3-s1").exists()
    assert "sysconfig" in calls.read_text()  # fairseq's commands came from PY's environment
    # the invocation fails as a whole, naming its failed runs
    assert proc.returncode == 1 and proc.stderr.splitlines()[-1].startswith("reproduce_small.sh: error: 2 run(s) failed")


def test_language_model_slices_list_their_runs_and_refuse_translation_variants(tmp_path):
    env = {**cli_env(), "DRY_RUN": "1", "SLICES": "lm:5000", "SEEDS": "1 2", "ALPHAS": "0.5 1",
           "VARIANTS": "lm_ours lm_baseline adaptive_ours", "WORK": str(tmp_path / "w")}  # fmt: skip
    proc = subprocess.run(REPRODUCE, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    # baselines first (once per seed, no alpha), then each R-Drop variant per alpha; each at the dropout (0.3)
    assert proc.stdout.splitlines() == [
        "lm 5000 lm_baseline 0 1 0.3", "lm 5000 lm_ours 0.5 1 0.3", "lm 5000 lm_ours 1 1 0.3",
        "lm 5000 adaptive_ours 0.5 1 0.3", "lm 5000 adaptive_ours 1 1 0.3",
        "lm 5000 lm_baseline 0 2 0.3", "lm 5000 lm_ours 0.5 2 0.3", "lm 5000 lm_ours 1 2 0.3",
        "lm 5000 adaptive_ours 0.5 2 0.3", "lm 5000 adaptive_ours 1 2 0.3",
    ]  # fmt: skip
    proc = subprocess.run(REPRODUCE, env={**env, "VARIANTS": "ours"}, capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "unknown language-model variant 'ours'" in proc.stderr


def test_runners_refuse_a_python_they_cannot_use_in_one_line(tmp_path):
    missing = str(tmp_path / "no-such-python")
    env = {"PATH": os.environ["PATH"], "DRY_RUN": "1", "SLICES": "bible:1000", "PY": missing}
    proc = subprocess.run(REPRODUCE, env=env, capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr == f"reproduce_small.sh: error: no Python '{missing}' (set PY)\n"

    # the quickstart takes PY instead of setting up .venv, after checking it has fairseq
    work = tmp_path / "w"
    for python in (missing, "/bin/false"):
        env = {**cli_env(), "SMOKE": "1", "WORK": str(work), "BIBLE_DIR": str(BIBLE), "PY": python}
        proc = subprocess.run(["bash", REPO / "scripts" / "quickstart.sh"], env=env, capture_output=True, text=True)
        assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
        assert f"PY='{python}' cannot import fairseq" in proc.stderr
        assert f"==> Environment ({python})" in proc.stdout and "(.venv)" not in proc.stdout
    assert not work.exists()


def test_a_bible_corpus_that_cannot_be_built_stops_the_run_in_one_line(tmp_path):
    """Without the SWORD modules, scripts/bible_corpus.py's one-line error ends
    the invocation before any training, and no half-built corpus is left behind."""
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "diatheke").write_text("#!/bin/sh\nexit 0\n")  # installed, but without the modules
    (fake / "diatheke").chmod(0o755)
    work = tmp_path / "work"
    env = {**cli_env(), "SMOKE": "1", "SLICES": "bible:200", "WORK": str(work), "CSV": str(tmp_path / "q.csv"),
           "SEEDS": "1", "VARIANTS": "baseline", "PATH": f"{fake}:{os.environ['PATH']}"}  # fmt: skip
    env.pop("BIBLE_DIR", None)
    proc = subprocess.run(REPRODUCE, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "SWORD module(s) missing" in proc.stderr, proc.stderr
    assert not (work / "raw-bible").exists() and not (work / "raw-bible.tmp").exists()
    assert not list(work.glob("bible-200/baseline*"))
