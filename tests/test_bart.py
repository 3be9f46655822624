"""BART fine-tuning for summarization with R-Drop (rdrop_translation +
rdrop_label_smoothed_cross_entropy), following fairseq's BART recipe: a
pretrained checkpoint restored with --restore-file, --truncate-source,
--layernorm-embedding, --share-all-embeddings."""

import pytest
import torch
from fairseq import tasks
from fairseq.trainer import Trainer

from builders import binarized_sizes, training_cfg
from conftest import USER_DIR, run_cli
from test_cli import json_records

MAX_SOURCE = 16
TINY_BART = [
    "--arch", "bart_base", "--encoder-layers", "1", "--decoder-layers", "1",
    "--encoder-embed-dim", "32", "--decoder-embed-dim", "32",
    "--encoder-ffn-embed-dim", "64", "--decoder-ffn-embed-dim", "64",
    "--encoder-attention-heads", "2", "--decoder-attention-heads", "2",
    "--layernorm-embedding", "--share-all-embeddings",
    "--share-decoder-input-output-embed",
    "--max-source-positions", str(MAX_SOURCE), "--max-target-positions", "64",
]  # fmt: skip
COMMON = [
    "--user-dir", USER_DIR, "--truncate-source", "--max-tokens", "1000",
    "--required-batch-size-multiple", "1", "--log-format", "json",
    "--log-interval", "1", "--no-epoch-checkpoints", "--cpu",
]  # fmt: skip
FINE_TUNE_LR = 3e-5
FINE_TUNE_UPDATES = 4


@pytest.fixture(scope="module")
def pretrained(bible_bin, tmp_path_factory):
    """A randomly initialised BART saved by fairseq's trainer, as bart.base's
    model.pt was: the checkpoint to fine-tune from."""
    cfg = training_cfg(
        bible_bin, *TINY_BART, "--task", "translation",
        "--criterion", "label_smoothed_cross_entropy",
        "--optimizer", "adam", "--lr", "0.001", "--cpu",
    )  # fmt: skip
    torch.manual_seed(1)
    task = tasks.setup_task(cfg.task)
    model = task.build_model(cfg.model)
    trainer = Trainer(cfg, task, model, task.build_criterion(cfg.criterion))
    path = tmp_path_factory.mktemp("bart_pretrained") / "model.pt"
    trainer.consolidate_optimizer()  # as checkpoint_utils.save_checkpoint does
    trainer.save_checkpoint(str(path), {})
    return path


@pytest.fixture(scope="module")
def fine_tuned(bible_bin, pretrained, tmp_path_factory):
    save_dir = tmp_path_factory.mktemp("bart_rdrop")
    proc = run_cli(
        "train", bible_bin, *TINY_BART, *COMMON, "--save-dir", save_dir,
        "--task", "rdrop_translation",
        "--criterion", "rdrop_label_smoothed_cross_entropy", "--rdrop-alpha", "0.7",
        "--label-smoothing", "0.1", "--dropout", "0.1", "--attention-dropout", "0.1",
        "--weight-decay", "0.01", "--optimizer", "adam", "--adam-betas", "(0.9, 0.999)",
        "--adam-eps", "1e-08", "--clip-norm", "0.1",
        "--lr-scheduler", "polynomial_decay", "--lr", FINE_TUNE_LR,
        "--total-num-update", "20", "--warmup-updates", "2",
        "--max-update", FINE_TUNE_UPDATES,
        "--restore-file", pretrained,
        "--reset-optimizer", "--reset-dataloader", "--reset-meters",
        "--skip-invalid-size-inputs-valid-test", "--find-unused-parameters",
        "--seed", "2",  # a fresh init would differ from the pretrained one
    )  # fmt: skip
    return proc.stdout, save_dir / "checkpoint_last.pt"


def model_state(path):
    return torch.load(path, map_location="cpu", weights_only=False)["model"]


def test_fine_tuning_starts_from_the_pretrained_weights_and_trains_rdrop(pretrained, fine_tuned):
    log, checkpoint = fine_tuned
    steps = json_records(log, "train_inner")
    assert [int(s["num_updates"]) for s in steps] == list(range(1, FINE_TUNE_UPDATES + 1))
    assert all(float(s["kl_loss"]) > 0 for s in steps)
    valid = json_records(log, "valid")
    assert valid and "valid_kl_loss" not in valid[-1]

    before, after = model_state(pretrained), model_state(checkpoint)
    assert before.keys() == after.keys()
    moved = {k: (after[k].float() - before[k].float()).abs().max().item() for k in before}
    # Adam moves a weight by about lr per update: far less than the distance
    # between two random initialisations (the fine-tuning seed differs), which
    # a failed restore would show
    assert max(moved.values()) < 10 * FINE_TUNE_LR * FINE_TUNE_UPDATES
    assert max(moved.values()) > 0


def test_generate_truncates_sources_and_decodes_the_test_set(fine_tuned, bible_bin):
    _, checkpoint = fine_tuned
    sizes = binarized_sizes(bible_bin / "test.es-en.es")
    assert sizes.max() > MAX_SOURCE, "some test sources must need truncation"
    proc = run_cli(
        "generate", bible_bin, "--user-dir", USER_DIR, "--path", checkpoint,
        "--task", "rdrop_translation", "--truncate-source",
        "--max-source-positions", MAX_SOURCE, "--gen-subset", "test",
        "--beam", "2", "--batch-size", "16", "--cpu", "--max-len-b", "10",
    )  # fmt: skip
    sources, hyps = {}, {}
    for line in proc.stdout.splitlines():
        tag, _, rest = line.partition("\t")
        if tag.startswith("S-"):
            sources[int(tag[2:])] = rest
        elif tag.startswith("H-"):
            hyps[int(tag[2:])] = rest
    assert sorted(hyps) == sorted(sources) == list(range(len(sizes)))
    for i, source in sources.items():
        # the eos the truncation keeps is not printed
        assert len(source.split()) == min(int(sizes[i]), MAX_SOURCE) - 1
