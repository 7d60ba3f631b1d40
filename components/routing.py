"""The one place Matra reaches into Streamlit's internals: making app.py the router from the first
request.

Why: Streamlit 1.67 decides once per process, from whether a `pages/` folder sits beside the main
script, that an app is an old-style multipage app (`PagesManager.uses_pages_directory`); until some
script calls `st.navigation`, a request for `/region` then runs `pages/region.py` bare, without
app.py's sidebar and context. The project keeps its `pages/` folder (its agreed layout), and
Streamlit offers no public switch for this (st.navigation itself clears the flag the same way, see
streamlit/commands/navigation.py). So:

- `route_through_app()` clears the flag before a server starts (tools/serve.py, `make run`), so the
  first deep link is routed by app.py's st.navigation;
- `recover_bare_page()` is called by every page through components.frame.context(): when a server
  was started with plain `streamlit run app.py` and the first request ran a page bare, it clears the
  flag and reruns, so app.py routes that same request (one extra rerun, once per process);
- `app_test_router()` does the same for AppTest, which resets the flag before every run.
If a later Streamlit offers a public option, only this module changes.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def route_through_app() -> None:
    """Make app.py's st.navigation the router of every request of this process."""
    PagesManager.uses_pages_directory = False


def recover_bare_page() -> None:
    """Rerun through app.py when this run is a page run bare (no app frame yet in the session)."""
    if PagesManager.uses_pages_directory or "_context" not in st.session_state:
        route_through_app()
        st.rerun()


def app_test_router() -> type:
    """AppTest's PagesManager, routed through app.py on every run (as the production server is);
    tests put it in place of streamlit.testing.v1.app_test.PagesManager."""
    from streamlit.testing.v1 import app_test

    class AppTestRouter(app_test.PagesManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            route_through_app()

    return AppTestRouter
