"""Year-on-year improvement, flagging a change of framework version between the two years."""

from __future__ import annotations

import pandas as pd


def improvement(current: pd.DataFrame, previous: pd.DataFrame, *, current_framework: str,
                previous_framework: str | None, keys: tuple[str, ...] = ("region_code",)
                ) -> pd.DataFrame:
    """Score this year minus the score the year before (same stage), per key.

    `current` and `previous` have the key columns and `score`. Output: keys, score,
    previous_score (NA when not assessed the year before), improvement, method_changed (True when
    the two years were scored with different framework versions: the change is then partly a
    change of method, and the UI must say so).
    """
    keys = list(keys)
    merged = current[[*keys, "score"]].merge(
        previous[[*keys, "score"]].rename(columns={"score": "previous_score"}), on=keys, how="left")
    merged["improvement"] = merged["score"] - merged["previous_score"]
    changed = previous_framework is not None and previous_framework != current_framework
    merged["method_changed"] = changed & merged["previous_score"].notna()
    return merged
