"""R-Drop's training step at the paper's shapes, each variant alone on the
device: time per update and peak memory against the doubled batch.

R-Drop runs every batch twice (one forward over ``[x; x]``), so its yardstick
is the plain step on that doubled batch: the target is ours at <= 1.05x its
time per update and at or below its peak memory. Every variant of a shape
trains on the very same random batches, one variant after the other (never
two at a time), from the same initial weights, through fairseq's
``Trainer.train_step``: what ``fairseq-train`` runs per update (forward,
backward, fp16 loss scaling or bf16, gradient norm, the recipe's optimizer
step, metric logging).

Variants (each row of the table):

- ``baseline``: the recipe's plain criterion on the batch;
- ``baseline_x2``: the same on the doubled batch ``[x; x]`` (made outside
  the timed region, as a data loader would);
- ``builtin``: fairseq's ``label_smoothed_cross_entropy_with_rdrop``
  (translation, and ``transformer_lm_gpt`` with label smoothing 0);
- ``ours``: ``rdrop_translation`` + ``rdrop_label_smoothed_cross_entropy``,
  or ``rdrop_language_modeling`` + ``rdrop_cross_entropy`` /
  ``rdrop_adaptive_loss`` for the language models;
- ``ours_chunked``: with ``--rdrop-chunked-projection`` (translation);
- ``ours_every2``: with ``--rdrop-every-k 2``; its time per update is the
  median over pairs of consecutive updates of their mean (one R-Drop and one
  plain update each), as a median over single updates would fall between
  the two kinds;
- ``ours_fraction50``: with ``--rdrop-fraction 0.5`` (translation).

Shapes (``SHAPES``), from the recipes (``configs/``): ``iwslt``
(``transformer_iwslt_de_en``, 4,096 tokens, 10,152-word joined dictionary),
``wmt_big`` (``transformer_vaswani_wmt_en_de_big``, 4,096 tokens, 32k joint
vocabulary), ``bart_large`` (CNN/DM: 2,048 tokens, i.e. 2 articles of 1,024
tokens with summaries of up to 128, the 50,264-entry BART dictionary),
``lm_gpt`` (``transformer_lm_gpt``, 3 blocks of 512 tokens) and
``lm_adaptive`` (``transformer_lm_wiki103``, one 3,072-token block), the two
language models on WikiText-103's 267,744-entry dictionary. Words are
random, with text's 1/rank frequencies; sentence lengths vary within a
batch, so there is padding.

On CUDA the updates are timed with CUDA events and the peak is
``torch.cuda.max_memory_allocated`` from the variant's start (the allocator
emptied and the peak reset in between; fairseq's own per-update resets are
seen through); the first ``--warmup`` (3) updates are dropped and the
median of the next ``--updates`` is reported: 50 by default, 30 for
``wmt_big`` and ``lm_adaptive`` and 20 for ``bart_large``, so that all of it
fits in some 5 minutes of an H100 (``--estimate`` prints the plan). ``--cpu`` runs every shape and variant
at tiny sizes (1 layer, 32 wide, a few hundred words) in float32 on the CPU
in seconds, timed by the wall clock, peak n/a: a check of the benchmark
itself, not a speed figure (``--tiny``: the same sizes on the GPU).

``--profile`` adds, for ``baseline_x2`` and ``ours`` in the first
precision, a few more updates under ``torch.profiler`` and writes per update: the host's leaf operator
calls, the host-device syncs (``.item()``, ``nonzero``), the device kernels
and their time (CUDA only) and the costliest kernels (``profile.md``).

    python benchmarks/gpu_step.py --out DIR [--cpu | --tiny] [--shapes iwslt ...]
        [--precisions fp16 bf16] [--variants ours ...] [--updates N]
        [--warmup N] [--budget-s S] [--profile] [--estimate]

writes ``DIR/table.md`` and ``DIR/step.csv`` (rewritten after every run, so
a stopped benchmark leaves what it measured). ``benchmarks/gpu_check.sh
--step`` runs it on a GPU machine, installed offline.
"""

import argparse
import csv
import gc
import logging
import math
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
import gpu_check  # noqa: E402

VARIANTS = ("baseline", "baseline_x2", "builtin", "ours", "ours_chunked", "ours_every2", "ours_fraction50")
# options only the translation criterion has
TRANSLATION_ONLY = {"ours_chunked", "ours_fraction50"}
PROFILED = ("baseline_x2", "ours")
PRECISION_FLAGS = {"fp32": [], "fp16": ["--fp16"], "bf16": ["--bf16"]}
TINY_MODEL = [
    "--encoder-layers", "1", "--decoder-layers", "1", "--encoder-embed-dim", "32",
    "--decoder-embed-dim", "32", "--encoder-ffn-embed-dim", "64", "--decoder-ffn-embed-dim", "64",
    "--encoder-attention-heads", "2", "--decoder-attention-heads", "2",
]  # fmt: skip
TINY_LM = [
    "--decoder-layers", "1", "--decoder-embed-dim", "32", "--decoder-ffn-embed-dim", "64",
    "--decoder-attention-heads", "2", "--decoder-input-dim", "32", "--decoder-output-dim", "32",
]  # fmt: skip


@dataclass(frozen=True)
class Shape:
    """One recipe's model and per-GPU batch. Translation batches hold
    ``sentences`` pairs of up to ``source_len``/``target_len`` tokens; a
    language model's, ``sentences`` blocks of ``target_len`` tokens."""

    arch: str
    lm: bool
    vocab: int  # dictionary entries, fairseq's four specials included
    sentences: int
    source_len: int
    target_len: int
    alpha: float
    flags: tuple  # the recipe's model and optimizer options
    updates: int  # timed updates on a GPU: fewer where an update is long
    ms_guess: float  # a guess at a baseline update on an H100, for the time estimate
    tiny: dict = field(default_factory=dict)  # --cpu, --tiny: smaller values of the fields above


TRANSLATION_OPTIMIZER = ("--optimizer", "adam", "--adam-betas", "(0.9, 0.98)", "--lr", "5e-4",
                         "--lr-scheduler", "inverse_sqrt", "--warmup-updates", "4000")  # fmt: skip
SHAPES = {
    "iwslt": Shape(
        "transformer_iwslt_de_en", False, 10152, 128, 32, 32, 5.0,
        ("--share-all-embeddings", "--dropout", "0.3", "--weight-decay", "0.0001", *TRANSLATION_OPTIMIZER),
        updates=50, ms_guess=35, tiny=dict(vocab=200, sentences=8, source_len=12, target_len=12, flags=TINY_MODEL),
    ),
    "wmt_big": Shape(
        "transformer_vaswani_wmt_en_de_big", False, 32768, 128, 32, 32, 5.0,
        ("--share-all-embeddings", "--dropout", "0.1", "--attention-dropout", "0.1",
         "--activation-dropout", "0.1", *TRANSLATION_OPTIMIZER),
        updates=30, ms_guess=50, tiny=dict(vocab=300, sentences=8, source_len=12, target_len=12, flags=TINY_MODEL),
    ),  # fmt: skip
    "bart_large": Shape(
        "bart_large", False, 50264, 2, 1024, 128, 0.7,
        ("--share-all-embeddings", "--share-decoder-input-output-embed", "--layernorm-embedding",
         "--dropout", "0.1", "--attention-dropout", "0.1", "--optimizer", "adam",
         "--adam-betas", "(0.9, 0.999)", "--lr", "3e-5", "--weight-decay", "0.01", "--clip-norm", "0.1"),
        updates=20, ms_guess=60, tiny=dict(vocab=400, sentences=2, source_len=48, target_len=16, flags=TINY_MODEL),
    ),  # fmt: skip
    "lm_gpt": Shape(
        "transformer_lm_gpt", True, 267744, 3, 0, 512, 1.0,
        ("--share-decoder-input-output-embed", "--dropout", "0.1", "--optimizer", "adam",
         "--adam-betas", "(0.9, 0.98)", "--lr", "5e-4", "--weight-decay", "0.01"),
        updates=50, ms_guess=40, tiny=dict(vocab=500, sentences=3, target_len=24, flags=TINY_LM),
    ),  # fmt: skip
    "lm_adaptive": Shape(
        "transformer_lm_wiki103", True, 267744, 1, 0, 3072, 0.5,
        ("--optimizer", "nag", "--lr", "1e-4", "--clip-norm", "0.1"),
        updates=30, ms_guess=50,
        tiny=dict(vocab=600, sentences=1, target_len=48, flags=(
            *TINY_LM, "--adaptive-input-cutoff", "100,300", "--adaptive-softmax-cutoff", "100,300")),
    ),  # fmt: skip
}


def shape_at(name, tiny):
    shape = SHAPES[name]
    if not tiny:
        return shape
    fields = {**shape.__dict__, **shape.tiny}
    fields["flags"] = (*shape.flags, *fields["flags"]) if "flags" in shape.tiny else shape.flags
    return Shape(**fields)


def applies(variant, shape):
    """Whether ``variant`` exists for ``shape``'s model and criterion."""
    if variant in TRANSLATION_ONLY:
        return not shape.lm
    if variant == "builtin":  # fairseq's needs a full softmax
        return shape.arch != "transformer_lm_wiki103"
    return True


def variant_flags(variant, shape):
    """The task and criterion options of ``variant`` at ``shape``."""
    alpha = ["--rdrop-alpha", str(shape.alpha)]
    if shape.lm:
        adaptive = shape.arch == "transformer_lm_wiki103"
        plain = ["--task", "language_modeling", "--criterion", "adaptive_loss" if adaptive else "cross_entropy"]
        ours = ["--task", "rdrop_language_modeling", "--criterion",
                "rdrop_adaptive_loss" if adaptive else "rdrop_cross_entropy", *alpha]  # fmt: skip
        builtin = ["--task", "language_modeling", "--criterion", "label_smoothed_cross_entropy_with_rdrop",
                   "--label-smoothing", "0", *alpha]  # fmt: skip
    else:
        smoothing = ["--label-smoothing", "0.1"]
        plain = ["--task", "translation", "--criterion", "label_smoothed_cross_entropy", *smoothing]
        ours = ["--task", "rdrop_translation", "--criterion", "rdrop_label_smoothed_cross_entropy", *smoothing, *alpha]
        builtin = ["--task", "translation", "--criterion", "label_smoothed_cross_entropy_with_rdrop", *smoothing, *alpha]
    return {
        "baseline": plain,
        "baseline_x2": plain,
        "builtin": builtin,
        "ours": ours,
        "ours_chunked": [*ours, "--rdrop-chunked-projection"],
        "ours_every2": [*ours, "--rdrop-every-k", "2"],
        "ours_fraction50": [*ours, "--rdrop-fraction", "0.5"],
    }[variant]


def write_dictionary(path, vocab):
    """A fairseq dictionary file of ``vocab`` entries with its 4 specials."""
    path.write_text("".join(f"w{i} 1\n" for i in range(vocab - 4)))


def data_dir(folder, shape):
    """Dictionaries where fairseq's tasks look for them: random data needs
    nothing else."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("dict.txt",) if shape.lm else ("dict.src.txt", "dict.tgt.txt"):
        write_dictionary(folder / name, shape.vocab)
    return folder


def common_flags(shape, data, precision, cpu):
    languages = [] if shape.lm else ["--source-lang", "src", "--target-lang", "tgt"]
    lm = ["--tokens-per-sample", str(shape.target_len), "--sample-break-mode", "none"] if shape.lm else []
    return [
        str(data), "--arch", shape.arch, *shape.flags, *languages, *lm, *PRECISION_FLAGS[precision],
        "--seed", "1", "--num-workers", "0", "--ddp-backend", "legacy_ddp", "--max-tokens", "1000000",
        "--save-dir", str(data / "crash"),  # where fairseq's trainer saves its crash.pt, if it fails
        *(["--cpu"] if cpu else []),
    ]  # fmt: skip


def random_batches(shape, count, seed=1, pad=1, eos=2, first_word=4):
    """``count`` fairseq samples of random words, as the recipe's loader
    gives them: translation pairs with left-padded sources and right-padded
    targets whose lengths vary down to 3/4 of the longest, or full LM blocks.
    Word ``r`` (from the most frequent) is drawn with a frequency ~ 1/r, as
    in text: an adaptive softmax runs its tail clusters only on the positions
    whose target lies there, so uniform words would make it far costlier."""
    from fairseq.data.data_utils import collate_tokens

    generator = torch.Generator().manual_seed(seed)
    zipf = 1.0 / torch.arange(1, shape.vocab - first_word + 1, dtype=torch.float64)

    def words(*size):
        flat = torch.multinomial(zipf, math.prod(size), replacement=True, generator=generator)
        return first_word + flat.view(size)

    def sentences(length):
        lengths = torch.randint(max(2, 3 * length // 4), length + 1, (shape.sentences,), generator=generator)
        lengths[0] = length  # the longest sets the padded width
        return [torch.cat([words(int(n) - 1), torch.tensor([eos])]) for n in lengths]

    batches = []
    for index in range(count):
        ids = torch.arange(index * shape.sentences, (index + 1) * shape.sentences)
        if shape.lm:
            block = words(shape.sentences, shape.target_len + 1)
            source, target = block[:, :-1].contiguous(), block[:, 1:].contiguous()
            net_input = {"src_tokens": source, "src_lengths": torch.full((shape.sentences,), shape.target_len)}
        else:
            src, tgt = sentences(shape.source_len), sentences(shape.target_len)
            target = collate_tokens(tgt, pad, eos)
            net_input = {
                "src_tokens": collate_tokens(src, pad, eos, left_pad=True),
                "src_lengths": torch.tensor([len(s) for s in src]),
                "prev_output_tokens": collate_tokens(tgt, pad, eos, move_eos_to_beginning=True),
            }
        ntokens = int(target.ne(pad).sum())
        batches.append({"id": ids, "nsentences": shape.sentences, "ntokens": ntokens,
                        "net_input": net_input, "target": target})  # fmt: skip
    return batches


def fresh(sample):
    """A copy of ``sample`` a criterion may change (fairseq's built-in
    R-Drop stacks the ``net_input`` it is given in place)."""
    return {**sample, "net_input": dict(sample["net_input"])}


def per_update(times, period=1):
    """Time per update: the median over windows of ``period`` consecutive
    updates of their mean (``--rdrop-every-k`` alternates step kinds)."""
    windows = [times[i : i + period] for i in range(0, len(times) - period + 1, period)]
    return statistics.median(sum(w) / period for w in windows)


class Timer:
    """Seconds of each timed call: CUDA events on a GPU (read once at the
    end, so timing adds no sync), the wall clock on a CPU."""

    def __init__(self, cuda):
        self.cuda, self.spans = cuda, []

    def time(self, step):
        if self.cuda:
            start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            start.record()
            step()
            end.record()
            self.spans.append((start, end))
        else:
            start = time.perf_counter()
            step()
            self.spans.append(time.perf_counter() - start)

    def seconds(self):
        if self.cuda:
            torch.cuda.synchronize()
            return [start.elapsed_time(end) / 1000 for start, end in self.spans]
        return list(self.spans)


HOST_SYNCS = ("aten::_local_scalar_dense", "aten::nonzero")


def profile_summary(prof, updates):
    """Per update: host leaf operator calls, host-device syncs, device
    kernels and their milliseconds (None without a device), and the
    costliest (name, calls, ms) of the device, else of the host."""
    events = prof.events()
    leaves = [e for e in events if e.name.startswith("aten::") and not e.cpu_children]
    syncs = sum(1 for e in events if e.name in HOST_SYNCS)
    device = [e for e in prof.profiler.kineto_results.events() if e.device_type() != torch.autograd.DeviceType.CPU]
    costs = {}
    if device:
        for e in device:
            calls, ns = costs.get(e.name(), (0, 0))
            costs[e.name()] = (calls + 1, ns + e.duration_ns())
    else:
        for e in leaves:
            calls, ns = costs.get(e.name, (0, 0))
            costs[e.name] = (calls + 1, ns + e.self_cpu_time_total * 1000)
    top = sorted(costs.items(), key=lambda kv: -kv[1][1])[:8]
    return {
        "host_ops": len(leaves) / updates,
        "host_syncs": syncs / updates,
        "kernels": len(device) / updates if device else None,
        "device_ms": sum(e.duration_ns() for e in device) / 1e6 / updates if device else None,
        "top": [(name, calls / updates, ns / 1e6 / updates) for name, (calls, ns) in top],
    }


def run_variant(trainer, batches, variant, warmup, updates, cuda, profile_updates=0):
    """Median seconds per update after ``warmup`` updates, how many of the
    timed ones fairseq skipped (an fp16 overflow: no optimizer step), and
    the profile summary of ``profile_updates`` more (or None). Running out of
    memory raises, where fairseq would skip the update."""
    period = 2 if variant == "ours_every2" else 1
    feed = batches
    if variant == "baseline_x2":
        from rdrop_fairseq.batch import duplicate

        feed = [duplicate(b) for b in batches]
    skipped = []

    def step(sample):
        skipped.append(trainer.train_step([fresh(sample)], raise_oom=True) is None)

    steps = [lambda s=s: step(s) for s in feed]
    for i in range(warmup):
        steps[i % len(steps)]()
    timer = Timer(cuda)
    for i in range(updates):
        timer.time(steps[(warmup + i) % len(steps)])
    seconds, skipped_timed = per_update(timer.seconds(), period), sum(skipped[warmup:])
    summary = profiled(steps, profile_updates * period, cuda) if profile_updates else None
    return seconds, skipped_timed, summary


def profiled(steps, count, cuda):
    """The profile summary of ``count`` updates, or ``{"error": ...}``: a
    profiler that fails (no CUPTI, say) costs the profile, not the timing."""
    from torch.profiler import ProfilerActivity, profile

    activities = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if cuda else [])
    try:
        with profile(activities=activities) as prof:
            for i in range(count):
                steps[i % len(steps)]()
            if cuda:
                torch.cuda.synchronize()
        return profile_summary(prof, count)
    except Exception as exc:
        logging.getLogger("gpu_step").exception("profiling")
        return {"error": f"{type(exc).__name__}: {exc}".splitlines()[0][:200]}


def trainer_for(shape, data, precision, variant, cpu, model=None, initial=None):
    """``(Trainer of variant, model, initial weights)``: the model is built
    (seed 1) when none is given, else reset to ``initial``, so that every run
    of a shape starts from the same weights."""
    from fairseq import tasks, utils
    from fairseq.trainer import Trainer

    import rdrop_fairseq  # noqa: F401

    cfg = gpu_check.training_config(common_flags(shape, data, precision, cpu) + variant_flags(variant, shape))
    task = tasks.setup_task(cfg.task)
    if model is None:
        utils.set_torch_seed(1)
        model = task.build_model(cfg.model)
        initial = {k: v.detach().clone() for k, v in model.state_dict().items()}
    else:  # the Trainer casts it to the run's precision
        model.float().load_state_dict(initial)
    return Trainer(cfg, task, model, task.build_criterion(cfg.criterion)), model, initial


def measure_shape(name, shape, precisions, variants, args, rows, profiles, started):
    """Every precision and variant of one shape, each alone, appending to
    ``rows`` and ``profiles``."""
    cuda = not args.cpu
    updates = args.updates or (3 if args.tiny else shape.updates)
    batches = random_batches(shape, min(updates + args.warmup, 16))
    model = initial = None  # one model per shape
    with tempfile.TemporaryDirectory() as tmp:
        data = data_dir(Path(tmp), shape)
        for precision in precisions:
            for variant in variants:
                row = {"variant": variant, "shape": name, "precision": precision, "updates": updates}
                if not applies(variant, shape):
                    continue
                if args.budget_s and time.monotonic() - started > args.budget_s:
                    rows.append({**row, "status": f"not run: --budget-s {args.budget_s:g} spent"})
                    continue
                trainer = None
                try:
                    if cuda:  # the run alone: nothing cached, the peak its own
                        gc.collect()
                        torch.cuda.empty_cache()
                        args.peak.restart()
                    trainer, model, initial = trainer_for(shape, data, precision, variant, args.cpu, model, initial)
                    profiled = args.profile and variant in PROFILED and precision == precisions[0]
                    profile_updates = args.profile_updates if profiled else 0
                    seconds, skipped, summary = run_variant(
                        trainer, batches, variant, args.warmup, updates, cuda, profile_updates
                    )
                    peak_mb = args.peak() / 2**20 if cuda else None
                    row.update(status="ok", ms=1000 * seconds, skipped=skipped, peak_mb=peak_mb)
                    if summary:
                        profiles.append({**row, **summary})
                except Exception as exc:  # a failed variant still gets its row
                    logging.getLogger("gpu_step").exception("%s %s %s", name, precision, variant)
                    first_line = str(exc).splitlines()[0][:200] if str(exc) else ""
                    row["status"] = f"failed: {type(exc).__name__}: {first_line}"
                    if cuda and isinstance(exc, torch.OutOfMemoryError):
                        row["peak_mb"] = args.peak() / 2**20
                finally:
                    del trainer
                rows.append(row)
                print(f"  {name} {precision} {variant}: {format_row(row)}", flush=True)
                write_outputs(args.out, rows, profiles, args)


def format_row(row):
    if row["status"] != "ok":
        return row["status"]
    peak = "" if row.get("peak_mb") is None else f", peak {row['peak_mb']:.0f} MB"
    return f"{row['ms']:.1f} ms/update{peak}"


def with_ratios(rows):
    """Each row with its time per update over the doubled batch's (same
    shape and precision) and its peak memory over the doubled batch's."""
    doubled = {(r["shape"], r["precision"]): r for r in rows if r["variant"] == "baseline_x2" and r["status"] == "ok"}
    out = []
    for r in rows:
        ref = doubled.get((r["shape"], r["precision"]))
        ratio = mem = None
        if ref and r["status"] == "ok":
            ratio = r["ms"] / ref["ms"]
            if r.get("peak_mb") and ref.get("peak_mb"):
                mem = r["peak_mb"] / ref["peak_mb"]
        out.append({**r, "vs_doubled": ratio, "peak_vs_doubled": mem})
    return out


def cell(value, spec):
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else format(value, spec)


CSV_FIELDS = ["variant", "shape", "precision", "updates", "ms_per_update", "vs_doubled", "peak_mb",
              "peak_vs_doubled", "skipped_updates", "status"]  # fmt: skip


def write_outputs(out, rows, profiles, args):
    rows = with_ratios(rows)
    with open(out / "step.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(CSV_FIELDS)
        for r in rows:
            writer.writerow([r["variant"], r["shape"], r["precision"], r["updates"], cell(r.get("ms"), ".2f"),
                             cell(r["vs_doubled"], ".3f"), cell(r.get("peak_mb"), ".0f"),
                             cell(r["peak_vs_doubled"], ".3f"), r.get("skipped", ""), r["status"]])  # fmt: skip
    (out / "table.md").write_text(markdown_table(rows, args) + "\n")
    if profiles:
        (out / "profile.md").write_text(profile_markdown(profiles, args.cpu) + "\n")


def markdown_table(rows, args):
    device = f"{args.device}, tiny shapes (a check of the benchmark, not a speed figure)" if args.tiny else args.device
    lines = [
        f"Device: {device}. Median time per update after {args.warmup} warm-up updates "
        "(every2: median over update pairs); ratios to baseline_x2 of the same shape and precision.",
        "",
        "| variant | shape | precision | updates | ms / update | vs doubled batch | peak MB | peak vs doubled |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        if r["status"] != "ok":
            lines.append(f"| {r['variant']} | {r['shape']} | {r['precision']} | {r['updates']} | {r['status']} | | | |")
            continue
        skipped = f" ({r['skipped']} skipped: fp16 overflow)" if r.get("skipped") else ""
        lines.append(
            f"| {r['variant']} | {r['shape']} | {r['precision']} | {r['updates']} | {r['ms']:.1f}{skipped} "
            f"| {cell(r['vs_doubled'], '.3f')}x | {cell(r.get('peak_mb'), '.0f')} | {cell(r['peak_vs_doubled'], '.3f')} |"
        )
    return "\n".join(lines)


def profile_markdown(profiles, cpu):
    what = "host leaf op" if cpu else "device kernel"
    lines = [
        "Per update, under torch.profiler: host leaf operator calls, host-device syncs "
        f"({', '.join(HOST_SYNCS)}), device kernels and their time (CUDA only).",
        "",
        "| variant | shape | precision | host ops | host syncs | kernels | kernel ms |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for p in profiles:
        if "error" in p:
            lines.append(f"| {p['variant']} | {p['shape']} | {p['precision']} | profile failed: {p['error']} | | | |")
            continue
        lines.append(
            f"| {p['variant']} | {p['shape']} | {p['precision']} | {p['host_ops']:.0f} | {p['host_syncs']:.1f} "
            f"| {cell(p['kernels'], '.0f')} | {cell(p['device_ms'], '.2f')} |"
        )
    for p in profiles:
        if "error" in p:
            continue
        lines += ["", f"Costliest {what}s per update, {p['variant']} {p['shape']} {p['precision']}:", "",
                  "| name | calls | ms |", "|---|---:|---:|"]  # fmt: skip
        lines += [f"| `{name[:90]}` | {calls:.1f} | {ms:.3f} |" for name, calls, ms in p["top"]]
    return "\n".join(lines)


def estimate_s(shapes, precisions, variants, args):
    """A rough duration on an H100 from each shape's guessed baseline update:
    twice that for the doubled and R-Drop variants, plus setting up."""
    total = 0.0
    for name in shapes:
        shape = SHAPES[name]
        updates = args.updates or shape.updates
        for variant in variants:
            if applies(variant, shape):
                factor = 1.0 if variant == "baseline" else 1.5 if variant in ("ours_every2", "ours_fraction50") else 2.0
                total += len(precisions) * (1.5 + (updates + args.warmup) * factor * shape.ms_guess / 1000)
                if args.profile and variant in PROFILED:  # the first precision, and the profiler's own work
                    total += 2 + args.profile_updates * factor * shape.ms_guess / 1000
        total += 8  # building the model
    return total


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, help="folder for table.md, step.csv (and profile.md)")
    parser.add_argument("--cpu", action="store_true", help="tiny shapes in float32 on the CPU: checks the benchmark")
    parser.add_argument("--tiny", action="store_true", help="tiny shapes on the GPU: checks the benchmark there")
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), metavar="SHAPE", help=", ".join(SHAPES))
    parser.add_argument("--precisions", nargs="+", default=None, metavar="P", help="fp16 bf16 (--cpu: fp32)")
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), metavar="V", help=", ".join(VARIANTS))
    parser.add_argument("--updates", type=int, default=None, help="timed updates (default: per shape; tiny: 3)")
    parser.add_argument("--warmup", type=int, default=None, help="updates dropped first (3; tiny: 1)")
    parser.add_argument("--budget-s", type=float, default=0, help="start no run after this many seconds (0: no limit)")
    parser.add_argument("--profile", action="store_true",
                        help="profile baseline_x2 and ours in the first precision: profile.md")
    parser.add_argument("--profile-updates", type=int, default=None, help="profiled updates (3; tiny: 1)")
    parser.add_argument("--estimate", action="store_true", help="print the estimated duration on an H100 and stop")
    args = parser.parse_args(argv)
    args.tiny = args.tiny or args.cpu
    args.precisions = args.precisions or (["fp32"] if args.cpu else ["fp16", "bf16"])
    args.warmup = 1 if args.tiny and args.warmup is None else 3 if args.warmup is None else args.warmup
    args.profile_updates = args.profile_updates or (1 if args.tiny else 3)
    for values, known, what in ((args.shapes, SHAPES, "shape"), (args.variants, VARIANTS, "variant"),
                                (args.precisions, PRECISION_FLAGS, "precision")):  # fmt: skip
        unknown = [v for v in values if v not in known]
        if unknown:
            parser.error(f"unknown {what} '{unknown[0]}' (one of: {', '.join(known)})")
    if args.updates is not None and args.updates < 2:
        parser.error(f"--updates must be >= 2, got {args.updates}")
    if args.warmup < 0 or args.profile_updates < 1 or args.budget_s < 0:
        parser.error("--warmup and --budget-s must be >= 0, --profile-updates >= 1")
    if not args.cpu and not args.estimate and not torch.cuda.is_available():
        parser.error(f"no CUDA device for torch {torch.__version__}: use --cpu for the tiny CPU check")
    if args.cpu and set(args.precisions) & {"fp16"}:
        parser.error("fp16 needs a GPU (--cpu runs fp32 or bf16)")
    return args


def main(argv=None):
    args = parse_args(argv)
    variants = [v for v in VARIANTS if v in args.variants]
    if "baseline_x2" not in variants:
        variants.insert(0, "baseline_x2")  # every ratio is to it
    plan = f"gpu_step.py: {len(args.shapes)} shapes x {len(args.precisions)} precisions x up to {len(variants)} variants"
    if not args.tiny:
        plan += f"; estimated {estimate_s(args.shapes, args.precisions, variants, args) / 60:.1f} min on an H100"
    print(plan, flush=True)
    if args.estimate:
        return 0
    args.out = Path(args.out)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.cpu:
        args.device = "cpu"
    else:
        args.peak = gpu_check.RunPeak(torch.cuda)
        args.device = torch.cuda.get_device_name()
    started = time.monotonic()
    rows, profiles = [], []
    for name in args.shapes:
        print(f"== [{time.monotonic() - started:.0f} s] {name}", flush=True)
        measure_shape(name, shape_at(name, args.tiny), args.precisions, variants, args, rows, profiles, started)
    write_outputs(args.out, rows, profiles, args)
    print(markdown_table(with_ratios(rows), args))
    return 0 if all(r["status"] == "ok" for r in rows) else 1


if __name__ == "__main__":
    logging.disable(logging.WARNING)  # fairseq's per-model chatter; a failed run's traceback still shows
    sys.exit(main())
