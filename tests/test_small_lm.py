"""The small language-model benchmark: the word-level corpus built from the
Bible fixture, the results CSV and its tables, and the LM quickstart end to
end in its smoke mode."""

import json
import math
import subprocess

import pytest

import lm_corpus
from conftest import BIBLE, REPO, bible_lines, cli_env
from rdrop_tools import lm_results
from rdrop_tools.small_runs import language_model_main
from rdrop_tools.validation_choice import alpha_choice

# ---------------------------------------------------------------- the corpus


def build_corpus(tmp_path, *args):
    out = tmp_path / "lm"
    lm_corpus.main(["--bible", str(BIBLE), "--out", str(out), *map(str, args)])
    return {split: [line.split() for line in (out / f"{split}.tokens").read_text().splitlines()]
            for split in ("train", "valid", "test")}  # fmt: skip


def test_text_is_moses_tokenized_word_level(tmp_path):
    splits = build_corpus(tmp_path, "--min-count", 1)
    raw = bible_lines("en", "train")
    assert len(splits["train"]) == len(raw)
    # punctuation split off the words, hyphens as WikiText-103's @-@, nothing else changed
    line = next(i for i, text in enumerate(raw) if "-" in text and "," in text)
    tokens = splits["train"][line]
    assert "," in tokens and "@-@" in tokens
    assert "".join(tokens).replace("@-@", "-") == raw[line].replace(" ", "")


def test_rare_training_words_and_unseen_words_become_unk(tmp_path):
    min_count = 3
    splits = build_corpus(tmp_path, "--min-count", min_count)
    reference = build_corpus(tmp_path / "all", "--min-count", 1)  # the same text, nothing replaced
    counts = {}
    for words in reference["train"]:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    vocab = {w for w, n in counts.items() if n >= min_count}
    assert 0 < len(vocab) < len(counts)  # the cut-off bites on the fixture
    for split in ("train", "valid", "test"):
        for kept, full in zip(splits[split], reference[split], strict=True):
            assert kept == [w if w in vocab else "<unk>" for w in full]
    assert any("<unk>" in words for words in splits["valid"])


def test_validation_and_test_are_the_held_out_books_only(tmp_path):
    splits = build_corpus(tmp_path, "--train-verses", 120)
    reference = build_corpus(tmp_path / "all", "--min-count", 1)
    for split in ("valid", "test"):  # every held-out verse, and nothing from training
        assert len(splits[split]) == len(bible_lines("en", split))
        train_lines = {" ".join(words) for words in reference["train"]}
        assert not {" ".join(words) for words in reference[split]} & train_lines


def test_a_training_slice_is_passages_of_consecutive_verses_spread_over_the_text():
    lines = [f"verse {i}" for i in range(1000)]
    kept = lm_corpus.passages(lines, 200, passage=50)
    assert len(kept) == 200
    starts = [int(kept[i].split()[1]) for i in range(0, 200, 50)]
    assert starts == [0, 250, 500, 750]  # four runs of 50, evenly spread
    for start, run in zip(starts, [kept[i : i + 50] for i in range(0, 200, 50)], strict=True):
        assert run == lines[start : start + 50]
    assert lm_corpus.passages(lines, 0) == lines and lm_corpus.passages(lines, 5000) == lines


@pytest.mark.parametrize("args, message", [
    (["--min-count", "0"], "--min-count"),
    (["--train-verses", "-1"], "--train-verses"),
    (["--min-count", "100000"], "lower --min-count"),
])  # fmt: skip
def test_bad_corpus_options_are_refused_in_one_line(tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as exit_info:
        lm_corpus.main(["--bible", str(BIBLE), "--out", str(tmp_path / "out"), *args])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and message in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- results CSV and tables


def row(arch, variant, alpha, seed, ppl, stopped="patience"):
    return {"corpus": "bible", "tokens": "1000", "arch": arch, "variant": variant, "alpha": alpha,
            **lm_results.LM_SETTING_DEFAULTS, "seed": seed, "test_ppl": ppl, "best_valid_loss": "7.000", "epochs": "30", "best_epoch": "25",
            "updates": "900", "train_minutes": "10.0", "stopped_by": stopped}  # fmt: skip


def test_csv_replaces_a_rerun_and_keeps_the_others(tmp_path):
    csv_path = tmp_path / "lm.csv"
    for r in (row("transformer_lm", "baseline", "0", "1", "100.00"), row("transformer_lm", "ours", "1", "1", "95.00"),
              row("transformer_lm", "ours", "1", "1", "90.00")):  # fmt: skip
        lm_results.write_row(csv_path, r)
    rows = lm_results.read_rows(csv_path)
    assert [(r["variant"], r["test_ppl"]) for r in rows] == [("baseline", "100.00"), ("ours", "90.00")]
    assert csv_path.read_text().splitlines()[0] == ",".join(lm_results.LM_COLUMNS)


def test_summary_pairs_each_seed_with_its_own_archs_baseline():
    rows = [row("transformer_lm", "baseline", "0", "1", "100.00"), row("transformer_lm", "baseline", "0", "2", "120.00"),
            row("transformer_lm", "ours", "1", "1", "90.00"), row("transformer_lm", "ours", "1", "2", "114.00"),
            row("adaptive", "baseline", "0", "1", "80.00"), row("adaptive", "ours", "0.5", "1", "84.00", "time")]  # fmt: skip
    groups = {(g["arch"], g["variant"]): g for g in lm_results.summarize(rows)}
    ours = groups["transformer_lm", "ours"]
    # by hand: (90/100 - 1 + 114/120 - 1) / 2 = (-0.10 - 0.05) / 2
    assert ours["change"] == pytest.approx(-0.075)
    assert ours["ppl_mean"] == pytest.approx(102.0) and ours["ppl_std"] == pytest.approx(math.sqrt(288))
    assert ours["lower_every_seed"]
    adaptive = groups["adaptive", "ours"]
    assert adaptive["change"] == pytest.approx(0.05) and not adaptive["lower_every_seed"]
    table = lm_results.summary_table(rows)
    line = next(l for l in table.splitlines() if "| transformer_lm | ours |" in l)
    assert "102.00 +- 16.97" in line and "-7.5%" in line and "| yes |" in line
    assert "no (time)" in next(l for l in table.splitlines() if "| adaptive | ours |" in l)
    runs = lm_results.runs_table(rows)
    assert "| 114.00 | -5.0% |" in runs and "| 84.00 | +5.0% |" in runs
    per_seed = lm_results.per_seed_table(rows).splitlines()
    assert "| 90.00, 114.00 | 102.00 +- 16.97 | -10.0%, -5.0% (mean -7.5%) |" in next(
        l for l in per_seed if l.startswith("| transformer_lm (full softmax) | ours | 1 | 0.3 (0.1, 0) | 1, 2 | yes |"))
    assert next(l for l in per_seed if "| adaptive input + softmax | ours |" in l).endswith(
        "| 84.00 | 84.00 | +5.0% |")  # one seed: no mean, no spread


def test_alpha_is_compared_on_validation_over_the_seeds_every_alpha_has(tmp_path, capsys):
    def run(arch, alpha, seed, valid):
        return {**row(arch, "ours", alpha, seed, "50.00"), "best_valid_loss": valid}

    rows = [row("transformer_lm", "baseline", "0", "1", "60.00"),
            run("transformer_lm", "0.5", "1", "5.80"), run("transformer_lm", "1", "1", "5.70"),
            run("transformer_lm", "2", "1", "5.75"),
            # seed 2 of alpha 1 only: a lucky seed must not decide the choice
            run("transformer_lm", "1", "2", "9.00"),
            run("adaptive", "0.5", "1", "5.60")]  # one alpha: nothing to choose  # fmt: skip
    choices = alpha_choice(rows, ("corpus", "tokens", "arch"))
    assert [(c["arch"], c["alpha"], c["seeds"], c["chosen"]) for c in choices] == [
        ("transformer_lm", 0.5, ["1"], False), ("transformer_lm", 1.0, ["1"], True),
        ("transformer_lm", 2.0, ["1"], False)]  # fmt: skip
    assert choices[1]["best_valid_loss"] == pytest.approx(5.70)
    csv_path = tmp_path / "lm.csv"
    for r in rows:
        lm_results.write_row(csv_path, r)
    language_model_main(["table", "--csv", str(csv_path)])
    out = capsys.readouterr().out
    assert "| bible | 1000 | transformer_lm | ours | 1 | 0.3 (0.1, 0) | 1 | 5.700 | yes |" in out
    assert "| bible | 1000 | transformer_lm | ours | 2 | 0.3 (0.1, 0) | 1 | 5.750 |  |" in out


def test_a_run_without_a_test_perplexity_is_refused(tmp_path, capsys):
    log = tmp_path / "run.log"
    log.write_text('2026-01-01 00:00:00 | INFO | valid | {"epoch": 1, "valid_loss": "7.5", "valid_num_updates": "10"}\n')
    ppl = tmp_path / "run.ppl.json"
    ppl.write_text(json.dumps({"valid": {"loss": 7.0, "perplexity": 128.0}}))
    with pytest.raises(SystemExit):
        lm_results.run_row(log, ppl, 1.0, 300, **dict(zip(lm_results.LM_KEY, ["bible", "1", "transformer_lm", "ours", "1", "0.3", "0.1", "0", "1"])))
    assert "no test perplexity" in capsys.readouterr().err


# ---------------------------------------------------------------- the LM quickstart


def test_lm_quickstart_smoke_trains_both_language_models_and_reports(tmp_path):
    work = tmp_path / "quickstart"
    env = {**cli_env(), "SMOKE": "1", "WORK": str(work), "BIBLE_DIR": str(BIBLE), "LM_MIN_COUNT": "2"}
    proc = subprocess.run(["bash", REPO / "scripts" / "quickstart.sh", "lm"], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    rows = {r["variant"]: r for r in lm_results.read_rows(work / "lm_quality.csv")}
    assert set(rows) == {"baseline", "ours"} and {r["arch"] for r in rows.values()} == {"transformer_lm"}
    slice_dir = next(work.glob("lm-*"))
    train_words = sum(len(line.split()) for line in (slice_dir / "text" / "train.tokens").read_text().splitlines())
    for variant, r in rows.items():
        name = f"lm_{variant}-a{r['alpha']}-s1"
        ppl = json.loads((slice_dir / f"{name}.ppl.json").read_text())["test"]["perplexity"]
        assert r["test_ppl"] == f"{ppl:.2f}" and r["tokens"] == str(train_words)
        assert r["stopped_by"] == "max_epoch" and r["epochs"] == "2"  # SMOKE stops at 2 epochs
    # the R-Drop model really trained with the consistency term, the baseline without
    assert '"train_kl_loss"' in (slice_dir / f"lm_ours-a{rows['ours']['alpha']}-s1.log").read_text()
    assert "kl_loss" not in (slice_dir / "lm_baseline-a0-s1.log").read_text()
    table = (work / "lm_results.md").read_text()
    header = [c.strip() for c in table.splitlines()[0].strip("|").split("|")]
    assert {"converged", "epochs", "test ppl", "vs baseline"} <= set(header)
    ours = next(line for line in table.splitlines() if "| ours |" in line)
    cells = dict(zip(header, (c.strip() for c in ours.strip().strip("|").split("|"))))
    change = 100 * (float(rows["ours"]["test_ppl"]) / float(rows["baseline"]["test_ppl"]) - 1)
    assert cells["vs baseline"] == f"{change:+.1f}%" and cells["converged"] == "no (max_epoch)"
    assert table.strip() in proc.stdout
    assert (work / "lm_curves.png").read_bytes()[:4] == b"\x89PNG"


def test_quickstart_refuses_an_unknown_mode(tmp_path):
    env = {**cli_env(), "SMOKE": "1", "WORK": str(tmp_path / "w")}
    proc = subprocess.run(["bash", REPO / "scripts" / "quickstart.sh", "lmm"], env=env, capture_output=True, text=True)
    assert proc.returncode == 2 and "mode" in proc.stderr and proc.stderr.count("\n") == 1
    assert not (tmp_path / "w").exists()


def test_each_language_model_is_compared_at_its_own_validation_choice_with_the_no_kl_control(tmp_path, capsys):
    def run(arch, variant, alpha, seed, ppl, valid, dropout="0.3"):
        return {**row(arch, variant, alpha, seed, ppl), "dropout": dropout, "best_valid_loss": valid}

    rows = [run("adaptive", "baseline", "0", "1", "60.00", "5.80"),
            run("adaptive", "baseline", "0", "1", "58.00", "5.70", dropout="0.4"),  # lower loss: the choice
            run("adaptive", "baseline", "0", "2", "59.00", "5.75", dropout="0.4"),
            run("adaptive", "ours", "1", "1", "52.20", "5.50"), run("adaptive", "ours", "1", "2", "53.10", "5.52"),
            # no-KL control at R-Drop's chosen setting: never a candidate of the choice, however low its loss
            run("adaptive", "ours", "0", "1", "61.48", "5.00"),
            run("adaptive", "ours", "0", "2", "57.82", "5.01"),  # ahead of the baseline on seed 2
            run("transformer_lm", "baseline", "0", "1", "62.00", "5.85"),
            run("transformer_lm", "baseline", "0", "1", "65.00", "5.85", dropout="0.4")]  # a tie keeps 0.3  # fmt: skip
    csv_path = tmp_path / "lm.csv"
    for r in rows:
        lm_results.write_row(csv_path, r)
    language_model_main(["table", "--csv", str(csv_path)])
    out = capsys.readouterr().out
    # R-Drop against the 0.4 baseline on seeds 1 and 2: 52.2 - 58 = -5.8, 53.1 - 59 = -5.9; by hand
    relative = 100 * (-5.8 / 58 - 5.9 / 59) / 2
    assert f"| adaptive | R-Drop | 1 | 1 | 0.3 (0.1, 0) | 2 | 52.65 +- 0.64 | -5.85 ({relative:+.1f}%) | 2/2 |" in out
    relative = 100 * (3.48 / 58 - 1.18 / 59) / 2
    assert f"| adaptive | no-KL control | 1 | 0 | 0.3 (0.1, 0) | 2 | 59.65 +- 2.59 | +1.15 ({relative:+.1f}%) | 1/2 |" in out
    assert "| adaptive | baseline | 2 | 0 | 0.4 (0.1, 0) | 2 | 58.50 +- 0.71 |" in out
    assert "| transformer_lm | baseline | 2 | 0 | 0.3 (0.1, 0) | 1 | 62.00 |" in out
