"""The README's page table gives addresses the app serves: each URL's path is the url_path of a
page in app.py's navigation (the default page is served at "/" only; Streamlit answers "Page not
found" for anything else)."""

import ast
import re

from tests.conftest import REPO


def served_paths() -> set[str]:
    """The url_path of every st.Page in app.py ("" for the default page, as Streamlit serves it)."""
    paths = set()
    for node in ast.walk(ast.parse((REPO / "app.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "Page":
            keywords = {k.arg: k.value for k in node.keywords}
            if "default" in keywords and ast.literal_eval(keywords["default"]):
                paths.add("")
            else:
                paths.add(ast.literal_eval(keywords["url_path"]))
    return paths


def readme_paths() -> list[str]:
    rows = re.findall(r"^\| [^|]+ \| `(/[^`]*)`", (REPO / "README.md").read_text(encoding="utf-8"), re.MULTILINE)
    return [re.split(r"[?#]", row)[0].strip("/") for row in rows]


def test_every_readme_page_address_is_served():
    listed = readme_paths()
    assert len(listed) >= 10
    assert [p for p in listed if p not in served_paths()] == []
