"""Region pickers bound to the URL."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components import cached, frame, url_state


def region_label(regions) -> dict[str, str]:
    return {code: f"{name} ({code})" for code, name in zip(regions["code"], regions["name"], strict=True)}


LAST_REGION = "_last_region"


def region_picker(ctx, label: str, key: str = "region", default: str | None = None, container=st) -> str:
    """One region (URL parameter `key`). Without one in the URL: the region last looked at on any
    page (so moving from a profile to Compare or Gaps keeps the region), else the top of the ranking."""
    regions = cached.regions()
    labels = region_label(regions)
    codes = sorted(labels, key=labels.get)
    if default is None:
        default = st.session_state.get(LAST_REGION)
    if default is None and ctx.year is not None and cached.store().active_snapshot(ctx.year, ctx.stage):
        ranking = cached.ranking(ctx.data_version, ctx.year, ctx.stage)
        default = ranking["region_code"].iloc[0] if not ranking.empty else None
    if url_state.url_value(key) is None and default in labels:
        st.session_state[key] = default  # a page switch drops widget state; start from the region in view
    chosen = url_state.selectbox(label, codes, key=key, default=default or codes[0], container=container,
                                 format_func=labels.get)
    st.session_state[LAST_REGION] = chosen
    return chosen


def start_from_view(ranked: list[str], labels: dict[str, str], count: int = 3) -> list[str]:
    """A multi-region picker's first choice: the region in view (the URL's `region`, else the one
    last looked at), then the best of `ranked` (region codes, best first), `count` in all."""
    in_view = url_state.url_value("region") or st.session_state.get(LAST_REGION)
    first = [in_view] if in_view in labels else []
    return (first + [code for code in ranked if code != in_view])[:count]


@dataclass(frozen=True)
class RegionView:
    """What a one-region page needs after its picker: the region and the year's framework names."""

    region: str
    name: str
    province: str
    framework: object
    band_names: dict
    dimension_names: dict
    element_names: dict


def region_view(ctx, title_key: str) -> RegionView:
    """Draw the region picker and the page title; stop the page when the year/stage has no cached."""
    if not frame.has_data(ctx):
        st.stop()
    region = region_picker(ctx, ctx.t("region.pick"))
    regions = cached.regions().set_index("code")
    name = regions.loc[region, "name"]
    st.title(ctx.t(title_key, name=name))
    frame.guide(ctx, title_key.split(".")[0])
    framework = cached.framework_of(ctx.year, ctx.stage)
    return RegionView(
        region=region, name=name, province=regions.loc[region, "province_name"], framework=framework,
        band_names=framework.band_names(ctx.lang),
        dimension_names=framework.dimension_names(ctx.lang),
        element_names=framework.element_names(ctx.lang),
    )
