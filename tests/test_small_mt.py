"""Results of the small runs trained to convergence (scripts/small_mt.py,
benchmarks/summarize_small.py, benchmarks/reproduce_small.sh): the CSV rows,
the means and gains over seeds, the "did not converge" flag, and compute in
plain updates relative to the baseline (the frontier of gain against compute)."""

import csv
import statistics
import subprocess
import sys

import pytest
from rdrop_tools.compute import TARGET_COLUMN, frontier, frontier_table, relative_compute
from rdrop_tools.fairseq_logs import read_training_log
from rdrop_tools.result_rows import SETTING_COLUMNS, setting_label
from rdrop_tools.translation_results import (
    QUALITY_COLUMNS,
    quality_runs_table,
    quality_summary_table,
    read_quality_rows,
    write_quality_row,
)
from rdrop_tools.validation_choice import setting_choice, setting_choice_table, tuned_comparison, tuned_comparison_table

from conftest import REPO

SMALL_MT = [sys.executable, str(REPO / "scripts" / "small_mt.py")]


def row(variant, seed, bleu, minutes=10.0, stopped_by="patience", alpha=None, pairs=1000, corpus="bible",
        updates=3000, dropout="0.3", valid_bleu=""):  # fmt: skip
    alpha = alpha if alpha is not None else (0 if variant == "baseline" else 5)
    return dict(corpus=corpus, pairs=pairs, variant=variant, alpha=alpha, dropout=dropout, attention_dropout="0",
                activation_dropout="0", seed=seed, test_bleu=f"{bleu:.2f}", valid_bleu=valid_bleu,
                best_valid_loss="5.500", epochs=30, best_epoch=25, updates=updates, train_minutes=f"{minutes:.1f}",
                stopped_by=stopped_by)  # fmt: skip


def strings(rows):
    """Rows as read back from the CSV: strings, relative_compute empty."""
    return [{k: str(v) for k, v in dict(r, relative_compute="").items()} for r in rows]


COSTS = {"ours": 1.7, "builtin": 2.0, "ours_onesided": 1.4, "ours_enc_once_onesided": 1.25, "ours_fraction50": 1.3}
STEP_COST_CSV = "variant,cost_per_update\n" + "".join(f"{k},{v}\n" for k, v in COSTS.items())


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
            dict(row("ours", 1, 13.0, 30), relative_compute="3.000"),
            dict(row("ours", 2, 14.5, 40), relative_compute="4.000"), row("ours", 3, 16.0, 50, stopped_by="time")]
    for r in runs:
        write_quality_row(path, r)
    proc = subprocess.run([*SMALL_MT, "table", "--csv", path], capture_output=True, text=True, check=True)
    lines = table_rows(proc.stdout, "bible")
    per_run, groups = lines[:5], lines[5:]
    # per run: converged, and the difference to the same seed's baseline
    assert [r[6] for r in per_run] == ["yes", "yes", "yes", "yes", "no (time)"]
    assert [r[12] for r in per_run] == ["+0.00", "+0.00", "+3.00", "+2.50", "n/a"]
    assert {r[4] for r in per_run} == {"0.3"}  # the default dropout, no attention or activation dropout
    base, ours = groups
    assert base[5] == "2" and base[7] == f"{statistics.mean([10, 12]):.2f} +- {statistics.stdev([10, 12]):.2f}"
    assert ours[6] == "no (patience, time)"  # one seed hit the time cap
    assert ours[7] == f"{statistics.mean([13, 14.5, 16]):.2f} +- {statistics.stdev([13, 14.5, 16]):.2f}"
    # gain and cost against the baseline runs of the same seeds (seed 3 has none)
    assert float(ours[8]) == pytest.approx(statistics.mean([13 - 10, 14.5 - 12]), abs=0.005)
    assert ours[12] == "3.50x"  # the mean relative compute of the runs that have one, not their minutes


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
    gains = {(r[1], r[2]): r[8] for r in table_rows(proc.stdout, "multi30k") if len(r) == 13 and "x" in r[12]}
    assert gains[("3000", "ours")] == "+3.00" and gains[("3000", "builtin")] == "+2.00"
    assert gains[("29000", "ours")] == "+0.50"
    assert png.read_bytes()[:4] == b"\x89PNG" and cost_png.read_bytes()[:4] == b"\x89PNG"
    assert "Alpha on the validation set" not in proc.stdout  # one alpha per variant: nothing was chosen


def test_the_report_compares_alphas_on_validation_not_test(tmp_path):
    path = tmp_path / "quality.csv"
    # alpha 1 has the better test BLEU, alpha 5 the lower validation loss: validation decides
    for r in [row("baseline", 1, 20.0), dict(row("ours", 1, 24.0, alpha=1), best_valid_loss="5.900"),
              dict(row("ours", 1, 23.0, alpha=5), best_valid_loss="5.400")]:  # fmt: skip
        write_quality_row(path, r)
    proc = subprocess.run([sys.executable, REPO / "benchmarks" / "summarize_small.py", path],
                          capture_output=True, text=True, check=True)  # fmt: skip
    report = proc.stdout.split("Alpha on the validation set")[1]
    assert "| bible | 1000 | ours | 1 | 0.3 | 1 | 5.900 |  |" in report
    assert "| bible | 1000 | ours | 5 | 0.3 | 1 | 5.400 | yes |" in report


def test_reproduction_lists_its_runs_and_refuses_bad_slices():
    env = {"DRY_RUN": "1", "SLICES": "bible:1000", "SEEDS": "1 2", "VARIANTS": "baseline ours", "ALPHAS": "1 5",
           "PATH": "/usr/bin:/bin"}  # fmt: skip
    script = ["bash", REPO / "benchmarks" / "reproduce_small.sh"]
    proc = subprocess.run(script, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "bible 1000 baseline 0 1 0.3", "bible 1000 ours 1 1 0.3", "bible 1000 ours 5 1 0.3",
        "bible 1000 baseline 0 2 0.3", "bible 1000 ours 1 2 0.3", "bible 1000 ours 5 2 0.3"]  # fmt: skip
    # a dropout grid: every run once per dropout, the baseline of each dropout first
    proc = subprocess.run(script, env={**env, "SEEDS": "1", "ALPHAS": "1", "DROPOUTS": "0.1 0.4"},
                          capture_output=True, text=True)  # fmt: skip
    assert proc.stdout.splitlines() == ["bible 1000 baseline 0 1 0.1", "bible 1000 ours 1 1 0.1",
                                        "bible 1000 baseline 0 1 0.4", "bible 1000 ours 1 1 0.4"]  # fmt: skip
    for knob, value, words in (("SLICES", "bible", "CORPUS:PAIRS"), ("SLICES", "wmt:10", "unknown corpus"),
                               ("VARIANTS", "ours fast", "unknown variant"), ("SEEDS", "x", "whole numbers"),
                               ("DROPOUTS", "0.1 high", "dropouts are numbers"),
                               ("ATTENTION_DROPOUT", "1.5", "dropouts are numbers")):
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
    # validation BLEU: the best checkpoint's beam output on the validation split, by the scorer of test BLEU
    import sacrebleu

    for split, column in (("valid", "valid_bleu"), ("test", "test_bleu")):
        detok = {}
        for line in (run / f"baseline-s1.{split}.generate.log").read_text().splitlines():
            if line.startswith("D-"):
                ident, _, text = line[2:].split("\t", 2)
                detok[int(ident)] = text
        refs = (run / "text" / f"{split}.en").read_text().splitlines()
        assert sorted(detok) == list(range(len(refs)))
        want = sacrebleu.corpus_bleu([detok[i] for i in range(len(refs))], [refs], tokenize="13a").score
        assert float(rows["baseline"][column]) == pytest.approx(want, abs=0.006)


def test_fine_tuning_the_baseline_without_it_is_refused(tmp_path):
    env = {"DRY_RUN": "1", "SLICES": "bible:1000", "VARIANTS": "ours_from_baseline", "WORK": str(tmp_path),
           "PATH": "/usr/bin:/bin"}  # fmt: skip
    proc = subprocess.run(["bash", REPO / "benchmarks" / "reproduce_small.sh"], env=env, capture_output=True, text=True)
    assert proc.returncode == 2 and "add baseline to VARIANTS" in proc.stderr and proc.stderr.count("\n") == 1


def test_relative_compute_charges_each_mode_against_its_seeds_baseline():
    b = 2000  # the baseline's updates (seed 1)
    charged = {  # (variant, alpha, seed, updates): expected relative compute
        ("baseline", 0, 1, b): 1.0,
        ("ours", 3, 1, 4000): 4000 * 1.7 / b,  # 3.4
        ("builtin", 3, 1, 3000): 3000 * 2.0 / b,
        ("ours_warmup", 3, 1, 2000): 2000 * 1.7 / b,  # the ramp costs what ours costs
        ("ours_onesided", 3, 1, 2000): 2000 * 1.4 / b,
        ("ours_fraction50", 3, 1, 2000): 2000 * 1.3 / b,
        ("ours_every2", 3, 1, 3000): 3000 * (1 + 1.7) / 2 / b,
        ("ours_from_baseline", 3, 1, 1000): (b + 1000 * 1.7) / b,  # the baseline it starts from, then its own
        ("ours_late1000", 3, 1, 3000): (1000 + 2000 * 1.7) / b,
        ("ours_enc_once_onesided_late1000", 3, 1, 3000): (1000 + 2000 * 1.25) / b,
        ("ours_enc_once_onesided_late1000", 5, 1, 800): 800 / b,  # stopped before R-Drop started
        ("ours_enc_once", 3, 1, 2000): None,  # no cost measured for this mode
        ("ours_late1000", 5, 1, 2000): (1000 + 1000 * 1.7) / b,
        ("ours_late1000_lr50", 3, 1, 3000): (1000 + 2000 * 1.7) / b,  # a lower learning rate costs nothing
        ("ours", 3, 2, 4000): None,  # seed 2 has no baseline run
        ("ours_from_baseline", 3, 2, 1000): None,
        ("ours", 3, 1, "x"): None,  # an unreadable row is unknown, not a crash
    }
    rows = strings(row(v, seed, 10.0, alpha=a, updates=u) for v, a, seed, u in charged)
    got = relative_compute(rows, COSTS)
    assert got[1] == "3.400"
    for want, value in zip(charged.values(), got):
        assert (value == "") if want is None else float(value) == pytest.approx(want, abs=5e-4)


def test_summarize_fills_relative_compute_into_the_csv_and_keeps_the_rest(tmp_path):
    path, costs = tmp_path / "quality.csv", tmp_path / "step_cost.csv"
    costs.write_text("# placeholder numbers\n" + STEP_COST_CSV)
    old = [row("ours", 1, 14.0, updates=4000, alpha=3), row("ours_enc_once", 1, 13.0, alpha=3)]
    # a CSV from before relative_compute, the dropouts and valid_bleu: accepted, and rewritten with
    # them, the dropouts at the defaults those runs had, the other columns and the row order kept
    later = SETTING_COLUMNS + ["valid_bleu", "relative_compute", "budget", "budget_baseline"]
    before = [c for c in QUALITY_COLUMNS if c not in later]
    old_text = ",".join(before) + "\n" + "".join(",".join(str(r[c]) for c in before) + "\n" for r in old)
    path.write_text(old_text)
    summarize = [sys.executable, REPO / "benchmarks" / "summarize_small.py", path, "--step-cost", costs]
    subprocess.run(summarize, capture_output=True, text=True, check=True)
    lines = path.read_text().splitlines()
    assert lines[0] == ",".join(QUALITY_COLUMNS) and QUALITY_COLUMNS[-2:] == ["relative_compute", "budget_baseline"]
    back = read_quality_rows(path)
    assert [[r[c] for c in before] for r in back] == [line.split(",") for line in old_text.splitlines()[1:]]
    assert [(r["dropout"], r["attention_dropout"], r["activation_dropout"], r["valid_bleu"]) for r in back] == [
        ("0.3", "0", "0", "")] * 2  # fmt: skip
    assert [r["relative_compute"] for r in back] == ["", ""]  # no baseline yet

    # the baseline finishes later; record leaves the column empty and keeps the others
    write_quality_row(path, row("baseline", 1, 10.0, updates=2000))
    assert [r["relative_compute"] for r in read_quality_rows(path)] == ["", "", ""]
    md, png = tmp_path / "quality.md", tmp_path / "frontier.png"
    proc = subprocess.run([*summarize, "--out-md", md, "--frontier-plot", png], capture_output=True, text=True,
                          check=True)  # fmt: skip
    rows = read_quality_rows(path)
    assert [(r["variant"], r["relative_compute"]) for r in rows] == [
        ("ours", "3.400"), ("ours_enc_once", ""), ("baseline", "1.000")]
    assert [r["test_bleu"] for r in rows] == ["14.00", "13.00", "10.00"]
    assert not list(tmp_path.glob("*.tmp"))
    assert TARGET_COLUMN in md.read_text() and md.read_text() + "\n" == proc.stdout
    frontier_lines = {r[2]: r for r in table_rows(proc.stdout, "bible") if len(r) == 12}
    assert frontier_lines["ours_enc_once"][7:9] == ["75%", "-"]  # no cost for its mode: compute unknown
    assert frontier_lines["ours"][7:9] == ["100%", "3.40x"]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


def test_csvs_with_unknown_columns_or_costs_are_refused_in_one_line(tmp_path):
    path, costs = tmp_path / "quality.csv", tmp_path / "step_cost.csv"
    text = ",".join(QUALITY_COLUMNS + ["note"]) + "\n" + ",".join(["1"] * (len(QUALITY_COLUMNS) + 1)) + "\n"
    path.write_text(text)
    costs.write_text(STEP_COST_CSV)
    summarize = [sys.executable, REPO / "benchmarks" / "summarize_small.py", path, "--step-cost", costs]
    proc = subprocess.run(summarize, capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "columns" in proc.stderr
    assert path.read_text() == text
    good = tmp_path / "good.csv"
    write_quality_row(good, row("baseline", 1, 10.0))
    for bad in ("variant,cost\nours,1.7\n", "variant,cost_per_update\nours,fast\n"):
        costs.write_text(bad)
        proc = subprocess.run([*summarize[:2], good, "--step-cost", costs], capture_output=True, text=True)
        assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and str(costs) in proc.stderr, proc.stderr


def test_frontier_gives_the_share_of_ours_gain_per_seed_and_the_target_flag():
    runs = [row("baseline", 1, 10.0, updates=2000), row("baseline", 2, 12.0, updates=2000),
            row("ours", 1, 14.0, alpha=3, updates=4000), row("ours", 2, 14.0, alpha=3, updates=4000),  # gains 4, 2
            row("ours", 1, 16.0, alpha=1, updates=4000),  # another alpha: not the reference
            # 90% of the gain on both seeds at 1.3x: meets the target
            row("ours_fraction50", 1, 13.6, alpha=3, updates=2000),
            row("ours_fraction50", 2, 13.8, alpha=3, updates=2000),
            # 75% and 95%: 85% on average, but at 1.35x
            row("ours_every2", 1, 13.0, alpha=3, updates=2000), row("ours_every2", 2, 13.9, alpha=3, updates=2000,
                                                                   stopped_by="time"),
            # half the gain, cheap
            row("ours_late1000", 1, 12.0, alpha=3, updates=1000),
            row("ours_enc_once", 1, 14.0, alpha=3, updates=2000)]  # fmt: skip
    rows = strings(runs)
    for r, value in zip(rows, relative_compute(rows, COSTS)):
        r["relative_compute"] = value
    lines = {(g["variant"], g["alpha"]): g for g in frontier(rows)}
    assert lines[("ours", "3")]["gain_share"] == pytest.approx(100)
    assert lines[("ours", "1")]["gain_share"] == pytest.approx(150)  # 6 / 4, seed 1 only
    assert lines[("ours_fraction50", "3")]["gain_share"] == pytest.approx(90)
    assert lines[("ours_every2", "3")]["gain_share"] == pytest.approx((75 + 95) / 2)
    assert lines[("ours_every2", "3")]["relative_compute"] == pytest.approx(2000 * 2.7 / 2 / 2000)
    # sorted by relative compute, unknown last
    assert [(g["variant"], g["alpha"]) for g in frontier(rows)] == [
        ("ours_late1000", "3"), ("baseline", "0"), ("ours_fraction50", "3"), ("ours_every2", "3"), ("ours", "1"),
        ("ours", "3"), ("ours_enc_once", "3")]  # fmt: skip
    table = {(r[2], r[3]): r for r in table_rows(frontier_table(rows), "bible")}
    assert table[("ours_fraction50", "3")][7:] == ["90%", "1.30x", "1.00x", "yes", "yes"]
    assert table[("ours_every2", "3")][7:] == ["85%", "1.35x", "1.00x", "no (patience, time)", "no"]
    assert table[("ours_late1000", "3")][7:] == ["50%", "0.50x", "0.50x", "yes", "no"]
    assert table[("ours", "3")][7:] == ["100%", "3.40x", "2.00x", "yes", "no"]
    assert table[("ours_enc_once", "3")][7:] == ["100%", "-", "1.00x", "yes", "no"]  # updates known, cost not
    assert table[("baseline", "0")][7:] == ["0%", "1.00x", "1.00x", "yes", "no"]
    assert frontier_table(rows).splitlines()[0].endswith(f"| {TARGET_COLUMN} |")
    # without alpha 3 runs of ours, the alpha ours was run with is the reference
    only_five = [r for r in rows if r["variant"] != "ours"] + strings([row("ours", 1, 12.0, alpha=5, updates=4000)])
    assert {g["variant"]: g for g in frontier(only_five)}["ours_late1000"]["gain_share"] == pytest.approx(100)


def test_updates_vs_baseline_counts_every_update_once_and_fine_tuning_its_baseline_too():
    """The frontier's second cost factor: how long each mode trains, apart
    from what an update costs."""
    rows = strings([row("baseline", 1, 10.0, updates=2000), row("ours", 1, 14.0, alpha=3, updates=4000),
                    row("ours_every2", 1, 13.0, alpha=3, updates=3000),
                    row("ours_from_baseline", 1, 15.0, alpha=3, updates=1000)])  # fmt: skip
    for r, value in zip(rows, relative_compute(rows, COSTS)):
        r["relative_compute"] = value
    lines = {g["variant"]: g for g in frontier(rows)}
    assert lines["ours"]["updates_over_baseline"] == pytest.approx(2.0)
    assert lines["ours_every2"]["updates_over_baseline"] == pytest.approx(1.5)
    assert lines["ours_from_baseline"]["updates_over_baseline"] == pytest.approx((2000 + 1000) / 2000)
    assert lines["ours_from_baseline"]["relative_compute"] == pytest.approx((2000 + 1000 * COSTS["ours"]) / 2000)


@pytest.mark.parametrize(
    "variant, flags",
    [
        ("ours_late1000", "--rdrop-start-update 1000"),
        ("ours_late1000_lr50", "--rdrop-start-update 1000 --rdrop-lr-scale 0.5"),
        ("ours_enc_once_late200_lr25", "--rdrop-encoder-once --rdrop-start-update 200 --rdrop-lr-scale 0.25"),
        ("ours_fraction25", "--rdrop-fraction 0.25"),
    ],
)
def test_schedule_variants_become_the_options_they_name(variant, flags):
    """The variant names of the reproduction runs spell out their options;
    names that do not parse are refused before any run."""
    script = f"source scripts/small_runs.sh && small_check bible {variant} && small_mt_variant_flags {variant} 3"
    proc = subprocess.run(["bash", "-c", script], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split()[:4] == ["--task", "rdrop_translation", "--criterion", "rdrop_label_smoothed_cross_entropy"]
    assert " ".join(proc.stdout.split()[4:]) == f"--rdrop-alpha 3 {flags}"


@pytest.mark.parametrize("variant", ["ours_late1000_lr0", "ours_late1000_lr150", "ours_lr50", "ours_every2_lr50"])
def test_bad_schedule_variants_are_refused_in_one_line(variant):
    script = f"source scripts/small_runs.sh && small_check bible {variant}"
    proc = subprocess.run(["bash", "-c", script], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and f"unknown variant '{variant}'" in proc.stderr


# ---------------------------------------------------------------- settings: recorded, kept apart, chosen on validation


def test_dropouts_and_validation_bleu_are_written_and_read_back_and_key_the_run(tmp_path):
    path = tmp_path / "quality.csv"
    write_quality_row(path, row("baseline", 1, 10.0))  # the defaults, no validation BLEU
    write_quality_row(path, row("baseline", 1, 11.0, dropout="0.1", valid_bleu="12.50"))
    write_quality_row(path, dict(row("baseline", 1, 11.5, dropout="0.1"), attention_dropout="0.1",
                                 activation_dropout="0.1"))  # fmt: skip
    rows = read_quality_rows(path)
    # three runs: another dropout is another run, not a rerun that replaces the first
    assert [(r["dropout"], r["attention_dropout"], r["activation_dropout"], r["valid_bleu"], r["test_bleu"])
            for r in rows] == [("0.3", "0", "0", "", "10.00"), ("0.1", "0", "0", "12.50", "11.00"),
                               ("0.1", "0.1", "0.1", "", "11.50")]  # fmt: skip
    write_quality_row(path, row("baseline", 1, 9.0, dropout="0.1", valid_bleu="9.90"))  # that run again
    assert [r["test_bleu"] for r in read_quality_rows(path)] == ["10.00", "11.50", "9.00"]


def test_tables_pair_each_run_with_the_baseline_of_its_own_setting():
    rows = strings([row("baseline", 1, 10.0), row("baseline", 1, 13.0, dropout="0.1"),
                    row("ours", 1, 14.0, alpha=3), row("ours", 1, 12.0, alpha=3, dropout="0.1")])  # fmt: skip
    runs = {(r[2], r[4]): r for r in table_rows(quality_runs_table(rows), "bible")}
    assert runs[("ours", "0.3")][12] == "+4.00" and runs[("ours", "0.1")][12] == "-1.00"
    groups = {(r[2], r[4]): r for r in table_rows(quality_summary_table(rows), "bible")}
    assert set(groups) == {("baseline", "0.3"), ("baseline", "0.1"), ("ours", "0.3"), ("ours", "0.1")}
    assert groups[("ours", "0.1")][8] == "-1.00"
    lines = {(g["variant"], g["setting"]): g for g in frontier(rows)}
    assert lines[("ours", "0.3")]["gain_share"] == pytest.approx(100)
    assert lines[("ours", "0.1")]["gain_share"] == pytest.approx(100)  # its own setting's reference
    other = dict(row("baseline", 1, 1.0), attention_dropout="0.1", activation_dropout="0.1")
    assert setting_label(strings([other])[0]) == "0.3 (0.1, 0.1)"


def test_settings_are_chosen_on_seed_1s_validation_bleu_not_test():
    v = "valid_bleu"
    rows = strings([
        row("baseline", 1, 20.0, dropout="0.1", valid_bleu="15.00"),
        row("baseline", 1, 10.0, dropout="0.3", valid_bleu="16.00"),  # best on validation, worst on test
        row("baseline", 2, 30.0, dropout="0.1", valid_bleu="40.00"),  # seed 2 only confirms: no say
        row("baseline", 1, 25.0, dropout="0.5"),  # no validation BLEU: no candidate
        row("ours", 1, 12.0, alpha=3, dropout="0.3", valid_bleu="18.00"),
        row("ours", 1, 14.0, alpha=5, dropout="0.3", valid_bleu="18.50"),
        row("ours", 1, 15.0, alpha=0, dropout="0.3", valid_bleu="30.00"),  # the no-KL control: never chosen
    ])  # fmt: skip
    choices = setting_choice(rows, ("corpus", "pairs"), v, higher_is_better=True)
    got = [(c["variant"], c["alpha"], c["settings"]["dropout"], c["score"], c["chosen"], c["candidates"])
           for c in choices]  # fmt: skip
    assert got == [("baseline", "0", "0.1", 15.0, False, 2), ("baseline", "0", "0.3", 16.0, True, 2),
                   ("ours", "3", "0.3", 18.0, False, 2), ("ours", "5", "0.3", 18.5, True, 2)]  # fmt: skip
    # lower is better for a loss: the other end is chosen
    loss = [dict(r, best_valid_loss=r[v]) for r in rows]  # the same numbers as losses
    flipped = setting_choice([dict(r, valid_bleu="") for r in loss], ("corpus", "pairs"), "best_valid_loss",
                             higher_is_better=False)  # fmt: skip
    assert [(c["variant"], c["alpha"], c["settings"]["dropout"]) for c in flipped if c["chosen"]] == [
        ("baseline", "0", "0.1"), ("ours", "3", "0.3")]  # fmt: skip
    table = setting_choice_table(rows, ("corpus", "pairs"), v, True, "valid BLEU")
    assert "| bible | 1000 | baseline | 0 | 0.3 | 16.00 | yes |" in table


def test_a_tie_on_validation_keeps_the_setting_nearest_the_default():
    rows = strings([row("baseline", 1, 20.0, dropout="0.2", valid_bleu="15.00"),
                    row("baseline", 1, 10.0, dropout="0.3", valid_bleu="15.00"),
                    row("baseline", 1, 30.0, dropout="0.5", valid_bleu="15.00")])  # fmt: skip
    choices = setting_choice(rows, ("corpus", "pairs"), "valid_bleu", higher_is_better=True)
    assert [c["settings"]["dropout"] for c in choices if c["chosen"]] == ["0.3"]
    without_default = setting_choice(rows[::2], ("corpus", "pairs"), "valid_bleu", higher_is_better=True)
    assert [c["settings"]["dropout"] for c in without_default if c["chosen"]] == ["0.2"]  # 0.1 from 0.3, not 0.2


def test_the_tuned_comparison_sets_each_side_at_its_own_choice_with_the_no_kl_control():
    base = {1: 10.0, 2: 11.0, 3: 12.0}  # the chosen baseline (dropout 0.4), by seed
    ours = {1: 13.0, 2: 11.5, 3: 11.0}  # the chosen R-Drop (alpha 3, dropout 0.2): ahead on 2 of 3
    no_kl = {1: 10.5, 2: 11.0}
    rows = [row("baseline", s, b, dropout="0.4", valid_bleu="20.00" if s == 1 else "") for s, b in base.items()]
    rows += [row("baseline", 1, 30.0, dropout="0.3", valid_bleu="19.00")]  # better test, worse validation
    rows += [row("ours", s, b, alpha=3, dropout="0.2", valid_bleu="22.00" if s == 1 else "") for s, b in ours.items()]
    rows += [row("ours", 1, 40.0, alpha=3, dropout="0.3", valid_bleu="21.00")]
    rows += [row("ours", s, b, alpha=0, dropout="0.2") for s, b in no_kl.items()]
    lines = {g["role"]: g for g in tuned_comparison(strings(rows), ("corpus", "pairs"), "valid_bleu", True, "test_bleu")}
    assert set(lines) == {"baseline", "R-Drop", "no-KL control"}
    assert (lines["baseline"]["setting"], lines["baseline"]["seeds"]) == ("0.4", 3)
    assert lines["baseline"]["mean"] == pytest.approx(11.0) and lines["baseline"]["std"] == pytest.approx(1.0)
    assert (lines["R-Drop"]["alpha"], lines["R-Drop"]["setting"]) == ("3", "0.2")
    assert lines["R-Drop"]["change"] == pytest.approx(statistics.mean([3.0, 0.5, -1.0]))
    assert lines["R-Drop"]["ahead"] == "2/3" and lines["R-Drop"]["candidates"] == 2
    assert (lines["no-KL control"]["alpha"], lines["no-KL control"]["setting"]) == ("0", "0.2")
    assert lines["no-KL control"]["change"] == pytest.approx(statistics.mean([0.5, 0.0]))
    assert lines["no-KL control"]["ahead"] == "1/2"
    table = tuned_comparison_table(strings(rows), ("corpus", "pairs"), "valid_bleu", True, "test_bleu", "test BLEU")
    assert "| bible | 1000 | R-Drop | 2 | 3 | 0.2 | 3 | 11.83 +- 1.04 | +0.83 | 2/3 |" in table


def test_without_a_scored_r_drop_run_the_comparison_takes_its_measured_untuned_configuration():
    rows = strings([row("baseline", s, 10.0 + s, dropout="0.2", valid_bleu="9.00" if s == 1 else "") for s in (1, 2)]
                   + [row("baseline", 1, 30.0, valid_bleu="8.00")]  # dropout 0.3, worse on validation
                   + [row("ours", s, 12.0 + s, alpha=3) for s in (1, 2, 3)] + [row("ours", 1, 40.0, alpha=5)])  # fmt: skip
    lines = {g["role"]: g for g in tuned_comparison(rows, ("corpus", "pairs"), "valid_bleu", True, "test_bleu")}
    ours = lines["R-Drop"]
    # alpha 3 has the most seeds; dropout 0.3, never tuned; paired with the tuned baseline's seeds 1 and 2
    assert (ours["alpha"], ours["setting"], ours["candidates"], ours["seeds"]) == ("3", "0.3", 0, 3)
    assert ours["change"] == pytest.approx(2.0) and ours["ahead"] == "2/2"
    assert lines["baseline"]["setting"] == "0.2" and "no-KL control" not in lines  # no alpha 0 runs


def test_every_run_group_of_a_plot_has_its_own_look():
    """Colour and marker tell groups apart in the legends, also past the
    palette's length and with baselines at several dropouts."""
    from rdrop_tools.plots import group_styles

    rows = [row("baseline", 1, 10.0, dropout=d) for d in ("0.1", "0.2", "0.3", "0.4", "0.5")]
    rows += [row(f"ours_fraction{p}", 1, 12.0, alpha=a) for p in range(10, 100, 10) for a in (1, 3, 5)]
    styles = group_styles(strings(rows))
    assert len(styles) == 5 + 27 and len(set(styles.values())) == len(styles)
    assert {colour for (variant, *_), (colour, _) in styles.items() if variant == "baseline"} == {"black"}


def test_a_way_keeps_its_colour_across_the_settings_slices_tuned_it_to():
    """The budget plot's panels show one way at each slice's tuned dropout: a
    reader follows it by colour across panels, the marker telling the settings apart."""
    from rdrop_tools.plots import group_styles

    rows = [row("ours", 1, 12.0, alpha=3, dropout=d) for d in ("0.3", "0.2")]
    rows += [row("ours_every2", 1, 12.0, alpha=3, dropout=d) for d in ("0.3", "0.2")]
    rows += [row("ours", 1, 12.0, alpha=5), row("baseline", 1, 10.0)]
    styles = group_styles(strings(rows))
    colour = {key: c for key, (c, _) in styles.items()}
    assert colour[("ours", "3", "0.3")] == colour[("ours", "3", "0.2")]
    assert colour[("ours_every2", "3", "0.3")] == colour[("ours_every2", "3", "0.2")]
    assert len({colour[("ours", "3", "0.3")], colour[("ours_every2", "3", "0.3")], colour[("ours", "5", "0.3")]}) == 3
    assert len(set(styles.values())) == len(styles) == 6


def test_alphas_are_compared_within_one_setting():
    from rdrop_tools.validation_choice import alpha_choice, alpha_choice_table

    rows = strings([dict(row("ours", 1, 12.0, alpha=1), best_valid_loss="6.5"),
                    dict(row("ours", 1, 13.0, alpha=3), best_valid_loss="6.3"),
                    dict(row("ours", 1, 14.0, alpha=3, dropout="0.2"), best_valid_loss="6.0"),  # another setting
                    dict(row("ours", 1, 15.0, alpha=5, dropout="0.2"), best_valid_loss="6.1"),
                    dict(row("ours", 1, 9.0, alpha=0), best_valid_loss="5.0")])  # the no-KL control  # fmt: skip
    choices = alpha_choice(rows, ("corpus", "pairs"))
    assert [(c["setting"], c["alpha"], c["best_valid_loss"], c["chosen"]) for c in choices] == [
        ("0.3", 1.0, 6.5, False), ("0.3", 3.0, 6.3, True), ("0.2", 3.0, 6.0, True), ("0.2", 5.0, 6.1, False)]
    # the table names each block's setting: the same alpha at two settings reads as two runs
    table = alpha_choice_table(rows, ("corpus", "pairs"))
    assert "| 3 | 0.3 | 1 | 6.300 | yes |" in table and "| 3 | 0.2 | 1 | 6.000 | yes |" in table


def test_the_frontier_leaves_out_baselines_of_settings_no_r_drop_way_ran_at():
    rows = strings([row("baseline", 1, 10.0), row("baseline", 1, 9.0, dropout="0.5"), row("ours", 1, 12.0, alpha=3)])
    assert [(g["variant"], g["setting"]) for g in frontier(rows)] == [("baseline", "0.3"), ("ours", "0.3")]
