"""Memory that comes back after a burst of sessions (issue 25): the server process gives freed heap
back to the operating system instead of keeping it as free malloc space.

What could hold it: closed sessions (Streamlit keeps one, with its state and last page, for
`server.disconnectedSessionTTL`, 120 s), the caches of components/cached.py (bounded by their
max_entries), and glibc's malloc, which gives each thread that allocates its own arena (up to 8
per core) and returns freed memory at the top of a heap only. tools/bench_memory.py measured a
50 + 50 session burst on 4 Dec 2026 (docs/benchmark.md): RSS a minute later was 1.25-1.36x the
idle process without these settings and 1.29-1.32x with them, both within the 1.5x goal; the
shared figures and caches of the speed work had already removed most of what the issue saw. The
settings stay as a guard for a server that runs many different selections for days: fewer
arenas (MATRA_MALLOC_ARENAS, mallopt M_ARENA_MAX) and a periodic malloc_trim(0)
(MATRA_TRIM_SECONDS).

Linux with glibc only; elsewhere (musl, macOS) both calls are skipped and nothing changes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
import time

M_ARENA_MAX = -8   # glibc's mallopt parameter number (malloc.h)
FULL_COLLECTION_EVERY = 6   # trims; with the default 10 s: one full garbage collection a minute


def _libc():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        return libc if libc is not None and hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def limit_arenas(arenas: int) -> bool:
    """At most `arenas` malloc arenas for the process (call before the server starts its threads);
    True when glibc took the setting."""
    libc = _libc()
    return bool(libc is not None and arenas > 0 and libc.mallopt(M_ARENA_MAX, int(arenas)) == 1)


def trim() -> int:
    """Give the free memory at the end of every arena back to the system (glibc malloc_trim(0));
    1 when some was returned."""
    libc = _libc()
    return int(libc.malloc_trim(0)) if libc is not None else 0


def start_trimmer(seconds: float) -> threading.Thread | None:
    """A daemon thread that trims every `seconds` (and collects cycles fully every few trims, so a
    closed session's reference cycles are freed before the trim); None when `seconds` is 0."""
    if seconds <= 0 or _libc() is None:
        return None

    def loop() -> None:
        count = 0
        while True:
            time.sleep(seconds)
            count += 1
            if count % FULL_COLLECTION_EVERY == 0:
                gc.collect()
            trim()

    thread = threading.Thread(target=loop, name="matra-memory-trim", daemon=True)
    thread.start()
    return thread
