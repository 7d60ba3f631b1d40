"""Store.whatif reads a snapshot with the framework recorded with it (Store.framework_of), never the
framework file that covers the year now: a later file with other bands must not move the bands of
old data."""

import json

import pytest

from store import Store
from store.cli import main
from tests.conftest import FIXTURES
from tests.store.test_programmes import GOOD, csv_file, scored_store


def take_over_2024_with_other_bands(data_dir):
    """A new file covers 2024 (tiny.toml keeps 2022-2023) with band 3 starting at 2.9 instead of 2.6."""
    folder = data_dir / "framework"
    text = (folder / "tiny.toml").read_text()
    (folder / "tiny.toml").write_text(text.replace("years = [2022, 2023, 2024]", "years = [2022, 2023]"))
    newer = (FIXTURES / "tiny.toml").read_text().replace('id = "tiny-2022"', 'id = "tiny-2024"').replace(
        "years = [2022, 2023, 2024]", "years = [2024]").replace("lower = 2.6", "lower = 2.9")
    (folder / "tiny-2024.toml").write_text(newer)


def test_whatif_uses_the_framework_recorded_with_the_snapshot(tiny_data_dir, capsys):
    scored_store(tiny_data_dir).import_programmes("35.09", "p.csv", csv_file(*GOOD))
    take_over_2024_with_other_bands(tiny_data_dir)
    store = Store(tiny_data_dir)
    assert store.framework_for(2024).id == "tiny-2024" and store.framework_of(2024, "II").id == "tiny-2022"
    # 35.09 stands at 2.825: band 3 (from 2.6) in the recorded tiny-2022, band 2 (3 starts at 2.9) in the new file
    result = store.whatif("35.09", 2024, "II", levels={"ENV.A.03": 1})
    assert result.index_before == pytest.approx(2.825) and (result.band_before, result.band_after) == (3, 3)
    # GOV.A.02 0 -> 4 and ENV.A.03 1 -> 4: 3.8 (hand figure of the what-if CLI test); band 5 from 3.8 in both
    raised = store.whatif("35.09", 2024, "II", levels={"GOV.A.02": 4, "ENV.A.03": 4})
    assert raised.index_after == pytest.approx(3.8) and (raised.band_before, raised.band_after) == (3, 5)
    assert main(["--data-dir", str(tiny_data_dir), "whatif", "--region", "35.09", "--year", "2024", "--stage", "II",
                 "--programme", "P1"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["index_after"] == pytest.approx(3.35) and (printed["band_before"], printed["band_after"]) == (3, 3)
