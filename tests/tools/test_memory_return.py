"""The server's memory settings (issue 25 item 6): glibc takes the arena limit, a trim runs, the
trimmer is off at 0 seconds. The burst itself is measured by tools/bench_memory.py (a benchmark,
not a test)."""

import ctypes.util

import pytest

from tools.memory_return import limit_arenas, start_trimmer, trim

glibc = pytest.mark.skipif(ctypes.util.find_library("c") is None, reason="no C library found")


@glibc
def test_glibc_takes_the_arena_limit_and_trims():
    assert limit_arenas(2) is True
    assert limit_arenas(0) is False        # 0 = leave glibc's default
    assert trim() in (0, 1)


def test_no_trimmer_at_zero_seconds():
    assert start_trimmer(0) is None


@glibc
def test_the_trimmer_is_a_daemon_thread():
    thread = start_trimmer(3600)
    assert thread is not None and thread.daemon and thread.is_alive()

