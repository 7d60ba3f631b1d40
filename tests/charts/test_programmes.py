"""charts/programmes.py and charts/readiness.py, called with small frames: the programme timeline,
budget bars and evidence progress bars (expected values worked out by hand)."""

from __future__ import annotations

import pandas as pd
import pytest

from charts import programmes
from tests.charts.style import TEXT, assert_house_style

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
