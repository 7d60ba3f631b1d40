"""Start the dashboard: `python tools/serve.py [streamlit options]`, i.e. `streamlit run app.py`
with app.py always the router.

Streamlit treats an app with a `pages/` folder as an old-style multipage app until some script
calls st.navigation, so a server's first request for a deep link (/region?region=35.09) would run
the page file bare. components/routing.py explains the one workaround; here it runs before the
server starts, so app.py's st.navigation routes the very first request.

Before the server starts it also warms the process (`warm()`): the pages' imports, plotly's
validators and the store are loaded now instead of in the first visitor's run, and the heap they
leave is frozen out of the garbage collector (`.streamlit/config.toml` switches off Streamlit's
forced collection after every run; docs/benchmark.md has the figures).

Memory a burst of sessions used is handed back to the system (tools/memory_return.py): fewer
malloc arenas (MATRA_MALLOC_ARENAS) and a trim every MATRA_TRIM_SECONDS.
"""

import gc
import logging
import sys
from pathlib import Path

from streamlit.web import cli

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from components.routing import route_through_app

APP = Path(__file__).resolve().parent.parent / "app.py"

# What the pages import (pages/*.py run by file path, so importing them here would run them).
WARM_MODULES = ("pandas", "pyarrow", "duckdb", "plotly.graph_objects", "plotly.io", "charts.bars",
                "charts.labels", "charts.maps", "charts.profiles", "charts.programmes", "charts.readiness",
                "components.cached", "components.claims", "components.downloads", "components.figures",
                "components.frame", "components.pickers", "sections.region.tables", "components.tables",
                "components.whatif_panel", "scoring", "views.compare", "views.overview", "views.region",
                "views.trends")


def warm() -> None:
    """Import what a first page run needs, build one small figure of each kind the pages draw (plotly
    loads a property's validator the first time it is set) and open the store's snapshot list."""
    import importlib

    caching_log = logging.getLogger("streamlit.runtime.caching.cache_data_api")
    level = caching_log.level
    caching_log.setLevel(logging.ERROR)   # "No runtime found" at import is expected before the server runs
    try:
        for name in WARM_MODULES:
            importlib.import_module(name)
        import plotly.graph_objects as go

        figure = go.Figure([go.Scatter(x=[0], y=[0], customdata=[["a"]], hovertemplate="%{x}", marker={"size": 4}),
                            go.Bar(x=[1], y=["a"], orientation="h", text=["1"]),
                            go.Scatterpolar(r=[1, 2], theta=["a", "b"], fill="toself")])
        figure.update_layout(annotations=[{"text": "a", "x": 0, "y": 0}], shapes=[{"type": "line"}],
                             legend={"orientation": "h"}, polar={"radialaxis": {"range": [0, 1]}})
        figure.to_json()
        from components.cached import store

        store().snapshots()
    finally:
        caching_log.setLevel(level)
    gc.collect()
    gc.freeze()   # the long-lived import-time heap: never traversed by later collections


if __name__ == "__main__":
    from store.settings import setting
    from tools.memory_return import limit_arenas, start_trimmer

    limit_arenas(int(setting("MATRA_MALLOC_ARENAS")))   # before any thread allocates
    route_through_app()
    warm()
    start_trimmer(float(setting("MATRA_TRIM_SECONDS")))
    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    sys.exit(cli.main())
