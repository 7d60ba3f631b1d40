"""Start the dashboard: `python tools/serve.py [streamlit options]`, i.e. `streamlit run app.py`
with app.py always the router.

Streamlit treats an app with a `pages/` folder as an old-style multipage app until some script
calls st.navigation, so a server's first request for a deep link (/region?region=35.09) would run
the page file bare. Setting the flag before the server starts makes app.py's st.navigation the
router from the first request. (components/frame.py also recovers when started with plain
`streamlit run app.py`, at the cost of one extra rerun on the first deep link.)
"""

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"

if __name__ == "__main__":
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    sys.exit(cli.main())
