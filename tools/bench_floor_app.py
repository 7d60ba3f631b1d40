"""The floor of the browser benchmark (tools/bench_browser.py): the least a Streamlit page with one
chart can cost on this server version. A bare page draws one plotly scatter of the overview map's
size (514 dots, 480 px high, full width) from a frame made in memory: no store, no cache, no
tables. Two pages (for sidebar navigation) and a stage radio in the sidebar (for a filter change),
so every figure of the benchmark has a floor to be divided by.

    python -m streamlit run tools/bench_floor_app.py --server.port P --server.headless true
"""

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scoring import STAGES  # the app's stage radio has the same options

POINTS = 514   # one dot per kabupaten/kota, as on the overview map
HEIGHT = 480   # charts/maps.py band_map

st.set_page_config(page_title="Floor", layout="wide")


def dots(stage: str) -> pd.DataFrame:
    generator = np.random.default_rng(2017 + STAGES.index(stage))
    return pd.DataFrame({"longitude": generator.uniform(95, 141, POINTS), "latitude": generator.uniform(-11, 6, POINTS),
                         "band": generator.integers(1, 6, POINTS)})


def draw(name: str) -> None:
    stage = st.session_state.get("stage", STAGES[-1])
    st.title(f"Floor {name} · stage {stage}")
    frame = dots(stage)
    figure = go.Figure(go.Scatter(x=frame["longitude"], y=frame["latitude"], mode="markers",
                                  marker=dict(size=9, color=frame["band"], colorscale="Viridis")))
    figure.update_layout(height=HEIGHT, title="One chart from an in-memory frame")
    st.plotly_chart(figure, key=f"floor_{name}", config={"displaylogo": False})


def first() -> None:
    draw("one")


def second() -> None:
    draw("two")


navigation = st.navigation([st.Page(first, title="One", default=True), st.Page(second, title="Two",
                                                                                url_path="two")])
st.sidebar.radio("Stage", STAGES, index=len(STAGES) - 1, key="stage", horizontal=True)
navigation.run()
