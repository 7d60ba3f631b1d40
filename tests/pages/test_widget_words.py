"""Every choice widget speaks the UI language when empty: pages and components draw selectboxes and
multiselects only through components.widgets (directly or through components.url_state), which
fills the placeholder from i18n; the region, gaps and plan pages' what-if multiselects show it in
both languages (Streamlit's own "Choose options" is English)."""

from __future__ import annotations

import ast

import pytest

from i18n import t
from tests.conftest import REPO
from tests.pages.conftest import open_page

CHOICE_WIDGETS = {"selectbox", "multiselect"}
HELPERS = {"widgets", "url_state"}


def unguarded_calls() -> list[str]:
    """selectbox/multiselect calls in pages/, sections/ and components/ not made through the shared helpers
    (the helper module itself excepted) and without a placeholder."""
    found = []
    for path in [*(REPO / "pages").glob("*.py"), *(REPO / "components").glob("*.py"),
                 *(REPO / "sections").rglob("*.py"), REPO / "app.py"]:
        if path.name == "widgets.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in CHOICE_WIDGETS):
                continue
            through_helper = isinstance(node.func.value, ast.Name) and node.func.value.id in HELPERS
            if not through_helper and "placeholder" not in {k.arg for k in node.keywords}:
                found.append(f"{path.relative_to(REPO)}:{node.lineno}")
    return found


def test_no_choice_widget_can_forget_its_placeholder():
    assert unguarded_calls() == []


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", ["region", "gaps", "plan"])
def test_whatif_multiselects_say_choose_in_the_ui_language(data_dir, page, lang):
    app = open_page(page, region="35.09", lang=lang)
    assert not app.exception
    whatif = [m for m in app.multiselect if m.key in ("whatif_programmes", "whatif_indicators")]
    assert whatif, [m.key for m in app.multiselect]
    assert {m.proto.placeholder for m in whatif} == {t("widget.choose_options", lang)}
    for box in app.selectbox:
        assert box.proto.placeholder not in ("Choose an option", "") or lang == "en", box.key


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_empty_movers_table_says_so_in_words(data_dir, lang):
    """A province and kind where no region fell (or none rose): the side with no rows is a sentence."""
    from store import Store
    store = Store(data_dir)
    year = max(store.years("II"))
    ranking = store.ranking(year, "II").dropna(subset=["improvement"])
    groups = ranking.groupby(["province_code", "kind"])["improvement"]
    one_sided = [(key, values) for key, values in groups if (values != 0).any() and
                 ((values >= 0).all() or (values <= 0).all())]
    assert one_sided, "the demo data has no province and kind where every region moved the same way"
    (province, kind), values = one_sided[0]
    app = open_page("overview", year=year, stage="II", lang=lang, province=province, kind=kind)
    assert not app.exception
    empty = "overview.none_losses" if (values >= 0).all() else "overview.none_gains"
    captions = [c.value for c in app.caption]
    assert t(empty, lang) in captions
    assert not any(frame.value.empty for frame in app.dataframe)
