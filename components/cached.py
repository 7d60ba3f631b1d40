"""Cached access to the store for pages: one shared Store per data folder, results cached per
snapshot state and selection, so a repeated view costs only drawing.

Every cached function takes `data_version` (the manifest's snapshots and statuses, plus the stamps
of the targets and calendar files): a new or retracted snapshot, or a saved target or calendar,
changes it, and with it every cache key. It is read from the files on every run, never from memory,
so a change committed by another server process on the same data folder shows on the next run
(docs/deployment.md). Programme registers and meeting notes are read per run, never cached here.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from scoring import Framework
from store import Store, catalog, groups, shared_store
from store.calendar import CALENDAR_FILE
from store.official import OFFICIAL_MANIFEST
from store.settings import data_dir
from store.targets import TARGETS_FILE


def store() -> Store:
    return shared_store(str(data_dir()))


def _file_stamp(path) -> tuple:
    """Modification time, size and inode of a file ((), when absent). Every write replaces the file
    (store.atomic), so one of them changes even when two writes fall in the same clock tick."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return ()
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def data_version() -> tuple:
    """Changes whenever the set of active snapshots, the targets, the evaluation calendar, the
    official results, the evaluation groups or a framework file change (the calendar is a sheet of the cached evidence
    workbooks, sections/readiness/evidence.py)."""
    folder = store().data_dir
    stamps = (_file_stamp(folder / TARGETS_FILE), _file_stamp(folder / CALENDAR_FILE),
              _file_stamp(folder / OFFICIAL_MANIFEST),
              catalog.stamp(store().framework_dir),   # an imported framework version
              groups.stamp(folder))                    # the evaluation groups
    return (*((s.id, s.status) for s in store().snapshots()), stamps)


@st.cache_data(show_spinner=False, max_entries=64)
def ranking(data_version: tuple, year: int, stage: str) -> pd.DataFrame:
    return store().ranking(year, stage)


@st.cache_data(show_spinner=False, max_entries=64)
def scores(data_version: tuple, year: int, stage: str, by: str) -> pd.DataFrame:
    return store().scores(year, stage, by)


@st.cache_data(show_spinner=False, max_entries=256)
def region_scores(data_version: tuple, region: str, year: int, stage: str) -> pd.DataFrame:
    return store().region_scores(region, year, stage)


@st.cache_data(show_spinner=False, max_entries=256)
def trend(data_version: tuple, regions: tuple[str, ...], stage: str, kind: str = "index") -> pd.DataFrame:
    return store().trend(list(regions), stage, kind)


@st.cache_data(show_spinner=False, max_entries=256)
def region_indicators(data_version: tuple, region: str, year: int, stage: str) -> pd.DataFrame:
    return store().region_indicators(region, year, stage)


@st.cache_data(show_spinner=False, max_entries=256)
def targets(data_version: tuple, region: str, year: int) -> dict[str, float]:
    return store().targets(region, year)


@st.cache_data(show_spinner=False, max_entries=8)
def cohorts(data_version: tuple) -> pd.DataFrame:
    return store().cohorts()


@st.cache_data(show_spinner=False, max_entries=16)
def national_medians(data_version: tuple, stage: str, kind: str = "index") -> pd.DataFrame:
    return store().national_medians(stage, kind)


@st.cache_data(show_spinner=False, max_entries=16)
def cohort_medians(data_version: tuple, stage: str, provinces: tuple[str, ...] = ()) -> pd.DataFrame:
    return store().cohort_medians(stage, provinces)


@st.cache_data(show_spinner=False, max_entries=64)
def index_pair(data_version: tuple, first: tuple[int, str], second: tuple[int, str]) -> pd.DataFrame:
    return store().index_pair(first, second)


def regions() -> pd.DataFrame:
    return store().regions()


def basemap():
    """Land and province borders under every map (store.catalog.basemap reads the file once)."""
    return store().basemap()


def framework_for(year: int) -> Framework | None:
    return store().framework_for(year)


@st.cache_data(show_spinner=False, max_entries=16)
def method_changes(data_version: tuple, stage: str) -> list[int]:
    """Years of `stage` read with another framework than the assessed year before (views.trends)."""
    from views.trends import method_change_years

    ids = {year: store().framework_of(year, stage).id for year in store().years(stage)}
    return method_change_years(ids)


@st.cache_data(show_spinner=False, max_entries=8)
def _group_names(stamp: tuple, lang: str) -> dict[str, str]:
    return store().group_names(lang)


def group_names(lang: str) -> dict[str, str]:
    """Evaluation group code -> its name in `lang` (data/groups/names.csv), read again only when a
    groups file changes (parsing the CSV was 5 % of a compare page run)."""
    return _group_names((str(data_dir()), groups.stamp(store().data_dir)), lang)


def framework_of(year: int, stage: str) -> Framework | None:
    """The framework a year and stage is read with (the one recorded with its snapshot)."""
    return store().framework_of(year, stage)


@st.cache_data(show_spinner=False, max_entries=128)
def change(data_version: tuple, region: str, year: int, stage: str):
    return store().change(region, year, stage)


@st.cache_data(show_spinner=False, max_entries=64)
def claims(data_version: tuple, year: int, regions: tuple[str, ...] = ()) -> pd.DataFrame:
    """Claim outcomes of `regions` (all when empty) in `year` (Store.claims)."""
    return store().claims(year, list(regions) or None)


@st.cache_data(show_spinner=False, max_entries=64)
def claims_model(data_version: tuple, year: int, regions: tuple[str, ...] = ()):
    """views.claims.claims_model of `claims(...)` (None when there are none), the same for every session."""
    from views.claims import claims_model as model

    return model(claims(data_version, year, regions))


@st.cache_data(show_spinner=False, max_entries=64)
def province_summary(data_version: tuple, year: int, stage: str, selection, levels: tuple[int, ...]) -> pd.DataFrame:
    """scoring.summaries.province_summary of the overview's ranking for `selection`
    (views.overview.OverviewSelection), the same for every session."""
    from scoring.summaries import province_summary as summary
    from views.overview import shown_ranking

    return summary(shown_ranking(source(data_version), year, stage, selection), list(levels))


class CachedSource:
    """The store's reads for the view layer (views.*), answered from the caches above for one
    data version: the same interface as a Store or an agenda's frozen data."""

    def __init__(self, data_version: tuple):
        self.data_version = data_version

    def ranking(self, year: int, stage: str) -> pd.DataFrame:
        return ranking(self.data_version, year, stage)

    def scores(self, year: int, stage: str, by: str) -> pd.DataFrame:
        return scores(self.data_version, year, stage, by)

    def cohorts(self) -> pd.DataFrame:
        return cohorts(self.data_version)


def source(data_version: tuple) -> CachedSource:
    """The cached reads of `data_version` for views.* questions."""
    return CachedSource(data_version)


# --- Figures shared across sessions ------------------------------------------------------------------
# Building and validating a plotly figure is most of a page run's CPU once the store reads are cached
# (docs/benchmark.md), and every session at the same data version and selection builds the same one.
# st.cache_resource hands every session the same go.Figure object: st.cache_data would pickle it, and
# unpickling a Figure re-validates it (7 ms for the overview map against 22 ms to build it; 0 here).
# The rule that makes sharing safe: a shared figure is never changed after it is built; pages only
# hand it to st.plotly_chart, which copies it (Figure.to_dict) before serialising.


@st.cache_resource(show_spinner=False, max_entries=128)
def _shared_figure(key: tuple, _build):
    return _build()


def shared_figure(key: tuple, build):
    """`build()`'s figure, built once per process for `key`. `key` must hold everything the figure
    depends on: the page's Context (data version, year, stage, language, data-as-of) and the
    selection; `build` takes no arguments (a closure over the page's frames) and is not part of the
    key. The figure is shared by every session: never change it."""
    return _shared_figure((str(data_dir()), *key), build)   # one data folder's figures never serve another's


def frame_key(frame: pd.DataFrame) -> tuple:
    """A small frame's columns and rows, as part of a `shared_figure` key when a figure is drawn from
    it (its whole content, so the key cannot miss a change; meant for chart frames of tens of rows)."""
    return tuple(frame.columns), tuple(frame.itertuples(index=False, name=None))


# --- Per-region answers every session at one data version asks the same way ------------------------

def programmes_stamp(region: str) -> tuple:
    """Changes when the region's programme register gets a new version (Store.programmes_stamp)."""
    return store().programmes_stamp(region)


@st.cache_data(show_spinner=False, max_entries=128)
def _programmes(stamp: tuple, region: str) -> pd.DataFrame:
    return store().programmes(region)


def programmes(region: str) -> pd.DataFrame:
    """The region's programme register (Store.programmes), read again only after a new import."""
    return _programmes(programmes_stamp(region), region)


@st.cache_data(show_spinner=False, max_entries=256)
def _whatif(data_version: tuple, stamp: tuple, region: str, year: int, stage: str, levels: tuple,
            programme_codes: tuple[str, ...]):
    return store().whatif(region, year, stage, levels=dict(levels), programme_codes=list(programme_codes))


def whatif(data_version: tuple, region: str, year: int, stage: str, levels: dict, programme_codes) -> object:
    """Store.whatif, cached by the data version, the register's version and the choices (a WhatIf or
    None; WhatIfError is raised again on every call, never cached)."""
    return _whatif(data_version, programmes_stamp(region), region, year, stage, tuple(sorted(levels.items())),
                   tuple(programme_codes))


@st.cache_data(show_spinner=False, max_entries=128)
def gap_answers(data_version: tuple, region: str, year: int, stage: str) -> dict:
    """The gaps page's questions of one region (views.region / scoring.gaps): priorities, the OPD
    summary and the fewest-actions plans, computed once per data version (targets are in it)."""
    from scoring.gaps import opd_summary
    from views.region import plans, top_priorities

    grid = region_indicators(data_version, region, year, stage)
    framework = framework_of(year, stage)
    region_targets = targets(data_version, region, year)
    return {"top": top_priorities(grid, framework, region_targets),
            "opds": opd_summary(grid, framework, region_targets), "plans": plans(grid, framework)}


@st.cache_data(show_spinner=False, max_entries=64)
def action_list(data_version: tuple, region: str, year: int, stage: str, lang: str) -> pd.DataFrame:
    """The gaps page's action list as exported (reports.tables.action_table)."""
    from reports.tables import action_table

    return action_table(store(), region, year, stage, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def _plan_answers(data_version: tuple, stamp: tuple, region: str, year: int, stage: str, this_year: int) -> dict:
    from scoring.whatif import programme_effects
    from store.programmes import links
    from views.action import plan_summary

    grid = region_indicators(data_version, region, year, stage)
    framework = framework_of(year, stage)
    register = _programmes(stamp, region)
    effects = programme_effects(grid, framework, links(register))
    return {"summary": plan_summary(grid, framework, register, this_year, effects), "effects": effects}


def plan_answers(data_version: tuple, region: str, year: int, stage: str, this_year: int) -> dict:
    """The plan page's summary (views.action.plan_summary) and each programme's effect
    (scoring.whatif.programme_effects), once per data version and register version."""
    return _plan_answers(data_version, programmes_stamp(region), region, year, stage, this_year)


@st.cache_data(show_spinner=False, max_entries=8)
def official_table(data_version: tuple) -> pd.DataFrame:
    """Every official (published) result with recomputed and difference (store.official_table)."""
    return store().official_table()


@st.cache_data(show_spinner=False, max_entries=32)
def official_ranking(data_version: tuple, year: int) -> pd.DataFrame:
    """The published figures of `year` ranked among themselves (store.official_ranking)."""
    return store().official_ranking(year)
