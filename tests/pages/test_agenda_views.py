"""One picture per agenda view on every surface: the live slide (AppTest of /present), the PPTX
(python-pptx) and the PDF handout (the deck's recorded chart, and the plotly picture it is drawn as)
show each view's chart with the same kind, the same series names and the same values as shown
(scoring.round_score, two decimals), over the same categories in the same order. A trend of regions with
published results carries those results as a series of its own on every surface (diamonds, no line)."""

from __future__ import annotations

import base64
import html
import io
import json
import re

import numpy as np
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.dml import MSO_FILL

from reports.agenda import Agenda, AgendaItem, encode
from reports.deck import agenda_deck, agenda_slides
from reports.handout import HandoutDeck, chart_figure
from scoring import round_score
from tests.pages.conftest import open_page

JEMBER, SURABAYA, MALANG = "35.09", "35.78", "35.07"
DENPASAR, BANDUNG = "51.71", "32.73"   # with published results (data/official)
ITEMS = (AgendaItem("overview", {"province": "35"}), AgendaItem("region", {"region": JEMBER}),
         AgendaItem("compare", {"regions": f"{JEMBER},{SURABAYA},{MALANG}"}),
         AgendaItem("compare", {"region": JEMBER, "peers": "all_province_kind"}),   # more than 8: bars
         AgendaItem("gaps", {"region": JEMBER}),
         AgendaItem("trends", {"regions": f"{JEMBER},{SURABAYA}"}),
         AgendaItem("trends", {"regions": f"{JEMBER},{SURABAYA}", "dimension": "GOV"}),
         AgendaItem("claims", {"region": JEMBER}), AgendaItem("plan", {"region": JEMBER}),
         AgendaItem("trends", {"regions": f"{DENPASAR},{JEMBER},{BANDUNG}"}))
# The one picture chosen per view (the items above, in order): every kind PowerPoint draws natively.
KINDS = ["stacked", "radar", "radar", "bar", "bar", "line", "line", "bar", "bar", "line"]
PPTX_KINDS = {XL_CHART_TYPE.BAR_CLUSTERED: "bar", XL_CHART_TYPE.BAR_STACKED: "stacked",
              XL_CHART_TYPE.LINE_MARKERS: "line", XL_CHART_TYPE.RADAR_MARKERS: "radar"}
EXTRA = re.compile(r"<extra>(.*)</extra>")


def array(values) -> list:
    """A plotly array as a list (plotly sends numeric arrays as base64 'bdata')."""
    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values or [])


def shown(values) -> list:
    return [None if v is None or v != v else round_score(float(v)) for v in values]


def category(label) -> str:
    """A category as the reader sees it: line breaks undone, a programme by its code."""
    text = html.unescape(" ".join(str(label).replace("<br>", " ").split()))
    return text.split(" · ")[0]


def plotly_picture(spec: dict) -> dict:
    """kind, categories and {series name: values as shown} of a plotly figure's JSON. A series is
    named by its full name (a trace's hover names it; a legend may shorten it)."""
    layout, traces = spec.get("layout", {}), spec["data"]
    types = {trace["type"] for trace in traces}
    if types == {"bar"}:
        kind = "stacked" if layout.get("barmode") == "stack" else "bar"
    elif types == {"scatterpolar"}:
        kind = "radar"
    elif types == {"scatter"} and any("lines" in trace.get("mode", "") for trace in traces):
        kind = "line"
    else:
        kind = "/".join(sorted(types)) + " " + "/".join(sorted({t.get("mode", "") for t in traces}))
        return {"kind": kind, "categories": [], "series": {}}   # no picture of an agenda view
    series, categories = {}, []
    for trace in traces:
        extra = EXTRA.search(trace.get("hovertemplate", ""))
        name = html.unescape(extra.group(1) if extra and extra.group(1) else trace.get("name", ""))
        if kind == "radar":
            categories, values = array(trace["theta"])[:-1], array(trace["r"])[:-1]
        elif kind == "line":
            values = dict(zip([str(x) for x in array(trace["x"])], array(trace["y"]), strict=True))
            series[name] = values
            continue
        else:
            categories, values = array(trace["y"]), array(trace["x"])
        series[name] = shown(values)
    categories = [category(c) for c in categories]
    if kind == "line":   # years: every year a series has, each series None where it has none
        categories = sorted({year for values in series.values() for year in values})
        series = {name: shown([values.get(year) for year in categories]) for name, values in series.items()}
    return {"kind": kind, "categories": categories, "series": series}


def pptx_picture(chart) -> dict:
    plot = chart.plots[0]
    return {"kind": PPTX_KINDS.get(chart.chart_type, str(chart.chart_type)),
            "categories": [category(c) for c in plot.categories],
            "series": {s.name: shown(s.values) for s in plot.series}}


def recorded_picture(options: dict) -> dict:
    return {"kind": options["kind"], "categories": [category(c) for c in options["categories"]],
            "series": {name: shown(values) for name, values in options["series"]}}


def live_picture(agenda: Agenda, number: int) -> dict:
    app = open_page("present", agenda=encode(agenda), mode="slides", slide=number + 2, lang=agenda.lang)
    assert not app.exception, [e.value for e in app.exception]
    (chart,) = app.get("plotly_chart")
    return plotly_picture(json.loads(chart.proto.spec))


@pytest.fixture(params=["id", "en"])
def agenda(request, store) -> Agenda:
    return Agenda("Rakor", 2025, "II", request.param, store.current_snapshot_ids(), ITEMS)


def published_series(store, item: AgendaItem, lang: str) -> dict:
    """{"Resmi · <name>": published values by year} of the item's regions, from the official table."""
    if item.view != "trends" or "dimension" in item.params:
        return {}
    table = store.official_table()
    names = store.regions().set_index("code")["name"]
    word = "Official" if lang == "en" else "Resmi"
    return {f"{word} · {names[code]}": {str(year): float(index) for year, index in zip(rows["year"], rows["index"],
                                                                                        strict=True)}
            for code in item.params["regions"].split(",")
            for rows in [table[table["region_code"] == code]] if not rows.empty}


def test_every_agenda_view_is_one_picture_on_every_surface(data_dir, store, agenda):
    deck = Presentation(io.BytesIO(agenda_deck(store, agenda)))
    handout = HandoutDeck()
    agenda_slides(handout, store, agenda)
    for number, item in enumerate(agenda.items):
        (native,) = [shape.chart for shape in deck.slides[number + 1].shapes if shape.has_chart]
        (options,) = [options for kind, _, options in handout.pages[number + 1].items if kind == "chart"]
        pictures = {"live slide": live_picture(agenda, number), "pptx": pptx_picture(native),
                    "handout model": recorded_picture(options),
                    "handout picture": plotly_picture(chart_figure(options, agenda.lang).to_plotly_json())}
        expected = pictures["pptx"]
        assert expected["kind"] == KINDS[number], item
        assert expected["series"] and all(any(v is not None for v in values) for values in expected["series"].values())
        for surface, picture in pictures.items():
            assert picture["kind"] == expected["kind"], (item.view, surface, picture["kind"], expected["kind"])
            assert list(picture["series"]) == list(expected["series"]), (item.view, surface)
            assert picture["series"] == expected["series"], (item.view, surface)
            assert picture["categories"] == expected["categories"], (item.view, surface)
        official = published_series(store, item, agenda.lang)
        assert bool(official) == (number == len(agenda.items) - 1), item   # only the last item's regions publish
        for name, by_year in official.items():   # the published series as published, on every surface alike
            assert expected["series"][name] == [by_year.get(year) for year in expected["categories"]], name
        drawn = {s.name: s.format.line.fill.type for s in native.plots[0].series}
        assert {name for name, fill in drawn.items() if fill == MSO_FILL.BACKGROUND} == set(official), item
