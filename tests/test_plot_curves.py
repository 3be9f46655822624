"""scripts/plot_curves.py on real logs written by a tiny training run."""

import subprocess
import sys

import plot_curves
import pytest
import sacrebleu
from rdrop_tools.fairseq_logs import generate_outputs, read_training_log

from conftest import REPO


def test_reads_train_and_valid_points_from_real_logs(logs):
    series = read_training_log(logs["rdrop"])
    assert [u for u, _, _ in series["train_inner"]] == [1, 2, 3, 4, 5, 6]
    valid_updates = [u for u, _, _ in series["valid"]]
    assert 3 in valid_updates and 6 in valid_updates
    assert all(s >= 0 for _, s, _ in series["train_inner"])
    panels = dict(plot_curves.curves({"rdrop": series}))
    assert set(panels) == {"train loss", "valid loss"}  # no --eval-bleu in this run
    updates, _, losses = panels["train loss"]["rdrop"]
    assert losses == [float(r["loss"]) for _, _, r in series["train_inner"]]


def test_simple_logs_read_as_json_logs(logs, bible_bin, tmp_path):
    from test_cli import train

    # the rdrop run of the fixture again, logged with --log-format simple
    proc = train(bible_bin, tmp_path / "rdrop", "--task", "translation", "--criterion",
                 "rdrop_label_smoothed_cross_entropy", "--max-update", "6", "--validate-interval-updates", "3",
                 "--log-format", "simple")  # fmt: skip
    (tmp_path / "simple.log").write_text(proc.stdout)
    simple, json_log = read_training_log(tmp_path / "simple.log"), read_training_log(logs["rdrop"])
    for kind, key in (("train_inner", "loss"), ("train_inner", "kl_loss"), ("valid", "valid_loss"),
                      ("train", "train_loss"), ("train", "train_num_updates")):  # fmt: skip
        got, expected = ([(u, r[key]) for u, _, r in log[kind]] for log in (simple, json_log))
        assert got == expected and got, (kind, key)
    assert [r["epoch"] for _, _, r in simple["valid"]] == [str(r["epoch"]) for _, _, r in json_log["valid"]]


def test_compare_runs_table_from_real_logs(logs, tmp_path):
    (tmp_path / "rdrop.bleu").write_text("sacreBLEU = 12.34 (BLEU = 12.34 ...)\n")
    proc = subprocess.run([sys.executable, REPO / "scripts" / "compare_runs.py", f"base={logs['baseline']}",
                           f"rdrop={logs['rdrop']}:{tmp_path / 'rdrop.bleu'}"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    header, _, *rows = [[c.strip() for c in line.strip("|").split("|")] for line in proc.stdout.splitlines()]
    assert header == ["run", "test BLEU", "best valid loss", "updates", "train wall s", "epochs", "best epoch",
                      "stopped by"]  # fmt: skip
    rdrop = dict(zip(header, rows[1]))
    valid = read_training_log(logs["rdrop"])["valid"]
    best = min(valid, key=lambda point: float(point[2]["valid_loss"]))[2]
    assert rows[0][:2] == ["base", "n/a"] and rdrop["test BLEU"] == "12.34"
    assert rdrop["best valid loss"] == f"{float(best['valid_loss']):.2f}" and rdrop["best epoch"] == str(best["epoch"])
    assert rdrop["updates"] == "6" and rdrop["epochs"] == str(valid[-1][2]["epoch"])


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


def test_study_runner_writes_one_row_per_setting(bible_bin, tmp_path):
    from conftest import TINY_TRANSFORMER, cli_env

    proc = subprocess.run(
        [sys.executable, REPO / "scripts" / "rdrop_study.py", bible_bin,
         "--alphas", "0,5", "--every-k", "1", "--out", tmp_path, "--bleu", "none",
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
    for index, row in enumerate(rows):
        assert float(row[1]) > 0 and int(row[2]) == 2
        # BLEU of the post-processed hypotheses (D- lines) against the targets, recomputed
        gen = tmp_path / f"run{index}.generate.txt"
        hyps, refs = (generate_outputs(gen, kind) for kind in ("D", "T"))
        expected = sacrebleu.corpus_bleu([hyps[i] for i in sorted(refs)], [[refs[i] for i in sorted(refs)]])
        assert len(hyps) == len(refs) > 0 and float(row[4]) == pytest.approx(expected.score)
