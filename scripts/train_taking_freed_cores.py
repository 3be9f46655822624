#!/usr/bin/env python3
"""fairseq-train that takes more CPU threads once another run has ended.

    python scripts/train_taking_freed_cores.py --when FILE --threads N -- FAIRSEQ-TRAIN ARGS...

The quickstart trains the baseline and R-Drop side by side, one thread each.
The baseline stops by patience long before R-Drop does, and its core would
then sit idle for the rest of the job. This runs fairseq-train in this
process with the threads it was started with (OMP_NUM_THREADS) and, as soon
as FILE exists (the other run writes it when it ends), switches to N
threads. The switch is made by the training's own main thread, between two
Python steps: torch's intra-op thread count is that thread's setting, so a
watcher thread signals it rather than changing it itself.
"""

import argparse
import os
import signal
import sys
import threading
import time

POLL_SECONDS = 2.0


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], prog="train_taking_freed_cores.py")
    parser.add_argument("--when", required=True, metavar="FILE", help="take N threads once this file exists")
    parser.add_argument("--threads", required=True, type=int, metavar="N", help="the threads to take then (>= 1)")
    parser.add_argument("train_args", nargs=argparse.REMAINDER, help="-- and then fairseq-train's arguments")
    args = parser.parse_args(argv)
    if args.threads < 1:
        parser.error(f"--threads must be at least 1, got {args.threads}")
    if args.train_args[:1] == ["--"]:
        args.train_args = args.train_args[1:]
    if not args.train_args:
        parser.error("no fairseq-train arguments (give them after --)")
    if not os.path.isdir(os.path.dirname(os.path.abspath(args.when))):
        parser.error(f"--when {args.when}: its folder does not exist, so the file never will")
    return args


def take_threads_when(path, threads):
    """From now on, once PATH exists, the main thread switches torch to
    THREADS intra-op threads (at its next Python step). Main thread only."""
    import torch

    def switch(signum, frame):
        torch.set_num_threads(threads)
        print(f"train_taking_freed_cores: {path} exists: now {threads} threads", file=sys.stderr, flush=True)

    signal.signal(signal.SIGUSR1, switch)

    def watch():
        while not os.path.exists(path):
            time.sleep(POLL_SECONDS)
        os.kill(os.getpid(), signal.SIGUSR1)

    threading.Thread(target=watch, name="watch-freed-cores", daemon=True).start()


def main(argv=None, train_main=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if train_main is None:
        from fairseq_cli.train import cli_main as train_main
    take_threads_when(args.when, args.threads)
    sys.argv = ["fairseq-train", *args.train_args]
    return train_main()


if __name__ == "__main__":
    sys.exit(main())
