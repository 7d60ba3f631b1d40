"""How a Data page section reports a write: the count written, or why nothing was written (refused
with every problem, the store busy, the disk refused, the role gone since the page was drawn)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components import auth
from store import IngestRefused
from store.atomic import StoreBusy, StoreUnavailable


def report_write(ctx, write: Callable[[], int], success_key: str, refused: Callable[[list], None]) -> None:
    """Run `write()` and say `success_key` with its count; an IngestRefused's problems go to `refused`
    (every problem with file, row, column and value; nothing written). Never raises to the page."""
    try:
        count = write()
    except IngestRefused as refusal:
        refused(refusal.problems)
    except StoreBusy:
        st.warning(ctx.t("data.busy"))
    except StoreUnavailable as error:   # the disk refused (read-only, full): nothing written
        st.error(error.message(ctx.lang))
    except auth.NotAllowed:   # signed out, or the role changed, since the page was drawn
        st.error(ctx.t("auth.not_allowed"))
    else:
        st.success(ctx.t(success_key, count=count))
