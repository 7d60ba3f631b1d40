"""What the chart tests share: the caption texts a figure is finished with, and the house style
every finished figure carries (tests/charts/test_*.py)."""

from __future__ import annotations

from functools import partial

import plotly.graph_objects as go

from charts.theme import ChartText
from i18n import format_number

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
