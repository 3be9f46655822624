"""The main job (scripts/quickstart.sh) end to end in its smoke mode, on the
Bible verses that ship with the repository (BIBLE_DIR: no apt needed)."""

import subprocess

from rdrop_tools.fairseq_logs import read_score
from rdrop_tools.translation_results import read_quality_rows

from conftest import BIBLE, REPO, cli_env


def test_quickstart_smoke_trains_both_models_and_reports(tmp_path):
    work = tmp_path / "quickstart"
    env = {**cli_env(), "SMOKE": "1", "WORK": str(work), "BIBLE_DIR": str(BIBLE)}
    proc = subprocess.run(["bash", REPO / "scripts" / "quickstart.sh"], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    rows = {r["variant"]: r for r in read_quality_rows(work / "quality.csv")}
    assert set(rows) == {"baseline", "ours"}
    slice_dir = next(work.glob("bible-*"))
    tag = "-att0.1-act0.1"  # both train at the baseline's dropouts chosen on validation
    for variant, r in rows.items():
        name = f"baseline{tag}-s1" if variant == "baseline" else f"ours-a{r['alpha']}{tag}-s1"
        assert (r["dropout"], r["attention_dropout"], r["activation_dropout"]) == ("0.3", "0.1", "0.1")
        assert r["test_bleu"] == f"{read_score(slice_dir / f'{name}.bleu'):.2f}"
        assert r["stopped_by"] == "max_epoch" and r["epochs"] == "2"  # SMOKE stops at 2 epochs
        assert int(r["pairs"]) == len((slice_dir / "text" / "train.en").read_text().splitlines())
    # the R-Drop run really ran R-Drop, the baseline did not
    assert '"train_kl_loss"' in (slice_dir / f"ours-a{rows['ours']['alpha']}{tag}-s1.log").read_text()
    assert "kl_loss" not in (slice_dir / f"baseline{tag}-s1.log").read_text()
    # the table a user reads: converged or not, epochs, best epoch, the difference to the baseline
    table = (work / "results.md").read_text()
    header = [c.strip() for c in table.splitlines()[0].strip("|").split("|")]
    assert {"converged", "epochs", "best epoch", "vs baseline"} <= set(header)
    ours = next(line for line in table.splitlines() if "| ours |" in line)
    cells = dict(zip(header, (c.strip() for c in ours.strip().strip("|").split("|"))))
    assert cells["converged"] == "no (max_epoch)"
    bleu = float(rows["ours"]["test_bleu"]) - float(rows["baseline"]["test_bleu"])
    assert cells["vs baseline"] == f"{bleu:+.2f}"
    assert table.strip() in proc.stdout
    assert (work / "curves.png").read_bytes()[:4] == b"\x89PNG"


def test_quickstart_refuses_a_bible_folder_without_the_corpus(tmp_path):
    env = {**cli_env(), "SMOKE": "1", "WORK": str(tmp_path / "w"), "BIBLE_DIR": str(tmp_path)}
    proc = subprocess.run(["bash", REPO / "scripts" / "quickstart.sh"], env=env, capture_output=True, text=True)
    assert proc.returncode == 2 and "BIBLE_DIR" in proc.stderr and proc.stderr.count("\n") == 1
    assert not (tmp_path / "w").exists()
