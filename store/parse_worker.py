"""Reading uploaded files in a separate worker process with a memory and a time limit.

The web server must not parse a hostile file in its own process: one upload would stall every
session and could exhaust its memory. The worker is a fresh `python -m store.parse_worker` process
that limits its own address space (MATRA_PARSE_MEMORY_MB) and CPU time before reading anything;
the parent kills it after MATRA_PARSE_SECONDS. The request and the result travel as pickles over
the pipe between this process and the child it started. A worker that runs out of memory or time
becomes a Problem, never an exception.

Two doors:
- `check_in_worker`: an assessment upload (`upload.check_upload`), the result an UploadCheck.
- `run_in_worker(name, function, *args)`: ANY import's parse-and-check step, `function(*args)`
  in the worker, its return value back; an IngestRefused raised there is raised here with its
  problems. Programme registers, calendars and targets go through it (store/write.py); official
  results and framework workbooks should too: pass a module-level function (pickled by name), its
  arguments (bytes, frameworks, region tables: anything picklable) and the file name for the
  memory/time problem. The size is checked before (store.limits.refuse_oversize).
"""

from __future__ import annotations

import os
import pickle
import resource
import subprocess
import sys

from store.problems import IngestRefused, Problem
from store.settings import REPO_ROOT, setting
from store.upload import UploadCheck, check_upload
from store.validate import empty_rows

MEMORY_EXIT = 3


def _refused(name: str, sha256: str, problem: Problem, year: int, stage: str, framework) -> UploadCheck:
    return UploadCheck(name, empty_rows(), [problem], [], sha256, framework.id if framework else None, year, stage)


def check_in_worker(name: str, data: bytes, *, year: int, stage: str, framework, regions, limits) -> UploadCheck:
    """`check_upload` in a worker process bounded in memory and time (see the module docstring)."""
    import hashlib

    seconds = float(setting("MATRA_PARSE_SECONDS"))
    memory_mb = int(setting("MATRA_PARSE_MEMORY_MB"))
    digest = hashlib.sha256(data).hexdigest()
    request = pickle.dumps((name, data, year, stage, framework, regions, limits, memory_mb, seconds))
    try:
        done = subprocess.run([sys.executable, "-m", "store.parse_worker"], input=request, capture_output=True,
                              timeout=seconds, env=_environment(), cwd=REPO_ROOT, check=False)
    except subprocess.TimeoutExpired:
        return _refused(name, digest, Problem("parse_timeout", file=name, expected=f"{seconds:g}"), year, stage,
                        framework)
    if done.returncode == 0:
        return pickle.loads(done.stdout)
    if done.returncode == MEMORY_EXIT or done.returncode < 0:  # MemoryError, or killed (SIGKILL, SIGXCPU)
        code = "parse_memory" if done.returncode in (MEMORY_EXIT, -9) else "parse_timeout"
        expected = str(memory_mb) if code == "parse_memory" else f"{seconds:g}"
        return _refused(name, digest, Problem(code, file=name, expected=expected), year, stage, framework)
    detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["worker failed"]
    raise RuntimeError(f"upload worker failed: {detail[0]}")


CALL = "call"   # the first item of a run_in_worker request (a check_in_worker request is a plain tuple)


def run_in_worker(name: str, function, *args, **kwargs):
    """`function(*args, **kwargs)` in a worker process bounded in memory and time; its result.

    Raises IngestRefused: the problems `function` raised, or parse_memory / parse_timeout (naming
    `name`) when the worker ran out of memory or time. Any other exception in the worker comes back
    as itself when it can be pickled, else as RuntimeError with its last line."""
    seconds = float(setting("MATRA_PARSE_SECONDS"))
    memory_mb = int(setting("MATRA_PARSE_MEMORY_MB"))
    request = pickle.dumps((CALL, function, args, kwargs, memory_mb, seconds))
    try:
        done = subprocess.run([sys.executable, "-m", "store.parse_worker"], input=request, capture_output=True,
                              timeout=seconds, env=_environment(), cwd=REPO_ROOT, check=False)
    except subprocess.TimeoutExpired:
        raise IngestRefused([Problem("parse_timeout", file=name, expected=f"{seconds:g}")]) from None
    if done.returncode == 0:
        kind, value = pickle.loads(done.stdout)
        if kind == "refused":
            raise IngestRefused(value)
        if kind == "raised":
            raise value
        return value
    if done.returncode == MEMORY_EXIT or done.returncode < 0:
        code = "parse_memory" if done.returncode in (MEMORY_EXIT, -9) else "parse_timeout"
        expected = str(memory_mb) if code == "parse_memory" else f"{seconds:g}"
        raise IngestRefused([Problem(code, file=name, expected=expected)])
    detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["worker failed"]
    raise RuntimeError(f"import worker failed: {detail[0]}")


def _environment() -> dict:
    return dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1",
                PYTHONPATH=os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])))


def _call(function, args, kwargs) -> tuple[str, object]:
    """(kind, value) for the parent: ("ok", result), ("refused", problems) or ("raised", exception)."""
    try:
        return "ok", function(*args, **kwargs)
    except IngestRefused as refused:
        return "refused", refused.problems
    except MemoryError:
        raise
    except Exception as error:  # handed back to the caller as it was raised, when it travels
        try:
            pickle.loads(pickle.dumps(error))
            return "raised", error
        except Exception:
            return "raised", RuntimeError(f"{type(error).__name__}: {error}")


def _limit_self(memory_mb: int, seconds: float) -> None:
    limit = memory_mb * 1048576
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cpu = int(seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def _main() -> int:
    request = pickle.loads(sys.stdin.buffer.read())
    if request[0] == CALL:
        _, function, args, kwargs, memory_mb, seconds = request
        _limit_self(memory_mb, seconds)
        try:
            answer = pickle.dumps(_call(function, args, kwargs))
        except MemoryError:
            return MEMORY_EXIT
        sys.stdout.buffer.write(answer)
        return 0
    name, data, year, stage, framework, regions, limits, memory_mb, seconds = request
    _limit_self(memory_mb, seconds)
    try:
        check = check_upload(name, data, year=year, stage=stage, framework=framework, regions=regions, limits=limits)
        del data
        sys.stdout.buffer.write(pickle.dumps(check))
    except MemoryError:
        return MEMORY_EXIT
    return 0


if __name__ == "__main__":
    sys.exit(_main())
