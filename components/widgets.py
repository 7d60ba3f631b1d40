"""Choice widgets whose empty-state text is in the UI language.

Streamlit's own placeholders ("Choose options", "Choose an option") are English; every selectbox
and multiselect of the app is drawn here (directly or through components.url_state), so a widget
cannot forget the placeholder: it defaults to widget.choose_option(s) in the session's language.
tests/pages/test_widget_words.py checks that pages and components call nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from i18n import DEFAULT_LANGUAGE, LANGUAGES, t


def ui_language() -> str:
    """The UI language from the session or the URL (before or after the language radio is drawn)."""
    value = st.session_state.get("lang") or st.query_params.get("lang") or DEFAULT_LANGUAGE
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def selectbox(container, label: str, options: Sequence, *, placeholder: str | None = None, **kwargs):
    """container.selectbox (st, a column, the sidebar) with the placeholder in the UI language
    (widget.choose_option)."""
    if placeholder is None:
        placeholder = t("widget.choose_option", ui_language())
    return container.selectbox(label, options, placeholder=placeholder, **kwargs)


def multiselect(container, label: str, options: Sequence, *, placeholder: str | None = None, **kwargs) -> list:
    """container.multiselect with the placeholder in the UI language (widget.choose_options)."""
    if placeholder is None:
        placeholder = t("widget.choose_options", ui_language())
    return container.multiselect(label, options, placeholder=placeholder, **kwargs)
