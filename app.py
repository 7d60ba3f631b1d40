"""Matra: routes pages and draws the shared frame. Loads no data and holds no rule."""

import streamlit as st

from components import frame
from i18n import t

st.set_page_config(page_title="Matra", page_icon="🏙️", layout="wide")

lang = frame.language()
PAGES = [
    st.Page("pages/overview.py", title=t("nav.overview", lang), default=True),
    st.Page("pages/region.py", title=t("nav.region", lang), url_path="region"),
    st.Page("pages/compare.py", title=t("nav.compare", lang), url_path="compare"),
    st.Page("pages/gaps.py", title=t("nav.gaps", lang), url_path="gaps"),
    st.Page("pages/plan.py", title=t("nav.plan", lang), url_path="plan"),
    st.Page("pages/readiness.py", title=t("nav.readiness", lang), url_path="readiness"),
    st.Page("pages/trends.py", title=t("nav.trends", lang), url_path="trends"),
    st.Page("pages/method.py", title=t("nav.method", lang), url_path="method"),
    st.Page("pages/present.py", title=t("nav.present", lang), url_path="present"),
    st.Page("pages/data.py", title=t("nav.data", lang), url_path="data"),
]
navigation = st.navigation(PAGES)
frame.run(navigation, lang)
