"""The CNN/DailyMail recipe end to end on CPU: scripts/cnndm/prepare.sh,
train.sh and evaluate.sh with SMOKE=1 on archives shaped like the real ones
(cnn_dm.tar.gz with the six text files, bart.large.tar.gz with model.pt and
dict.txt, GPT-2 BPE encoder.json / vocab.bpe), all built here: a tiny BART
saved by fairseq's trainer and a byte-level GPT-2 BPE of 256 byte symbols plus
a few merges."""

import json
import re
import subprocess
import sys
import tarfile

import pytest
import torch
from rouge_score import rouge_scorer

from builders import binarized_sizes, byte_symbols, training_cfg
from conftest import REPO, bible_lines, cli_env

SCRIPTS = REPO / "scripts" / "cnndm"
# scripts/cnndm/train.sh's SMOKE model: bart_large with 1 layer, width 32, 2 heads
TINY_BART = [
    "--arch", "bart_large", "--encoder-layers", "1", "--decoder-layers", "1",
    "--encoder-embed-dim", "32", "--decoder-embed-dim", "32",
    "--encoder-ffn-embed-dim", "64", "--decoder-ffn-embed-dim", "64",
    "--encoder-attention-heads", "2", "--decoder-attention-heads", "2",
    "--layernorm-embedding", "--share-all-embeddings",
    "--share-decoder-input-output-embed",
]  # fmt: skip
# merges in priority order, each making a new vocabulary entry
MERGES = [("Ġ", "t"), ("h", "e"), ("Ġt", "he"), ("Ġ", "a"), ("i", "n"), ("n", "g"),
          ("in", "g"), ("Ġ", "w"), ("e", "r"), ("o", "n"), ("Ġ", "s"), ("Ġa", "n")]  # fmt: skip
SPLITS = {"train": 40, "val": 8, "test": 6}


def write_gpt2_bpe(folder):
    """encoder.json, vocab.bpe and a bart.large-style dict.txt ("<gpt2 id> <count>")."""
    symbols = [*byte_symbols().values(), *("".join(pair) for pair in MERGES)]
    encoder = {s: i for i, s in enumerate(symbols)}
    (folder / "encoder.json").write_text(json.dumps(encoder))
    (folder / "vocab.bpe").write_text(
        "#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in MERGES)
    )
    dict_txt = "".join(f"{i} {1000 - i}\n" for i in encoder.values())
    return encoder, dict_txt


def articles(count, skip):
    """(article, summary) pairs from the Bible fixture's English verses: six
    verses, the summary being two of them."""
    lines = bible_lines("en", count=6 * count, skip=skip)
    pairs = []
    for i in range(count):
        sents = [s.rstrip(".") + "." for s in lines[6 * i : 6 * i + 6]]
        pairs.append((" ".join(sents), " ".join(sents[1:3])))
    return pairs


def save_tiny_bart(dict_txt, dest, scratch):
    """A tiny bart_large saved by fairseq's trainer, as bart.large/model.pt was."""
    from fairseq import tasks
    from fairseq.trainer import Trainer

    for lang in ("source", "target"):
        (scratch / f"dict.{lang}.txt").write_text(dict_txt)
    cfg = training_cfg(
        scratch, "--task", "translation", "--source-lang", "source",
        "--target-lang", "target", *TINY_BART, "--criterion", "label_smoothed_cross_entropy",
        "--optimizer", "adam", "--lr", "0.001", "--cpu",
    )  # fmt: skip
    torch.manual_seed(1)
    task = tasks.setup_task(cfg.task)
    model = task.build_model(cfg.model)
    trainer = Trainer(cfg, task, model, task.build_criterion(cfg.criterion))
    trainer.consolidate_optimizer()
    trainer.save_checkpoint(str(dest), {})


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    root = tmp_path_factory.mktemp("cnndm_archives")
    encoder, dict_txt = write_gpt2_bpe(root)
    bart = tmp_path_factory.mktemp("bart") / "bart.large"
    bart.mkdir()
    (bart / "dict.txt").write_text(dict_txt)
    save_tiny_bart(dict_txt, bart / "model.pt", tmp_path_factory.mktemp("bart_dicts"))
    with tarfile.open(root / "bart.large.tar.gz", "w:gz") as tar:
        tar.add(bart, arcname="bart.large")

    text = tmp_path_factory.mktemp("cnn_dm_text") / "cnn_dm"
    text.mkdir()
    skip = 0
    for split, count in SPLITS.items():
        pairs = articles(count, skip)
        skip += 6 * count
        (text / f"{split}.source").write_text("".join(a + "\n" for a, _ in pairs))
        (text / f"{split}.target").write_text("".join(s + "\n" for _, s in pairs))
    with tarfile.open(root / "cnn_dm.tar.gz", "w:gz") as tar:
        tar.add(text, arcname="cnn_dm")
    return root, encoder, text


def run(script, env, cwd, check=True):
    proc = subprocess.run(
        ["bash", str(SCRIPTS / script)], env=env, capture_output=True, text=True, cwd=cwd
    )
    if check and proc.returncode != 0:
        raise AssertionError(
            f"{script} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
        )
    return proc


@pytest.fixture(scope="module")
def pipeline(archives, tmp_path_factory):
    root = archives[0]
    work = tmp_path_factory.mktemp("cnndm_work")
    env = {
        **cli_env(), "PY": sys.executable, "ARCHIVES": str(root), "OFFLINE": "1",
        "DATA": str(work / "data"), "SAVE_DIR": str(work / "save"), "SMOKE": "1",
        "NGPUS": "0", "WORKERS": "2", "BATCH_SIZE": str(SPLITS["test"]),
        # tiny matrices: a second thread only adds contention
        "OMP_NUM_THREADS": "1",
    }  # fmt: skip
    logs = {name: run(f"{name}.sh", env, work) for name in ("prepare", "train", "evaluate")}
    return work, logs


def test_prepare_encodes_with_the_gpt2_bpe_and_binarizes_with_bart_dict(archives, pipeline):
    _, encoder, text = archives
    work, _ = pipeline
    data = work / "data"
    # byte-level BPE round trip: ids -> symbols -> bytes gives the stripped text back
    to_byte = {sym: b for b, sym in byte_symbols().items()}
    by_id = {i: s for s, i in encoder.items()}
    for side in ("source", "target"):
        raw = (text / f"train.{side}").read_text().splitlines()
        bpe = (data / "bpe" / f"train.bpe.{side}").read_text().splitlines()
        assert len(bpe) == len(raw) == SPLITS["train"]
        for line, ids in zip(raw, bpe, strict=True):
            symbols = "".join(by_id[int(i)] for i in ids.split())
            assert bytes(to_byte[c] for c in symbols).decode("utf-8") == line.strip()
        assert any(int(i) >= 256 for i in " ".join(bpe).split()), "merges should apply"
    bin_dir = data / "bin"
    bart_dict = (data / "bart.large" / "dict.txt").read_text()
    assert (bin_dir / "dict.source.txt").read_text() == bart_dict
    for split, name in (("train", "train"), ("valid", "val")):
        sizes = binarized_sizes(bin_dir / f"{split}.source-target.source")
        assert len(sizes) == SPLITS[name]
        bpe = (data / "bpe" / f"{name}.bpe.source").read_text().splitlines()
        bpe_lengths = [len(line.split()) for line in bpe]
        assert list(sizes) == [n + 1 for n in bpe_lengths]  # + eos
    assert not list(data.glob("*.tmp"))


def test_train_fine_tunes_the_bart_checkpoint_with_rdrop(pipeline):
    work, logs = pipeline
    out = logs["train"].stdout + logs["train"].stderr
    assert re.search(r"loading pretrained model from .*bart\.large/model\.pt", out), out[-3000:]
    assert re.search(r"Loaded checkpoint .*bart\.large/model\.pt \(epoch 0 @ 0 updates\)", out)
    updates = [int(n) for n in re.findall(r'"num_updates": "(\d+)"', out)]
    assert updates and max(updates) == 4
    assert re.search(r'"kl_loss": "[\d.]+"', out)
    assert "'rdrop_alpha': 0.7" in out and "'_name': 'rdrop_translation'" in out
    assert (work / "save" / "checkpoint_best.pt").exists()


def rouge_by_hand(hyps, refs):
    """Mean F1 x 100 of ROUGE-1, ROUGE-2 and summary-level ROUGE-L (one
    sentence a line), straight from rouge_score."""

    def lines(text):
        return "\n".join(re.split(r"(?<=[.!?])\s+", text.strip()))

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    results = [scorer.score(lines(r), lines(h)) for h, r in zip(hyps, refs, strict=True)]
    return [100 * sum(r[k].fmeasure for r in results) / len(results)
            for k in ("rouge1", "rouge2", "rougeLsum")]  # fmt: skip


def printed_rouge(stdout):
    found = re.search(r"ROUGE-1 ([\d.]+) ROUGE-2 ([\d.]+) ROUGE-L ([\d.]+)", stdout)
    assert found, stdout
    return [float(x) for x in found.groups()]


def test_evaluate_summarizes_every_test_article_and_prints_rouge(archives, pipeline):
    _, _, text = archives
    work, logs = pipeline
    hyps = (work / "save" / "eval" / "test.hypo").read_text().splitlines()
    refs = (text / "test.target").read_text().splitlines()
    assert len(hyps) == len(refs) == SPLITS["test"] and all(hyps)
    scores = printed_rouge(logs["evaluate"].stdout)
    assert all(0 <= s <= 100 for s in scores)
    expected = rouge_by_hand(hyps, refs)
    assert scores == pytest.approx(expected, abs=0.006)
    saved = json.loads((work / "save" / "eval" / "test.rouge.json").read_text())
    assert [saved[k] for k in ("rouge1", "rouge2", "rougeL")] == pytest.approx(expected, abs=1e-9)


def test_rouge_of_a_lead_2_baseline_matches_rouge_score(archives, tmp_path):
    """The scorer on summaries that share words with the references (an
    untrained model's summaries barely do)."""
    _, _, text = archives
    articles = (text / "test.source").read_text().splitlines()
    refs = (text / "test.target").read_text().splitlines()
    lead = [" ".join(re.split(r"(?<=[.!?])\s+", a)[:2]) for a in articles]
    (tmp_path / "lead.hypo").write_text("".join(h + "\n" for h in lead))
    proc = subprocess.run(
        [sys.executable, REPO / "scripts" / "cnndm" / "rouge_files.py", tmp_path / "lead.hypo",
         text / "test.target"], capture_output=True, text=True, check=True,
    )  # fmt: skip
    scores = printed_rouge(proc.stdout)
    expected = rouge_by_hand(lead, refs)
    assert scores == pytest.approx(expected, abs=0.006)
    assert 0 < scores[1] < scores[0] < 100  # lead-2 shares one sentence of two


def test_scripts_fail_fast_with_one_line_errors(tmp_path):
    env = {**cli_env(), "PY": sys.executable, "ARCHIVES": str(tmp_path), "OFFLINE": "1",
           "DATA": str(tmp_path / "data")}  # fmt: skip
    for script, message in [
        ("prepare.sh", "CNN/DM text not found"),
        ("train.sh", "no binarized data"),
        ("evaluate.sh", "no checkpoint"),
    ]:
        proc = run(script, env, tmp_path, check=False)
        assert proc.returncode == 2, proc.stderr
        assert message in proc.stderr and proc.stderr.strip().count("\n") == 0, proc.stderr
    assert not (tmp_path / "data").exists()
