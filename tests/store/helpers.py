"""Helpers for store tests: write upload files and fingerprint a data folder."""

from __future__ import annotations

import hashlib
from pathlib import Path

from store.audit import AUDIT_NAME
from tests.conftest import TINY_LEVELS

HEADER = "region_code,indicator_code,level,claimed_level,evidence,note"


def long_csv(levels_by_region=None, evidence="verified") -> str:
    levels_by_region = levels_by_region or {"35.09": TINY_LEVELS}
    lines = [HEADER]
    for region, levels in levels_by_region.items():
        for code, level in levels.items():
            lines.append(f"{region},{code},{level},{level},{evidence},")
    return "\n".join(lines) + "\n"


def tree_fingerprint(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the sha256 of its bytes, except the audit log: a refused write
    appends its "refused" line there by design (tests/store/test_audit.py checks those lines)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != AUDIT_NAME}
