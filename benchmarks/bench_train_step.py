"""Whole training step on real Multi30k batches: R-Drop vs a doubled batch.

Multi30k is read from ``$MULTI30K_DIR`` (default ``../shared/data/multi30k``).

One small transformer (2+2 layers, 256-dim, the size that trains on CPU) and
the same real batches (max 4096 target tokens per copy) for every variant;
variants take turns batch by batch so machine noise hits them alike.

- ``single batch``: plain ``label_smoothed_cross_entropy``, one copy;
- ``doubled batch``: the same on ``[x; x]``, what R-Drop should cost;
- ``ours``: ``rdrop_translation`` + ``rdrop_label_smoothed_cross_entropy``
  (the fused loss from logits, what a transformer gets);
- ``ours, general path``: the same through ``get_normalized_probs`` and
  ``symmetric_kl``, what models with their own normalization get;
- ``fairseq built-in``: ``label_smoothed_cross_entropy_with_rdrop``.

    python benchmarks/bench_train_step.py [--steps 12] [--max-tokens 4096]

``--small-run DATA_BIN``: the cost per update of each R-Drop mode relative to
a plain update, in the setting of the small convergence runs
(``scripts/small_runs.sh``: its ``SMALL_MT_MODEL``, dropout 0.3, label smoothing
0.1, Adam with betas (0.9, 0.98), lr 1e-3, inverse-sqrt schedule,
``--max-tokens 1024``, one thread) on their binarized data, R-Drop at alpha
3. Those runs are compared by update counts, and an update of one mode costs
more than one of another; these ratios turn update counts into compute.
Each variant gets its own fairseq ``Trainer``, built from the same flags
``small_mt_train`` passes to ``fairseq-train`` (same seed, so the same
initial weights), and the timed step is ``Trainer.train_step``: what
``fairseq-train`` runs per update (forward, backward, gradient scaling and
norm, fairseq's Adam step, learning-rate update, metric logging). All
variants train on the same batches (the plain run's iterator, drawn outside
the timed region), taking turns batch by batch in an order that rotates each
step so no variant always follows the same one; the first step is warm-up.
Writes ``variant,cost_per_update`` (mean step time over the plain one's) to
``--out-csv`` and prints a markdown table (mean and median ratios); with
``--repeats N`` the whole timing runs N times in a row and the CSV gets each
variant's median over them::

    OMP_NUM_THREADS=1 MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=100000000000 \
      python benchmarks/bench_train_step.py --small-run work/reproduce_small/multi30k-3000/bin \
      --out-csv benchmarks/results/step_cost.csv [--steps 80] [--repeats 3]
"""

import argparse
import csv
import gzip
import logging
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from rdrop_tools.corpora import multi30k_dir
MODEL = [
    "--arch", "transformer", "--encoder-layers", "2", "--decoder-layers", "2",
    "--encoder-embed-dim", "256", "--decoder-embed-dim", "256",
    "--encoder-ffn-embed-dim", "1024", "--decoder-ffn-embed-dim", "1024",
    "--encoder-attention-heads", "4", "--decoder-attention-heads", "4",
    "--dropout", "0.3", "--label-smoothing", "0.1", "--share-all-embeddings",
]  # fmt: skip
# --small-run: scripts/small_runs.sh's SMALL_MT_MODEL and small_mt_train's flags
SMALL_RUN = [
    "--arch", "transformer", "--share-all-embeddings", "--encoder-layers", "2",
    "--decoder-layers", "2", "--encoder-embed-dim", "256", "--decoder-embed-dim", "256",
    "--encoder-ffn-embed-dim", "512", "--decoder-ffn-embed-dim", "512",
    "--encoder-attention-heads", "4", "--decoder-attention-heads", "4",
    "--dropout", "0.3", "--label-smoothing", "0.1", "--optimizer", "adam",
    "--adam-betas", "(0.9, 0.98)", "--lr", "1e-3", "--lr-scheduler", "inverse_sqrt",
    "--warmup-updates", "200", "--cpu", "--seed", "1",
    "--num-workers", "0",  # batches are drawn outside the timed region
]  # fmt: skip
SMALL_RUN_ALPHA = "3"
_OURS = ["--task", "rdrop_translation", "--criterion", "rdrop_label_smoothed_cross_entropy",
         "--rdrop-alpha", SMALL_RUN_ALPHA]  # fmt: skip
# small_mt_variant_flags of scripts/small_runs.sh; plain (the baseline) first: the reference
SMALL_RUN_VARIANTS = {
    "plain": ["--task", "translation", "--criterion", "label_smoothed_cross_entropy"],
    "ours": _OURS,
    "builtin": ["--task", "translation", "--criterion",
                "label_smoothed_cross_entropy_with_rdrop", "--rdrop-alpha", SMALL_RUN_ALPHA],
    "ours_onesided": [*_OURS, "--rdrop-target-no-grad"],
    "ours_enc_once": [*_OURS, "--rdrop-encoder-once"],
    "ours_enc_once_onesided": [*_OURS, "--rdrop-encoder-once", "--rdrop-target-no-grad"],
    "ours_fraction50": [*_OURS, "--rdrop-fraction", "0.5"],
    "ours_fraction25": [*_OURS, "--rdrop-fraction", "0.25"],
}  # fmt: skip


def binarize(multi30k, workdir, lines):
    raw = workdir / "raw"
    raw.mkdir()
    for split, name in (("train", "train"), ("valid", "val")):
        for lang in ("de", "en"):
            with gzip.open(multi30k / f"{name}.{lang}.gz", "rt") as f:
                text = [line.strip().lower() for _, line in zip(range(lines), f)]
            (raw / f"{split}.{lang}").write_text("\n".join(text) + "\n")
    subprocess.run(
        [sys.executable, "-m", "fairseq_cli.preprocess", "-s", "de", "-t", "en",
         "--trainpref", raw / "train", "--validpref", raw / "valid",
         "--destdir", workdir / "bin", "--joined-dictionary", "--workers", "2"],
        check=True, capture_output=True,
    )  # fmt: skip
    return workdir / "bin"


def build(data, task, criterion, *extra):
    from fairseq import options, tasks
    from fairseq.dataclass.utils import convert_namespace_to_omegaconf

    import rdrop_fairseq  # noqa: F401

    args = options.parse_args_and_arch(
        options.get_training_parser(),
        [str(data), "--task", task, "--criterion", criterion, *MODEL, *extra],
    )
    cfg = convert_namespace_to_omegaconf(args)
    fairseq_task = tasks.setup_task(cfg.task)
    return fairseq_task, fairseq_task.build_criterion(cfg.criterion), cfg


def small_run(args):
    """``--small-run``: seconds per ``Trainer.train_step`` of every variant."""
    from fairseq import metrics, options, tasks, utils
    from fairseq.dataclass.utils import convert_namespace_to_omegaconf
    from fairseq.trainer import Trainer

    import rdrop_fairseq  # noqa: F401

    logging.disable(logging.INFO)  # fairseq's and hydra's per-model chatter
    data = Path(args.small_run)
    if not (data / "dict.en.txt").is_file():
        sys.exit(f"bench_train_step.py: error: no fairseq binaries in {data} (no dict.en.txt)")
    metrics.reset()
    trainers = {}
    for name, flags in SMALL_RUN_VARIANTS.items():
        parsed = options.parse_args_and_arch(
            options.get_training_parser(),
            [str(data), *flags, *SMALL_RUN, "--max-tokens", str(args.max_tokens)],
        )
        cfg = convert_namespace_to_omegaconf(parsed)
        utils.set_torch_seed(cfg.common.seed)  # the same initial weights for every variant
        task = tasks.setup_task(cfg.task)
        model = task.build_model(cfg.model)
        trainers[name] = Trainer(cfg, task, model, task.build_criterion(cfg.criterion))
    epoch_itr = trainers["plain"].get_train_iterator(epoch=1)

    def batches():
        while True:  # as many epochs as the steps need
            yield from epoch_itr.next_epoch_itr(shuffle=True)

    names = list(trainers)
    batch_stream = batches()
    ratios = []  # per repeat: variant -> mean step time over the plain one's
    for repeat in range(1, args.repeats + 1):
        times = {name: [] for name in names}
        tokens = 0
        for step, sample in zip(range(args.steps + 1), batch_stream):
            turn = step % len(names)
            for name in names[turn:] + names[:turn]:
                # fairseq's built-in R-Drop stacks the net_input it is given in place
                copy = {**sample, "net_input": dict(sample["net_input"])}
                start = time.perf_counter()
                trainers[name].train_step([copy])
                if step > 0:  # the first step warms up allocators and caches
                    times[name].append(time.perf_counter() - start)
            tokens += sample["ntokens"] if step > 0 else 0
        ratios.append(print_step_table(times, tokens, args, repeat))
    costs = median_costs(ratios)
    if args.repeats > 1:
        print(f"\nmedian over {args.repeats} repeats: "
              + ", ".join(f"{name} {cost:.3f}x" for name, cost in costs.items()))
    if args.out_csv:
        Path(args.out_csv).parent.mkdir(parents=True, exist_ok=True)
        with open(args.out_csv, "w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["variant", "cost_per_update"])
            writer.writerows((name, f"{cost:.3f}") for name, cost in costs.items())


def print_step_table(times, tokens, args, repeat):
    """Print one repeat's markdown table; return its mean-time ratios to plain."""
    plain_mean = statistics.mean(times["plain"])
    plain_median = statistics.median(times["plain"])
    print(f"\nrepeat {repeat}/{args.repeats}: {args.steps} steps, {tokens / args.steps:.0f} target "
          f"tokens per batch, {args.threads} thread(s), alpha {SMALL_RUN_ALPHA}\n")
    print("| variant | mean s | median s | cost per update (mean) | (median) |")
    print("|---|---:|---:|---:|---:|")
    ratios = {}
    for name, ts in times.items():
        mean, median = statistics.mean(ts), statistics.median(ts)
        ratios[name] = mean / plain_mean
        print(f"| {name} | {mean:.3f} | {median:.3f} | {mean / plain_mean:.3f}x "
              f"| {median / plain_median:.3f}x |")
    return ratios


def median_costs(ratios):
    """Each variant's median cost over the repeats: one repeat disturbed by the
    machine's load moves a mean but not the median of three."""
    return {name: statistics.median(repeat[name] for repeat in ratios) for name in ratios[0]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", type=int, default=None, help="12; 80 with --small-run")
    parser.add_argument("--max-tokens", type=int, default=None, help="4096; 1024 with --small-run")
    parser.add_argument("--lines", type=int, default=6000, help="Multi30k lines to binarize")
    parser.add_argument("--threads", type=int, default=None, help="2; 1 with --small-run")
    parser.add_argument("--small-run", metavar="DATA_BIN",
                        help="cost per update of each R-Drop mode in the small runs' setting, "
                        "on their fairseq binaries (e.g. work/reproduce_small/multi30k-3000/bin)")
    parser.add_argument("--out-csv", help="with --small-run: write variant,cost_per_update here")
    parser.add_argument("--repeats", type=int, default=1,
                        help="with --small-run: time all variants this many times, one after "
                        "another; --out-csv gets each variant's median cost")
    args = parser.parse_args()
    small = args.small_run is not None
    if args.out_csv and not small:
        parser.error("--out-csv needs --small-run")
    if args.repeats < 1 or (args.repeats > 1 and not small):
        parser.error("--repeats needs --small-run and a count of at least 1")
    args.steps = args.steps if args.steps is not None else (80 if small else 12)
    args.max_tokens = args.max_tokens if args.max_tokens is not None else (1024 if small else 4096)
    args.threads = args.threads if args.threads is not None else (1 if small else 2)
    if small:
        torch.set_num_threads(args.threads)
        return small_run(args)
    multi30k = multi30k_dir()
    torch.set_num_threads(args.threads)

    from rdrop_fairseq.batch import duplicate

    with tempfile.TemporaryDirectory() as tmp:
        data = binarize(multi30k, Path(tmp), args.lines)
        task, plain, cfg = build(data, "translation", "label_smoothed_cross_entropy")
        rtask, ours, _ = build(data, "rdrop_translation", "rdrop_label_smoothed_cross_entropy", "--rdrop-alpha", "5")
        _, builtin, _ = build(data, "translation", "label_smoothed_cross_entropy_with_rdrop", "--rdrop-alpha", "5")
        task.load_dataset("train")
        model = task.build_model(cfg.model)
        adam = torch.optim.Adam(model.parameters(), lr=1e-4)
        batches = task.get_batch_iterator(
            task.dataset("train"), max_tokens=args.max_tokens, seed=1
        ).next_epoch_itr(shuffle=True)

        def general_path(train_step, *args):
            from rdrop_fairseq.criterions import label_smoothed_cross_entropy as lsce

            fused = lsce.normalizes_with_plain_log_softmax
            lsce.normalizes_with_plain_log_softmax = lambda model: False
            try:
                return train_step(*args)
            finally:
                lsce.normalizes_with_plain_log_softmax = fused

        class Optimizer:
            def backward(self, loss):
                loss.backward()

        variants = {
            "single batch": lambda s: task.train_step(s, model, plain, Optimizer(), 0),
            "doubled batch": lambda s: task.train_step(duplicate(s), model, plain, Optimizer(), 0),
            "ours": lambda s: rtask.train_step(s, model, ours, Optimizer(), 0),
            "ours, general path": lambda s: general_path(rtask.train_step, s, model, ours, Optimizer(), 0),
            "fairseq built-in": lambda s: task.train_step(dict(s), model, builtin, Optimizer(), 0),
        }
        times = {name: [] for name in variants}
        tokens = 0
        for step, sample in zip(range(args.steps + 1), batches):
            for name, run in variants.items():
                adam.zero_grad()
                start = time.perf_counter()
                run(sample)
                adam.step()
                if step > 0:  # the first step warms up allocators and caches
                    times[name].append(time.perf_counter() - start)
            tokens += sample["ntokens"] if step > 0 else 0

    doubled = statistics.mean(times["doubled batch"])
    print(f"{args.steps} steps, {tokens / args.steps:.0f} target tokens per copy, {args.threads} threads\n")
    doubled_min = min(times["doubled batch"])
    print("| step | mean s | median s | min s | vs doubled batch (mean) | (min) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, ts in times.items():
        mean = statistics.mean(ts)
        print(f"| {name} | {mean:.3f} | {statistics.median(ts):.3f} | {min(ts):.3f} "
              f"| {mean / doubled:.3f}x | {min(ts) / doubled_min:.3f}x |")


if __name__ == "__main__":
    main()
