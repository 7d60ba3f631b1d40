import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reports.agenda import Agenda, AgendaError, AgendaItem, decode, encode, from_json, to_json

AGENDA = Agenda(title="Rakor Smart City Jawa Timur", year=2025, stage="II", lang="id",
                snapshot_ids=("2025-II-x", "2024-II-y"),
                items=(AgendaItem("overview", {"province": "35"}),
                       AgendaItem("region", {"region": "35.09"}, "Jember"),
                       AgendaItem("compare", {"regions": "35.09,35.78"})))


def test_token_round_trip_keeps_everything():
    assert decode(encode(AGENDA)) == AGENDA
    assert from_json(to_json(AGENDA)) == AGENDA
    assert decode(encode(AGENDA)).id == AGENDA.id


def test_bad_views_and_tokens_are_refused():
    with pytest.raises(AgendaError):
        encode(Agenda("x", 2025, "II", "id", (), (AgendaItem("nope"),)))
    with pytest.raises(AgendaError):
        decode("not-a-token!!")


@given(st.text(max_size=200))
def test_decoding_random_text_never_raises_anything_else(token):
    with contextlib.suppress(AgendaError):
        decode(token)


def _bomb_token(inflated_mb: int) -> str:
    """A link token that inflates to `inflated_mb` MB of JSON-looking text (built in 1 MB steps)."""
    import base64
    import zlib

    packer = zlib.compressobj(9)
    parts = [packer.compress(b'{"title": "')]
    block = b"x" * (1 << 20)
    parts += [packer.compress(block) for _ in range(inflated_mb)]
    parts.append(packer.compress(b'"}') + packer.flush())
    return base64.urlsafe_b64encode(b"".join(parts)).decode("ascii").rstrip("=")


def test_a_zlib_bomb_link_is_refused_within_bounded_memory():
    """Issue 25 (2): a 503 KB token took the server from 351 to 1,041 MB; now the inflating stops at
    the 1 MB cap, so one request holds a few MB whatever the token says."""
    import tracemalloc

    token = _bomb_token(390)
    assert 450_000 < len(token) < 560_000   # the size of the reported attack
    tracemalloc.start()
    try:
        with pytest.raises(AgendaError, match="too large"):
            decode(token)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * len(token) + (4 << 20), f"decoding held {peak / 1048576:.1f} MB"


def test_deeply_nested_agenda_json_is_an_agenda_error_not_a_recursion_error():
    """Issue 25 (3): 654 characters of nested JSON made /present show a RecursionError."""
    import base64
    import zlib

    text = '{"title": "x", "items": ' + "[" * 100_000 + "]" * 100_000 + "}"
    token = base64.urlsafe_b64encode(zlib.compress(text.encode(), 9)).decode().rstrip("=")
    assert len(token) < 1000
    with pytest.raises(AgendaError, match="nested more than"):
        decode(token)
    with pytest.raises(AgendaError, match="nested more than"):
        from_json(text)
