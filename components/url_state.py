"""Widgets whose value lives in the URL (?region=35.09&year=2024&stage=II&lang=en).

The URL holds codes, never display text, so a link means the same in both languages. On first
render a widget takes its value from the URL when that value is valid, otherwise the default;
afterwards every rerun writes the current value back, so a copied link reproduces the view.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import streamlit as st

from components import widgets
from i18n import t

LIST_SEPARATOR = ","
# Typing "Kota Malang" finds the options containing exactly that text (Streamlit's default fuzzy
# filter also offers "Kota Magelang").
FILTER_MODE = "contains"
SEARCH = {"filter_mode": FILTER_MODE, "select_all": False}   # for multiselects not bound to the URL
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$])")


def _shown(text: str) -> str:
    """A value from the URL as inert text: shortened, every Markdown character escaped."""
    text = str(text)
    return MARKDOWN_SPECIALS.sub(r"\\\1", text[:40] + ("…" if len(text) > 40 else ""))


def explain_unknown(label: str, value: str, shown: str) -> None:
    """Say (in the UI language) that a link's value is not known and what is shown instead."""
    st.warning(t("url.unknown_value", widgets.ui_language(), label=label, value=_shown(value), shown=_shown(shown)))


def url_value(key: str) -> str | None:
    return st.query_params.get(key)


def _initial(key: str, options: Sequence, default):
    """The value from the URL when it names one of `options`, else `default`."""
    by_text = {str(option): option for option in options}
    wanted = url_value(key)
    return by_text.get(wanted, default) if wanted is not None else default


def _seed(key: str, value) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def _single_choice(widget: str, label: str, options: Sequence, key: str, default, container,
                   format_func: Callable, **kwargs):
    """A one-value widget (selectbox, radio) seeded from and written back to the URL."""
    options = list(options)
    if not options:
        return None
    if default not in options:
        default = options[0]
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]
    if key not in st.session_state:
        wanted = url_value(key)
        if wanted is not None and wanted not in {str(option) for option in options}:
            explain_unknown(label, wanted, format_func(default))
    _seed(key, _initial(key, options, default))
    if widget == "selectbox":
        kwargs.setdefault("filter_mode", FILTER_MODE)
    if widget == "selectbox":
        value = widgets.selectbox(container, label, options, key=key, format_func=format_func, **kwargs)
    else:
        value = container.radio(label, options, key=key, format_func=format_func, **kwargs)
    _write(key, value, default)
    return value


def selectbox(label: str, options: Sequence, key: str, default=None, *, container=st,
              format_func: Callable = str, **kwargs):
    """st.selectbox bound to the URL parameter `key` (value = option's str())."""
    return _single_choice("selectbox", label, options, key, default, container, format_func, **kwargs)


def radio(label: str, options: Sequence, key: str, default=None, *, container=st,
          format_func: Callable = str, **kwargs):
    """st.radio bound to the URL parameter `key`."""
    return _single_choice("radio", label, options, key, default, container, format_func, **kwargs)


def multiselect(label: str, options: Sequence, key: str, default: Sequence = (), *, container=st,
                format_func: Callable = str, max_selections: int | None = None, **kwargs) -> list:
    """st.multiselect bound to `key` as a comma-separated list of option codes."""
    options = list(options)
    by_text = {str(option): option for option in options}
    if key not in st.session_state:
        wanted = url_value(key)
        chosen = ([by_text[part] for part in wanted.split(LIST_SEPARATOR) if part in by_text]
                  if wanted else [d for d in default if d in by_text.values()])
        unknown = [part for part in (wanted or "").split(LIST_SEPARATOR) if part and part not in by_text]
        if unknown:
            explain_unknown(label, LIST_SEPARATOR.join(unknown), ", ".join(format_func(v) for v in chosen) or "–")
        st.session_state[key] = chosen[:max_selections] if max_selections else chosen
    else:
        st.session_state[key] = [v for v in st.session_state[key] if v in options]
    kwargs.setdefault("filter_mode", FILTER_MODE)
    kwargs.setdefault("select_all", False)   # no "Select N matches" entry (English only, and Enter would pick it)
    value = widgets.multiselect(container, label, options, key=key, format_func=format_func,
                                max_selections=max_selections, **kwargs)
    text = LIST_SEPARATOR.join(str(v) for v in value)
    if text:
        st.query_params[key] = text
    elif key in st.query_params:
        del st.query_params[key]
    return value


def _write(key: str, value, default) -> None:
    """Keep the URL in step with the widget (the default is written too: links stay explicit)."""
    if value is None:
        if key in st.query_params:
            del st.query_params[key]
        return
    if st.query_params.get(key) != str(value):
        st.query_params[key] = str(value)


def link(page: str, **params) -> str:
    """A relative link to a page with query parameters (for tables and maps)."""
    from urllib.parse import urlencode

    query = urlencode({k: v for k, v in params.items() if v is not None})
    return f"/{page}?{query}" if query else f"/{page}"
