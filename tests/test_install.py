"""The plugin installs like a library, and the project's environment set-up
needs the package index only once.

* a wheel of the checkout, installed without the checkout on the path, trains
  through ``fairseq-train --user-dir rdrop_fairseq`` from an unrelated folder;
* ``scripts/setup_env.sh`` records what it installed in a stamp and, while
  setup.py is unchanged, runs no pip at all (so it works offline); a changed
  setup.py installs again. Run against a stand-in Python that only records how
  it is called: no environment is built.
"""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from importlib.util import find_spec
from pathlib import Path

from conftest import REPO, cli_env
from test_cli import TRAIN_FLAGS

# what setup.py packages (and reads: its long description)
PACKAGE_FILES = ["setup.py", "README.md", "LICENSE", "rdrop_fairseq", "rdrop_tools"]


def without_checkout(pythonpath):
    """PYTHONPATH minus the checkout and anything inside it (conftest puts the checkout there)."""
    repo = REPO.resolve()
    kept = [p for p in pythonpath.split(os.pathsep) if p and not Path(p).resolve().is_relative_to(repo)]
    return os.pathsep.join(kept)


def build_wheel(tmp_path):
    """The checkout's wheel, built offline from a copy (no build/ or egg-info left in the checkout)."""
    src, wheels = tmp_path / "src", tmp_path / "wheels"
    src.mkdir()
    for name in PACKAGE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, src / name)
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "--no-cache-dir",
                    "-w", wheels, src], check=True)  # fmt: skip
    (wheel,) = wheels.glob("rdrop_fairseq-*.whl")
    return wheel


def test_a_wheel_installed_beside_fairseq_trains_with_user_dir_rdrop_fairseq(bible_bin, tmp_path):
    """After ``pip install .``, rdrop_fairseq sits in site-packages beside fairseq,
    where fairseq looks for a ``--user-dir`` that is no path from the current
    folder. SITE stands for that site-packages: the wheel installed with
    --target, and a view of this environment's fairseq (links to its files)."""
    site = tmp_path / "site"
    wheel = build_wheel(tmp_path)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps",
                    "--no-index", "--no-cache-dir", "--target", site, wheel], check=True)  # fmt: skip
    shipped = {p.relative_to(site).as_posix() for p in (site / "rdrop_fairseq").rglob("*.py")}
    in_checkout = {p.relative_to(REPO).as_posix() for p in (REPO / "rdrop_fairseq").rglob("*.py")}
    assert shipped == in_checkout and (site / "rdrop_tools" / "small_runs.py").exists()

    fairseq = Path(find_spec("fairseq").origin).parent
    (site / "fairseq").mkdir()
    for entry in fairseq.iterdir():
        if entry.name != "__pycache__":
            (site / "fairseq" / entry.name).symlink_to(entry)

    elsewhere = tmp_path / "elsewhere"  # no rdrop_fairseq folder here
    elsewhere.mkdir()
    env = cli_env()
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), without_checkout(env.get("PYTHONPATH", ""))]))
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # leave the environment's fairseq untouched
    train = Path(sysconfig.get_path("scripts")) / "fairseq-train"
    command = [str(train)] if train.exists() else [sys.executable, "-m", "fairseq_cli.train"]
    proc = subprocess.run(
        [*command, bible_bin, "--user-dir", "rdrop_fairseq", "--task", "rdrop_translation",
         "--criterion", "rdrop_label_smoothed_cross_entropy", "--rdrop-alpha", "5", *TRAIN_FLAGS,
         "--max-update", "1", "--disable-validation", "--no-save"],
        cwd=elsewhere, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    steps = [json.loads(line.split("| train_inner | ", 1)[1]) for line in proc.stdout.splitlines()
             if "| train_inner | " in line]  # fmt: skip
    assert len(steps) == 1 and float(steps[0]["kl_loss"]) > 0  # one update, and it was R-Drop's


# ---------------------------------------------------------------- scripts/setup_env.sh

# A stand-in for python3 and for .venv/bin/python: records each call; "-m venv
# DIR" makes DIR/bin/python another stand-in; exits with $STATUS (default 0).
RECORDING_PYTHON = """#!/usr/bin/env bash
echo "$*" >> "$CALLS"
if [[ $1 == -m && $2 == venv ]]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; fi
exit "${STATUS:-0}"
"""


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.rglob("*")
            if p.is_file()}  # fmt: skip


def test_setup_env_installs_once_then_needs_no_index_until_setup_py_changes(tmp_path):
    checkout = tmp_path / "checkout"
    (checkout / "scripts").mkdir(parents=True)
    shutil.copy(REPO / "setup.py", checkout / "setup.py")
    shutil.copy(REPO / "scripts" / "setup_env.sh", checkout / "scripts" / "setup_env.sh")
    python, calls = tmp_path / "python3", tmp_path / "calls"
    python.write_text(RECORDING_PYTHON)
    python.chmod(0o755)
    env = {"PATH": os.environ["PATH"], "PYTHON": str(python), "CALLS": str(calls)}

    def setup(**extra):
        calls.write_text("")
        proc = subprocess.run(["bash", checkout / "scripts" / "setup_env.sh"], env={**env, **extra},
                              capture_output=True, text=True)  # fmt: skip
        return proc, calls.read_text().splitlines()

    # a fresh machine: the environment is created, then everything installed
    proc, made = setup()
    assert proc.returncode == 0, proc.stderr
    assert made[0] == "-m venv .venv" and len(made) == 3 and all(c.startswith("-m pip install") for c in made[1:])
    assert "torch==2.13.0" in made[1].split() and "--upgrade" not in " ".join(made)
    assert {"--no-build-isolation", "--use-pep517", "-e", ".[test]"} <= set(made[2].split())
    stamp = checkout / ".venv" / "rdrop-setup.stamp"
    assert (checkout / "setup.py").read_text() in stamp.read_text()

    # set up: with the index unreachable it succeeds, runs nothing and changes nothing
    before = snapshot(checkout)
    proc, made = setup(PIP_NO_INDEX="1")
    assert proc.returncode == 0 and made == [] and snapshot(checkout) == before, proc.stderr

    # setup.py changed: pip installs again (not the environment), and a failed
    # install leaves no stamp, so the next run tries again
    with open(checkout / "setup.py", "a") as f:
        f.write("# changed\n")
    proc, made = setup(STATUS="1")
    assert proc.returncode != 0 and made and not stamp.exists()
    proc, made = setup()
    assert proc.returncode == 0 and len(made) == 2 and all(c.startswith("-m pip install") for c in made)
    assert stamp.exists()
    proc, made = setup(PIP_NO_INDEX="1")
    assert proc.returncode == 0 and made == []
