"""The recipes reproduce the paper's protocol (Appendix A, Table 8) whatever the GPU count.

Every train.sh / evaluate.sh runs with DRY_RUN=1, which prints the exact commands
without data or a GPU; the tests read the effective settings from those commands
and from the hydra configs, and compare them with the paper's values written out here.
"""

import io
import re
import shlex
import subprocess
import sys
import tarfile
import zipfile

import numpy as np
import pytest
import yaml

from conftest import REPO, cli_env

SCRIPTS = REPO / "scripts"
CONFIGS = REPO / "configs"

# The paper's Table 8 (RoBERTa-large on GLUE): learning rate, batch size, max update, alpha.
TABLE_8 = {
    "MNLI": {"lr": 1e-5, "batch": 32, "updates": 123873, "alpha": 0.5},
    "QNLI": {"lr": 1e-5, "batch": 32, "updates": 33112, "alpha": 1.0},
    "QQP": {"lr": 1e-5, "batch": 32, "updates": 113272, "alpha": 0.5},
    "RTE": {"lr": 1e-5, "batch": 8, "updates": 3120, "alpha": 1.0},
    "SST-2": {"lr": 1e-5, "batch": 32, "updates": 20935, "alpha": 1.0},
    "MRPC": {"lr": 1e-5, "batch": 16, "updates": 2296, "alpha": 1.0},
    "CoLA": {"lr": 1e-5, "batch": 16, "updates": 5336, "alpha": 0.5},
    "STS-B": {"lr": 1e-5, "batch": 16, "updates": 3598, "alpha": 1.0},
}
IWSLT_DIRECTIONS = [("de", "en"), ("en", "de"), ("en", "es"), ("es", "en"),
                    ("en", "fr"), ("fr", "en"), ("en", "zh"), ("zh", "en")]  # fmt: skip

# The paper's batch per update, every recipe, direction and task: IWSLT and GLUE on one
# GPU, the others on 8 GPUs (Appendix A and the authors' scripts): GPUs x tokens
# (sentences) per GPU x update_freq. The GPT language model's per-GPU batch is the three
# 512-token blocks the authors' --max-tokens 2000 holds (fairseq packs whole blocks).
PAPER_BATCH = {
    **{("iwslt", pair): (1 * 4096, "tokens") for pair in IWSLT_DIRECTIONS},
    ("wmt14", ("en", "de")): (8 * 4096, "tokens"),
    ("wmt14", ("en", "fr")): (8 * 4096, "tokens"),
    ("cnndm", ()): (8 * 2048 * 4, "tokens"),
    ("wikitext103", ("transformer_lm_gpt",)): (8 * 3 * 512 * 16, "tokens"),
    ("wikitext103", ("adaptive",)): (8 * 3072 * 3, "tokens"),
    **{("glue", (task,)): (row["batch"], "sentences") for task, row in TABLE_8.items()},
}
BLOCK = {("transformer_lm_gpt",): 512, ("adaptive",): 3072}  # the language models' blocks
BATCH_KEY = {"tokens": "dataset.max_tokens", "sentences": "dataset.batch_size"}
EFFECTIVE = re.compile(
    r"^effective batch: (\d+) = (\d+) x (\d+) x (\d+) (tokens|sentences)(?: \((\d+) x (\d+)-token blocks per GPU\))?$",
    re.M,
)


def run(script, *args, cwd, check=True, **env):
    full_env = {**cli_env(), "DRY_RUN": "1", **{k: str(v) for k, v in env.items()}}
    for knob in ("NGPUS", "PER_GPU", "SMOKE", "BASELINE", "SAVE_DIR", "DATA", "RANK", "ARCHIVES", "OFFLINE",
                 "DROPOUT", "EVAL"):
        if knob not in env:
            full_env.pop(knob, None)
    proc = subprocess.run(["bash", SCRIPTS / script, *args], cwd=cwd, env=full_env, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"{script} {args} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def hydra_command(stdout):
    """The printed fairseq-hydra-train command as {override key: value} (and the raw words)."""
    line = next(line for line in stdout.splitlines() if "fairseq_cli.hydra_train" in line)
    words = shlex.split(line)
    pairs = [w.split("=", 1) for w in words if "=" in w and not w.startswith("-")]
    return {key.lstrip("+"): value for key, value in pairs}, words  # "++key": add or override


@pytest.mark.parametrize("recipe,args", list(PAPER_BATCH), ids=lambda x: "-".join(x) if isinstance(x, tuple) else x)
def test_train_reaches_the_papers_batch_on_1_2_4_8_gpus(recipe, args, tmp_path):
    total, unit = PAPER_BATCH[(recipe, args)]
    for gpus in (1, 2, 4, 8):
        proc = run(f"{recipe}/train.sh", *args, cwd=tmp_path, NGPUS=gpus, DATA=tmp_path / "no-data")
        (printed_total, printed_gpus, per_gpu, freq, printed_unit, blocks, block), = EFFECTIVE.findall(proc.stdout)
        assert (int(printed_total), int(printed_gpus), printed_unit) == (total, gpus, unit)
        assert gpus * int(per_gpu) * int(freq) == total
        if args in BLOCK:  # whole blocks: what fairseq really puts in a GPU's batch
            assert int(block) == BLOCK[args] and int(blocks) * int(block) == int(per_gpu)
        else:
            assert blocks == block == ""
        overrides, _ = hydra_command(proc.stdout)
        # the command runs what the line says
        assert overrides[BATCH_KEY[unit]] == per_gpu
        assert overrides["optimization.update_freq"] == f"[{freq}]"
        assert overrides["distributed_training.distributed_world_size"] == str(gpus)
    assert not any(tmp_path.iterdir())  # a dry run writes nothing


@pytest.mark.parametrize("recipe,args", list(PAPER_BATCH), ids=lambda x: "-".join(x) if isinstance(x, tuple) else x)
def test_a_gpu_count_that_cannot_reach_the_batch_is_refused(recipe, args, tmp_path):
    # 3 GPUs cannot share 8 x 4096 tokens, 4096 tokens or 8 sentences exactly; the adaptive
    # LM's 8 x 3072 x 3 can (3 x 3072 x 8), 5 GPUs cannot
    impossible = 5 if args == ("adaptive",) else 3
    proc = run(f"{recipe}/train.sh", *args, cwd=tmp_path, check=False, NGPUS=impossible, DATA=tmp_path / "no-data")
    assert proc.returncode == 2 and proc.stdout == ""
    assert re.fullmatch(rf"train\.sh: error: NGPUS={impossible} cannot reach the paper's batch of \d+ \w+ .*\n", proc.stderr)


def test_per_gpu_trades_tokens_for_update_frequency(tmp_path):
    # the authors' CNN/DM run: 1024 tokens x update_freq 16 on 4 GPUs = 65536
    proc = run("cnndm/train.sh", cwd=tmp_path, NGPUS=4, PER_GPU=1024, DATA=tmp_path)
    assert EFFECTIVE.findall(proc.stdout) == [("65536", "4", "1024", "16", "tokens", "", "")]
    refused = run("cnndm/train.sh", cwd=tmp_path, check=False, NGPUS=4, PER_GPU=3000, DATA=tmp_path)
    assert refused.returncode == 2 and "PER_GPU=3000 cannot reach" in refused.stderr
    # a hydra override of the batch would silently change it: refused
    for override in ("dataset.max_tokens=1024", "optimization.update_freq=[2]"):
        refused = run("wmt14/train.sh", "en", "de", override, cwd=tmp_path, check=False, NGPUS=1, DATA=tmp_path)
        assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and "set NGPUS / PER_GPU" in refused.stderr


def test_more_gpus_than_the_paper_split_the_per_gpu_batch(tmp_path):
    proc = run("wmt14/train.sh", "en", "fr", cwd=tmp_path, NGPUS=16, DATA=tmp_path)
    assert EFFECTIVE.findall(proc.stdout) == [("32768", "16", "2048", "1", "tokens", "", "")]
    # a GPU would hold less than one 3072-token block of the adaptive-input LM
    proc = run("wikitext103/train.sh", "adaptive", cwd=tmp_path, check=False, NGPUS=48, DATA=tmp_path)
    assert proc.returncode == 2 and "less than one sample" in proc.stderr


def test_language_model_batches_are_whole_blocks(tmp_path):
    # fairseq fills a GPU's batch with whole 512-token blocks: the authors' --max-tokens
    # 2000 gives the same batches as 1536, three blocks
    from fairseq.data import data_utils

    sizes = np.full(40, 512)
    authors = data_utils.batch_by_size(np.arange(40), lambda i: sizes[i], max_tokens=2000)
    assert {len(b) for b in authors} == {3, 1}  # 13 batches of 3 blocks, the last of 1
    ours = data_utils.batch_by_size(np.arange(40), lambda i: sizes[i], max_tokens=1536)
    assert [list(b) for b in ours] == [list(b) for b in authors]
    cfg = yaml.safe_load((CONFIGS / "wikitext103_transformer_lm_gpt_rdrop.yaml").read_text())
    assert (cfg["dataset"]["max_tokens"], cfg["task"]["tokens_per_sample"]) == (1536, 512)

    proc = run("wikitext103/train.sh", cwd=tmp_path, NGPUS=8, DATA=tmp_path)
    assert EFFECTIVE.findall(proc.stdout) == [("196608", "8", "1536", "16", "tokens", "3", "512")]
    proc = run("wikitext103/train.sh", cwd=tmp_path, NGPUS=8, PER_GPU=1024, DATA=tmp_path)
    assert EFFECTIVE.findall(proc.stdout) == [("196608", "8", "1024", "24", "tokens", "2", "512")]
    for env, message in [
        ({"PER_GPU": 2000}, "PER_GPU=2000 is not a whole number of 512-token blocks: fairseq would fill "
                            "each GPU with 3 x 512 = 1536 tokens; use PER_GPU=1536"),
        ({"PER_GPU": 300}, "PER_GPU=300 is less than one 512-token block"),
        ({"NGPUS": 256}, "NGPUS=256 leaves 768 tokens per GPU, not a whole number of 512-token blocks"),
    ]:  # fmt: skip
        refused = run("wikitext103/train.sh", cwd=tmp_path, check=False, DATA=tmp_path, **{"NGPUS": 8, **env})
        assert refused.returncode == 2 and refused.stdout == "" and refused.stderr.count("\n") == 1
        assert message in refused.stderr, refused.stderr
    adaptive = run("wikitext103/train.sh", "adaptive", cwd=tmp_path, check=False, NGPUS=8, PER_GPU=4096, DATA=tmp_path)
    assert adaptive.returncode == 2 and "use PER_GPU=3072" in adaptive.stderr


@pytest.mark.parametrize("tgt,beam,lenpen", [("de", "4", "0.6"), ("fr", "5", "1")])
def test_wmt14_decoding_follows_the_paper(tgt, beam, lenpen, tmp_path):
    proc = run("wmt14/evaluate.sh", "en", tgt, cwd=tmp_path, NGPUS=1, DATA=tmp_path / "data", SAVE_DIR=tmp_path / "ckpt")
    lines = proc.stdout.splitlines()
    average, = (shlex.split(line) for line in lines if "average_checkpoints.py" in line)
    assert average[-3:] == ["--last-updates", "10", str(tmp_path / "ckpt")]
    generate, = (shlex.split(line) for line in lines if "fairseq_cli.generate" in line)
    assert generate[generate.index("--beam") + 1] == beam and generate[generate.index("--lenpen") + 1] == lenpen
    assert generate[generate.index("--path") + 1] == average[2]  # decodes the average
    tokenized_bleu = shlex.split(next(line for line in lines if "bleu.py" in line and "--hyp-out" in line))
    assert ("--compound-split" in tokenized_bleu) == (tgt == "de")
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize("tgt", ["de", "fr"])
def test_wmt14_dropout_is_the_papers_unless_asked(tgt, tmp_path):
    # the paper's 0.1 (Appendix A.1); DROPOUT=0.3 is the authors' one published WMT command
    cfg = yaml.safe_load((CONFIGS / f"wmt14_en_{tgt}_rdrop.yaml").read_text())
    assert cfg["model"]["dropout"] == 0.1
    for env, expected in (({}, "0.1"), ({"DROPOUT": "0.3"}, "0.3")):
        proc = run("wmt14/train.sh", "en", tgt, cwd=tmp_path, NGPUS=8, DATA=tmp_path, **env)
        assert hydra_command(proc.stdout)[0]["model.dropout"] == expected
    refused = run("wmt14/train.sh", "en", tgt, cwd=tmp_path, check=False, NGPUS=8, DATA=tmp_path, DROPOUT="30%")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and "DROPOUT must be a rate" in refused.stderr


def test_wmt14_saves_the_checkpoints_evaluate_averages():
    for tgt in ("de", "fr"):
        cfg = yaml.safe_load((CONFIGS / f"wmt14_en_{tgt}_rdrop.yaml").read_text())["checkpoint"]
        assert cfg["save_interval_updates"] > 0 and cfg["keep_interval_updates"] == 10
        assert cfg["no_epoch_checkpoints"] is True


@pytest.mark.parametrize("baseline", ["0", "1"])
@pytest.mark.parametrize("src,tgt,detok", [("de", "en", "space"), ("en", "fr", "moses"), ("en", "zh", "space")])
def test_iwslt_keeps_the_checkpoint_with_the_best_validation_bleu(src, tgt, detok, baseline, tmp_path):
    proc = run("iwslt/train.sh", src, tgt, cwd=tmp_path, NGPUS=1, BASELINE=baseline, DATA=tmp_path)
    overrides, _ = hydra_command(proc.stdout)
    assert overrides["task.eval_bleu_detok"] == detok
    assert (overrides.get("task._name") == "translation") == (baseline == "1")
    config = "iwslt14_de_en_rdrop" if src == "de" else f"iwslt17_en_{'fr' if 'fr' in (src, tgt) else 'zh'}_rdrop"
    cfg = yaml.safe_load((CONFIGS / f"{config}.yaml").read_text())
    assert cfg["task"]["eval_bleu"] is True and cfg["task"]["eval_bleu_remove_bpe"] == "@@ "
    assert cfg["checkpoint"]["best_checkpoint_metric"] == "bleu"
    assert cfg["checkpoint"]["maximize_best_checkpoint_metric"] is True
    assert cfg["checkpoint"]["no_epoch_checkpoints"] is True  # best and last only


@pytest.mark.parametrize("src,tgt", IWSLT_DIRECTIONS, ids="-".join)
def test_iwslt_scores_each_direction_with_the_papers_metric(src, tgt, tmp_path):
    # De<->En: tokenized BLEU, plain and compound-split (the authors' compound_split_bleu.sh);
    # the others: sacreBLEU on detokenized text (zh tokenizer into Chinese)
    proc = run("iwslt/evaluate.sh", src, tgt, cwd=tmp_path, NGPUS=1, DATA=tmp_path / "d", SAVE_DIR=tmp_path / "s")
    scorers = [shlex.split(line) for line in proc.stdout.splitlines() if "bleu.py" in line]
    if "de" in (src, tgt):
        plain, split = scorers
        assert plain[plain.index("--ref") + 1] == split[split.index("--ref") + 1] == str(tmp_path / "d" / "tok" / f"test.{tgt}")
        assert "--compound-split" not in plain and "--metric" not in plain and "--hyp-out" in plain
        assert split[-3:] == ["--compound-split", "--label", "compound-split"]
    else:
        (detok,) = scorers
        assert detok[detok.index("--metric") + 1] == "sacrebleu" and detok[detok.index("--lang") + 1] == tgt
        assert detok[detok.index("--ref") + 1] == str(tmp_path / "d" / "raw" / f"test.{tgt}")
    assert not any(tmp_path.iterdir())


def test_glue_configs_are_table_8():
    for task, row in TABLE_8.items():
        cfg = yaml.safe_load((CONFIGS / f"glue_{task.lower().replace('-', '')}.yaml").read_text())
        assert [float(lr) for lr in cfg["optimization"]["lr"]] == [pytest.approx(row["lr"])], task
        assert cfg["dataset"]["batch_size"] == row["batch"], task
        assert cfg["optimization"]["max_update"] == row["updates"], task
        assert cfg["lr_scheduler"].get("total_num_update", row["updates"]) == row["updates"], task
        assert cfg["criterion"]["rdrop_alpha"] == row["alpha"], task
        assert cfg["optimizer"]["weight_decay"] == pytest.approx(0.01), task
        assert float(cfg["optimizer"]["adam_eps"]) == pytest.approx(1e-6), task
        assert cfg["optimization"]["max_epoch"] == 10, task


def test_translation_configs_use_adam_eps_1e_9():
    for path in sorted(CONFIGS.glob("iwslt*.yaml")) + sorted(CONFIGS.glob("wmt14*.yaml")):
        assert float(yaml.safe_load(path.read_text())["optimizer"]["adam_eps"]) == pytest.approx(1e-9), path.name


def test_every_config_logs_json_and_keeps_no_epoch_checkpoints():
    """plot_curves.py and compare_runs.py read json logs; an epoch checkpoint per epoch fills the disk."""
    for path in sorted(CONFIGS.glob("*.yaml")):
        cfg = yaml.safe_load(path.read_text())
        assert cfg["common"]["log_format"] == "json", path.name
        assert cfg["checkpoint"]["no_epoch_checkpoints"] is True, path.name


@pytest.mark.parametrize(
    "script,args",
    [("iwslt/evaluate.sh", ["de", "en"]), ("cnndm/evaluate.sh", []), ("wikitext103/evaluate.sh", ["adaptive"]),
     ("glue/evaluate.sh", ["CoLA"]), ("glue/train.sh", ["CoLA"])],
)  # fmt: skip
def test_every_script_dry_runs_without_data(script, args, tmp_path):
    proc = run(script, *args, cwd=tmp_path, NGPUS=1, DATA=tmp_path / "none")
    commands = [shlex.split(line) for line in proc.stdout.splitlines() if not line.startswith("effective batch")]
    assert commands and all(words[0].endswith(("python", "python3", "bash")) for words in commands)
    assert not any(tmp_path.iterdir())


def test_wikitext103_evaluation_with_the_authors_context(tmp_path):
    # fairseq's adaptive-input evaluation by default; the authors' one script on request
    fairseq_way = shlex.split(run("wikitext103/evaluate.sh", "adaptive", cwd=tmp_path, DATA=tmp_path).stdout)
    authors = shlex.split(run("wikitext103/evaluate.sh", "adaptive", cwd=tmp_path, DATA=tmp_path, EVAL="authors").stdout)
    for words, (tokens, context) in ((fairseq_way, ("3072", "2560")), (authors, ("512", "400"))):
        assert words[words.index("--tokens-per-sample") + 1] == tokens
        assert words[words.index("--context-window") + 1] == context
    refused = run("wikitext103/evaluate.sh", "adaptive", cwd=tmp_path, check=False, DATA=tmp_path, EVAL="paper")
    assert refused.returncode == 2 and "EVAL must be empty or 'authors'" in refused.stderr


def test_other_ranks_write_their_own_log_and_hydra_folder(tmp_path):
    save = tmp_path / "save"
    rank0, _ = hydra_command(run("wikitext103/train.sh", cwd=tmp_path, NGPUS=16, SAVE_DIR=save, DATA=tmp_path).stdout)
    node1, _ = hydra_command(run("wikitext103/train.sh", "transformer_lm_gpt", "distributed_training.distributed_rank=8",
                                 cwd=tmp_path, NGPUS=16, SAVE_DIR=save, DATA=tmp_path).stdout)  # fmt: skip
    torchrun, _ = hydra_command(run("glue/train.sh", "RTE", cwd=tmp_path, NGPUS=8, RANK=3, SAVE_DIR=save, DATA=tmp_path).stdout)
    assert rank0["hydra.run.dir"] == str(save / "hydra")
    assert node1["hydra.run.dir"] == str(save / "hydra.rank8")
    assert torchrun["hydra.run.dir"] == str(save / "hydra.rank3")


def test_cnndm_files2rouge_without_files2rouge_is_a_one_line_error(tmp_path):
    if subprocess.run(["bash", "-c", "command -v files2rouge"], env={"PATH": "/usr/bin:/bin"}).returncode == 0:
        pytest.skip("files2rouge is installed in /usr/bin")
    proc = run("cnndm/evaluate.sh", cwd=tmp_path, check=False, SCORER="files2rouge", PATH="/usr/bin:/bin", DATA=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("evaluate.sh: error: SCORER=files2rouge needs the files2rouge command")
    assert proc.stderr.count("\n") == 1
    scorer = run("cnndm/evaluate.sh", cwd=tmp_path, DATA=tmp_path, SAVE_DIR=tmp_path / "s").stdout
    assert "scripts/cnndm/rouge_files.py" in scorer  # rouge-score stays the default


# ------------------------------------------------------------------ IWSLT archives


def iwslt_members(pair, src_lines, tgt_lines):
    src, tgt = pair.split("-")
    head = "<url>http://www.ted.com/talks/x</url>\n<talkid>1</talkid>\n"
    members = {
        f"{pair}/train.tags.{pair}.{src}": head + "".join(f"{s}\n" for s in src_lines),
        f"{pair}/train.tags.{pair}.{tgt}": head + "".join(f"{t}\n" for t in tgt_lines),
    }
    for lang, lines in ((src, src_lines), (tgt, tgt_lines)):
        segs = "".join(f'<seg id="{i + 1}"> {line} </seg>\n' for i, line in enumerate(lines[:2]))
        members[f"{pair}/IWSLT17.TED.tst2015.{pair}.{lang}.xml"] = f"<refset>\n<doc>\n{segs}</doc>\n</refset>\n"
    return members


def write_zip(path, members):
    with zipfile.ZipFile(path, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)


def write_tgz(path, members):
    with tarfile.open(path, "w:gz") as tar:
        for name, text in members.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


@pytest.mark.parametrize("writer,name", [(write_zip, "en-fr.zip"), (write_tgz, "en-fr.zip"), (write_zip, "download")])
def test_iwslt_archives_are_read_by_content(writer, name, tmp_path):
    en, fr = ["a cat .", "two dogs .", "a house ."], ["un chat .", "deux chiens .", "une maison ."]
    writer(tmp_path / name, iwslt_members("en-fr", en, fr))
    subprocess.run([sys.executable, SCRIPTS / "mt_prep.py", "iwslt-extract", tmp_path / name,
                    "fr", "en", tmp_path / "raw", "--year", "17"], check=True, capture_output=True)  # fmt: skip
    assert (tmp_path / "raw" / "train.fr").read_text().splitlines() == fr
    assert (tmp_path / "raw" / "train.en").read_text().splitlines() == en
    assert (tmp_path / "raw" / "test.fr").read_text().splitlines() == fr[:2]


def test_iwslt_archive_errors_name_the_expected_file(tmp_path):
    (tmp_path / "en-fr.zip").write_bytes(b"not an archive")
    proc = subprocess.run([sys.executable, SCRIPTS / "mt_prep.py", "iwslt-extract",
                           tmp_path / "en-fr.zip", "en", "fr", tmp_path / "raw"], capture_output=True, text=True)  # fmt: skip
    assert proc.returncode != 0 and "is neither a tar (.tgz) nor a zip archive" in proc.stderr
    # no download is known for IWSLT14 En-Es: the error says what to get and from where
    env = {**cli_env(), "ARCHIVES": str(tmp_path), "DATA": str(tmp_path / "data")}
    env.pop("OFFLINE", None)
    proc = subprocess.run(["bash", SCRIPTS / "iwslt/prepare.sh", "es", "en"], env=env, capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "archive en-es.tgz not found" in proc.stderr and "wit3.fbk.eu/2014-01" in proc.stderr
    assert not (tmp_path / "data").exists()
