"""Changes read as they are: a what-if that changes nothing shows a grey change without an arrow
(Streamlit draws a green up arrow on "0,00"), a real change keeps its arrow; the plan page says the
band the index stays in or reaches if every programme finishes (from the store's what-if)."""

import pytest
from streamlit.proto.Metric_pb2 import Metric

from i18n import format_number, t
from store import Store
from tests.pages.conftest import open_page

JEMBER = "35.09"


def index_metric(app, lang):
    return next(m for m in app.metric if m.label == t("whatif.index", lang))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_whatif_without_change_has_no_arrow(data_dir, lang):
    store = Store(data_dir)
    year = max(store.years("II"))
    row = store.region_indicators(JEMBER, year, "II").iloc[0]
    code, level = row["indicator_code"], int(row["level"])
    app = open_page("region", region=JEMBER, year=year, stage="II", lang=lang, whatif_indicators=code,
                    **{f"wl_{code}": level})
    assert not app.exception
    shown = index_metric(app, lang).proto
    assert shown.delta == format_number(0.0, lang)
    assert (shown.color, shown.direction) == (Metric.MetricColor.GRAY, Metric.MetricDirection.NONE)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_plan_says_the_band_if_all_finish_and_a_real_change_keeps_its_arrow(data_dir, lang):
    store = Store(data_dir)
    year = max(store.years("II"))
    register = store.programmes(JEMBER)
    all_done = store.whatif(JEMBER, year, "II", programme_codes=list(register["programme_code"]))
    app = open_page("plan", region=JEMBER, year=year, stage="II", lang=lang)
    assert not app.exception
    labels = store.framework_of(year, "II").band_labels(lang)
    key = "plan.band_reaches" if all_done.band_after > all_done.band_before else "plan.band_stays"
    assert t(key, lang, band=labels[all_done.band_after]) in [c.value for c in app.caption]
    shown = next(m for m in app.metric if m.label == t("plan.summary_all_done", lang)).proto
    assert shown.delta == format_number(all_done.index_change, lang, signed=True)
    moved = all_done.index_change != 0
    assert (shown.direction == Metric.MetricDirection.NONE) == (not moved)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_why_it_changed_shows_the_headers_change_with_the_exact_one_on_hover(data_dir, lang):
    """The region where the exact change and the shown change read most differently (computed)."""
    from scoring import round_score
    from scoring.bands import GAIN_DIGITS
    store = Store(data_dir)
    year = max(store.years("II"))
    ranking = store.ranking(year, "II").dropna(subset=["improvement"]).set_index("region_code")
    breakdowns = {code: store.change(code, year, "II") for code in ranking.index[:40]}
    code = max(breakdowns, key=lambda c: abs(round_score(breakdowns[c].index_change) - ranking.loc[c, "improvement"]))
    breakdown = breakdowns[code]
    shown = format_number(ranking.loc[code, "improvement"], lang, signed=True)
    app = open_page("region", region=code, year=year, stage="II", lang=lang)
    assert not app.exception
    header = next(m for m in app.metric if m.label == t("region.metric_index", lang, year=year))
    assert header.proto.delta == shown
    why = next(c for c in app.caption if c.value.startswith(t("region.why_summary", lang, before="", after="",
                                                                                 change="", method="",
                                                                                 levels="")[:6]))
    assert f"({shown})" in why.value
    exact = format_number(breakdown.index_change, lang, digits=GAIN_DIGITS, signed=True)
    assert why.proto.help == t("region.why_exact", lang, exact=exact)
