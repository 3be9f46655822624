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
"""

import argparse
import gzip
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from rdrop_scripts import multi30k_dir  # noqa: E402
MODEL = [
    "--arch", "transformer", "--encoder-layers", "2", "--decoder-layers", "2",
    "--encoder-embed-dim", "256", "--decoder-embed-dim", "256",
    "--encoder-ffn-embed-dim", "1024", "--decoder-ffn-embed-dim", "1024",
    "--encoder-attention-heads", "4", "--decoder-attention-heads", "4",
    "--dropout", "0.3", "--label-smoothing", "0.1", "--share-all-embeddings",
]  # fmt: skip


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", type=int, default=12)
    parser.add_argument("--max-tokens", type=int, default=4096)
    parser.add_argument("--lines", type=int, default=6000, help="Multi30k lines to binarize")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
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
