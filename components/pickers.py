"""Region pickers bound to the URL."""

from __future__ import annotations

import streamlit as st

from components import data, url_state


def region_label(regions) -> dict[str, str]:
    return {code: f"{name} ({code})" for code, name in zip(regions["code"], regions["name"], strict=True)}


def region_picker(ctx, label: str, key: str = "region", default: str | None = None, container=st) -> str:
    """One region (URL parameter `key`); defaults to the top of the current ranking."""
    regions = data.regions()
    labels = region_label(regions)
    codes = sorted(labels, key=labels.get)
    if default is None and ctx.year is not None and data.store().active_snapshot(ctx.year, ctx.stage):
        ranking = data.ranking(ctx.version, ctx.year, ctx.stage)
        default = ranking["region_code"].iloc[0] if not ranking.empty else None
    return url_state.selectbox(label, codes, key=key, default=default or codes[0], container=container,
                               format_func=labels.get)
