"""Every score axis the pages draw ends at the framework's top level (4 on the published 0-4 scale):
the radar's radial axis, trend and slope lines, the heatmap's colour scale, the dumbbells. No chart
of a 0-4 framework reaches 5 (figure JSON of the real pages on the demo data)."""

import pytest

from scoring import load_framework
from tests.conftest import REPO
from tests.pages.conftest import chart_specs, open_page

TOP = load_framework(REPO / "data" / "framework" / "smartcity-2022.toml").max_level


def score_axis_ends(spec: dict) -> list[float]:
    """The upper ends of the axes a chart fixes (radial, x, y) and a heatmap's zmax. An axis that runs
    on past its scale for printed values (charts.bars.VALUE_ROOM) ends its scale at its last tick."""
    layout = spec.get("layout", {})
    ends = [max(axis["tickvals"]) if axis.get("tickvals") else axis["range"][1] for key, axis in layout.items()
            if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict) and axis.get("range")]
    ends += [polar["radialaxis"]["range"][1] for key, polar in layout.items()
             if key.startswith("polar") and polar.get("radialaxis", {}).get("range")]
    ends += [trace["zmax"] for trace in spec.get("data", []) if trace.get("type") == "heatmap" and "zmax" in trace]
    return ends


@pytest.mark.parametrize(("page", "params"), [("region", {"region": "35.09"}),
                                              ("compare", {"region": "35.09", "mode": "manual"}),
                                              ("trends", {}), ("gaps", {"region": "35.09"})])
def test_score_axes_end_at_the_framework_s_top_level(data_dir, page, params):
    app = open_page(page, lang="en", **params)
    assert not app.exception
    specs = chart_specs(app)
    assert specs
    radars = [s for s in specs if any(k.startswith("polar") for k in s.get("layout", {}))]
    for spec in radars:
        assert spec["layout"]["polar"]["radialaxis"]["range"] == [0, TOP]
    ends = [end for spec in specs for end in score_axis_ends(spec)]
    assert all(end != 5 and end != 5.9 for end in ends), ends
    assert TOP in ends   # at least one score axis drawn to the top level
