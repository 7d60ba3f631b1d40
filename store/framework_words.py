"""The framework workbook's instructions and what `python -m store framework import` says, from the
message catalogue (i18n/messages/framework_files.py) in Indonesian and English."""

from __future__ import annotations

from i18n import catalogue
from store.cli_common import say


def instructions() -> list[tuple[str, str]]:
    """(Indonesian, English) lines of the workbook's instructions sheet, in order."""
    texts = catalogue()
    return [texts[key] for key in sorted(texts) if key.startswith("framework_files.guide_")]


def years_text(years) -> str:
    return ", ".join(map(str, years)) or "-"


def plan_lines(plan, lang: str) -> list[str]:
    """What an import did, one sentence a line (the command line prints them)."""
    if plan.unchanged:
        return [say(lang, "framework_unchanged", file=plan.file, id=plan.id)]
    lines = [say(lang, "framework_wrote", file=plan.file, id=plan.id, years=years_text(plan.years))]
    for replaced in plan.replaced:
        key = "framework_replaced" if replaced.kept else "framework_superseded"
        lines.append(say(lang, key, file=replaced.file, years=years_text(replaced.years),
                         kept=years_text(replaced.kept)))
    changes = plan.changes
    if changes.compared_with:
        lines.append(say(lang, "framework_changes", old=changes.compared_with, added=len(changes.indicators_added),
                         removed=len(changes.indicators_removed), weights=len(changes.weights_changed),
                         levels=len(changes.levels_changed),
                         bands=say(lang, "framework_bands_changed") if changes.bands_changed else ""))
    if plan.replaced:
        lines.append(say(lang, "framework_reload", id=plan.id))
    return lines
