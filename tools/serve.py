"""Start the dashboard: `python tools/serve.py [streamlit options]`, i.e. `streamlit run app.py`
with app.py always the router.

Streamlit treats an app with a `pages/` folder as an old-style multipage app until some script
calls st.navigation, so a server's first request for a deep link (/region?region=35.09) would run
the page file bare. components/routing.py explains the one workaround; here it runs before the
server starts, so app.py's st.navigation routes the very first request.
"""

import sys
from pathlib import Path

from streamlit.web import cli

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from components.routing import route_through_app

APP = Path(__file__).resolve().parent.parent / "app.py"

if __name__ == "__main__":
    route_through_app()
    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    sys.exit(cli.main())
