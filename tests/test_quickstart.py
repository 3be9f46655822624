"""The main job (scripts/quickstart.sh) end to end in its smoke mode."""

import os
import shutil
import subprocess

import pytest

from conftest import REPO, cli_env

can_get_bibles = shutil.which("diatheke") or (os.geteuid() == 0 and shutil.which("apt-get"))


@pytest.mark.skipif(not can_get_bibles, reason="needs diatheke, or root and apt-get")
def test_quickstart_smoke_trains_both_models_and_reports(tmp_path):
    work = tmp_path / "quickstart"
    env = {**cli_env(), "SMOKE": "1", "WORK": str(work)}
    proc = subprocess.run(["bash", REPO / "scripts" / "quickstart.sh"], env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    rows = {line.split("|")[1].strip(): [c.strip() for c in line.split("|")[2:-1]]
            for line in (work / "results.md").read_text().splitlines()[2:]}
    assert set(rows) == {"baseline", "rdrop"}
    for name, (bleu, valid_loss, updates, *_) in rows.items():
        assert float(bleu) == float((work / f"{name}.bleu").read_text())
        assert float(valid_loss) > 0 and int(updates) == 3
    assert (work / "curves.png").read_bytes()[:4] == b"\x89PNG"
    # the R-Drop run really ran R-Drop, the baseline did not
    assert '"train_kl_loss"' in (work / "rdrop.log").read_text()
    assert 'kl_loss' not in (work / "baseline.log").read_text()
    assert "R-Drop" in proc.stdout and "test sacreBLEU" in proc.stdout
