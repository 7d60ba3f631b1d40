"""Issue 25 (2, 3): every decoder bounded before it allocates: zlib inflated with a cap, JSON parsed
with a depth limit, a file's size checked before it is read."""

import json
import zlib

import pytest

from store.bounded_json import MAX_DEPTH, JsonRefused, inflate, loads_json, nesting_depth_over, read_json_file


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


def test_depth_is_counted_outside_strings_only():
    assert not nesting_depth_over('{"a": [1, {"b": "[[[[[[[["}]}', 3)
    assert nesting_depth_over('{"a": [1, {"b": 2}]}', 2)
    assert not nesting_depth_over(deep(3), 3)
    assert nesting_depth_over(deep(4), 3)
    assert not nesting_depth_over(r'["\"[[[[", "x"]', 1)


def test_deep_json_is_refused_by_name_not_by_recursion():
    text = deep(100_000)
    with pytest.raises(RecursionError):   # the attack: the plain parser blows the stack
        json.loads(text)
    with pytest.raises(JsonRefused) as refused:
        loads_json(text, name="x.json")
    assert refused.value.code == "too_deep"
    assert "x.json" in refused.value.message("en") and f"{MAX_DEPTH}" in refused.value.message("id")
    assert loads_json(deep(MAX_DEPTH)) is not None


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.json"
    path.write_text(json.dumps(["x" * 2000]))
    with pytest.raises(JsonRefused) as refused:
        read_json_file(path, max_bytes=1000)
    assert refused.value.code == "too_large" and "big.json" in refused.value.message("en")
    assert read_json_file(path, max_bytes=4000) == ["x" * 2000]
    path.write_bytes(b"\xff\xfe[]")
    with pytest.raises(JsonRefused, match="not valid JSON"):
        read_json_file(path)


def test_inflate_stops_at_the_cap_and_refuses_damage():
    packed = zlib.compress(b"a" * 10_000)
    assert inflate(packed, 10_000) == b"a" * 10_000
    with pytest.raises(JsonRefused) as refused:
        inflate(packed, 9_999)
    assert refused.value.code == "too_large"
    with pytest.raises(JsonRefused, match="damaged"):
        inflate(packed[:-6], 20_000)
    with pytest.raises(JsonRefused, match="damaged"):
        inflate(b"not zlib", 20_000)


def test_deep_notes_and_manifest_files_are_reported_by_name(tmp_path):
    from store import meetings
    from store.atomic import StoreDamaged
    from store.manifest import read_manifest

    path = meetings.notes_path(tmp_path, "0123456789abcdef")
    path.parent.mkdir(parents=True)
    path.write_text('{"notes": ' + deep(100_000) + "}")
    with pytest.raises(meetings.NoteError, match=r"0123456789abcdef\.json: not a notes file .*nested more than"):
        meetings.read_notes(tmp_path, "0123456789abcdef")
    (tmp_path / "snapshots").mkdir()
    (tmp_path / "snapshots" / "manifest.json").write_text('{"snapshots": ' + deep(100_000) + "}")
    with pytest.raises(StoreDamaged, match="nested more than"):
        read_manifest(tmp_path / "snapshots")
