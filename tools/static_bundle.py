"""Streamlit's static bundle, precompressed for nginx: `python tools/static_bundle.py DIR`.

Copies the frontend that the installed Streamlit serves (streamlit/static: index.html, the hashed
bundles under static/, fonts, images) into DIR and writes beside every compressible file of at least
1 KiB a gzip copy (`.gz`, level 9) and, when Debian's `brotli` tool is there, a brotli copy (`.br`,
quality 11). deploy/nginx.conf serves `/static/` from DIR with `gzip_static` and `brotli_static`:
nginx sends the precompressed bytes to a browser that accepts them and spends no CPU compressing.

Streamlit's own server sends these files uncompressed on purpose (it leaves compression to a
reverse proxy); the installed package is never changed. DIR holds a stamp of the Streamlit version
and its index.html: when they still match, nothing is redone, so run this at every deployment (or
every `make deploy-local`); an upgraded Streamlit gets a fresh copy. Compressing from scratch takes
about a minute of one core (brotli at its best quality on 23 MB of JavaScript).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import streamlit

SOURCE = Path(streamlit.__file__).resolve().parent / "static"
COMPRESSIBLE = {".js", ".mjs", ".css", ".html", ".json", ".svg", ".txt", ".map", ".ttf", ".otf", ".eot"}
SMALLEST = 1024          # bytes; below this a compressed copy saves less than a packet
STAMP = ".matra-static-stamp"
BROTLI_QUALITY = 11


def stamp_of(source: Path = SOURCE) -> str:
    """What the copy was made from: the Streamlit version and a hash of its index.html (which names
    the hashed bundles)."""
    index = hashlib.sha256((source / "index.html").read_bytes()).hexdigest()[:16]
    return f"streamlit {streamlit.__version__} index {index}\n"


def compressible(path: Path) -> bool:
    return path.suffix in COMPRESSIBLE and path.stat().st_size >= SMALLEST


def build(target: Path, source: Path = SOURCE, brotli_quality: int = BROTLI_QUALITY) -> bool:
    """Make `target` a precompressed copy of `source`; False when it already was one (nothing done).
    The copy is built in a sibling folder and renamed into place, so a running nginx never serves a
    half-written bundle."""
    target = target.resolve()
    if (target / STAMP).is_file() and (target / STAMP).read_text() == stamp_of(source):
        return False
    building = target.with_name(f"{target.name}.building-{os.getpid()}")   # one per builder: two may race
    shutil.rmtree(building, ignore_errors=True)
    shutil.copytree(source, building)
    texts = sorted(path for path in building.rglob("*") if path.is_file() and compressible(path))
    for path in texts:
        with path.open("rb") as plain, gzip.GzipFile(path.with_name(path.name + ".gz"), "wb", 9, mtime=0) as packed:
            shutil.copyfileobj(plain, packed)
    brotli = shutil.which("brotli")
    if brotli and texts:
        for start in range(0, len(texts), 50):   # one brotli process per 50 files
            subprocess.run([brotli, "--keep", "--force", f"--quality={brotli_quality}",
                            *map(str, texts[start:start + 50])], check=True)
    (building / STAMP).write_text(stamp_of(source))
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    try:
        building.rename(target)
    except OSError:   # another builder put its copy in place first: theirs serves as well as ours
        shutil.rmtree(building, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", type=Path, help="the folder nginx serves /static/ from (its `root`)")
    parser.add_argument("--brotli-quality", type=int, default=BROTLI_QUALITY)
    args = parser.parse_args(argv)
    made = build(args.target, brotli_quality=args.brotli_quality)
    brotli = "gzip and brotli" if shutil.which("brotli") else "gzip only (no `brotli` tool: make system-deps)"
    print(f"{args.target}: {'built' if made else 'up to date'} ({stamp_of().strip()}; {brotli})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
