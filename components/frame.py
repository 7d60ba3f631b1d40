"""The shared frame drawn by app.py on every page: language, year and stage in the sidebar (all
in the URL), data-as-of, and the synthetic-data banner. Pages read the choices with `context()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import streamlit as st

from charts.theme import ChartText
from components import cached, url_state, widgets
from components.routing import recover_bare_page
from i18n import DEFAULT_LANGUAGE, LANGUAGES, format_date, format_number, t
from scoring import STAGES
from store.atomic import StoreUnavailable

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


@dataclass(frozen=True)
class Context:
    lang: str
    year: int | None
    stage: str
    data_version: tuple  # the data's state (active snapshots, targets): every cache key carries it
    data_as_of: str
    synthetic: bool

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    def chart_text(self, title: str, units: str = "") -> ChartText:
        source = t("chart.source_synthetic" if self.synthetic else "chart.source_official", self.lang)
        line = t("chart.source", self.lang, source=source, date=format_date(self.data_as_of, self.lang))
        return ChartText(title=title, units=units, source=line, lang=self.lang,
                         decimal="." if self.lang == "en" else ",", shown=partial(format_number, lang=self.lang))


def language() -> str:
    """The UI language from the session or the URL, before any widget is drawn."""
    return widgets.ui_language()


def shared_frame() -> Context:
    """Draw the sidebar and banner; store and return the page context."""
    lang = url_state.radio(t("sidebar.language", language()), LANGUAGES, key="lang",
                           default=DEFAULT_LANGUAGE, container=st.sidebar,
                           format_func=LANGUAGE_NAMES.get, horizontal=True)
    store = cached.store()
    snapshots = store.active_snapshots()
    years = sorted({s.year for s in snapshots}, reverse=True)
    stage = url_state.radio(t("sidebar.stage", lang), STAGES, key="stage", default="II",
                            container=st.sidebar, horizontal=True,
                            format_func=lambda s: t("sidebar.stage_option", lang, stage=s))
    year = url_state.selectbox(t("sidebar.year", lang), years, key="year",
                               default=years[0] if years else None, container=st.sidebar)
    as_of = max((s.created_at for s in snapshots), default="")
    synthetic = any(s.synthetic for s in snapshots)
    if as_of:
        st.sidebar.caption(t("sidebar.data_as_of", lang, date=format_date(as_of, lang)))
    context = Context(lang=lang, year=year, stage=stage, data_version=cached.data_version(), data_as_of=as_of,
                      synthetic=synthetic)
    st.session_state["_context"] = context
    return context


def context() -> Context:
    """The page's context (drawn by app.py's shared frame); also draws the synthetic-data banner
    at the top of the page, so nobody reads demo figures as official results."""
    recover_bare_page()   # a server started with plain `streamlit run app.py` (components/routing.py)
    ctx = st.session_state["_context"]
    if ctx.synthetic:
        st.warning(t("banner.synthetic", ctx.lang))
    return ctx


def guide(ctx: Context, page: str) -> None:
    """The page's short 'how to read this page' guide, folded (i18n key guide.<page>); `{top}` in a
    guide is the top level of the chosen year's framework (the scale the page's scores are on)."""
    framework = cached.framework_of(ctx.year, ctx.stage) if ctx.year is not None else None
    frameworks = [framework] if framework is not None else cached.store().frameworks()
    top = max((f.max_level for f in frameworks), default="")
    with st.expander(ctx.t("guide.title"), icon=":material/help:"):
        st.markdown(ctx.t(f"guide.{page}", top=top))


def has_data(ctx: Context) -> bool:
    """Show the right message and return False when the chosen year/stage has no snapshot."""
    if ctx.year is None:
        st.info(ctx.t("empty.no_data"))
        return False
    if cached.store().active_snapshot(ctx.year, ctx.stage) is None:
        st.info(ctx.t("empty.no_year_stage", year=ctx.year, stage=ctx.stage))
        return False
    return True


def run(navigation, lang: str) -> None:
    """Draw the shared frame and run the chosen page; a store that cannot answer (a damaged
    manifest, a missing snapshot file) is said in the UI language instead of a traceback."""
    try:
        shared_frame()
        navigation.run()
    except StoreUnavailable as error:
        st.error(error.message(lang))
