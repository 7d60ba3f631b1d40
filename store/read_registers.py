"""The reads of a `Store` over the registers kept beside the snapshots: dimension targets, a region's programmes and
saved what-if scenarios (with their figures computed on the data read now), the evaluation calendar
and evidence readiness.

`RegisterReads` is a mixin of `store.repository.Store`; it writes nothing (the imports and saves are
in `store/write.py`).
"""

from __future__ import annotations

import pandas as pd

from i18n import t
from scoring import Framework
from scoring.whatif import WhatIf, WhatIfError, programme_levels, simulate
from store import calendar, exports, groups, programmes, scenarios, targets
from store.scenarios import Scenario


def _simulate(inputs: dict, region: str, levels: dict | None, programme_codes) -> WhatIf:
    """scoring.whatif.simulate on `_whatif_inputs`; WhatIfError for a programme not in the register."""
    unknown = set(programme_codes) - (inputs["known"] | set(inputs["links"]["programme_code"]))
    if unknown:
        raise WhatIfError(f"unknown programme {', '.join(sorted(unknown))} of {region}")
    lifts = programme_levels(inputs["links"], list(programme_codes))
    return simulate(inputs["grid"], inputs["framework"], inputs["table"], region, levels=levels, lifts=lifts,
                    province_codes=inputs["provinces"])


class RegisterReads:
    # targets (store/targets.py) ----------------------------------------------------------------
    def targets_table(self, year: int | None = None) -> pd.DataFrame:
        """Stored dimension targets (of `year` when given): region_code, name, year, dimension, target,
        note, updated_at, updated_by."""
        return targets.targets_table(self.data_dir, self.regions(), year)

    def export_targets(self, fmt: str = "csv", year: int | None = None, lang: str = "id") -> bytes:
        """Targets as CSV or XLSX bytes (the targets_table columns), spreadsheet formulas neutralised;
        the file imports back unchanged."""
        table = self.targets_table(year)
        if fmt == "xlsx":
            return exports.xlsx_bytes(table.assign(updated_at=exports.as_dates(table["updated_at"])),
                                      sheet=t("exports.sheet_targets", lang))
        if fmt == "csv":
            return exports.csv_bytes(table)
        raise ValueError("fmt must be csv or xlsx")

    # programmes and what-if (store/programmes.py, scoring/whatif.py) ------------------------------
    def programmes(self, region: str) -> pd.DataFrame:
        """The region's programme register (store.programmes.SCHEMA columns); empty when none."""
        return programmes.read_programmes(self.data_dir, region)

    def programmes_stamp(self, region: str) -> tuple:
        """Changes when the region's register gets a new version (a cache key)."""
        return programmes.register_stamp(self.data_dir, region)

    def scenarios_stamp(self, region: str) -> tuple:
        """Changes when a scenario of the region is saved or deleted (a cache key)."""
        return scenarios.stamp(self.data_dir, region)

    def export_programmes(self, region: str, fmt: str = "csv", lang: str = "en") -> bytes:
        """The region's register as CSV or XLSX in import form, formulas neutralised."""
        frame = programmes.export_frame(self.programmes(region), lang)
        if fmt == "xlsx":
            return exports.xlsx_bytes(frame, sheet=t("exports.sheet_programmes", lang))
        if fmt == "csv":
            return exports.csv_bytes(frame)
        raise ValueError("fmt must be csv or xlsx")

    def programme_framework(self) -> Framework:
        """The framework programme links are checked against: the one covering the latest year."""
        return max(self.frameworks(), key=lambda f: max(f.years))

    def whatif(self, region: str, year: int, stage: str, *, levels: dict | None = None,
               programme_codes: list[str] | tuple[str, ...] = ()) -> WhatIf | None:
        """Index, band, national and province rank before and after setting `levels` (code -> level or
        "verify") and finishing `programme_codes` as planned. None when the region was not assessed.
        Raises WhatIfError for an unknown indicator, level or programme code."""
        inputs = self._whatif_inputs(region, year, stage)
        return None if inputs is None else _simulate(inputs, region, levels, programme_codes)

    def _whatif_inputs(self, region: str, year: int, stage: str) -> dict | None:
        """What every what-if of one region, year and stage starts from (read once for many scenarios)."""
        grid = self.region_indicators(region, year, stage)
        if grid.empty:
            return None
        register = self.programmes(region)
        return {"grid": grid, "links": programmes.links(register), "known": set(register["programme_code"]),
                "table": self.scores(year, stage, "index"), "framework": self.framework_of(year, stage),
                "provinces": dict(zip(self.regions()["code"], self.regions()["province_code"], strict=True))}

    # saved scenarios (store/scenarios.py) --------------------------------------------------------
    def scenarios(self, region: str, year: int | None = None, stage: str | None = None) -> list[Scenario]:
        """The region's saved scenarios (newest first), only those starting from `year`/`stage` when given."""
        return [s for s in scenarios.read_scenarios(self.data_dir, region)
                if (year is None or s.year == year) and (stage is None or s.stage == stage)]

    def skipped_scenarios(self, region: str) -> list[tuple[str, str, str]]:
        """(file, why in Indonesian, why in English) for each of the region's scenario files that
        cannot be read (damaged, too large, nested too deep); they are left out of `scenarios`."""
        return scenarios.skipped_scenarios(self.data_dir, region)

    def scenario(self, region: str, scenario_id: str) -> Scenario | None:
        return scenarios.read_scenario(self.data_dir, region, scenario_id)

    def scenario_result(self, scenario: Scenario) -> WhatIf | None:
        """The scenario's index, band and ranks before and after, on the data read now."""
        return self.whatif(scenario.region, scenario.year, scenario.stage, levels=scenario.levels,
                           programme_codes=scenario.programmes)

    def scenario_table(self, regions: list[str], year: int, stage: str) -> pd.DataFrame:
        """The saved scenarios of `regions` starting from `year`/`stage`, each beside the actual figures:
        region_code, scenario_id, name, changes (indicators set + programmes), index_before, index_after,
        band_before, band_after, rank_before, rank_after, province_rank_before, province_rank_after.
        A scenario that no longer applies (an indicator or programme gone) is left out."""
        rows = []
        for region in regions:
            saved = self.scenarios(region, year, stage)
            inputs = self._whatif_inputs(region, year, stage) if saved else None
            for scenario in saved if inputs is not None else ():
                try:
                    result = _simulate(inputs, region, scenario.levels, scenario.programmes)
                except WhatIfError:
                    continue
                if result is not None:
                    rows.append({"region_code": region, "scenario_id": scenario.id, "name": scenario.name,
                                 "changes": len(scenario.levels) + len(scenario.programmes), **result.as_dict()})
        columns = ["region_code", "scenario_id", "name", "changes", "index_before", "index_after", "band_before",
                   "band_after", "rank_before", "rank_after", "province_rank_before", "province_rank_after"]
        return pd.DataFrame(rows, columns=columns)

    # evidence readiness (store/calendar.py, scoring/readiness.py) -------------------------------
    def evaluation_groups(self, year: int | None = None) -> pd.DataFrame:
        """year, region_code, group: the evaluation group each region is ranked in (of `year` when given),
        from data/groups/groups.csv; empty when there is none."""
        table = groups.read_groups(self.data_dir)
        return table if year is None else table[table["year"] == year].reset_index(drop=True)

    def group_names(self, lang: str) -> dict[str, str]:
        """Evaluation group code -> its name in `lang` (data/groups/names.csv)."""
        names = groups.group_names(self.data_dir)
        return {code: english if lang == "en" else indonesian for code, (indonesian, english) in names.items()}

    def calendar(self) -> pd.DataFrame:
        """Evaluation windows: year, stage, opens, closes (dates), note; empty when none is set."""
        return calendar.read_calendar(self.data_dir)

    def evidence_by_province(self, year: int, stage: str) -> pd.DataFrame:
        """province_code, province_name, indicator_code, verified (regions), regions (assessed)."""
        return self.database.query("evidence_by_province", year=year, stage=stage)


