"""End to end through fairseq's real command-line tools."""

import json

import pytest

from conftest import REPO, TINY_TRANSFORMER, USER_DIR, bible_lines, run_cli

TRAIN_FLAGS = [
    *TINY_TRANSFORMER,
    "--label-smoothing", "0.1", "--optimizer", "adam", "--lr", "0.001",
    "--max-tokens", "1000", "--log-format", "json", "--log-interval", "1",
    "--no-epoch-checkpoints", "--cpu", "--seed", "1",
]  # fmt: skip


def train(data, save_dir, *extra, check=True):
    return run_cli(
        "train", data, "--user-dir", USER_DIR, "--save-dir", save_dir,
        *TRAIN_FLAGS, *extra, check=check,
    )  # fmt: skip


def json_records(log, prefix):
    """fairseq's json log lines of one kind (train_inner, valid, train)."""
    records = []
    for line in log.splitlines():
        if f"| {prefix} |" in line:
            records.append(json.loads(line.split(f"| {prefix} | ", 1)[1]))
    return records


@pytest.fixture(scope="module")
def trained(bible_bin, tmp_path_factory):
    save_dir = tmp_path_factory.mktemp("ckpt")
    proc = train(
        bible_bin, save_dir,
        "--task", "rdrop_translation",
        "--criterion", "rdrop_label_smoothed_cross_entropy", "--rdrop-alpha", "5",
        "--max-update", "8",
    )  # fmt: skip
    return proc.stdout, save_dir / "checkpoint_best.pt"


def test_training_logs_per_copy_losses_and_kl(trained):
    log, _ = trained
    steps = json_records(log, "train_inner")
    assert len(steps) == 8
    for step in steps:
        assert float(step["kl_loss"]) > 0
        assert float(step["loss"]) > 0 and float(step["nll_loss"]) > 0
    valid = json_records(log, "valid")
    assert valid and "valid_kl_loss" not in valid[-1]


def test_generate_and_sacrebleu_on_the_checkpoint(trained, bible_bin, tmp_path):
    _, checkpoint = trained
    assert checkpoint.exists()
    proc = run_cli(
        "generate", bible_bin, "--user-dir", USER_DIR, "--path", checkpoint,
        "--gen-subset", "test", "--beam", "5", "--batch-size", "16", "--cpu",
        "--max-len-a", "1", "--max-len-b", "10",
    )  # fmt: skip
    hyps = {}
    refs = {}
    for line in proc.stdout.splitlines():
        tag, _, rest = line.partition("\t")
        if tag.startswith("H-"):
            hyps[int(tag[2:])] = rest.split("\t")[-1]
        elif tag.startswith("T-"):
            refs[int(tag[2:])] = rest
    assert len(hyps) == len(refs) == len(bible_lines("en", "test"))
    import sacrebleu

    ids = sorted(refs)
    bleu = sacrebleu.corpus_bleu([hyps[i] for i in ids], [[refs[i] for i in ids]])
    assert 0.0 <= bleu.score <= 100.0 and bleu.sys_len > 0


def test_validate_and_restore_file_load_without_any_environment_flag(trained, bible_bin, tmp_path):
    _, checkpoint = trained
    proc = run_cli(
        "validate", bible_bin, "--user-dir", USER_DIR, "--task", "translation",
        "--path", checkpoint, "--cpu", "--max-tokens", "2000",
    )  # fmt: skip
    assert "valid on 'valid' subset" in proc.stdout + proc.stderr
    resumed = train(
        bible_bin, tmp_path,
        "--task", "rdrop_translation", "--criterion", "rdrop_label_smoothed_cross_entropy",
        "--restore-file", checkpoint, "--max-update", "10",
    )  # fmt: skip
    steps = json_records(resumed.stdout, "train_inner")
    assert [int(s["num_updates"]) for s in steps] == [9, 10]


def test_plain_translation_task_with_the_criterion_trains_rdrop(bible_bin, tmp_path):
    proc = train(
        bible_bin, tmp_path, "--task", "translation",
        "--criterion", "rdrop_label_smoothed_cross_entropy", "--max-update", "2",
    )  # fmt: skip
    assert all(float(s["kl_loss"]) > 0 for s in json_records(proc.stdout, "train_inner"))


@pytest.mark.parametrize(
    "flags, option",
    [
        (["--criterion", "rdrop_label_smoothed_cross_entropy", "--rdrop-alpha", "-1"], "--rdrop-alpha"),
        (["--criterion", "rdrop_label_smoothed_cross_entropy", "--rdrop-alpha", "nan"], "--rdrop-alpha"),
        (["--criterion", "label_smoothed_cross_entropy"], "--criterion"),
    ],
)
def test_bad_options_stop_with_one_line_error(bible_bin, tmp_path, flags, option):
    save_dir = tmp_path / "ckpt"
    proc = train(
        bible_bin, save_dir, "--task", "rdrop_translation", *flags,
        "--max-update", "2", check=False,
    )  # fmt: skip
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert ": error: " in lines[0]
    assert option in lines[0]
    assert not list(save_dir.glob("*.pt"))


def test_hydra_train_with_the_shipped_config(bible_bin, tmp_path):
    tiny = {
        "encoder_layers": 1, "decoder_layers": 1, "encoder_embed_dim": 32,
        "decoder_embed_dim": 32, "encoder_ffn_embed_dim": 64,
        "decoder_ffn_embed_dim": 64, "encoder_attention_heads": 2,
        "decoder_attention_heads": 2,
    }  # fmt: skip
    proc = run_cli(
        "hydra_train", "--config-dir", REPO / "configs",
        "--config-name", "iwslt14_de_en_rdrop",
        f"task.data={bible_bin}", "task.source_lang=es", f"common.user_dir={USER_DIR}",
        "common.cpu=true", "common.log_format=json", "common.log_interval=1",
        "optimization.max_update=3", "dataset.max_tokens=1000",
        f"checkpoint.save_dir={tmp_path}",
        *[f"+model.{k}={v}" for k, v in tiny.items()],
        cwd=tmp_path,
    )  # fmt: skip
    out = proc.stdout + proc.stderr
    assert "kl_loss" in out and (tmp_path / "checkpoint_best.pt").exists()


def test_bleu_of_generate_output_orders_hypotheses_and_checks_coverage(tmp_path):
    import subprocess
    import sys

    import sacrebleu
    from rdrop_tools.fairseq_logs import read_score

    log = tmp_path / "gen.log"
    log.write_text("S-1\tx\nD-1\t-0.5\tthe cat sat\nD-0\t-0.2\ta dog runs\nH-0\t-0.2\ta dog runs\n")
    refs = tmp_path / "ref.en"
    refs.write_text("a dog runs fast\nthe cat sat\n")
    script = [sys.executable, REPO / "scripts" / "bleu.py", "generate", log, "--ref", refs,
              "--metric", "sacrebleu", "--detok", "none"]  # fmt: skip
    proc = subprocess.run([*script, "--hyp-out", tmp_path / "hyp"], capture_output=True, text=True, check=True)
    expected = sacrebleu.corpus_bleu(["a dog runs", "the cat sat"], [["a dog runs fast", "the cat sat"]])
    (tmp_path / "score").write_text(proc.stdout)
    assert read_score(tmp_path / "score") == round(expected.score, 2)
    assert (tmp_path / "hyp").read_text().splitlines() == ["a dog runs", "the cat sat"]
    refs.write_text("a\nb\nc\n")
    proc = subprocess.run(script, capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "2 hypotheses" in proc.stderr and "for 3 references" in proc.stderr


def test_bf16_on_fairseq_trains_command_line_asks_for_a_tpu(bible_bin, tmp_path):
    """What the README's Troubleshooting says: fairseq 0.12's command line turns
    --bf16 into --tpu, so fairseq-train --bf16 fails without torch_xla."""
    proc = train(bible_bin, tmp_path / "ckpt", "--task", "rdrop_translation", "--criterion",
                 "rdrop_label_smoothed_cross_entropy", "--max-update", "1", "--bf16", check=False)  # fmt: skip
    assert proc.returncode != 0 and "xla_device" in proc.stderr
    assert not list((tmp_path / "ckpt").glob("*.pt"))
