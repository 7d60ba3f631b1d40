"""Labels that fit and one colour per region: the helpers of charts/labels.py, the wrapped title
block of charts/theme.finish, and the figures of one page giving a region the same colour."""

from __future__ import annotations

from functools import partial

import pandas as pd
import plotly.graph_objects as go
import pytest

from charts import labels, profiles
from charts.labels import (
    ELLIPSIS,
    colours_for,
    legend_name,
    region_colours,
    region_short_name,
    shorten,
    value_column,
    wrap,
    wrap_lines,
)
from charts.theme import NEUTRAL, SERIES_COLOURS, TARGET_COLOUR, ChartText, finish
from components import figures
from components.frame import Context
from i18n import format_number
from scoring import load_framework
from tests.conftest import REPO
from views.chart import series_chart

TEXT = ChartText("Indeks 2024", "skor 0–5", "Sumber: data sintetis Matra. Data per 29 Nov 2026.",
                 shown=partial(format_number, lang="id"))
NAME = "Kebijakan transformasi digital kesehatan daerah"


# --- shortening and wrapping --------------------------------------------------------------------

def test_shorten_keeps_whole_words_and_marks_the_cut():
    assert shorten(NAME, 60) == NAME
    assert shorten(NAME, 31) == "Kebijakan transformasi digital…"
    assert shorten(NAME, 30) == "Kebijakan transformasi…"   # "digital" would not fit whole with the mark
    for limit in range(len("Kebijakan") + 2, len(NAME)):
        short = shorten(NAME, limit)
        assert len(short) <= limit and short.endswith(ELLIPSIS)
        assert NAME.startswith(short[:-1]) and NAME[len(short) - 1] == " ", short   # cut at a word end


def test_shorten_cuts_a_single_long_word_and_drops_trailing_separators():
    assert shorten("Pengarusutamaan", 8) == "Pengaru…"
    assert shorten("ECO.KSJ.03 · Layanan", 13) == "ECO.KSJ.03…"   # no dangling "·"
    assert shorten("  two   spaces  ", 20) == "two spaces"


def test_wrap_breaks_between_words_and_shortens_the_last_line():
    assert wrap_lines("Smart Governance", 12) == ["Smart", "Governance"]
    assert wrap_lines("ECO.KSJ.03 · Layanan bursa kerja dan pelatihan daring", 26) == [
        "ECO.KSJ.03 · Layanan bursa", "kerja dan pelatihan daring"]
    lines = wrap_lines("SOC.KOM.05 · Tindak lanjut rekomendasi evaluasi sebelumnya di daerah", 26)
    assert lines == ["SOC.KOM.05 · Tindak lanjut", "rekomendasi evaluasi…"]
    assert all(len(line) <= 26 for line in lines)
    assert wrap("A <b>x</b> name", 40) == "A &lt;b&gt;x&lt;/b&gt; name"   # shows as typed


def test_region_names_use_the_usual_abbreviations():
    assert region_short_name("Kabupaten Administrasi Kepulauan Seribu") == "Kab. Adm. Kep. Seribu"
    assert region_short_name("Kota Administrasi Jakarta Pusat") == "Kota Adm. Jakarta Pusat"
    assert region_short_name("Kabupaten Kepulauan Siau Tagulandang Biaro") == "Kab. Kep. Siau Tagulandang Biaro"
    assert region_short_name("Kota Malang") == "Kota Malang"
    assert legend_name("Kabupaten Penukal Abab Lematang Ilir", 24) == "Kab. Penukal Abab…"


def test_every_region_name_stays_unique_once_abbreviated():
    names = pd.read_csv(REPO / "data" / "reference" / "regions.csv", dtype=str)["name"]
    assert names.map(region_short_name).is_unique


# --- hover keeps the full name ------------------------------------------------------------------

def test_legends_are_short_and_the_hover_has_the_full_name():
    long_name = "Kabupaten Administrasi Kepulauan Seribu"
    radar = profiles.radar(["Smart Governance", "Smart Economy"], [(long_name, [2.0, 3.0])], TEXT, top=4)
    assert radar.data[0].name == "Kab. Adm. Kep. Seribu"
    assert long_name in radar.data[0].hovertemplate
    assert list(radar.data[0].theta) == ["Smart<br>Governance", "Smart<br>Economy", "Smart<br>Governance"]
    wide = profiles.radar(["Smart Environment", "Smart Living"], [("A", [1.0, 2.0])], TEXT, top=4)
    assert list(wide.data[0].theta)[:2] == ["Smart<br>Environment", "Smart Living"]   # no word cut
    assert [name for name, _ in radar.data[0].customdata] == ["Smart Governance", "Smart Economy", "Smart Governance"]
    frame = pd.DataFrame({"year": [2023, 2024], "series": [long_name] * 2, "score": [2.0, 2.5]})
    trend = profiles.lines(frame, TEXT, "Skor", top=4)
    assert trend.data[0].name == "Kab. Adm. Kep. Seribu" and long_name in trend.data[0].hovertemplate
    matrix = pd.DataFrame({"Indeks": [2.0]}, index=[long_name])
    heat = profiles.heatmap(matrix, matrix.map(str), TEXT, "Skor", top=4)
    assert list(heat.data[0].y) == [long_name] and heat.data[0].customdata[0][0] == long_name
    assert list(heat.layout.yaxis.ticktext) == ["Kab. Adm. Kep. Seribu"]   # what the axis shows


def test_value_column_sizes_the_right_margin_by_the_longest_line():
    figure = go.Figure(go.Bar(y=["a", "b"], x=[1, 2], orientation="h"))
    value_column(figure, ["a", "b"], ["+0,046 (0→4)", "1<br>&lt;12345678&gt;"])
    assert [note.y for note in figure.layout.annotations] == ["a", "b"]
    assert all(note.xref == "paper" and note.x == 1 and note.xanchor == "left" for note in figure.layout.annotations)
    assert figure.layout.margin.r == int(16 + labels.VALUE_CHARACTER_PX * len("+0,046 (0→4)"))


# --- the title block ----------------------------------------------------------------------------

def test_a_long_title_wraps_at_words_and_reads_as_one_sentence():
    text = ChartText("Kabupaten Administrasi Kepulauan Seribu dibanding median kelompok", "skor 0–5",
                     "Sumber: data sintetis Matra. Data per 29 Nov 2026.")
    figure = finish(go.Figure(), text, height=400)
    title = figure.layout.title.text
    assert title.startswith("Kabupaten Administrasi Kepulauan Seribu <br>dibanding median kelompok<br><sup>")
    assert figures.plain_title(figure) == text.title   # the alt text is the whole title
    assert figure.layout.height == 400 + 24 and figure.layout.margin.t == 50 + 2 * 24 + 16   # the plot keeps its size


def test_a_long_subtitle_keeps_the_source_on_a_line_of_its_own():
    text = ChartText("Kesiapan", "% indikator dengan bukti terverifikasi; teks: terverifikasi / indikator",
                     "Sumber: data sintetis Matra. Data per 2 Des 2026.")
    title = finish(go.Figure(), text).layout.title.text
    assert title.endswith("<br><sup>Sumber: data sintetis Matra. Data per 2 Des 2026.</sup>")
    assert title.count("<sup>") == 3


# --- one colour per region ----------------------------------------------------------------------

def test_the_users_region_always_has_the_highlight_colour():
    colours = region_colours(["Kota Medan", "Kabupaten Jember", "Kota Malang"], highlight="Kabupaten Jember")
    assert colours == {"Kabupaten Jember": SERIES_COLOURS[0], "Kota Medan": SERIES_COLOURS[1],
                       "Kota Malang": SERIES_COLOURS[2]}
    assert region_colours(["Kota Medan", "Kota Malang"]) == {"Kota Medan": SERIES_COLOURS[0],
                                                            "Kota Malang": SERIES_COLOURS[1]}


def test_the_colour_map_is_stable():
    names = [f"Region {number}" for number in range(10)]
    assert region_colours(names, "Region 3") == region_colours(list(names), "Region 3")   # same input, same map
    grown = region_colours([*names[:4], "Region X"], "Region 3")
    assert all(grown[name] == region_colours(names[:4], "Region 3")[name] for name in names[:4])   # adding keeps
    assert len(set(region_colours(names[:8], "Region 0").values())) == 8   # eight regions, eight colours


def test_series_outside_the_map_never_take_a_regions_colour():
    colours = {"A": SERIES_COLOURS[0], "B": SERIES_COLOURS[1], "Median": NEUTRAL}
    result = colours_for(["B", "Median", "Other", "A"], colours)
    assert result[:2] == [SERIES_COLOURS[1], NEUTRAL] and result[3] == SERIES_COLOURS[0]
    assert result[2] not in colours.values()


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context(lang="id", year=2024, stage="II", data_version=(), data_as_of="2026-11-29", synthetic=True)


@pytest.fixture(scope="module")
def framework():
    return load_framework(REPO / "data" / "framework" / "smartcity-2022.toml")


def _line_colours(figure: go.Figure) -> dict[str, str]:
    """Legend name -> line colour, read from the figure's JSON as the browser gets it."""
    return {trace["name"]: trace["line"]["color"] for trace in figure.to_plotly_json()["data"] if "line" in trace}


def test_the_trends_page_gives_a_region_one_colour_in_both_charts(ctx, framework):
    """pages/trends.py: the colour map built once, passed to the trend lines and the slope chart; the
    regions come in another order in each (as the store returns them), the colours follow the names."""
    chosen = ["Kota Medan", "Kabupaten Administrasi Kepulauan Seribu", "Kota Samarinda"]
    colours = region_colours(chosen, highlight="Kabupaten Administrasi Kepulauan Seribu")
    chart = series_chart("line", ["2024", "2025"], [
        ("Kota Samarinda", [2.0, 2.1]), ("Kota Medan", [2.5, 2.6]),
        ("Kabupaten Administrasi Kepulauan Seribu", [3.0, 3.1]), (ctx.t("trends.national_median"), [2.2, 2.3])],
        framework.max_level)
    lines = figures.trend_lines(ctx, framework, chart, "ISC", [], colours)
    pairs = pd.DataFrame({"series": ["Kabupaten Administrasi Kepulauan Seribu", "Kota Medan", "Kota Samarinda"] * 2,
                          "year": [2017] * 3 + [2025] * 3, "score": [1.0, 1.2, 1.4, 3.0, 3.2, 3.4]})
    slope = profiles.slope(pairs, 2017, 2025, TEXT, "Skor", colours, top=framework.max_level)
    in_lines, in_slope = _line_colours(lines), _line_colours(slope)
    for name in chosen:
        assert in_lines[legend_name(name)] == in_slope[legend_name(name)] == colours[name], name
    assert in_lines["Kab. Adm. Kep. Seribu"] == SERIES_COLOURS[0]   # the user's region: the highlight
    assert in_lines[ctx.t("trends.national_median")] == NEUTRAL   # the median is no region
    labels_by_text = {note["text"]: note["font"]["color"] for note in slope.to_plotly_json()["layout"]["annotations"]}
    assert labels_by_text["Kota Medan"] == colours["Kota Medan"]   # the direct label in the line's colour


def test_the_compare_page_gives_a_region_one_colour_in_radar_and_dumbbell(ctx, framework):
    """pages/compare.py: the radar's series (views.compare.compare_chart) and the dumbbell's region dot
    share the page's colours."""
    matrix = pd.DataFrame({"Indeks": [2.0, 3.0, 2.5], "Smart Governance": [2.0, 3.0, 2.5],
                           "Smart Economy": [1.0, 2.0, 4.0]},
                          index=["Kota Bitung", "Kota Manado", "Kabupaten Minahasa"])
    colours = region_colours(list(matrix.index), highlight="Kabupaten Minahasa")
    chart = series_chart("radar", list(matrix.columns[1:]), [(name, row.iloc[1:].tolist())
                                                             for name, row in matrix.iterrows()], framework.max_level)
    radar = figures.compare_radar(ctx, framework, chart, colours)
    in_radar = _line_colours(radar)
    assert in_radar["Kab. Minahasa"] == SERIES_COLOURS[0]
    assert [in_radar[legend_name(name)] for name in matrix.index] == [colours[name] for name in matrix.index]
    rows = pd.DataFrame({"label": matrix.columns, "score": matrix.iloc[0].to_numpy(),
                         "reference": matrix.median().to_numpy()})
    rows.attrs["series_name"] = "Kota Bitung"
    dumbbell = profiles.dumbbell(rows, TEXT, "Median", "Skor", colours["Kota Bitung"], top=4)
    dot = next(trace for trace in dumbbell.to_plotly_json()["data"] if trace.get("name") == "Kota Bitung")
    assert dot["marker"]["color"] == in_radar["Kota Bitung"] == SERIES_COLOURS[1]


def test_gap_bars_print_the_band_on_each_bar_and_give_no_one_colour_swatch(ctx, framework):
    """The gaps chart (page and live slide, one builder) colours the region's bars by band: the band's name
    is printed on each bar and the region has no legend swatch (one colour cannot stand for three); the
    target, one colour, keeps its entry."""
    chart = series_chart("bar", ["Tata Kelola", "Ekonomi", "Lingkungan"],
                         [("Kota A", [3.48, 1.2, None]), (ctx.t("gaps.target"), [3.5, 3.5, 3.5])], 4)
    bands = pd.Series([3, 1, None], dtype="Int64")
    data = figures.gap_bars(ctx, framework, chart, bands).to_plotly_json()["data"]
    names = framework.band_names("id")
    assert [trace.get("showlegend", True) for trace in data] == [False, True]
    assert list(data[0]["text"]) == [f"3,48 ({names[3]})", f"1,20 ({names[1]})", ""]
    assert len(set(data[0]["marker"]["color"][:2])) == 2 and data[1]["marker"]["color"] == TARGET_COLOUR


def test_band_texts_go_inside_a_long_bar_at_a_legible_size(ctx, framework):
    """'3,28 (Sangat Baik)' printed right of a long bar ran off a 390 px phone (the browser legibility
    test): a band-coloured series prints inside its bar when it fits, outside a short one ('auto'), and
    plotly may not shrink a text below the uniform minimum to squeeze it into a thin grouped bar."""
    chart = series_chart("bar", ["Tata Kelola"], [("Kota A", [3.28]), (ctx.t("gaps.target"), [2.5])], 4)
    figure = figures.gap_bars(ctx, framework, chart, pd.Series([4], dtype="Int64")).to_plotly_json()
    assert [trace["textposition"] for trace in figure["data"]] == ["auto", "outside"]
    assert figure["layout"]["uniformtext"]["minsize"] >= 10 and figure["layout"]["uniformtext"]["mode"] == "show"
