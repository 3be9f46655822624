"""benchmarks/gpu_check.sh, gpu_check.py and gpu_wheels.sh without a GPU or a
network: argument refusals, the wheel folder's checks (complete, one
version each, for the right Python, within what travels to the GPU
machine), which wheels an offline install takes, and, where
``bash benchmarks/gpu_wheels.sh`` has filled ``.whl``, pip resolving it for
Python 3.12 from that folder alone."""

import io
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, TINY_TRANSFORMER, cli_env, run_cli

sys.path.insert(0, str(REPO / "benchmarks"))
import gpu_check  # noqa: E402

CHECK_SH = REPO / "benchmarks" / "gpu_check.sh"
WHEELS_SH = REPO / "benchmarks" / "gpu_wheels.sh"
SDIST = f"fairseq_fixed-{gpu_check.FAIRSEQ[1]}.tar.gz"
FAIRSEQ_REQUIRES = ["cffi", "cython", "hydra-core==1.3.2", "omegaconf==2.3.0", "numpy>=1.21.3", "regex",
                    "sacrebleu>=1.4.12", "torch>=1.13", "tqdm", "bitarray", "torchaudio>=0.8.0",
                    "scikit-learn", "packaging"]  # fmt: skip


def run(script, *args, **env):
    return subprocess.run(
        ["bash", str(script), *args], cwd=REPO, capture_output=True, text=True, timeout=60, env={**os.environ, **env}
    )


def one_error_line(proc, *words):
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "error" in lines[0] and all(w in lines[0] for w in words), proc.stderr
    return lines[0]


def fake_sdist(path, requires=FAIRSEQ_REQUIRES):
    info = "Metadata-Version: 2.1\nName: fairseq-fixed\n" + "".join(f"Requires-Dist: {r}\n" for r in requires)
    info += 'Requires-Dist: pytest; extra == "dev"\n'
    data = info.encode()
    with tarfile.open(path, "w:gz") as tar:
        member = tarfile.TarInfo(f"fairseq_fixed-{gpu_check.FAIRSEQ[1]}/PKG-INFO")
        member.size = len(data)
        tar.addfile(member, io.BytesIO(data))


def wheel_file(name, version, tags="py3-none-any"):
    return f"{gpu_check.normalize(name).replace('-', '_')}-{version}-{tags}.whl"


def fake_folder(folder, python="312"):
    """File names as gpu_wheels.sh leaves them (empty wheels), and an sdist
    whose PKG-INFO lists fairseq-fixed's real requirements."""
    folder.mkdir()
    for name, version, _ in gpu_check.WHEELS:
        tags = f"cp{python}-cp{python}-manylinux_2_17_x86_64.manylinux2014_x86_64" if name == "scipy" else "py3-none-any"
        (folder / wheel_file(name, version, tags)).touch()
    fake_sdist(folder / SDIST)
    return folder


# ---------------------------------------------------------------- the scripts refuse


@pytest.mark.parametrize(
    "args, words",
    [
        (["--gpu"], ["unknown argument '--gpu'"]),
        (["--offline"], ["--offline takes the wheel folder"]),
        (["--offline", "no-such-folder"], ["no folder no-such-folder", "gpu_wheels.sh"]),
    ],
)
def test_gpu_check_refuses_bad_arguments_in_one_line(tmp_path, args, words):
    one_error_line(run(CHECK_SH, *args, WORK=str(tmp_path / "w")), *words)
    assert not (tmp_path / "w").exists()


def test_gpu_check_refuses_a_folder_without_the_sdist_before_installing(tmp_path):
    (tmp_path / "wheels").mkdir()
    one_error_line(run(CHECK_SH, "--cpu", "--offline", str(tmp_path / "wheels")), "no fairseq_fixed sdist")


@pytest.mark.parametrize(
    "env, words",
    [
        ({"STEP_SHAPES": "wmt"}, ["unknown shape 'wmt'", "wmt_big"]),
        ({"STEP_VARIANTS": "ours_every3"}, ["unknown variant 'ours_every3'"]),
        ({"STEP_UPDATES": "1"}, ["--updates must be >= 2"]),
    ],
)
def test_the_step_mode_refuses_bad_knobs_before_installing(tmp_path, env, words):
    """--step checks the benchmark's options with the Python that has torch
    before the minutes of installing (here: this one, as --cpu's VENV)."""
    venv = str(Path(sys.executable).parent.parent)
    proc = run(CHECK_SH, "--cpu", "--step", WORK=str(tmp_path / "w"), VENV=venv, **env)
    one_error_line(proc, *words)
    assert not (tmp_path / "w").exists()


def test_gpu_check_refuses_an_unknown_precision(tmp_path):
    proc = run(CHECK_SH, "--cpu", PRECISIONS="fp8", WORK=str(tmp_path / "w"))
    one_error_line(proc, "unknown precision 'fp8'")


@pytest.mark.parametrize("parallel", ["0", "two"])
def test_gpu_check_refuses_a_bad_parallel(tmp_path, parallel):
    proc = run(CHECK_SH, "--cpu", PARALLEL=parallel, WORK=str(tmp_path / "w"))
    one_error_line(proc, f"PARALLEL must be a whole number >= 1, got '{parallel}'")
    assert not (tmp_path / "w").exists()


@pytest.mark.parametrize(
    "args, words",
    [
        (["--python"], ["unknown option '--python'"]),
        (["--python-version", "3"], ["--python-version takes 3.N"]),
        ([".whl", ".whl-b"], ["one folder only"]),
        # a folder git does not ignore would be committed and travel twice
        (["benchmarks/wheels"], ["benchmarks/wheels is not ignored by git"]),
    ],
)
def test_gpu_wheels_refuses_before_any_download(args, words):
    one_error_line(run(WHEELS_SH, *args), *words)
    assert not (REPO / "benchmarks" / "wheels").exists()


def test_the_wheel_folders_are_ignored_by_git():
    for folder in (".whl", ".whl-cp311", ".whl.new"):
        assert subprocess.run(["git", "check-ignore", "-q", f"{folder}/x.whl"], cwd=REPO).returncode == 0, folder


# ---------------------------------------------------------------- the folder's checks


def test_a_complete_folder_passes(tmp_path):
    assert gpu_check.folder_errors(fake_folder(tmp_path / "w")) == []


def test_the_folder_covers_every_requirement_of_fairseq_that_the_machine_lacks():
    covered = {gpu_check.normalize(n) for n, _, _ in gpu_check.WHEELS} | {
        gpu_check.normalize(n) for n in [*gpu_check.MACHINE, *gpu_check.SKIPPED]
    }
    for requirement in FAIRSEQ_REQUIRES:
        assert gpu_check.normalize(requirement.split("=")[0].split(">")[0]) in covered, requirement


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda w: (w / wheel_file("hydra-core", "1.3.2")).unlink(), "hydra-core==1.3.2 is missing"),
        (lambda w: (w / wheel_file("omegaconf", "2.2.0")).touch(), "omegaconf: 2 files"),
        (lambda w: (w / wheel_file("tqdm", "4.70.1")).rename(w / wheel_file("tqdm", "4.0.0")), "tqdm: 4.0.0 instead of 4.70.1"),
        (lambda w: (w / "notes.txt").touch(), "notes.txt: neither a wheel nor an sdist"),
        (lambda w: (w / wheel_file("torchaudio", "2.11.0")).touch(), "not in the list"),
        (lambda w: fake_sdist(w / SDIST, [*FAIRSEQ_REQUIRES, "iopath"]), "requires iopath, which nothing provides"),
        (lambda w: (w / SDIST).unlink(), "fairseq-fixed==0.12.3.1 is missing"),
    ],
)
def test_a_wrong_folder_is_refused(tmp_path, change, message):
    folder = fake_folder(tmp_path / "w")
    change(folder)
    errors = gpu_check.folder_errors(folder)
    assert any(message in e for e in errors), errors


def test_wheels_for_another_python_are_refused(tmp_path):
    errors = gpu_check.folder_errors(fake_folder(tmp_path / "w", python="311"), "3.12")
    assert [e for e in errors if "not for CPython 3.12" in e] and len(errors) == 1, errors
    assert gpu_check.folder_errors(tmp_path / "w", "3.11") == []


@pytest.mark.parametrize(
    "name, fits",
    [
        ("a-1-py3-none-any.whl", True),
        ("a-1-py2.py3-none-any.whl", True),
        ("a-1-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", True),
        ("a-1-cp39-abi3-manylinux_2_28_x86_64.whl", True),
        ("a-1-cp311-cp311-manylinux_2_17_x86_64.whl", False),
        ("a-1-cp312-cp312-manylinux_2_17_aarch64.whl", False),
        ("a-1-cp312-cp312-win_amd64.whl", False),
        ("a-1-cp313-abi3-manylinux_2_28_x86_64.whl", False),
    ],
)
def test_wheel_tags_for_cpython_312_on_linux_x86_64(name, fits):
    assert gpu_check.wheel_fits(name, "3.12") is fits


def test_a_folder_over_the_transfer_limit_is_refused_in_one_line(tmp_path):
    folder = fake_folder(tmp_path / "w")
    with open(folder / wheel_file("scipy", "1.17.1", "cp312-cp312-manylinux_2_17_x86_64"), "wb") as f:
        f.truncate(3 * 2**20)  # sparse: no 3 MiB written
    assert gpu_check.size_error(folder, limit_mib=4) is None
    message = gpu_check.size_error(folder, limit_mib=4, tree=2 * 2**20)
    assert "3.0 MiB" in message and "2.0 MiB" in message and "4 MiB" in message
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "gpu_check.py"), "wheels-check", str(folder), "--limit-mib", "2"],
        capture_output=True, text=True,
    )
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "over the 2.0 MiB" in proc.stderr, proc.stderr


def test_the_working_tree_that_travels_is_small():
    # what is left of the 64 MiB for the wheels (gpu_wheels.sh's .whl: 56 MiB)
    assert gpu_check.tree_bytes(REPO) < 6 * 2**20


# ---------------------------------------------------------------- what an offline install takes


def machine(monkeypatch, versions):
    monkeypatch.setattr(gpu_check, "installed_version", lambda name: versions.get(name))


def test_an_offline_install_takes_only_what_the_machine_lacks(tmp_path, monkeypatch):
    folder = fake_folder(tmp_path / "w")
    have = {name: "1" for name in gpu_check.MACHINE}
    have.update({"scipy": "1.13.0", "scikit-learn": "1.5.0", "regex": "2024.1.1", "omegaconf": "2.3.0",
                 "antlr4-python3-runtime": "4.9.1", "hydra-core": "1.3.1", "PyYAML": "6.0"})  # fmt: skip
    machine(monkeypatch, have)
    paths, errors = gpu_check.needed_wheels(folder)
    assert errors == []
    taken = {gpu_check.dist_of(p.name)[0] for p in paths}
    # hydra-core: fairseq pins 1.3.2; scipy and co.: the machine's, whatever the version
    assert "hydra-core" in taken and not taken & {"scipy", "scikit-learn", "regex", "omegaconf", "antlr4-python3-runtime", "pyyaml"}
    assert {"bitarray", "tqdm", "narwhals"} <= taken


def test_an_offline_install_names_what_nothing_provides(tmp_path, monkeypatch):
    folder = fake_folder(tmp_path / "w")
    (folder / wheel_file("bitarray", "3.12.3")).unlink()
    machine(monkeypatch, {"torch": "2.11.0", "numpy": "2.5.2"})
    _, errors = gpu_check.needed_wheels(folder)
    assert any(e.startswith("bitarray==3.12.3 (no wheel") for e in errors), errors
    assert any(e.startswith("sacrebleu (comes with the machine") for e in errors), errors


def test_antlr_accepts_any_4_9_release(monkeypatch, tmp_path):
    folder = fake_folder(tmp_path / "w")
    for have, taken in (("4.9.2", False), ("4.10", True), ("4.91", True)):
        machine(monkeypatch, {"antlr4-python3-runtime": have})
        paths, _ = gpu_check.needed_wheels(folder)
        assert any("antlr4" in p.name for p in paths) is taken, have


# ---------------------------------------------------------------- the training wrapper and its table


class FakeCudaMemory:
    """The two calls of torch.cuda that fairseq's trainer makes after every
    update: read the peak, then reset it to what is allocated now."""

    def __init__(self):
        self.allocated = self.peak = 0

    def allocate(self, nbytes):
        self.allocated += nbytes
        self.peak = max(self.peak, self.allocated)

    def max_memory_allocated(self):
        return self.peak

    def reset_peak_memory_stats(self):
        self.peak = self.allocated


def test_the_peak_memory_is_the_runs_not_the_last_updates():
    """fairseq resets the peak after every update; the table's peak is the
    largest of the whole run."""
    cuda = FakeCudaMemory()
    run_peak = gpu_check.keep_the_peak_across_resets(cuda)
    cuda.allocate(1000)  # the model and its optimizer, for the whole run
    for activations in (300, 900, 200):  # three updates; the second is the largest
        cuda.allocate(activations)
        cuda.allocate(-activations)
        _ = cuda.max_memory_allocated()  # fairseq's gb_free
        cuda.reset_peak_memory_stats()
    assert cuda.max_memory_allocated() == 1000  # what the table used to read
    assert run_peak() == 1900
    # the next run in the same process is measured on its own
    run_peak.restart()
    cuda.allocate(400)
    cuda.allocate(-400)
    cuda.reset_peak_memory_stats()
    assert run_peak() == 1400


def test_the_wrapper_trains_fp32_and_bf16_and_the_table_reads_both(tmp_path):
    """On the CPU, two updates of a tiny model: the json log lines the table
    reads, and --bf16 kept off fairseq's TPU path (which its command line
    turns --bf16 into)."""
    script = str(REPO / "benchmarks" / "gpu_check.py")
    subprocess.run([sys.executable, script, "data", str(tmp_path / "raw"), "--sentences", "300", "--words", "60"], check=True)
    run_cli("preprocess", "--source-lang", "de", "--target-lang", "en", "--trainpref", tmp_path / "raw" / "train",
            "--validpref", tmp_path / "raw" / "valid", "--destdir", tmp_path / "bin", "--joined-dictionary")  # fmt: skip
    runs = []
    for precision, flags in (("fp32", []), ("bf16", ["--bf16", "--fp16-no-flatten-grads"])):
        run_dir = tmp_path / f"{precision}-baseline"
        args = [str(tmp_path / "bin"), *TINY_TRANSFORMER, "--task", "translation", "--criterion", "label_smoothed_cross_entropy",
                "--optimizer", "adam", "--lr", "5e-4", "--max-tokens", "512", "--max-update", "2", "--log-interval", "1",
                "--disable-validation", "--no-save", "--num-workers", "0", "--cpu", *flags]  # fmt: skip
        proc = subprocess.run([sys.executable, script, "train", str(run_dir), "--", *args],
                              capture_output=True, text=True, env=cli_env(), timeout=300)  # fmt: skip
        (run_dir / "train.log").write_text(proc.stdout + proc.stderr)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        assert "xla" not in proc.stdout + proc.stderr
        runs.append(run_dir)
    rows = gpu_check.table(runs, curve_at=(1, 2)).splitlines()[2:4]
    for row, precision in zip(rows, ("fp32", "bf16"), strict=True):
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[:3] == [precision, "baseline", "2"] and cells[5] == "yes", row
        assert all(float(v) > 0 for v in cells[3:5]), row


# ---------------------------------------------------------------- the real folder, where made


def stand_in_numpy(folder):
    """A numpy wheel with metadata only: the machine's numpy, for pip's
    resolver (scipy and scikit-learn require one)."""
    dist = "numpy-2.5.2.dist-info"
    files = {
        f"{dist}/METADATA": "Metadata-Version: 2.1\nName: numpy\nVersion: 2.5.2\n",
        f"{dist}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    files[f"{dist}/RECORD"] = "".join(f"{name},,\n" for name in files) + f"{dist}/RECORD,,\n"
    folder.mkdir()
    with zipfile.ZipFile(folder / "numpy-2.5.2-py3-none-any.whl", "w") as whl:
        for name, text in files.items():
            whl.writestr(name, text)
    return folder


@pytest.mark.skipif(not (REPO / ".whl").is_dir(), reason="no .whl (bash benchmarks/gpu_wheels.sh makes it)")
def test_the_prepared_folder_resolves_for_python_312_from_itself(tmp_path):
    folder = REPO / ".whl"
    assert gpu_check.folder_errors(folder, "3.12") == []
    assert gpu_check.size_error(folder, tree=gpu_check.tree_bytes(REPO)) is None
    pip_version = tuple(int(p) for p in __import__("pip").__version__.split(".")[:2])
    if pip_version < (25, 0):
        pytest.skip(f"pip {pip_version} checks Requires-Python against this Python, not --python-version")
    platforms = [arg for p in ("manylinux_2_28_x86_64", "manylinux_2_17_x86_64") for arg in ("--platform", p)]
    specs = [f"{name}=={version}" for name, version, _ in gpu_check.WHEELS]
    env = {**os.environ, "PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": "", "PIP_NO_INDEX": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--no-index",
         "--find-links", str(folder), "--find-links", str(stand_in_numpy(tmp_path / "machine")),
         "--only-binary=:all:", "--python-version", "3.12", "--implementation", "cp", *platforms,
         "--target", str(tmp_path / "target"), *specs],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    would = proc.stdout.split("Would install", 1)[1].split()
    assert sorted(w.rsplit("-", 1)[0].lower() for w in would) == sorted(
        [gpu_check.normalize(n) for n, _, _ in gpu_check.WHEELS] + ["numpy"]
    ), would
