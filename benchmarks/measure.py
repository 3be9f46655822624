"""Memory and time of one benchmark step, measured the same way by every
benchmark that runs each case in a fresh process (``bench_consistency.py``,
``bench_half_gradient.py``)."""

import resource
import time


def rss_mb():
    """Resident memory of this process now, in MB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def measure_step(step, reps):
    """Run ``step`` once to warm up, then ``reps`` timed times.

    Returns (what the warm-up call returned, its peak resident memory above
    the memory held before it in MB, the seconds of each timed call). The
    peak is the process's high-water mark, hence one case per process.
    """
    before = rss_mb()
    first = step()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return first, peak, times
