"""The targets editor of the data page speaks the UI language: the region code column is headed
"Kode wilayah"/"Region code" (not region_code), dimensions by their names, and a dimension without
a target is a blank number cell (not the text "None")."""

import json

import pytest

from i18n import t
from store import Store
from tests.pages.conftest import open_page, sign_in

PASSWORD = "rahasia-uji-123"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_targets_editor_has_human_headers_and_blank_cells(data_dir, monkeypatch, lang):
    monkeypatch.setenv("MATRA_ADMIN_PASSWORD", PASSWORD)
    app = sign_in(open_page("data", lang=lang), "Ibu Planner", PASSWORD, lang)
    assert not app.exception, [e.value for e in app.exception]
    editor = next(e for e in app.dataframe if "targets_editor" in e.proto.id)
    config = json.loads(editor.proto.columns)
    store = Store(data_dir)
    year = max(store.years())
    framework = store.framework_for(year)
    labels = {key: value.get("label") for key, value in config.items()}
    assert labels["_index"] == t("reports.col_region_code", lang)
    assert labels["name"] == t("word.region", lang)
    assert {labels[d.code] for d in framework.dimensions} == set(framework.dimension_names(lang).values())
    frame = editor.value
    values = frame[[d.code for d in framework.dimensions]]
    assert all(str(dtype).startswith("float") for dtype in values.dtypes)   # blank, not "None"
