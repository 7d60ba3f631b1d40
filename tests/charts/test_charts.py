"""Every figure builder in charts/, called with a small frame: the caption (title, units, source),
the traces, their colours and the axis ranges. Expected values are worked out by hand from the
frames below and the palette documented in charts/theme.py."""

from __future__ import annotations

import ast
from functools import partial
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from charts import bars, maps, profiles, programmes
from charts.theme import BAND_COLOURS, BAND_TEXT_COLOURS, SERIES_COLOURS, TEMPLATE_NAME, ChartText, finish
from i18n import format_number

CHARTS = Path(__file__).resolve().parents[2] / "charts"
NAMES = {1: "Kurang", 2: "Cukup", 3: "Baik", 4: "Sangat Baik", 5: "Memuaskan"}   # band labels: names only
TEXT = ChartText("Indeks 2024", "skala 0–4", "Sumber: data sintetis Matra. Data per 29 Nov 2026.",
                 shown=partial(format_number, lang="id"))
TEXT_EN = ChartText("Index 2024", "scale 0–4", "Source: Matra synthetic data.", lang="en", decimal=".",
                    shown=partial(format_number, lang="en"))
CAPTION = "Indeks 2024<br><sup>skala 0–4 · Sumber: data sintetis Matra. Data per 29 Nov 2026.</sup>"
GREY = "#CBD2D9"


def caption_of(figure: go.Figure) -> str:
    return figure.layout.title.text


def assert_house_style(figure: go.Figure, height: int | None) -> None:
    assert caption_of(figure) == CAPTION
    assert figure.layout.separators == ",."
    assert figure.layout.template.layout.font.family.startswith("Source Sans Pro")
    assert figure.layout.height == height


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
    assert_house_style(figure, 140 + 36 * 3)
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


# --- profiles ----------------------------------------------------------------------------------

def test_radar_closes_each_line_and_fills_only_the_first():
    axes = ["GOV", "ECO", "ENV"]
    figure = profiles.radar(axes, [("Jember", [3.0, 2.5, 1.0]), ("Median", [2.0, 2.0, 2.0])], TEXT, top=4)
    assert_house_style(figure, 520)
    first, second = figure.data
    assert list(first.theta) == ["GOV", "ECO", "ENV", "GOV"] and list(first.r) == [3.0, 2.5, 1.0, 3.0]
    assert first.fill == "toself" and second.fill is None
    assert first.line.color == SERIES_COLOURS[0] and second.line.color == SERIES_COLOURS[1]
    assert first.line.dash == "solid" and second.line.dash == "dash"
    assert tuple(figure.layout.polar.radialaxis.range) == (0, 4)


def test_lines_draw_one_trace_per_series_and_band_boundaries():
    frame = pd.DataFrame({"year": [2022, 2023, 2024, 2022, 2023, 2024], "series": ["A"] * 3 + ["B"] * 3,
                          "score": [1.0, 2.0, 3.0, 2.0, 2.5, 2.7]})
    figure = profiles.lines(frame, TEXT, "Indeks", band_lowers={1: 0.0, 2: 1.5, 3: 2.5}, band_names=NAMES, top=4)
    assert_house_style(figure, 440)
    assert [trace.name for trace in figure.data] == ["A", "B"]
    assert list(figure.data[1].y) == [2.0, 2.5, 2.7]
    assert [trace.line.color for trace in figure.data] == SERIES_COLOURS[:2]
    assert [shape.y0 for shape in figure.layout.shapes] == [1.5, 2.5]   # band 1 starts at 0: no line
    assert [note.text for note in figure.layout.annotations] == ["Cukup", "Baik"]
    # inside the plot, above the line's right end: "right" put them past the plot edge, cut off
    assert all(note.xanchor == "right" and note.x == 1 and note.yanchor == "bottom"
               for note in figure.layout.annotations)
    assert tuple(figure.layout.yaxis.range) == (0, 4)


def test_heatmap_spans_zero_to_the_top_level_on_the_band_colours():
    matrix = pd.DataFrame([[1.0, 4.5], [2.25, None]], index=["Jember", "Surabaya"], columns=["GOV", "ENV"])
    cells = pd.DataFrame([["1,00", "4,50"], ["2,25", "–"]], index=matrix.index, columns=matrix.columns)
    figure = profiles.heatmap(matrix, cells, TEXT, "Skor", top=4)
    assert_house_style(figure, 160 + 48 * 2)
    (trace,) = figure.data
    assert (trace.zmin, trace.zmax) == (0, 4)
    assert [tuple(step) for step in trace.colorscale] == [
        (0.0, "#FDE725"), (0.25, "#5EC962"), (0.5, "#21918C"), (0.75, "#3B528B"), (1.0, "#440154")]
    assert list(trace.x) == ["GOV", "ENV"] and list(trace.y) == ["Jember", "Surabaya"]
    assert trace.text.tolist() == [["1,00", "4,50"], ["2,25", "–"]]


def test_dumbbell_joins_score_and_reference_per_row():
    frame = pd.DataFrame({"label": ["GOV", "ENV"], "score": [3.0, 1.0], "reference": [2.0, 2.5]})
    frame.attrs["series_name"] = "Jember"
    figure = profiles.dumbbell(frame, TEXT, "Median peers", "Skor", top=4)
    assert_house_style(figure, 160 + 40 * 2)
    assert len(figure.data) == 2 + 2   # one connector per row, then the reference and the score markers
    assert list(figure.data[0].x) == [2.0, 3.0] and list(figure.data[1].x) == [2.5, 1.0]
    assert figure.data[2].name == "Median peers" and list(figure.data[2].x) == [2.0, 2.5]
    assert figure.data[3].name == "Jember" and list(figure.data[3].x) == [3.0, 1.0]
    assert tuple(figure.layout.xaxis.range) == (0, 4)
    assert figure.layout.xaxis.title.text is None   # units in the subtitle; a title collided with the legend


def test_slope_puts_first_and_last_year_as_categories():
    frame = pd.DataFrame({"series": ["A", "A", "B", "B"], "year": [2024, 2020, 2020, 2024],
                          "score": [3.0, 1.0, 2.0, 2.5]})
    figure = profiles.slope(frame, 2020, 2024, TEXT, "Indeks", top=4)
    assert_house_style(figure, 520)
    a, b = figure.data
    assert list(a.x) == ["2020", "2024"] and list(a.y) == [1.0, 3.0]   # sorted by year
    assert list(figure.layout.xaxis.categoryarray) == ["2020", "2024"]
    assert tuple(figure.layout.yaxis.range) == (0, 4)
    # direct labels in the right margin at the last score, in the line's colour; no legend
    assert not a.showlegend and not b.showlegend
    labels = {note.text: note for note in figure.layout.annotations}
    assert labels["A"].y == 3.0 and labels["B"].y == 2.5 and labels["A"].xref == "paper" and labels["A"].x == 1
    assert labels["A"].font.color == a.line.color and labels["B"].font.color == b.line.color


def test_slope_moves_close_labels_apart_and_keeps_long_names_whole_in_the_hover():
    long_name = "Kabupaten Administrasi Kepulauan Seribu"
    frame = pd.DataFrame({"series": [long_name, long_name, "Kota Medan", "Kota Medan"], "year": [2020, 2024] * 2,
                          "score": [1.0, 3.98, 1.2, 3.97]})
    figure = profiles.slope(frame, 2020, 2024, TEXT, "Indeks", top=4)
    low, high = sorted(figure.layout.annotations, key=lambda note: note.y)
    assert low.text == "Kota Medan" and high.text == "Kab. Adm. Kep.<br>Seribu"
    plot_px = figure.layout.height - figure.layout.margin.t - figure.layout.margin.b
    gap_px = (high.y - low.y) * plot_px / 4   # the axis runs 0-4
    assert gap_px >= (1 + 2) / 2 * profiles.LABEL_LINE_PX - 1e-9   # one line and two lines never overlap
    assert high.y <= 4   # the top label stays inside the plot
    assert long_name in figure.data[0].hovertemplate
    assert figure.layout.margin.r >= 16 + 7 * len("Kab. Adm. Kep.")


def test_change_bars_colour_rises_and_falls_with_values_in_a_column_right_of_the_plot():
    frame = pd.DataFrame({"label": ["GOV", "ENV"], "change": [0.5, -0.25], "change_text": ["+0,50", "-0,25"]})
    figure = profiles.change_bars(frame, TEXT, "Perubahan")
    assert_house_style(figure, 160 + 34 * 2)
    assert list(figure.data[0].marker.color) == ["#0072B2", "#D55E00"]
    # low -0.25, high 0.5, pad 0.05 * 0.75 = 0.0375 on both sides: the values are not in the plot
    assert figure.layout.xaxis.range == pytest.approx((-0.2875, 0.5375))
    values = [(note.y, note.text, note.xref, note.x, note.xanchor) for note in figure.layout.annotations]
    assert values == [("GOV", "+0,50", "paper", 1, "left"), ("ENV", "-0,25", "paper", 1, "left")]
    assert figure.layout.margin.r == int(16 + 7.2 * 5)


def test_change_bars_wrap_long_names_and_keep_them_whole_in_the_hover():
    name = "SOC.KOM.05 · Tindak lanjut rekomendasi evaluasi sebelumnya di daerah"
    frame = pd.DataFrame({"label": [name, "GOV"], "change": [0.2, 0.4], "change_text": ["+0,20", "+0,40"]})
    figure = profiles.change_bars(frame, TEXT, "Perubahan")
    assert list(figure.data[0].y) == [name, "GOV"]   # the data keeps the full name; the axis shows it wrapped
    assert list(figure.layout.yaxis.ticktext) == ["SOC.KOM.05 · Tindak lanjut<br>rekomendasi evaluasi…", "GOV"]
    assert list(figure.layout.yaxis.tickvals) == [name, "GOV"]
    assert list(figure.data[0].customdata) == [name, "GOV"] and list(figure.data[0].text) == ["+0,20", "+0,40"]
    assert figure.data[0].textposition == "none"   # shown in the column right of the plot, not on the bars
    assert figure.layout.height == 160 + 44 * 2   # two-line names get taller rows
    assert figure.layout.xaxis.range == pytest.approx((-0.02, 0.42))


def test_change_bars_escape_typed_names_once():
    """Issue 25 (9): a name given as typed is escaped once on the axis, in the data and the hover
    (it was escaped by the caller and again here: `&lt;/div&gt;` was drawn)."""
    typed = "P1 · </div><b>x</b> & co"
    once = "P1 · &lt;/div&gt;&lt;b&gt;x&lt;/b&gt; &amp; co"
    frame = pd.DataFrame({"label": [typed], "change": [0.2], "change_text": ["+0,20"]})
    figure = profiles.change_bars(frame, TEXT, "Perubahan")
    assert list(figure.data[0].y) == [once] and list(figure.data[0].customdata) == [once]
    assert "<br>".join(figure.layout.yaxis.ticktext).replace("<br>", " ") == once
    assert "&amp;lt;" not in str(figure.to_plotly_json())


# --- programmes --------------------------------------------------------------------------------

def test_timeline_bars_run_from_start_to_end_of_last_year():
    frame = pd.DataFrame({"label": ["Smart <b>gov</b>", "Data", "Wifi"], "start_year": [2024, 2025, 2023],
                          "end_year": [2026, 2025, 2024], "status": ["running", "planned", "running"],
                          "progress_text": ["40%", "0%", "<i>90%</i>"]})
    names = {"planned": "Rencana", "running": "Berjalan", "done": "Selesai", "stopped": "Dihentikan"}
    figure = programmes.timeline(frame, TEXT, names, "Tahun", this_year=2025)
    assert_house_style(figure, 160 + 30 * 3)
    assert figure.layout.xaxis.title.text is None   # the years speak for themselves; a title sat on the legend
    assert [trace.name for trace in figure.data] == ["Rencana", "Berjalan"]   # order of STATUS_COLOURS
    planned, running = figure.data
    assert planned.marker.color == "#CBD2D9" and running.marker.color == "#0072B2"
    assert list(running.y) == ["Smart &lt;b&gt;gov&lt;/b&gt;", "Wifi"]   # upload text never renders as HTML
    assert list(running.base) == [2024, 2023] and list(running.x) == [3, 2]
    assert list(running.text) == ["40%", "&lt;i&gt;90%&lt;/i&gt;"]
    assert list(planned.x) == [1]
    (now,) = figure.layout.shapes
    assert now.x0 == now.x1 == 2025.5
    assert list(figure.layout.yaxis.categoryarray) == ["Smart &lt;b&gt;gov&lt;/b&gt;", "Data", "Wifi"]
    assert [row[0] for row in running.customdata] == ["Smart &lt;b&gt;gov&lt;/b&gt;", "Wifi"]


def test_timeline_wraps_long_programme_names_with_the_full_name_in_the_hover():
    name = "PRG-07 · Integrasi layanan administrasi kependudukan dengan aplikasi daerah"
    frame = pd.DataFrame({"label": [name], "start_year": [2024], "end_year": [2026], "status": ["running"],
                          "progress_text": ["40%"]})
    figure = programmes.timeline(frame, TEXT, {"running": "Berjalan"}, "Tahun")
    (trace,) = figure.data
    assert list(trace.y) == [name]   # the data keeps the full name; the axis shows it wrapped
    assert list(figure.layout.yaxis.ticktext) == ["PRG-07 · Integrasi layanan<br>administrasi kependudukan…"]
    assert trace.customdata[0][0] == name and "Tahun" in trace.hovertemplate
    assert figure.layout.height == 160 + 40   # a taller row for a two-line name


def test_budget_bars_range_and_escaped_text():
    frame = pd.DataFrame({"label": ["Tata <Kelola>", "Ekonomi"], "budget": [2.5, 0.5],
                          "budget_text": ["Rp 2,5 M", "Rp 0,5 M"], "gap_text": ["gap 1,20", "gap <0,30>"]})
    figure = programmes.budget_bars(frame, TEXT, "Anggaran (miliar Rp)")
    assert_house_style(figure, 140 + 40 * 2)
    (trace,) = figure.data
    assert list(trace.y) == ["Tata &lt;Kelola&gt;", "Ekonomi"]
    assert list(trace.text) == ["Rp 2,5 M · gap 1,20", "Rp 0,5 M · gap &lt;0,30&gt;"] and trace.textposition == "none"
    values = [note.text for note in figure.layout.annotations]
    assert values == ["Rp 2,5 M<br>gap 1,20", "Rp 0,5 M<br>gap &lt;0,30&gt;"]   # right of the bars
    assert figure.layout.margin.r == int(16 + 7.2 * len("gap <0,30>"))   # the unescaped width
    assert tuple(figure.layout.xaxis.range) == (0, 2.625)   # 2.5 * 1.05


def test_budget_bars_small_budgets_keep_an_axis_of_one():
    frame = pd.DataFrame({"label": ["A"], "budget": [0.2], "budget_text": ["Rp 0,2 M"], "gap_text": ["–"]})
    assert tuple(programmes.budget_bars(frame, TEXT, "x").layout.xaxis.range) == (0, 1.0)


# --- readiness (evidence progress) --------------------------------------------------------------

def test_progress_bars_colour_by_threshold():
    readiness = pytest.importorskip("charts.readiness")
    frame = pd.DataFrame({"label": ["Dinkes", "Bappeda", "<Diskominfo>"], "progress": [0.25, 0.5, 1.0],
                          "text": ["1/4", "2/4", "4/4"]})
    figure = readiness.progress_bars(frame, TEXT, "Bukti terverifikasi (%)")
    assert_house_style(figure, 140 + 28 * 3)
    (trace,) = figure.data
    assert list(trace.marker.color) == ["#D55E00", "#0072B2", "#009E73"]   # < 50 %, partly, complete
    assert list(trace.x) == [25.0, 50.0, 100.0]
    assert list(trace.y) == ["Dinkes", "Bappeda", "&lt;Diskominfo&gt;"]
    assert [note.text for note in figure.layout.annotations] == ["1/4", "2/4", "4/4"]   # a column right of the bars
    assert list(trace.text) == ["1/4", "2/4", "4/4"] and trace.textposition == "none"
    assert tuple(figure.layout.xaxis.range) == (0, 101)


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
