"""Untrusted text (agenda and meeting notes, names, sources from an import) made safe for st.markdown."""

from __future__ import annotations

import re

_MARKDOWN_SIGNIFICANT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^&\"'])")


def plain(text) -> str:
    """Untrusted text made inert for st.markdown: one line, every markdown/HTML character escaped."""
    return _MARKDOWN_SIGNIFICANT.sub(r"\\\1", " ".join(str(text).split()))
