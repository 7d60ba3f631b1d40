"""The command lines (`python -m store`, `python -m reports`, `python -m tools...`) share one exit-code
table and one message source: store/cli_common.py (EXIT_OK 0, EXIT_INTERNAL 1, EXIT_REFUSED 2; `say`
over i18n/messages/cli.py). A module that writes its own table or its own bilingual words fails here."""

import ast
from pathlib import Path

from store.cli_common import EXIT_INTERNAL, EXIT_OK, EXIT_REFUSED
from tests.conftest import REPO

EXIT_NAMES = {"EXIT_OK", "EXIT_INTERNAL", "EXIT_REFUSED"}


def command_modules() -> list[Path]:
    return sorted([*(REPO / "store").glob("*.py"), *(REPO / "reports").glob("*.py"), *(REPO / "tools").glob("*.py")])


def assigned_names(tree: ast.AST) -> set[str]:
    return {node.id for statement in ast.walk(tree) if isinstance(statement, ast.Assign | ast.AnnAssign)
            for target in (statement.targets if isinstance(statement, ast.Assign) else [statement.target])
            for node in ast.walk(target) if isinstance(node, ast.Name)}


def test_the_exit_codes_are_set_in_one_module():
    found = [str(path.relative_to(REPO)) for path in command_modules()
             if assigned_names(ast.parse(path.read_text())) & EXIT_NAMES]
    assert found == ["store/cli_common.py"]
    assert (EXIT_OK, EXIT_INTERNAL, EXIT_REFUSED) == (0, 1, 2)


def bilingual_tables(tree: ast.Module) -> list[int]:
    """Lines of module-level dicts whose values are (Indonesian, English) pairs of strings."""
    found = []
    for statement in tree.body:
        value = statement.value if isinstance(statement, ast.Assign | ast.AnnAssign) else None
        if isinstance(value, ast.Dict) and any(
                isinstance(item, ast.Tuple) and len(item.elts) == 2
                and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in item.elts)
                for item in value.values):
            found.append(statement.lineno)
    return found


def test_no_command_line_keeps_its_own_words():
    """The command lines' messages are in i18n (`say`), not in a table of their own."""
    cli = [path for path in command_modules() if path.name.startswith("cli") or path.name == "__main__.py"]
    assert len(cli) > 5, "the walk missed the command-line modules"
    found = {str(path.relative_to(REPO)): bilingual_tables(ast.parse(path.read_text())) for path in cli}
    assert {name: lines for name, lines in found.items() if lines} == {}
