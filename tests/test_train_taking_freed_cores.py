"""scripts/train_taking_freed_cores.py: the quickstart's run still training
takes the other's core when that one ends (and not before)."""

import signal
import sys
import time

import pytest
import torch

from conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
import train_taking_freed_cores as freed  # noqa: E402


@pytest.fixture
def restore_threads():
    threads, handler = torch.get_num_threads(), signal.getsignal(signal.SIGUSR1)
    yield
    torch.set_num_threads(threads)
    signal.signal(signal.SIGUSR1, handler)


def test_takes_the_threads_in_the_training_thread_once_the_file_exists(tmp_path, monkeypatch, restore_threads):
    monkeypatch.setattr(freed, "POLL_SECONDS", 0.05)
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    torch.set_num_threads(1)
    marker = tmp_path / "baseline.trained"
    seen = {}

    def training():
        seen["argv"] = list(sys.argv)
        time.sleep(0.5)  # the other run still training: no file, no change
        seen["before"] = torch.get_num_threads()
        marker.touch()
        deadline = time.monotonic() + 30
        while torch.get_num_threads() == 1 and time.monotonic() < deadline:
            time.sleep(0.01)  # Python steps of this (the main) thread, where the switch happens
        seen["after"] = torch.get_num_threads()
        return 0

    assert freed.main(["--when", str(marker), "--threads", "2", "--", "data-bin", "--arch", "x"], training) == 0
    assert seen == {"argv": ["fairseq-train", "data-bin", "--arch", "x"], "before": 1, "after": 2}


def test_an_existing_file_switches_at_once(tmp_path, monkeypatch, restore_threads):
    monkeypatch.setattr(freed, "POLL_SECONDS", 0.05)
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    torch.set_num_threads(1)
    marker = tmp_path / "done"
    marker.touch()  # a resumed job whose baseline had already trained

    def training():
        deadline = time.monotonic() + 30
        while torch.get_num_threads() == 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        return torch.get_num_threads()

    assert freed.main(["--when", str(marker), "--threads", "2", "--", "data-bin"], training) == 2


@pytest.mark.parametrize(
    "args, message",
    [
        (["--threads", "0", "--", "data-bin"], "--threads must be at least 1, got 0"),
        (["--threads", "2"], "no fairseq-train arguments"),
        (["--threads", "2", "--when", "/no/such/folder/x", "--", "data-bin"], "its folder does not exist"),
    ],
)
def test_bad_arguments_are_refused_in_one_line_before_training(tmp_path, capsys, args, message):
    if "--when" not in args:
        args = ["--when", str(tmp_path / "marker"), *args]

    def training():
        raise AssertionError("trained despite bad arguments")

    with pytest.raises(SystemExit) as exit_info:
        freed.main(args, training)
    assert exit_info.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert message in error and error.startswith("train_taking_freed_cores.py: error:")
