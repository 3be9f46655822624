"""Results of the small runs trained to convergence (scripts/small_mt.py,
benchmarks/summarize_small.py, benchmarks/reproduce_small.sh): the CSV rows,
the means and gains over seeds, and the "did not converge" flag."""

import csv
import statistics
import subprocess
import sys

import pytest
from rdrop_scripts import QUALITY_COLUMNS, read_quality_rows, read_training_log, write_quality_row

from conftest import REPO

SMALL_MT = [sys.executable, str(REPO / "scripts" / "small_mt.py")]


def row(variant, seed, bleu, minutes=10.0, stopped_by="patience", alpha=None, pairs=1000, corpus="bible"):
    alpha = alpha if alpha is not None else (0 if variant == "baseline" else 5)
    return dict(corpus=corpus, pairs=pairs, variant=variant, alpha=alpha, seed=seed, test_bleu=f"{bleu:.2f}",
                best_valid_loss="5.500", epochs=30, best_epoch=25, updates=3000, train_minutes=f"{minutes:.1f}",
                stopped_by=stopped_by)  # fmt: skip


def table_rows(text, first_cell):
    return [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in text.splitlines() if line.startswith(f"| {first_cell} |")]  # fmt: skip


def test_a_rerun_replaces_its_row_and_keeps_the_others(tmp_path):
    path = tmp_path / "results" / "quality.csv"
    write_quality_row(path, row("baseline", 1, 10.0))
    write_quality_row(path, row("ours", 1, 12.0))
    write_quality_row(path, row("baseline", 1, 11.0))  # the same run again
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == QUALITY_COLUMNS
        got = [(r["variant"], r["test_bleu"]) for r in reader]
    assert got == [("ours", "12.00"), ("baseline", "11.00")]
    assert not list(tmp_path.glob("results/*.tmp"))


def test_a_csv_with_other_columns_is_refused_in_one_line(tmp_path):
    path = tmp_path / "quality.csv"
    path.write_text("corpus,bleu\nbible,3\n")
    proc = subprocess.run([*SMALL_MT, "table", "--csv", path], capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "columns" in proc.stderr
    assert path.read_text() == "corpus,bleu\nbible,3\n"


def test_tables_give_mean_std_gain_cost_and_the_convergence_flag(tmp_path):
    path = tmp_path / "quality.csv"
    runs = [row("baseline", 1, 10.0, 10), row("baseline", 2, 12.0, 14),
            row("ours", 1, 13.0, 30), row("ours", 2, 14.5, 40), row("ours", 3, 16.0, 50, stopped_by="time")]
    for r in runs:
        write_quality_row(path, r)
    proc = subprocess.run([*SMALL_MT, "table", "--csv", path], capture_output=True, text=True, check=True)
    lines = table_rows(proc.stdout, "bible")
    per_run, groups = lines[:5], lines[5:]
    # per run: converged, and the difference to the same seed's baseline
    assert [r[5] for r in per_run] == ["yes", "yes", "yes", "yes", "no (time)"]
    assert [r[10] for r in per_run] == ["+0.00", "+0.00", "+3.00", "+2.50", "n/a"]
    base, ours = groups
    assert base[4] == "2" and base[6] == f"{statistics.mean([10, 12]):.2f} +- {statistics.stdev([10, 12]):.2f}"
    assert ours[5] == "no (patience, time)"  # one seed hit the time cap
    assert ours[6] == f"{statistics.mean([13, 14.5, 16]):.2f} +- {statistics.stdev([13, 14.5, 16]):.2f}"
    # gain and cost against the baseline runs of the same seeds (seed 3 has none)
    assert float(ours[7]) == pytest.approx(statistics.mean([13 - 10, 14.5 - 12]), abs=0.005)
    assert ours[11] == f"{(30 + 40) / (10 + 14):.1f}x"


def test_record_reads_a_real_training_log(logs, tmp_path):
    bleu = tmp_path / "run.bleu"
    bleu.write_text("sacreBLEU = 7.25 (BLEU = 7.25 30.1/9.5/4.0/1.8 ...)\n")
    csv_path = tmp_path / "quality.csv"

    def record(log, seed):
        subprocess.run([*SMALL_MT, "record", "--csv", csv_path, "--log", log, "--bleu", bleu, "--minutes", "3.25",
                        "--max-epoch", "300", "--corpus", "bible", "--pairs", "1300", "--variant", "ours",
                        "--alpha", "5", "--seed", str(seed)], check=True)  # fmt: skip

    record(logs["rdrop"], 1)
    stopped = tmp_path / "stopped.log"  # the same run, ended by fairseq's early stopping
    stopped.write_text(logs["rdrop"].read_text() + "2026-01-01 00:00:00 | INFO | fairseq_cli.train | "
                       "early stop since valid performance hasn't improved for last 5 runs\n")  # fmt: skip
    record(stopped, 2)
    first, second = read_quality_rows(csv_path)
    valid = [r for _, _, r in read_training_log(logs["rdrop"])["valid"]]
    best = min(valid, key=lambda r: float(r["valid_loss"]))
    assert first["test_bleu"] == "7.25" and first["train_minutes"] == f"{3.25:.1f}"
    assert float(first["best_valid_loss"]) == pytest.approx(float(best["valid_loss"]), abs=5e-4)
    assert first["best_epoch"] == str(int(best["epoch"])) and first["updates"] == "6"
    assert first["stopped_by"] == "max_update" and second["stopped_by"] == "patience"


def test_summary_tables_and_gain_plot(tmp_path):
    path = tmp_path / "quality.csv"
    for r in [row("baseline", 1, 20.0, pairs=3000, corpus="multi30k"), row("ours", 1, 23.0, pairs=3000, corpus="multi30k"),
              row("builtin", 1, 22.0, pairs=3000, corpus="multi30k"),
              row("baseline", 1, 30.0, pairs=29000, corpus="multi30k"), row("ours", 1, 30.5, pairs=29000, corpus="multi30k")]:
        write_quality_row(path, r)
    md, png, cost_png = tmp_path / "quality.md", tmp_path / "gain_vs_data.png", tmp_path / "bleu_vs_minutes.png"
    proc = subprocess.run([sys.executable, REPO / "benchmarks" / "summarize_small.py", path, "--out-md", md,
                           "--plot", png, "--cost-plot", cost_png], capture_output=True, text=True, check=True)  # fmt: skip
    assert md.read_text() + "\n" == proc.stdout
    assert [line for line in proc.stdout.splitlines() if line.startswith("###")] == [
        "### multi30k, 3000 training pairs", "### multi30k, 29000 training pairs"]
    gains = {(r[1], r[2]): r[7] for r in table_rows(proc.stdout, "multi30k") if len(r) == 12 and "x" in r[11]}
    assert gains[("3000", "ours")] == "+3.00" and gains[("3000", "builtin")] == "+2.00"
    assert gains[("29000", "ours")] == "+0.50"
    assert png.read_bytes()[:4] == b"\x89PNG" and cost_png.read_bytes()[:4] == b"\x89PNG"


def test_reproduction_lists_its_runs_and_refuses_bad_slices():
    env = {"DRY_RUN": "1", "SLICES": "bible:1000", "SEEDS": "1 2", "VARIANTS": "baseline ours", "ALPHAS": "1 5",
           "PATH": "/usr/bin:/bin"}  # fmt: skip
    script = ["bash", REPO / "benchmarks" / "reproduce_small.sh"]
    proc = subprocess.run(script, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "bible 1000 baseline 0 1", "bible 1000 ours 1 1", "bible 1000 ours 5 1",
        "bible 1000 baseline 0 2", "bible 1000 ours 1 2", "bible 1000 ours 5 2"]  # fmt: skip
    for knob, value, words in (("SLICES", "bible", "CORPUS:PAIRS"), ("SLICES", "wmt:10", "unknown corpus"),
                               ("VARIANTS", "ours fast", "unknown variant"), ("SEEDS", "x", "whole numbers")):
        proc = subprocess.run(script, env={**env, knob: value}, capture_output=True, text=True)
        assert proc.returncode == 2 and words in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr


def test_multi30k_slices_name_the_variable_when_the_data_is_missing(tmp_path):
    env = {"DRY_RUN": "1", "SLICES": "multi30k:3000", "MULTI30K_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(["bash", REPO / "benchmarks" / "reproduce_small.sh"], env=env, capture_output=True, text=True)
    assert proc.returncode == 2 and "MULTI30K_DIR" in proc.stderr


def test_cheaper_ways_train_end_to_end_and_charge_the_baseline_they_start_from(tmp_path):
    """The reproduction in smoke mode on the committed Bible fixture: the
    fine-tuning way waits for and starts from its seed's baseline, and its
    minutes include the baseline's; every-k and the alpha ramp reach fairseq."""
    from conftest import BIBLE, cli_env

    work, csv_path = tmp_path / "work", tmp_path / "quality.csv"
    env = {**cli_env(), "SMOKE": "1", "SLICES": "bible:200", "BIBLE_DIR": str(BIBLE), "WORK": str(work),
           "CSV": str(csv_path), "SEEDS": "1", "ALPHAS": "3", "ALPHA_WARMUP": "7",
           "VARIANTS": "ours_from_baseline ours_every2 ours_warmup baseline"}  # fmt: skip
    proc = subprocess.run(["bash", REPO / "benchmarks" / "reproduce_small.sh"], env=env, capture_output=True,
                          text=True)  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    rows = {r["variant"]: r for r in read_quality_rows(csv_path)}
    assert set(rows) == {"baseline", "ours_from_baseline", "ours_every2", "ours_warmup"}
    run = work / "bible-200"
    own = float((run / "ours_from_baseline-a3-s1.minutes").read_text())
    base = float((run / "baseline-s1.minutes").read_text())
    assert rows["ours_from_baseline"]["train_minutes"] == f"{own + base:.1f}"
    finetune_log = (run / "ours_from_baseline-a3-s1.log").read_text()
    assert "baseline-s1/checkpoint_best.pt" in finetune_log
    # it starts where the baseline ended: its first validation beats the baseline's first one
    first_valid = {name: read_training_log(run / f"{name}.log")["valid"][0][2]["valid_loss"]
                   for name in ("baseline-s1", "ours_from_baseline-a3-s1")}  # fmt: skip
    assert float(first_valid["ours_from_baseline-a3-s1"]) < float(first_valid["baseline-s1"])
    for name, flag in (("ours_every2-a3-s1", "'rdrop_every_k': 2"), ("ours_warmup-a3-s1", "'rdrop_alpha_warmup_updates': 7")):
        assert flag in (run / f"{name}.log").read_text()


def test_fine_tuning_the_baseline_without_it_is_refused(tmp_path):
    env = {"DRY_RUN": "1", "SLICES": "bible:1000", "VARIANTS": "ours_from_baseline", "WORK": str(tmp_path),
           "PATH": "/usr/bin:/bin"}  # fmt: skip
    proc = subprocess.run(["bash", REPO / "benchmarks" / "reproduce_small.sh"], env=env, capture_output=True, text=True)
    assert proc.returncode == 2 and "add baseline to VARIANTS" in proc.stderr and proc.stderr.count("\n") == 1
