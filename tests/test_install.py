"""The plugin installs like a library into the environment a user trains in,
and the project's environment set-up takes torch's CPU build and needs the
package index only once.

* pip, resolving the plugin's wheel from a local wheel folder (no index), into
  a fresh environment that already holds torch and a fairseq of another
  distribution, adds the plugin and changes nothing else; ``fairseq-train
  --user-dir rdrop_fairseq`` then trains from an unrelated folder. Without a
  fairseq, importing the plugin says so in one line, and the ``fairseq`` extra
  is what brings one;
* importing the plugin with a torch below its floor or a fairseq outside 0.12
  stops with one line;
* ``scripts/setup_env.sh`` installs torch from PyPI's CPU index (or the index
  given), says which torch it ended up with, records what it installed in a
  stamp and, while setup.py is unchanged, runs no pip at all (so it works
  offline); a changed setup.py installs again. Run against a stand-in Python
  that only records how it is called: no environment is built.
"""

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path

import torch

from conftest import REPO
from rdrop_fairseq.dependencies import FAIRSEQ_SERIES, TORCH_FLOOR
from test_cli import TRAIN_FLAGS

# what setup.py packages (and reads: its long description)
PACKAGE_FILES = ["setup.py", "README.md", "LICENSE", "rdrop_fairseq", "rdrop_tools"]
PIP = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]


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
    subprocess.run([*PIP, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "--no-cache-dir",
                    "-w", wheels, src], check=True)  # fmt: skip
    (wheel,) = wheels.glob("rdrop_fairseq-*.whl")
    return wheel


def write_wheel(folder, name, version, files, entry_points=""):
    """A wheel of distribution NAME that installs FILES ({path in
    site-packages: bytes}) and requires nothing."""
    info = f"{name.replace('-', '_')}-{version}.dist-info"
    files = {
        **files,
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode(),
        f"{info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        **({f"{info}/entry_points.txt": entry_points.encode()} if entry_points else {}),
    }
    path = folder / f"{name.replace('-', '_')}-{version}-py3-none-any.whl"
    record = []
    with zipfile.ZipFile(path, "w") as wheel:
        for arcname, data in files.items():
            wheel.writestr(arcname, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append(f"{arcname},sha256={digest},{len(data)}")
        wheel.writestr(f"{info}/RECORD", "\n".join([*record, f"{info}/RECORD,,"]) + "\n")
    return path


def package_files(package_dir, prefix):
    """{PREFIX/relative path: bytes} of a package folder, without bytecode."""
    return {f"{prefix}/{p.relative_to(package_dir).as_posix()}": p.read_bytes()
            for p in sorted(package_dir.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}  # fmt: skip


def fairseq_fork_wheel(folder):
    """This environment's fairseq and fairseq_cli packages as a distribution
    of another name (a fork, a checkout), with fairseq's console commands."""
    files = {}
    for package in ("fairseq", "fairseq_cli"):
        files.update(package_files(Path(find_spec(package).origin).parent, package))
    commands = "[console_scripts]\nfairseq-train = fairseq_cli.train:cli_main\n"
    return write_wheel(folder, "fairseq-fork", "0.12.2", files, entry_points=commands)


def decoy(folder, name, version, package):
    """A wheel whose PACKAGE only says where it came from: installed, it would replace the real one."""
    return write_wheel(folder, name, version, {f"{package}/__init__.py": f"DECOY = {name!r}\n".encode()})


def view_without_fairseq(view):
    """Links to everything this environment has installed (torch, sacreBLEU,
    fairseq's own dependencies...) except fairseq and the plugin: what a
    user's training environment holds besides those two."""
    providers = metadata.packages_distributions()
    left_out = {metadata.distribution(d) for d in {*providers.get("fairseq", []), *providers.get("rdrop_fairseq", [])}}
    tops = {Path(f).parts[0] for dist in left_out for f in dist.files if not str(f).startswith("..")}
    site = Path(sysconfig.get_path("purelib"))
    view.mkdir()
    for entry in site.iterdir():
        if entry.name in tops or entry.suffix == ".pth" or entry.name.startswith(("__editable__", "__pycache__")):
            continue
        (view / entry.name).symlink_to(entry)


def fresh_environment(tmp_path):
    """A new virtualenv whose site-packages also sees the view (torch and the
    rest, as installed distributions pip knows about), to be run with pip's
    configuration files and environment off: the wheel folder is all there
    is. Returns its bin folder, its site-packages and that environment."""
    venv, view = tmp_path / "venv", tmp_path / "view"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    view_without_fairseq(view)
    where = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = Path(subprocess.run([venv / "bin" / "python", "-c", where], capture_output=True, text=True,
                               check=True).stdout.strip())  # fmt: skip
    (site / "view.pth").write_text(f"{view}\n")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PIP_", "PYTHON"))}
    # no bytecode written through the view's links into this environment's packages
    env.update(PIP_CONFIG_FILE=os.devnull, PYTHONDONTWRITEBYTECODE="1", OMP_NUM_THREADS="1")
    return venv / "bin", site, env


def test_pip_keeps_the_users_fairseq_and_torch_and_the_plugin_trains_from_any_folder(bible_bin, tmp_path):
    wheels = tmp_path / "wheels"
    plugin = build_wheel(tmp_path)
    shipped = {n.removeprefix("rdrop_fairseq/") for n in zipfile.ZipFile(plugin).namelist() if n.startswith("rdrop_fairseq/")}
    assert shipped == {p.relative_to(REPO / "rdrop_fairseq").as_posix() for p in (REPO / "rdrop_fairseq").rglob("*.py")}
    # pip is asked for neither fairseq nor torch, but the extra holds both, at the floor
    with zipfile.ZipFile(plugin) as wheel:
        (info,) = [name for name in wheel.namelist() if name.endswith(".dist-info/METADATA")]
        requires = [line.removeprefix("Requires-Dist: ") for line in wheel.read(info).decode().splitlines()
                    if line.startswith("Requires-Dist: ")]  # fmt: skip
    assert not [r for r in requires if r.startswith(("torch", "fairseq")) and 'extra == "fairseq"' not in r]
    assert f'torch>={TORCH_FLOOR[0]}.{TORCH_FLOOR[1]}; extra == "fairseq"' in requires, requires
    fairseq_fork_wheel(wheels)
    # what a resolver that asked for fairseq or a newer torch would take from the folder
    decoy(wheels, "fairseq-fixed", "0.12.3.1", "fairseq")
    decoy(wheels, "fairseq", "0.12.2", "fairseq")
    decoy(wheels, "torch", "99.0", "torch")
    bin_dir, site, env = fresh_environment(tmp_path)
    python = bin_dir / "python"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", str(python)]  # -q would hide lists
    offline = ["--no-index", "--find-links", str(wheels)]

    def run(*args, cwd=None, check=True):
        proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
        assert not check or proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
        return proc

    def installed():
        return {d["name"].lower(): d["version"] for d in json.loads(run(*pip, "list", "--format", "json").stdout)}

    def imported():
        """Which distribution provides ``fairseq``, and where torch and fairseq are imported from."""
        code = ("import importlib.metadata as m, json, torch, fairseq; print(json.dumps(["
                "m.packages_distributions()['fairseq'], torch.__version__, torch.__file__, fairseq.__file__]))")  # fmt: skip
        return json.loads(run(python, "-c", code).stdout.splitlines()[-1])

    run(*pip, "install", "-q", *offline, "fairseq-fork")  # the user's own fairseq
    before, imported_before = installed(), imported()
    assert before["fairseq-fork"] == "0.12.2" and before["torch"] == torch.__version__
    assert "fairseq-fixed" not in before and "rdrop-fairseq" not in before
    assert imported_before == [["fairseq-fork"], torch.__version__, str(tmp_path / "view" / "torch" / "__init__.py"),
                               str(site / "fairseq" / "__init__.py")]  # fmt: skip

    run(*pip, "install", "-q", *offline, "rdrop-fairseq")  # as pip resolves it: no --no-deps
    assert installed() == {**before, "rdrop-fairseq": "0.1.0"}  # added the plugin, changed nothing
    assert imported() == imported_before

    elsewhere = tmp_path / "elsewhere"  # no rdrop_fairseq folder here
    elsewhere.mkdir()
    proc = run(
        bin_dir / "fairseq-train", bible_bin, "--user-dir", "rdrop_fairseq", "--task", "rdrop_translation",
        "--criterion", "rdrop_label_smoothed_cross_entropy", "--rdrop-alpha", "5", *TRAIN_FLAGS,
        "--max-update", "1", "--disable-validation", "--no-save", cwd=elsewhere,
    )  # fmt: skip
    steps = [json.loads(line.split("| train_inner | ", 1)[1]) for line in proc.stdout.splitlines()
             if "| train_inner | " in line]  # fmt: skip
    assert len(steps) == 1 and float(steps[0]["kl_loss"]) > 0  # one update, and it was R-Drop's

    # without a fairseq, importing the plugin says what to do in one line...
    run(*pip, "uninstall", "-q", "-y", "fairseq-fork")
    proc = run(python, "-c", "import rdrop_fairseq", cwd=elsewhere, check=False)
    series = ".".join(map(str, FAIRSEQ_SERIES))
    assert proc.returncode != 0 and proc.stderr.strip().splitlines()[-1] == (
        f"ImportError: rdrop_fairseq needs fairseq {series}, and none is installed: "
        "pip install 'rdrop-fairseq[fairseq]' installs one"
    )
    # ...and that is what the extra installs (fairseq-fixed on Python >= 3.11), keeping torch
    report = tmp_path / "report.json"
    run(*pip, "install", "-q", *offline, "--dry-run", "--report", str(report), "rdrop-fairseq[fairseq]")
    would = {item["metadata"]["name"]: item["metadata"]["version"] for item in json.loads(report.read_text())["install"]}
    assert would == ({"fairseq-fixed": "0.12.3.1"} if sys.version_info >= (3, 11) else {"fairseq": "0.12.2"}), would


def import_plugin_with(tmp_path, package, version):
    """Import the plugin with a stand-in PACKAGE of VERSION in front of the real one."""
    shadow = tmp_path / f"{package}-{version}"
    (shadow / package).mkdir(parents=True)
    (shadow / package / "__init__.py").write_text(f"__version__ = {version!r}\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(shadow), str(REPO)])}
    return subprocess.run([sys.executable, "-c", "import rdrop_fairseq"], env=env, capture_output=True, text=True)


def test_a_torch_below_the_floor_is_refused_in_one_line_at_import(tmp_path):
    major, minor = TORCH_FLOOR
    older = f"{major}.{minor - 1}.1+cu121" if minor else f"{major - 1}.99.0"  # the last release before the floor
    proc = import_plugin_with(tmp_path, "torch", older)
    assert proc.returncode != 0 and proc.stderr.strip().splitlines()[-1] == (
        f"ImportError: rdrop_fairseq needs torch >= {major}.{minor} (the oldest it is tested with), found torch {older}"
    )
    proc = import_plugin_with(tmp_path, "torch", f"{major}.{minor}.0")  # the floor itself passes the check
    assert "needs torch" not in proc.stderr


def test_a_fairseq_outside_0_12_is_refused_in_one_line_at_import(tmp_path):
    proc = import_plugin_with(tmp_path, "fairseq", "0.10.2")
    last = proc.stderr.strip().splitlines()[-1]
    assert proc.returncode != 0 and last.startswith("ImportError: rdrop_fairseq needs fairseq 0.12.x, found fairseq 0.10.2 ("), last


# ---------------------------------------------------------------- scripts/setup_env.sh

# A stand-in for python3 and for .venv/bin/python: records each call; "-m venv
# DIR" makes DIR/bin/python another stand-in; "-c CODE" runs CODE in the real
# Python of the tests (to describe its torch); exits with $STATUS (default 0).
RECORDING_PYTHON = """#!/usr/bin/env bash
echo "$*" >> "$CALLS"
if [[ $1 == -m && $2 == venv ]]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; fi
if [[ $1 == -c ]]; then exec "$REAL_PYTHON" "$@"; fi
exit "${STATUS:-0}"
"""
CPU_INDEX = "https://download.pytorch.org/whl/cpu"


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.rglob("*")
            if p.is_file()}  # fmt: skip


def setup_env_runner(tmp_path):
    """A checkout holding setup.py and scripts/setup_env.sh, and a function
    running the script there with the recording stand-in: it returns the
    finished process and the calls the script made."""
    checkout = tmp_path / "checkout"
    (checkout / "scripts").mkdir(parents=True)
    shutil.copy(REPO / "setup.py", checkout / "setup.py")
    shutil.copy(REPO / "scripts" / "setup_env.sh", checkout / "scripts" / "setup_env.sh")
    python, calls = tmp_path / "python3", tmp_path / "calls"
    python.write_text(RECORDING_PYTHON)
    python.chmod(0o755)
    env = {"PATH": os.environ["PATH"], "PYTHON": str(python), "CALLS": str(calls), "REAL_PYTHON": sys.executable}

    def setup(**extra):
        calls.write_text("")
        proc = subprocess.run(["bash", checkout / "scripts" / "setup_env.sh"], env={**env, **extra},
                              capture_output=True, text=True)  # fmt: skip
        return proc, calls.read_text().splitlines()

    return checkout, setup


def torch_description():
    """How the set-up must name this torch: version, then build."""
    build = f"CUDA {torch.version.cuda} build" if torch.version.cuda else "CPU build"
    return f"torch {torch.__version__}, {build}"


def pip_installs(calls):
    """The arguments of each ``pip install -q`` the set-up ran."""
    return [c.split()[4:] for c in calls if c.startswith("-m pip install -q ")]


def test_setup_env_installs_once_then_needs_no_index_until_setup_py_changes(tmp_path):
    checkout, setup = setup_env_runner(tmp_path)

    # a fresh machine: the environment is created, then torch alone from its
    # index, then the build requirements and the plugin, then torch described
    proc, made = setup()
    assert proc.returncode == 0, proc.stderr
    assert made[0] == "-m venv .venv" and len(made) == 5 and made[4].startswith("-c ")
    torch_step, build, plugin = pip_installs(made)
    assert torch_step == ["--no-deps", "--index-url", CPU_INDEX, "torch==2.13.0"]
    assert "torch==2.13.0" in build and "--upgrade" not in " ".join(made)
    assert {"--no-build-isolation", "--use-pep517", "-e", ".[fairseq,test]"} <= set(plugin)
    assert proc.stderr.splitlines()[-1] == f"setup_env.sh: .venv has {torch_description()}"
    stamp = checkout / ".venv" / "rdrop-setup.stamp"
    assert (checkout / "setup.py").read_text() in stamp.read_text()

    # set up: with the index unreachable it succeeds, runs nothing, changes
    # nothing, and still says which torch .venv has
    before = snapshot(checkout)
    proc, made = setup(PIP_NO_INDEX="1")
    assert proc.returncode == 0 and made == [] and snapshot(checkout) == before, proc.stderr
    assert f"({torch_description()};" in proc.stderr

    # setup.py changed: pip installs again (not the environment), and a failed
    # install leaves no stamp, so the next run tries again
    with open(checkout / "setup.py", "a") as f:
        f.write("# changed\n")
    proc, made = setup(STATUS="1")
    assert proc.returncode != 0 and made and not stamp.exists()
    assert proc.stderr.splitlines()[-1] == (
        f"setup_env.sh: error: no torch==2.13.0 from {CPU_INDEX}; "
        "set TORCH_INDEX_URL to an index that has it (empty: pip's own index)"
    )
    proc, made = setup()
    assert proc.returncode == 0 and len(pip_installs(made)) == 3 and "-m venv .venv" not in made
    assert stamp.exists()
    proc, made = setup(PIP_NO_INDEX="1")
    assert proc.returncode == 0 and made == []


def test_setup_env_takes_torch_from_the_index_it_is_given(tmp_path):
    checkout, setup = setup_env_runner(tmp_path)
    cuda = "https://download.pytorch.org/whl/cu128"
    proc, made = setup(TORCH_INDEX_URL=cuda)
    assert proc.returncode == 0, proc.stderr
    assert pip_installs(made)[0] == ["--no-deps", "--index-url", cuda, "torch==2.13.0"]
    # another index is another installation: pip runs again, the CPU index is back
    proc, made = setup()
    assert pip_installs(made)[0] == ["--no-deps", "--index-url", CPU_INDEX, "torch==2.13.0"]
    # empty: whatever index pip is configured with (a mirror, a wheel folder)
    proc, made = setup(TORCH_INDEX_URL="")
    assert proc.returncode == 0 and pip_installs(made)[0] == ["--no-deps", "torch==2.13.0"]
    # not an index: one line, before anything is created or installed
    shutil.rmtree(checkout / ".venv")
    proc, made = setup(TORCH_INDEX_URL="cu128")
    assert proc.returncode == 2 and made == [] and not (checkout / ".venv").exists()
    assert proc.stderr.splitlines() == [
        "setup_env.sh: error: TORCH_INDEX_URL must be an index URL (https://..., file://...) "
        "or empty for pip's own index, got 'cu128'"
    ]
