"""The Python parts of ``gpu_check.sh``: synthetic corpus, a fairseq-train
wrapper that records peak GPU memory, and the markdown table of the runs.

    python benchmarks/gpu_check.py data DIR [--sentences 20000] [--words 8000]
    python benchmarks/gpu_check.py train RUN_DIR -- <fairseq-train arguments>
    python benchmarks/gpu_check.py table RUN_DIR [RUN_DIR ...] [--curve-at 10 50 100 150 200]
    python benchmarks/gpu_check.py wheels-list [--sdist]
    python benchmarks/gpu_check.py wheels-check DIR [--python-version 3.12] [--limit-mib 64]
    python benchmarks/gpu_check.py wheels-needed DIR

The ``wheels-*`` commands serve an offline install (``gpu_wheels.sh`` fills
DIR, ``gpu_check.sh --offline DIR`` installs from it): the list of what to
download, a check that DIR holds exactly that and fits what travels to the
GPU machine, and the wheels the running Python lacks. They need no torch.

Each RUN_DIR is named ``<precision>-<variant>``; ``train`` writes
``run.json`` (exit status, peak ``torch.cuda.max_memory_allocated``) there,
and the caller keeps its output (fairseq's json log lines) as ``train.log``.
"""

import argparse
import json
import math
import random
import re
import statistics
import subprocess
import sys
import tarfile
import traceback
from importlib import metadata
from pathlib import Path

CURVE_AT = (10, 50, 100, 150, 200)

# ------------------------------------------------------------ offline install

FAIRSEQ = ("fairseq-fixed", "0.12.3.1")
# The GPU machine's Python brings these, and nothing can be fetched there: the
# check uses its CUDA torch as it is (a carried torch would not fit anyway).
# setuptools too: torch requires it on Python >= 3.12, and it builds the sdist.
MACHINE = ["torch", "numpy", "Cython", "sacrebleu", "sentencepiece", "pytest", "setuptools"]
# fairseq-fixed requires them but never imports them for translation: cffi is
# imported nowhere, torchaudio only inside the speech tasks' functions.
SKIPPED = {"cffi", "torchaudio"}
# (name, version carried, versions taken from the machine instead: "" any,
# else a prefix). What fairseq-fixed 0.12.3.1 imports beyond MACHINE, then
# what those need, then what builds its sdist without isolation; the
# versions are those of the tested CPU environment. Each is installed only
# where the machine lacks it, so nothing the machine's torch or scipy was
# built against is shadowed.
WHEELS = [
    ("hydra-core", "1.3.2", "1.3.2"),  # fairseq pins both exactly
    ("omegaconf", "2.3.0", "2.3.0"),
    # hydra-core and omegaconf pin 4.9.*; PyPI has only its sdist, so
    # gpu_wheels.sh builds this (pure Python) wheel
    ("antlr4-python3-runtime", "4.9.3", "4.9."),
    ("bitarray", "3.12.3", ""),
    ("regex", "2026.11.19", ""),
    ("tqdm", "4.70.1", ""),
    # fairseq.criterions.sentence_prediction imports both at module level,
    # and `import fairseq` imports every criterion
    ("scikit-learn", "1.9.1", ""),
    ("scipy", "1.17.1", ""),
    ("joblib", "1.6.0", ""),  # scikit-learn
    ("threadpoolctl", "3.8.0", ""),  # scikit-learn
    ("narwhals", "2.29.0", ""),  # scikit-learn
    ("cloudpickle", "3.1.3", ""),  # joblib
    ("PyYAML", "6.0.4", ""),  # omegaconf
    ("packaging", "26.4", ""),  # hydra-core, wheel
    ("wheel", "0.48.0", ""),  # older setuptools build wheels through it
]
# everything that travels to the GPU machine: the working tree and the carried
# wheel folder together
LIMIT_MIB = 64


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def dist_of(filename):
    """(normalized name, version) of a wheel or sdist file name, else None."""
    match = re.fullmatch(r"([A-Za-z0-9_.]+?)-([0-9][^-]*?)(?:-.+\.whl|\.tar\.gz)", filename)
    return (normalize(match[1]), match[2]) if match else None


def sdist_requires(path):
    """Requires-Dist of an sdist's PKG-INFO, less extras' requirements."""
    with tarfile.open(path) as tar:
        member = next(m for m in tar.getmembers() if m.name.count("/") == 1 and m.name.endswith("/PKG-INFO"))
        text = tar.extractfile(member).read().decode()
    names = []
    for line in text.splitlines():
        if line.startswith("Requires-Dist:") and "extra ==" not in line:
            names.append(normalize(re.match(r"[A-Za-z0-9_.-]+", line.split(":", 1)[1].strip())[0]))
    return names


def tree_bytes(repo):
    """Size of what travels besides a carried folder: tracked files, and
    untracked ones git does not ignore (0 outside a git checkout)."""
    try:
        out = subprocess.run(
            ["git", "-C", str(repo), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True, check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return 0
    paths = {Path(repo, p.decode()) for p in out.split(b"\0") if p}
    return sum(p.stat().st_size for p in paths if p.is_file() and not p.is_symlink())


def size_error(folder, limit_mib=LIMIT_MIB, tree=0):
    """One line when the folder and the tree beside it exceed the limit."""
    size = sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())
    if size + tree > limit_mib * 2**20:
        return (
            f"{folder} holds {size / 2**20:.1f} MiB and the working tree {tree / 2**20:.1f} MiB: "
            f"over the {limit_mib} MiB that can travel to the GPU machine"
        )
    return None


def wheel_fits(filename, python_version):
    """Whether a wheel installs on CPython ``python_version``, Linux x86-64."""
    minor = int(python_version.split(".")[1])
    pythons, abis, platforms = (tags.split(".") for tags in filename[: -len(".whl")].split("-")[-3:])

    def python_ok(tag):
        stable = "abi3" in abis and tag.startswith("cp3") and int(tag[3:]) <= minor
        return tag in ("py3", f"cp3{minor}") or stable

    return (
        any(map(python_ok, pythons))
        and any(abi in ("none", "abi3", f"cp3{minor}") for abi in abis)
        and any(p == "any" or (p.startswith(("manylinux", "linux")) and p.endswith("x86_64")) for p in platforms)
    )


def folder_errors(folder, python_version="3.12"):
    """What is wrong with a wheel folder for an offline install: a wheel
    missing, at another version or twice, a file that is none of them, a
    wheel for another Python, a requirement of fairseq's that nothing covers."""
    folder = Path(folder)
    if not folder.is_dir():
        return [f"{folder} is not a folder (make it with benchmarks/gpu_wheels.sh)"]
    errors, seen = [], {}
    for path in sorted(folder.iterdir()):
        dist = dist_of(path.name)
        if dist is None:
            errors.append(f"{path.name}: neither a wheel nor an sdist")
            continue
        seen.setdefault(dist[0], []).append((dist[1], path))
        if path.name.endswith(".whl") and not wheel_fits(path.name, python_version):
            errors.append(f"{path.name}: not for CPython {python_version} on Linux x86-64")
    wanted = {normalize(name): version for name, version, _ in WHEELS}
    wanted[normalize(FAIRSEQ[0])] = FAIRSEQ[1]
    for name, version in wanted.items():
        found = seen.pop(name, [])
        if not found:
            errors.append(f"{name}=={version} is missing")
        elif len(found) > 1:
            errors.append(f"{name}: {len(found)} files ({', '.join(p.name for _, p in found)}), keep one")
        elif found[0][0] != version:
            errors.append(f"{name}: {found[0][0]} instead of {version}")
    errors += [f"{p.name}: not in the list (gpu_check.py WHEELS)" for files in seen.values() for _, p in files]
    sdist = folder / f"{FAIRSEQ[0].replace('-', '_')}-{FAIRSEQ[1]}.tar.gz"
    if sdist.is_file():
        covered = set(wanted) | {normalize(n) for n in MACHINE} | {normalize(n) for n in SKIPPED}
        errors += [f"fairseq-fixed requires {n}, which nothing provides" for n in sdist_requires(sdist) if n not in covered]
    return errors


def installed_version(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def usable(version, accept):
    """``accept`` "" takes any version, "X." any X.* release, else only itself."""
    return accept == "" or (version.startswith(accept) if accept.endswith(".") else version == accept)


def needed_wheels(folder):
    """The wheels of ``folder`` that the running Python lacks (missing, or at a
    version fairseq cannot use), and the errors: a distribution it lacks
    that no file provides."""
    files = {}
    for path in Path(folder).glob("*.whl"):
        files[dist_of(path.name)[0]] = path
    paths, errors = [], []
    for name in MACHINE:
        if installed_version(name) is None:
            errors.append(f"{name} (comes with the machine's Python, no wheel carried)")
    for name, version, accept in WHEELS:
        have = installed_version(name)
        if have is not None and usable(have, accept):
            continue
        path = files.get(normalize(name))
        if path is None:
            errors.append(f"{name}=={version} (no wheel in {folder})")
        else:
            paths.append(path)
    return paths, errors


def make_corpus(dest, sentences, words, seed=1):
    """Random German-like source sentences (Zipfian word types) and a
    learnable target: each word mapped to its own target word, neighbours
    swapped in pairs, so a transformer's loss falls fast and steadily."""
    rng = random.Random(seed)
    weights = [1.0 / (rank + 1) for rank in range(words)]
    mapping = list(range(words))
    rng.shuffle(mapping)
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for split, count in (("train", sentences), ("valid", max(100, sentences // 100))):
        with open(dest / f"{split}.de", "w") as src, open(dest / f"{split}.en", "w") as tgt:
            for _ in range(count):
                ids = rng.choices(range(words), weights, k=rng.randint(4, 30))
                out = [mapping[i] for i in ids]
                for k in range(0, len(out) - 1, 2):
                    out[k], out[k + 1] = out[k + 1], out[k]
                src.write(" ".join(f"d{i}" for i in ids) + "\n")
                tgt.write(" ".join(f"e{i}" for i in out) + "\n")


class RunPeak:
    """fairseq's trainer resets the peak memory statistics after every update
    (for its ``gb_free``), so ``max_memory_allocated`` at the end of a run is
    only the last update's. Installed on ``cuda``, it makes
    ``cuda.reset_peak_memory_stats`` remember the peak first; calling it
    gives the peak in bytes since installation or the last ``restart``."""

    def __init__(self, cuda):
        self.cuda, self.seen = cuda, 0
        reset = self.underlying_reset = cuda.reset_peak_memory_stats

        def remember_then_reset(*args, **kwargs):
            self.seen = max(self.seen, cuda.max_memory_allocated())
            return reset(*args, **kwargs)

        cuda.reset_peak_memory_stats = remember_then_reset

    def __call__(self):
        return max(self.seen, self.cuda.max_memory_allocated())

    def restart(self):
        """Forget the peak so far: the next run is measured on its own."""
        self.seen = 0
        self.underlying_reset()


keep_the_peak_across_resets = RunPeak


def training_config(args):
    """fairseq-train's config from its command line (``args``), except that
    fairseq 0.12's command line turns --bf16 into --tpu (torch_xla): bf16
    runs on the GPU here, as the hydra entry point runs it (FP16Optimizer
    without a loss scale)."""
    from fairseq import options
    from fairseq.dataclass.utils import convert_namespace_to_omegaconf

    parsed = options.parse_args_and_arch(options.get_training_parser(), list(args))
    if parsed.bf16 and "--tpu" not in args:
        parsed.tpu = False
    return convert_namespace_to_omegaconf(parsed)


def train(run_dir, args):
    """fairseq-train in this process, then its peak GPU memory."""
    # first: it sets up the logging that the table reads, before fairseq logs
    from fairseq_cli import train as fairseq_train

    import torch

    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    peak_bytes = keep_the_peak_across_resets(torch.cuda)
    sys.argv = ["fairseq-train", *args, "--log-format", "json"]
    status, error = 0, None
    try:
        # fairseq_train.cli_main, with --bf16 kept on the GPU
        cfg = training_config(sys.argv[1:])
        fairseq_train.distributed_utils.call_main(cfg, fairseq_train.main)
    except BaseException as exc:  # a failed run still gets its row in the table
        status, error = 1, "".join(traceback.format_exception_only(type(exc), exc)).strip()
        traceback.print_exc()
    peak = peak_bytes() / 2**20 if torch.cuda.is_available() else None
    (run_dir / "run.json").write_text(json.dumps({"status": status, "error": error, "peak_mb": peak}))
    return status


def read_inner_logs(path):
    """fairseq's ``train_inner`` json records, in order."""
    records = []
    for line in Path(path).read_text().splitlines():
        if "| train_inner |" in line:
            records.append(json.loads(line.split("| train_inner |", 1)[1]))
    return records


def number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def summarize(run_dir):
    run_dir = Path(run_dir)
    precision, variant = run_dir.name.split("-", 1)
    run = json.loads((run_dir / "run.json").read_text()) if (run_dir / "run.json").exists() else {}
    records = read_inner_logs(run_dir / "train.log") if (run_dir / "train.log").exists() else []
    # fairseq's built-in criterion logs the NLL summed over both copies
    per_copy = 0.5 if variant == "builtin" else 1.0
    curve = {int(number(r["num_updates"])): per_copy * number(r["nll_loss"]) for r in records}
    scales = [number(r["loss_scale"]) for r in records if "loss_scale" in r]
    ups = [number(r["ups"]) for r in records[1:]]  # the first interval includes warm-up
    return {
        "precision": precision,
        "variant": variant,
        "status": run.get("status", 1),
        "error": run.get("error"),
        "updates": max(curve, default=0),
        "curve": curve,
        "finite": bool(curve) and all(math.isfinite(v) for v in curve.values())
        and all(math.isfinite(number(r["loss"])) for r in records),
        "scale_min": min(scales) if scales else None,
        "scale_last": scales[-1] if scales else None,
        "ms": 1000 / statistics.median(ups) if ups and statistics.median(ups) > 0 else None,
        "peak_mb": run.get("peak_mb"),
    }


def fmt(value, spec):
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else format(value, spec)


def table(run_dirs, curve_at=CURVE_AT):
    rows = [summarize(d) for d in run_dirs]
    lines = [
        "| precision | variant | updates | " + " | ".join(f"nll@{u}" for u in curve_at)
        + " | finite | loss scale min / last | ms / update | peak GPU MB |",
        "|---|---|---:|" + "---:|" * len(curve_at) + "---|---|---:|---:|",
    ]
    for r in rows:
        curve = " | ".join(fmt(r["curve"].get(u), ".2f") for u in curve_at)
        scale = "" if r["scale_min"] is None else f"{r['scale_min']:g} / {r['scale_last']:g}"
        if r["status"] != 0:
            finite = f"**failed**: {r['error'] or 'see its train.log'}"
        elif not r["curve"]:
            finite = "**no train_inner log**"
        else:
            finite = "yes" if r["finite"] else "**no**"
        lines.append(
            f"| {r['precision']} | {r['variant']} | {r['updates']} | {curve} | {finite} | {scale} "
            f"| {fmt(r['ms'], '.0f')} | {fmt(r['peak_mb'], '.0f')} |"
        )
    by_key = {(r["precision"], r["variant"]): r for r in rows}
    notes = []
    for precision in dict.fromkeys(r["precision"] for r in rows):
        ours = by_key.get((precision, "ours"))
        for other in ("builtin", "baseline_x2"):
            ref = by_key.get((precision, other))
            if ours and ref and ours["ms"] and ref["ms"] and ours["peak_mb"] and ref["peak_mb"]:
                notes.append(
                    f"- {precision}: ours / {other} = {ours['ms'] / ref['ms']:.2f}x time per update, "
                    f"{ours['peak_mb'] / ref['peak_mb']:.2f}x peak memory"
                )
    lines += ["", *notes] if notes else []
    lines += [
        "",
        "nll per copy in bits per target token as logged (train_inner; fairseq's built-in "
        "logs the sum over both copies, halved here); ms / update = 1000 / median of the "
        "logged updates per second after the first interval; peak = "
        "torch.cuda.max_memory_allocated over the run.",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    data = sub.add_parser("data")
    data.add_argument("dest")
    data.add_argument("--sentences", type=int, default=20000)
    data.add_argument("--words", type=int, default=8000)
    run = sub.add_parser("train")
    run.add_argument("run_dir")
    run.add_argument("fairseq_args", nargs=argparse.REMAINDER)
    tab = sub.add_parser("table")
    tab.add_argument("run_dirs", nargs="+")
    tab.add_argument("--curve-at", type=int, nargs="+", default=list(CURVE_AT), help="updates to show the loss at")
    listing = sub.add_parser("wheels-list", help="NAME==VERSION of each wheel to download, one a line")
    listing.add_argument("--sdist", action="store_true", help="that of the sdist instead")
    check = sub.add_parser("wheels-check", help="the folder holds exactly the wheels and fits the transfer")
    check.add_argument("folder")
    check.add_argument("--python-version", default="3.12")
    check.add_argument("--limit-mib", type=float, default=LIMIT_MIB)
    need = sub.add_parser("wheels-needed", help="print the wheels this Python lacks")
    need.add_argument("folder")
    args = parser.parse_args()
    if args.command == "wheels-list":
        specs = [FAIRSEQ] if args.sdist else [(name, version) for name, version, _ in WHEELS]
        print("\n".join(f"{name}=={version}" for name, version in specs))
    elif args.command == "wheels-check":
        error = size_error(args.folder, args.limit_mib, tree_bytes(Path(__file__).resolve().parents[1]))
        errors = folder_errors(args.folder, args.python_version) + ([error] if error else [])
        if errors:
            sys.exit("gpu_check.py: error: " + "; ".join(errors))
    elif args.command == "wheels-needed":
        paths, errors = needed_wheels(args.folder)
        if errors:
            sys.exit(f"gpu_check.py: error: {sys.executable} lacks " + "; ".join(errors))
        print("\n".join(map(str, paths)))
    elif args.command == "data":
        make_corpus(args.dest, args.sentences, args.words)
    elif args.command == "train":
        extra = args.fairseq_args[1:] if args.fairseq_args[:1] == ["--"] else args.fairseq_args
        sys.exit(train(args.run_dir, extra))
    else:
        print(table(args.run_dirs, args.curve_at))


if __name__ == "__main__":
    main()
