"""The theme and the bar and map builders of charts/, called with a small frame: the caption (title,
units, source), the traces, their colours and the axis ranges, and the layer rule of charts/. Expected
values are worked out by hand from the frames below and the palette documented in charts/theme.py.
The other builders: tests/charts/test_profiles.py and tests/charts/test_programmes.py."""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from charts import bars, maps
from charts.theme import BAND_COLOURS, BAND_TEXT_COLOURS, SERIES_COLOURS, TEMPLATE_NAME, ChartText, finish
from tests.charts.style import CAPTION, GREY, NAMES, TEXT, TEXT_EN, assert_house_style, caption_of

CHARTS = Path(__file__).resolve().parents[2] / "charts"

# --- theme -------------------------------------------------------------------------------------

def test_band_colours_are_viridis_steps_with_readable_text():
    assert BAND_COLOURS == {1: "#FDE725", 2: "#5EC962", 3: "#21918C", 4: "#3B528B", 5: "#440154"}
    assert BAND_TEXT_COLOURS == {1: "#000000", 2: "#000000", 3: "#FFFFFF", 4: "#FFFFFF", 5: "#FFFFFF"}


def test_finish_puts_units_and_source_on_the_second_line():
    figure = finish(go.Figure(), TEXT, height=300)
    assert caption_of(figure) == CAPTION
    assert figure.layout.height == 300
    assert figure.layout.separators == ",."   # decimal comma, dot thousands


def test_finish_in_english_and_without_a_subtitle():
    figure = finish(go.Figure(), TEXT_EN)
    assert caption_of(figure) == "Index 2024<br><sup>scale 0–4 · Source: Matra synthetic data.</sup>"
    assert figure.layout.separators == ".,"
    assert figure.layout.height is None
    assert caption_of(finish(go.Figure(), ChartText("Only", "", "Source: x"))) == "Only<br><sup>Source: x</sup>"
    assert caption_of(finish(go.Figure(), ChartText("Only", "", ""))) == "Only"


def test_template_is_registered_and_applied():
    import plotly.io as pio

    assert TEMPLATE_NAME in pio.templates
    assert list(pio.templates[TEMPLATE_NAME].layout.colorway) == SERIES_COLOURS


# --- bars --------------------------------------------------------------------------------------

def test_stacked_bars_stack_one_trace_per_series_in_its_colour():
    series = [(NAMES[level], counts) for level, counts in
              zip(range(1, 6), [[4, 0], [0, 0], [7, 2], [0, 0], [0, 0]], strict=True)]
    figure = bars.stacked_bars(["Tata Kelola", "Lingkungan"], series, TEXT, "wilayah",
                               [BAND_COLOURS[level] for level in range(1, 6)],
                               [BAND_TEXT_COLOURS[level] for level in range(1, 6)])
    assert_house_style(figure, 120 + 45 * 2)
    assert [trace.name for trace in figure.data] == ["Kurang", "Cukup", "Baik", "Sangat Baik",
                                                     "Memuaskan"]
    for level, trace in zip(range(1, 6), figure.data, strict=True):
        assert trace.marker.color == BAND_COLOURS[level]
        assert trace.insidetextfont.color == BAND_TEXT_COLOURS[level]
        assert list(trace.y) == ["Tata Kelola", "Lingkungan"]
    assert list(figure.data[0].x) == [4, 0] and list(figure.data[0].text) == ["4", ""]
    assert list(figure.data[1].x) == [0, 0] and list(figure.data[1].text) == ["", ""]
    assert list(figure.data[2].x) == [7, 2] and list(figure.data[2].text) == ["7", "2"]
    assert figure.layout.barmode == "stack"
    assert figure.layout.yaxis.autorange == "reversed"
    assert figure.layout.xaxis.title.text is None   # units in the subtitle; a title sat on the legend row
    assert figure.data[0].hovertemplate.startswith("%{y}: %{x} wilayah")


def test_grouped_bars_print_each_value_as_shown_beside_its_bar():
    figure = bars.grouped_bars(["GOV", "ECO"], [("Kota A", [2.675, 1.0]), ("Target", [3.0, None])], TEXT, "Skor",
                               ["#111111", "#222222"], top=4, point_colours={0: ["#333333", "#444444"]})
    assert_house_style(figure, 140 + 22 * 2 * 2)
    assert [trace.name for trace in figure.data] == ["Kota A", "Target"]
    assert list(figure.data[0].text) == ["2,68", "1,00"] and list(figure.data[1].text) == ["3,00", ""]
    assert list(figure.data[0].marker.color) == ["#333333", "#444444"] and figure.data[1].marker.color == "#222222"
    assert figure.layout.barmode == "group" and figure.layout.yaxis.autorange == "reversed"
    assert list(figure.layout.xaxis.tickvals) == [0, 1, 2, 3, 4]   # the scale's top, never past it


def test_score_bars_colour_each_bar_by_its_band():
    frame = pd.DataFrame({"label": ["Kota A", "Kab B", "Kab C"], "score": [3.48, 1.2, None],
                          "band": pd.array([3, 1, None], dtype="Int64"), "score_text": ["3,48", "1,20", "–"]})
    figure = bars.score_bars(frame, TEXT, "Indeks", NAMES, reference=3.5, reference_label="Target", top=4)
    assert_house_style(figure, 90 + 70 + 36 * 3)   # title block and axis margins, 36 px a bar
    (trace,) = figure.data
    assert list(trace.marker.color) == [BAND_COLOURS[3], BAND_COLOURS[1], GREY]
    assert list(trace.text) == ["3,48 (Baik)", "1,20 (Kurang)", "–"]
    assert list(trace.y) == ["Kota A", "Kab B", "Kab C"]
    assert tuple(figure.layout.xaxis.range) == pytest.approx((0, 4 * bars.VALUE_ROOM))  # room for the values
    assert list(figure.layout.xaxis.tickvals) == [0, 1, 2, 3, 4]   # the ticks end at the top level
    assert figure.layout.xaxis.title.text == "Indeks"
    (line,) = figure.layout.shapes
    assert line.x0 == line.x1 == 3.5 and line.line.dash == "dash"
    assert figure.layout.annotations[0].text == "Target"


def test_one_score_bar_keeps_room_under_a_long_title_and_subtitle():
    """The gaps page's OPD chart with one OPD: a title on two lines and a subtitle on three once covered
    the bar (the plot was 16 px high). The plot, the height less the margins, keeps at least 60 px."""
    frame = pd.DataFrame({"label": ["Dinas Komunikasi dan Informatika"], "score": [0.04], "band": pd.NA,
                          "score_text": ["0,040"]})
    text = ChartText("Kenaikan indeks per OPD pengampu (satu aksi per indikator)",
                     "kenaikan indeks jika OPD menyelesaikan satu aksi berikutnya di setiap indikatornya, "
                     "dihitung dengan bobot kerangka", TEXT.source, shown=TEXT.shown)
    figure = bars.score_bars(frame, text, "Kenaikan", NAMES, top=4)
    caption = caption_of(figure)
    assert caption.count("<sup>") == 3 and caption.split("<sup>")[0].count("<br>") == 2   # 2 + 3 lines
    margin = figure.layout.margin
    bottom = margin.b if margin.b is not None else figure.layout.template.layout.margin.b
    assert figure.layout.height - margin.t - bottom >= 60


def test_score_bars_without_a_reference_draw_no_line():
    frame = pd.DataFrame({"label": ["A"], "score": [2.0], "band": [2], "score_text": ["2,00"]})
    figure = bars.score_bars(frame, TEXT, "Indeks", NAMES, top=4)
    assert figure.layout.shapes == ()
    assert list(figure.data[0].marker.color) == [BAND_COLOURS[2]]


# --- maps --------------------------------------------------------------------------------------

def test_band_map_one_trace_per_band_and_grey_for_unassessed():
    regions = pd.DataFrame({
        "code": ["35.09", "35.78", "11.01", "94.01"], "name": ["Jember", "Surabaya", "Simeulue", "Merauke"],
        "longitude": [113.7, 112.7, 96.1, 140.4], "latitude": [-8.2, -7.3, 2.6, -8.5],
        "band": pd.array([3, 5, None, 3], dtype="Int64"), "index_text": ["3,01", "3,90", "–", "2,80"],
    })
    figure = maps.band_map(regions, {0: "Belum dinilai", **NAMES}, TEXT, "Indeks")
    assert_house_style(figure, 480)
    assert [trace.name for trace in figure.data] == ["Belum dinilai", "Baik", "Memuaskan"]
    unassessed, band3, band5 = figure.data
    assert unassessed.marker.color == GREY and [c[0] for c in unassessed.customdata] == ["11.01"]
    assert band3.marker.color == BAND_COLOURS[3] and band5.marker.color == BAND_COLOURS[5]
    assert [c[0] for c in band3.customdata] == ["35.09", "94.01"]
    assert list(band3.text) == ["Jember<br>Indeks: 3,01", "Merauke<br>Indeks: 2,80"]
    assert list(band5.x) == [112.7] and list(band5.y) == [-7.3]
    assert tuple(figure.layout.xaxis.range) == (94.0, 141.5)
    assert tuple(figure.layout.yaxis.range) == (-11.5, 6.5)
    assert figure.layout.yaxis.scaleanchor == "x" and figure.layout.yaxis.scaleratio == 1


def test_band_map_with_every_region_assessed_has_no_grey_trace():
    regions = pd.DataFrame({"code": ["35.09"], "name": ["Jember"], "longitude": [113.7], "latitude": [-8.2],
                            "band": pd.array([2], dtype="Int64"), "index_text": ["1,90"]})
    figure = maps.band_map(regions, NAMES, TEXT, "Indeks")
    assert [trace.name for trace in figure.data] == ["Cukup"]


# --- the layer rule ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(CHARTS.glob("*.py")), ids=lambda p: p.name)
def test_charts_import_no_streamlit(path):
    tree = ast.parse(path.read_text())
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module and node.level == 0}
    assert "streamlit" not in imported
    assert not any(isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "st"
                   for node in ast.walk(tree)), "st.* used in charts"
