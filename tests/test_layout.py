"""Where a page's code lives, so a newcomer finds it from the names: `pages/<page>.py` and its own
Streamlit sections in `sections/<page>/`; `components/` holds only what two or more pages use. "view"
names a pure question (`views/`), "section" a Streamlit part of a page. README "Layout and what may
import what" and docs/architecture.md say the same.
"""

import ast
import io
import re
import tokenize
from pathlib import Path

from tests.conftest import REPO


def project_imports(path: Path) -> set[str]:
    """Dotted project modules `path` imports (`from components import cached` -> components.cached)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if (REPO / (name.replace(".", "/") + ".py")).is_file()}


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(REPO).with_suffix("").parts)


def import_graph() -> dict[str, set[str]]:
    """{module: project modules it imports} over app.py, pages, sections and components."""
    paths = [REPO / "app.py", *(REPO / "pages").glob("*.py"), *(REPO / "sections").rglob("*.py"),
             *(REPO / "components").glob("*.py")]
    return {module_name(path): project_imports(path) for path in paths}


def pages_reaching(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """{module: the pages whose import closure holds it}."""
    reached: dict[str, set[str]] = {}
    for page in (name for name in graph if name.startswith("pages.")):
        seen, todo = set(), [page]
        while todo:
            for name in graph.get(todo.pop(), set()) - seen:
                seen.add(name)
                todo.append(name)
        for name in seen:
            reached.setdefault(name, set()).add(page.removeprefix("pages."))
    return reached


def page_only_components(graph: dict[str, set[str]]) -> dict[str, list[str]]:
    """Component modules that fewer than two pages reach (directly, through a section or another component)."""
    reached = pages_reaching(graph)
    return {name: sorted(reached.get(name, set())) for name in graph
            if name.startswith("components.") and name != "components.__init__" and len(reached.get(name, ())) < 2}


def foreign_section_imports(graph: dict[str, set[str]]) -> dict[str, list[str]]:
    """Imports of sections.<page> by anything but pages/<page>.py and that section package itself."""
    found = {}
    for importer, names in graph.items():
        for name in names:
            if not name.startswith("sections."):
                continue
            page = name.split(".")[1]
            if importer != f"pages.{page}" and not importer.startswith(f"sections.{page}."):
                found.setdefault(importer, []).append(name)
    return found


def test_every_component_serves_two_pages_or_more():
    graph = import_graph()
    assert "components.frame" in graph and "sections.present.slides" in graph, "the walk missed the modules"
    assert page_only_components(graph) == {}


def test_a_page_only_component_is_caught():
    graph = import_graph() | {"components.only_region": set()}
    graph["pages.region"] = graph["pages.region"] | {"components.only_region"}
    assert page_only_components(graph) == {"components.only_region": ["region"]}


def test_a_section_is_imported_only_by_its_page_and_its_own_package():
    graph = import_graph()
    assert foreign_section_imports(graph) == {}
    graph["pages.overview"] = graph["pages.overview"] | {"sections.region.tables"}
    assert foreign_section_imports(graph) == {"pages.overview": ["sections.region.tables"]}


def test_each_section_package_is_named_after_a_page():
    pages = {path.stem for path in (REPO / "pages").glob("*.py")}
    packages = {path.name for path in (REPO / "sections").iterdir() if (path / "__init__.py").is_file()}
    assert packages and packages <= pages


def test_view_names_only_pure_questions():
    """`*_view.py` and `views/` name pure questions; a Streamlit part of a page is a section."""
    named = [str(path.relative_to(REPO)) for path in REPO.rglob("*_view*.py")
             if path.relative_to(REPO).parts[0] not in {"views", "node_modules", "tests"}]
    assert named == []


# Names in prose lead somewhere: a module path (`sections/present/slides.py`) in the docs, a docstring or a
# comment, or a dotted module name of the UI layers (`components.figures`) in a docstring or comment.
PATH_PACKAGES = ("app", "pages", "sections", "components", "views", "charts", "scoring", "store", "i18n", "tools",
                 "reports", "tests", "docs", "data", "deploy")
MODULE_PATH = re.compile(r"(?<![\w./-])((?:" + "|".join(PATH_PACKAGES) + r")/[\w/]+\.(?:py|sql|toml|md))")
UI_MODULE = re.compile(r"(?<![\w./-])((?:sections|components|views|charts)(?:\.[A-Za-z_]\w*)+)")


def prose(path: Path) -> str:
    """The text a reader follows: a Markdown file whole; of a module its strings and comments."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        return text
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    return "\n".join(token.string for token in tokens if token.type in {tokenize.STRING, tokenize.COMMENT})


def names_in_package(package: Path) -> set[str]:
    """Names `package/__init__.py` defines or imports (`scoring.round_score` is one)."""
    init = package / "__init__.py"
    names = set()
    for node in ast.walk(ast.parse(init.read_text())) if init.is_file() else ():
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.ImportFrom):
            names.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
    return names


def leads_somewhere(dotted: str) -> bool:
    """`components.cached.store` -> components/cached.py exists (what follows is inside the module)."""
    parts = dotted.split(".")
    here = REPO / parts[0]
    for part in parts[1:]:
        if (here / part).is_dir():
            here = here / part
            continue
        return (here / f"{part}.py").is_file() or part in names_in_package(here)
    return True


def dead_names() -> list[str]:
    found = []
    for path in sorted(REPO.rglob("*")):
        name = path.relative_to(REPO)
        if path.suffix not in {".py", ".md"} or {"node_modules", ".git"} & set(name.parts):
            continue
        text = prose(path)
        found += [f"{name}: {m}" for m in MODULE_PATH.findall(text) if not (REPO / m).exists()]
        if name.parts[0] != "tests":
            found += [f"{name}: {m}" for m in UI_MODULE.findall(text) if not leads_somewhere(m)]
    return sorted(set(found))


def test_every_module_named_in_the_docs_and_docstrings_exists():
    assert len(MODULE_PATH.findall((REPO / "docs" / "architecture.md").read_text())) > 20, "the pattern found no path"
    assert dead_names() == []
