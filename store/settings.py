"""Settings: one table of (name, default, help). Environment variables override the defaults.

A test checks that every setting is documented in the README.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS = (
    Setting("MATRA_DATA_DIR", str(REPO_ROOT / "data"),
            "Data folder: framework/, reference/, snapshots/, targets/, meetings/. Default: the bundled data/."),
    Setting("MATRA_CLOSE_CALL", "0.05",
            "Index difference below which two neighbours in a ranking are marked too close to call."),
    Setting("MATRA_MAX_UPLOAD_MB", "20", "Largest file accepted for ingest, in megabytes."),
    Setting("MATRA_ADMIN_PASSWORD", "",
            "Administrator password for write actions (upload, retract, targets); empty = writes off. "
            "Also read from the Streamlit secret admin_password; OIDC sign-in replaces it when configured."),
    Setting("MATRA_USER", "",
            "Name recorded in the manifest as who made a change (default: the OS user)."),
)


def setting(name: str) -> str:
    """The value of a setting: the environment variable when set, else its default."""
    for item in SETTINGS:
        if item.name == name:
            return os.environ.get(name) or item.default
    raise KeyError(f"unknown setting {name}")


def data_dir() -> Path:
    return Path(setting("MATRA_DATA_DIR"))
