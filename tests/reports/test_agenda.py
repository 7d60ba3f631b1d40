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
