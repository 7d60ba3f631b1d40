"""tools/static_bundle.py: the precompressed copy of Streamlit's frontend that nginx serves. Built on
a small folder shaped like streamlit/static (the installed package is never touched)."""

from __future__ import annotations

import gzip
import shutil
import subprocess

import pytest

from tools import static_bundle


@pytest.fixture
def source(tmp_path):
    folder = tmp_path / "streamlit-static"
    (folder / "static" / "js").mkdir(parents=True)
    (folder / "static" / "media").mkdir()
    (folder / "index.html").write_text("<html><script src='./static/js/index.abc.js'></script>" + " " * 2000)
    (folder / "static" / "js" / "index.abc.js").write_text("console.log('matra');\n" * 300)
    (folder / "static" / "js" / "tiny.def.js").write_text("1")                          # under 1 KiB
    (folder / "static" / "media" / "font.woff2").write_bytes(bytes(range(256)) * 20)    # compressed already
    return folder


def test_every_compressible_file_gets_copies_that_decompress_to_its_bytes(source, tmp_path):
    target = tmp_path / "served"
    assert static_bundle.build(target, source) is True
    bundle = target / "static" / "js" / "index.abc.js"
    assert bundle.read_bytes() == (source / "static" / "js" / "index.abc.js").read_bytes()
    assert gzip.decompress((bundle.parent / "index.abc.js.gz").read_bytes()) == bundle.read_bytes()
    assert gzip.decompress((target / "index.html.gz").read_bytes()) == (source / "index.html").read_bytes()
    if shutil.which("brotli"):
        unpacked = subprocess.run(["brotli", "--decompress", "--stdout", str(bundle.parent / "index.abc.js.br")],
                                  capture_output=True, check=True).stdout
        assert unpacked == bundle.read_bytes()
    assert not (bundle.parent / "tiny.def.js.gz").exists()
    assert not (target / "static" / "media" / "font.woff2.gz").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["served", "streamlit-static"]   # no leftovers


def test_a_copy_is_made_once_per_frontend_and_again_when_it_changes(source, tmp_path):
    target = tmp_path / "served"
    assert static_bundle.build(target, source) is True
    assert static_bundle.build(target, source) is False
    (source / "index.html").write_text("<html><script src='./static/js/index.new.js'></script>" + " " * 2000)
    assert static_bundle.build(target, source) is True
    assert gzip.decompress((target / "index.html.gz").read_bytes()) == (source / "index.html").read_bytes()
