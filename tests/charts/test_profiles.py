"""charts/profiles.py, called with small frames: radar, lines, heatmap, dumbbell, slope and change
bars (caption, traces, colours, axis ranges; expected values worked out by hand)."""

from __future__ import annotations

import pandas as pd
import pytest

from charts import profiles
from charts.theme import SERIES_COLOURS
from tests.charts.style import NAMES, TEXT, assert_house_style

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
