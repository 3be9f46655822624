"""What ``pip install rdrop-fairseq`` puts into a user's site-packages: the
plugin and the project's tools, under the project's own names, and tools
that start without fairseq."""

import subprocess
import sys
import zipfile

from conftest import REPO, cli_env
from test_install import build_wheel

PROJECT_PACKAGES = {"rdrop_fairseq", "rdrop_tools"}


def test_every_top_level_name_the_wheel_installs_is_one_of_the_projects_packages(tmp_path):
    with zipfile.ZipFile(build_wheel(tmp_path)) as wheel:
        names = wheel.namelist()
        (top_level,) = [n for n in names if n.endswith(".dist-info/top_level.txt")]
        declared = set(wheel.read(top_level).decode().split())
        (record,) = [n for n in names if n.endswith(".dist-info/RECORD")]
        installed = {line.split(",", 1)[0].split("/", 1)[0] for line in wheel.read(record).decode().splitlines()}
    installed = {name for name in installed if not name.endswith(".dist-info")}
    assert declared == PROJECT_PACKAGES and installed == PROJECT_PACKAGES


def test_the_tools_import_without_fairseq_or_torch():
    """Every script starts in a fraction of a second: importing rdrop_fairseq
    (and so fairseq and torch) costs seconds per process."""
    modules = sorted(p.stem for p in (REPO / "rdrop_tools").glob("*.py") if p.stem != "__init__")
    code = (f"import importlib, sys\nfor m in {modules!r}: importlib.import_module('rdrop_tools.' + m)\n"
            "print(sorted(n for n in sys.modules if n.split('.')[0] in ('fairseq', 'torch', 'rdrop_fairseq')))")
    proc = subprocess.run([sys.executable, "-c", code], env=cli_env(), capture_output=True, text=True, check=True)
    assert proc.stdout == "[]\n" and len(modules) >= 8
