import pytest

from scoring import FrameworkError, load_framework
from tests.conftest import FIXTURES


def test_tiny_framework_loads_with_shares_that_sum_to_one(tiny):
    table = tiny.indicator_table
    assert table.groupby("element")["element_share"].sum().tolist() == pytest.approx([1, 1, 1])
    assert table.groupby("dimension")["dimension_share"].sum().tolist() == pytest.approx([1, 1])
    assert table["index_share"].sum() == pytest.approx(1.0)


def test_extends_replaces_chain_weights_and_keeps_taxonomy(tiny):
    old = load_framework(FIXTURES / "tiny-2019.toml")
    assert old.id == "tiny-2019" and old.chain_weights["impact"] == 0.3
    assert [i.code for i in old.indicators] == [i.code for i in tiny.indicators]


def test_problems_are_all_listed(tmp_path):
    text = (FIXTURES / "tiny.toml").read_text()
    text = text.replace('chain = "impact"', 'chain = "effect"').replace("quick_win = 0.20",
                                                                       "quick_win = 0.25")
    text = text.replace('lower = 2.6', 'lower = 1.0')
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(FrameworkError) as error:
        load_framework(path)
    joined = " | ".join(error.value.problems)
    assert "sum to 1.05" in joined
    assert "chain 'effect'" in joined
    assert "rise strictly" in joined
    assert "no indicator of chain type 'impact'" in joined


def test_invalid_toml_is_reported(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("id = \n")
    with pytest.raises(FrameworkError, match="not valid TOML"):
        load_framework(path)
