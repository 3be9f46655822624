"""rdrop_tools: the helpers every command-line script uses."""

import math
import os
import subprocess
import sys

import pytest
from rdrop_tools.fairseq_logs import generate_outputs, ordered_outputs, read_score, stop_reason
from rdrop_tools.files import atomic_write, read_lines, write_lines
from rdrop_tools.tables import markdown_table


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path):
    path = tmp_path / "out.txt"
    write_lines(path, ["old", "lines"])
    with pytest.raises(RuntimeError):
        with atomic_write(path) as f:
            f.write("half of the new\n")
            raise RuntimeError("interrupted")
    assert read_lines(path) == ["old", "lines"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]  # no temporary left
    with atomic_write(path) as f:
        f.write("new\r\n")
    assert read_lines(path) == ["new\r"]  # only "\n" ends a line


def test_generate_outputs_by_kind_and_in_id_order(tmp_path):
    log = tmp_path / "generate.txt"
    log.write_text(
        "S-1\tein Haus\nT-1\ta house\nH-1\t-0.5\ta house @-@ boat\nD-1\t-0.5\ta house-boat\n"
        "P-1\t-0.1 -0.2\nS-0\tHallo\nT-0\thello\nH-0\t-0.2\t\nD-0\t-0.2\t\n"
        "2026-11-30 10:00:00 | INFO | fairseq_cli.generate | Translated 2 sentences\n"
    )
    assert generate_outputs(log, "H") == {1: "a house @-@ boat", 0: ""}
    assert generate_outputs(log, "D") == {1: "a house-boat", 0: ""}
    assert generate_outputs(log, "T") == {1: "a house", 0: "hello"}
    assert ordered_outputs(log, 2, "D") == ["", "a house-boat"]


def test_missing_hypotheses_stop_with_one_line(tmp_path):
    log = tmp_path / "generate.txt"
    log.write_text("H-0\t-0.2\tx\nH-2\t-0.2\ty\n")
    code = "import sys; from rdrop_tools.fairseq_logs import ordered_outputs; ordered_outputs(sys.argv[1], 3)"
    proc = subprocess.run([sys.executable, "-c", code, log], capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "2 hypotheses" in proc.stderr and "for 3 references (first missing id: 1)" in proc.stderr


def test_scores_read_from_every_score_file_format(tmp_path):
    cases = {
        "22.5\n": 22.5,
        "BLEU = 31.07, 62.0/37.1/24.4/16.4 (BP=1.000, ratio=1.010, hyp_len=10, ref_len=9)\n": 31.07,
        "sacreBLEU = 7.20 (BLEU = 7.20 30.1/9.5/4.0/1.8 (BP = 1.000 ...))\n": 7.2,
        "no score here\n": math.nan,
    }
    for index, (text, expected) in enumerate(cases.items()):
        (tmp_path / f"{index}.bleu").write_text(text)
        got = read_score(tmp_path / f"{index}.bleu")
        assert got == expected or (math.isnan(got) and math.isnan(expected))


def test_markdown_table_and_stop_reason():
    table = markdown_table(["run", "BLEU", "updates"], [["base", 20.456, 300], ["rdrop", math.nan, 150]])
    assert table.splitlines() == [
        "| run | BLEU | updates |",
        "|---|---|---|",
        "| base | 20.46 | 300 |",
        "| rdrop | n/a | 150 |",
    ]
    assert stop_reason("... | INFO | fairseq_cli.train | early stop since valid performance hasn't improved") == "patience"
    assert stop_reason("Stopping training due to cumulative_training_time: 60.1 > stop_time_hours: 1.0") == "time"
    assert stop_reason("Stopping training due to num_updates: 300 >= max_update: 300") == "max_update"
    assert stop_reason("done training in 12.0 seconds", max_epoch=5, epochs=5) == "max_epoch"
    assert stop_reason("done training in 12.0 seconds", max_epoch=6, epochs=5) == "?"


def test_benchmark_data_folder_comes_from_the_environment(tmp_path):
    code = "from rdrop_tools.corpora import multi30k_dir; print(multi30k_dir())"
    env = {**os.environ, "MULTI30K_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "set MULTI30K_DIR" in proc.stderr
    (tmp_path / "train.en.gz").write_bytes(b"")
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == str(tmp_path)
