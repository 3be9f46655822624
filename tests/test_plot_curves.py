"""scripts/plot_curves.py on real logs written by a tiny training run."""

import importlib.util
import subprocess
import sys

import pytest

from conftest import REPO

spec = importlib.util.spec_from_file_location("plot_curves", REPO / "scripts" / "plot_curves.py")
plot_curves = importlib.util.module_from_spec(spec)
spec.loader.exec_module(plot_curves)


@pytest.fixture(scope="module")
def logs(multi30k_bin, tmp_path_factory):
    from test_cli import train

    out = tmp_path_factory.mktemp("logs")
    paths = {}
    for label, criterion in (("baseline", "label_smoothed_cross_entropy"),
                             ("rdrop", "rdrop_label_smoothed_cross_entropy")):
        proc = train(multi30k_bin, out / label, "--task", "translation", "--criterion", criterion,
                     "--max-update", "6", "--validate-interval-updates", "3")
        paths[label] = out / f"{label}.log"
        paths[label].write_text(proc.stdout)
    return paths


def test_reads_train_and_valid_points_from_real_logs(logs):
    series = plot_curves.read_log(logs["rdrop"])
    assert [u for u, _, _ in series["train_inner"]] == [1, 2, 3, 4, 5, 6]
    valid_updates = [u for u, _, _ in series["valid"]]
    assert 3 in valid_updates and 6 in valid_updates
    assert all(s >= 0 for _, s, _ in series["train_inner"])
    panels = dict(plot_curves.curves({"rdrop": series}))
    assert set(panels) == {"train loss", "valid loss"}  # no --eval-bleu in this run
    updates, _, losses = panels["train loss"]["rdrop"]
    assert losses == [float(r["loss"]) for _, _, r in series["train_inner"]]


def test_writes_a_png_with_one_line_per_run(logs, tmp_path):
    png = tmp_path / "curves.png"
    subprocess.run([sys.executable, REPO / "scripts" / "plot_curves.py",
                    f"baseline={logs['baseline']}", f"rdrop={logs['rdrop']}", "--out", png],
                   check=True, capture_output=True)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_refuses_logs_without_json_records(tmp_path):
    empty = tmp_path / "plain.log"
    empty.write_text("epoch 001 | loss 3.2 | nll_loss 2.1\n")
    proc = subprocess.run([sys.executable, REPO / "scripts" / "plot_curves.py", str(empty)],
                          capture_output=True, text=True)
    assert proc.returncode != 0 and "--log-format json" in proc.stderr


def test_study_runner_writes_one_row_per_setting(multi30k_bin, tmp_path):
    from conftest import TINY_TRANSFORMER, cli_env

    proc = subprocess.run(
        [sys.executable, REPO / "scripts" / "rdrop_study.py", multi30k_bin,
         "--alphas", "0,5", "--every-k", "1", "--out", tmp_path, "--bleu",
         "--generate-args", "--cpu --max-len-b 5", "--",
         *TINY_TRANSFORMER, "--optimizer", "adam", "--lr", "0.001", "--max-tokens", "1000",
         "--max-update", "2", "--cpu"],
        capture_output=True, text=True, env=cli_env(),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = (tmp_path / "results.tsv").read_text().splitlines()
    assert lines[0].split("\t") == ["setting", "valid_loss", "updates", "wall_s", "test_bleu"]
    rows = [line.split("\t") for line in lines[1:]]
    assert [r[0] for r in rows] == ["baseline", "alpha=0 k=1", "alpha=5 k=1"]
    for row in rows:
        assert float(row[1]) > 0 and int(row[2]) == 2 and 0 <= float(row[4]) <= 100
