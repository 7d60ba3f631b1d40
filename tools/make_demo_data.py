"""Generate the synthetic demo snapshots (seeded) and write them through the store.

    python tools/make_demo_data.py [--data-dir DIR] [--seed 2017] [--fresh]
    python tools/make_demo_data.py --scale N --out DIR [--seed 2017]

The first form adds the demo snapshots to a data folder (by default the bundled data/). The second
writes a complete new data folder DIR (framework, calendar and official results copied from data/, reference with
every region cloned N times, snapshots) that `MATRA_DATA_DIR=DIR make run` serves; DIR must be
empty or absent, and data/ is only read.

SYNTHETIC data shaped like the public programme (Gerakan Menuju Smart City), years 2017-2025, on
the published 0-4 scale (levels 0..max_level of the framework):

- Public facts it follows: members (running totals) 25 (2017), 75 (2018), 100 (2019), 100 (2020),
  141 (2021), 191 (2022), 241 (2023 onward); stage II verified 75 regions in 2020, 100 in 2021 and
  141 in 2023 (the published result letters); from 2024 stage II covers all 241 in two evaluation
  groups, each ranked apart: "reguler" (the 191 regions of 2017-2022) and the 50 of the 2023 cohort.
  The published indices lie in 2.04-3.93 (the best cities near 3.8-3.95). The chain weights change
  in 2022 (smartcity-2019.toml covers 2017-2021, smartcity-2022.toml 2022 on).
- Written beside the snapshots: data/groups/groups.csv (year, region_code, group: every region of
  each year's stage II and its evaluation group; one group "reguler" before 2024) and
  data/groups/names.csv (group, name_id, name_en). The group is data, not a rule in the app.
- Invented: the stage II scope of 2017-2019 and 2022 (a lag of one or two years), which regions join
  when (by a readiness score: kota, Java-Bali and the large metropolitan cities first; Kota Surabaya
  is forced into 2017 and Kabupaten Jember into 2018 so the pages' example regions have both stages
  in recent years), every level, every evidence status and every note.

Stage semantics: stage I rows are the region's claims (level = claimed_level; evidence submitted or
missing; "verified" only where an earlier verification may be carried forward: a suprastruktur
indicator - a regulation or institution - whose claim does not exceed the level verified in the
previous year's stage II). Stage II rows verify the same region's stage I claims: claimed_level is
the stage I claim, level is at most the claim; an over-claim is lowered to what the evidence
supports, some claims are rejected (evidence missing), with rejection rates that differ by owner
OPD and dimension. Indicators flagged `follows_up_previous` are 0 in a region's first year.
`--scale 10 --out DIR` clones every region ten times into a synthetic reference list (the
benchmark's 10x set): the cohorts and every rate scale with the number of regions.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring import STAGES
from store import Store

BUNDLED_DATA = Path(__file__).resolve().parent.parent / "data"
YEARS = range(2017, 2026)
# New members per year: running totals 25, 75, 100, 100, 141, 191, 241 (no new member in 2020 or after 2023).
COHORT_SIZES = {2017: 25, 2018: 50, 2019: 25, 2021: 41, 2022: 50, 2023: 50}
# Stage II of year Y verifies the cohorts up to Y - lag: 2020 the 75 of 2017-2018, 2021 the 100 of
# 2017-2019, 2023 the 141 of 2017-2021 (published counts); from 2024 every member, in two groups.
STAGE_II_LAG = {2017: 0, 2018: 1, 2019: 1}
DEFAULT_STAGE_II_LAG = 2
EVERY_MEMBER_FROM = 2024
# Evaluation groups (from EVERY_MEMBER_FROM the newest cohort is ranked apart, as in the 2024 letters).
GROUP_NAMES = {"reguler": ("Reguler (angkatan 2017-2022)", "Regular (2017-2022 cohorts)"),
               "angkatan-2023": ("Angkatan 2023", "2023 cohort")}
REGULAR_GROUP, NEWEST_GROUP, NEWEST_COHORT = "reguler", "angkatan-2023", 2023
FORCED_COHORTS = {"35.78": 2017, "35.09": 2018}  # Kota Surabaya, Kabupaten Jember (example regions)
JAVA_BALI_PROVINCES = {"31", "32", "33", "34", "35", "36", "51"}
METRO_CITIES = {"Kota Surabaya", "Kota Bandung", "Kota Semarang", "Kota Medan", "Kota Makassar",
                "Kota Palembang", "Kota Denpasar", "Kota Yogyakarta", "Kota Malang", "Kota Tangerang",
                "Kota Bekasi", "Kota Depok", "Kota Bogor", "Kota Batam", "Kota Pekanbaru",
                "Kota Balikpapan", "Kota Manado", "Kota Padang", "Kota Samarinda", "Kota Banjarmasin"}
CARRY_FORWARD_ASPECT = "suprastruktur"
# The shape of the national picture (tuned so verified stage II indices look like the published ones).
BASE, READINESS_WEIGHT, GROWTH = 2.0, 0.3, (0.12, 0.35)
REJECTION, PRACTICE_PER_YEAR, PRACTICE_READINESS, SETBACK_SHARE = 0.10, 0.012, 0.02, 0.08
# How often a claim's evidence fails verification, by owner OPD and dimension (added to a base rate).
OPD_REJECTION = {"Diskominfo": -0.04, "Disdukcapil": -0.03, "DPMPTSP": -0.02, "Inspektorat": -0.02,
                 "Bapperida": 0.02, "Dinas Pariwisata": 0.08, "Disperindag": 0.06,
                 "Dinas Koperasi dan UMKM": 0.07, "DLH": 0.05, "Dinas Sosial": 0.04, "BPBD": 0.04}
OPD_OVERCLAIM = {"Dinas Pariwisata": 0.12, "Disperindag": 0.08, "Dinas Koperasi dan UMKM": 0.10,
                 "DLH": 0.06, "Dinas PUPR": 0.04, "Diskominfo": -0.05}
DIMENSION_REJECTION = {"GOV": -0.02, "BRA": 0.03, "ECO": 0.04, "LIV": 0.0, "SOC": 0.01, "ENV": 0.03}
CHAIN_REJECTION = {"baseline": -0.02, "output": 0.0, "outcome": 0.02, "impact": 0.05, "quick_win": 0.0}
NOTES_I = ["", "", "", "", "", "", "Dokumen pendukung diunggah ulang", "Menunggu SK terbaru",
           "Aplikasi sudah berjalan di 3 OPD", "Anggaran di DPA tahun berjalan"]
NOTES_LOWERED = ["Tingkat disesuaikan dengan bukti dukung", "Dokumen belum ditetapkan kepala daerah",
                 "Baru berjalan di sebagian OPD"]
NOTES_REJECTED = ["Bukti dukung tidak ditemukan saat verifikasi", "Tautan bukti dukung tidak dapat dibuka"]


def stage_two_cohort_limit(year: int) -> int:
    if year >= EVERY_MEMBER_FROM:
        return year
    return year - STAGE_II_LAG.get(year, DEFAULT_STAGE_II_LAG)


def evaluation_groups(profiles: pd.DataFrame) -> pd.DataFrame:
    """year, region_code, group: every region of each year's stage II and the group it is ranked in."""
    frames = []
    for year in YEARS:
        cohort = profiles["cohort"]
        verified = profiles[(cohort > 0) & (cohort <= stage_two_cohort_limit(year))]
        newest = (verified["cohort"] == NEWEST_COHORT) & (year >= EVERY_MEMBER_FROM)
        frames.append(pd.DataFrame({"year": year, "region_code": verified["region_code"],
                                    "group": np.where(newest, NEWEST_GROUP, REGULAR_GROUP)}))
    return pd.concat(frames, ignore_index=True).sort_values(["year", "region_code"], ignore_index=True)


def region_profiles(regions: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Per region: readiness (cohort order), cohort year, growth per year and a base level."""
    kota = (regions["kind"] == "kota").to_numpy()
    readiness = (1.2 * kota + 0.5 * regions["province_code"].isin(JAVA_BALI_PROVINCES).to_numpy()
                 + 1.5 * regions["name"].isin(METRO_CITIES).to_numpy() + rng.normal(0, 0.6, len(regions)))
    codes = regions["code"].to_numpy()
    scale = len(regions) / 514
    cohorts = np.full(len(regions), 0)  # 0: not (yet) in the programme
    slots = {year: round(size * scale) for year, size in COHORT_SIZES.items()}
    for code, year in FORCED_COHORTS.items():
        at = np.flatnonzero(codes == code)
        if at.size and slots[year] > 0:
            cohorts[at] = year
            slots[year] -= 1
    free = [i for i in np.argsort(-readiness, kind="stable") if cohorts[i] == 0]
    position = 0
    for year, count in slots.items():
        cohorts[free[position:position + count]] = year
        position += count
    return pd.DataFrame({
        "region_code": codes, "readiness": readiness, "cohort": cohorts,
        "growth": rng.uniform(GROWTH[0], GROWTH[1], len(regions)),
        "base": BASE + READINESS_WEIGHT * readiness + rng.normal(0, 0.3, len(regions)),
        "overclaim": rng.uniform(0.15, 0.45, len(regions)),  # tendency to claim above the evidence
    })


class Programme:
    """Draws the years one after the other, remembering last year's verification (carry-forward)."""

    def __init__(self, profiles: pd.DataFrame, indicators: pd.DataFrame, follow_up: np.ndarray,
                 rng: np.random.Generator, top: int):
        self.profiles, self.indicators, self.rng, self.top = profiles, indicators, rng, top
        shape = (len(profiles), len(indicators))
        self.shape = shape
        self.latent = (profiles["base"].to_numpy()[:, None] + rng.normal(0, 0.5, shape[1])[None, :]
                       + rng.normal(0, 0.45, shape))
        self.follow_up = follow_up[None, :]
        opd = indicators["owner_opd"].map(OPD_REJECTION).fillna(0).to_numpy()
        dim = indicators["dimension"].map(DIMENSION_REJECTION).fillna(0).to_numpy()
        chain = indicators["chain"].map(CHAIN_REJECTION).fillna(0).to_numpy()
        self.rejection = (REJECTION + opd + dim + chain)[None, :]
        self.overclaim_extra = indicators["owner_opd"].map(OPD_OVERCLAIM).fillna(0).to_numpy()[None, :]
        self.carry_aspect = (indicators["aspect"] == CARRY_FORWARD_ASPECT).to_numpy()[None, :]
        self.last_verified = np.full(shape, -1)  # level verified in the previous year's stage II, -1 none

    def year(self, year: int) -> tuple[pd.DataFrame, pd.DataFrame | None]:
        rng, shape, profiles = self.rng, self.shape, self.profiles
        cohort = profiles["cohort"].to_numpy()
        in_stage_one = (cohort > 0) & (cohort <= year)
        in_stage_two = (cohort > 0) & (cohort <= stage_two_cohort_limit(year))
        years_in = np.clip(year - cohort, 0, None)[:, None]
        setback = np.where(rng.random(shape[0]) < SETBACK_SHARE, -0.6, 0.0) + rng.normal(0, 0.12, shape[0])
        maturity = (self.latent + profiles["growth"].to_numpy()[:, None] * years_in + setback[:, None]
                    + rng.normal(0, 0.3, shape))
        first_year = (years_in == 0) & self.follow_up
        true_level = np.where(first_year, 0, np.clip(np.rint(maturity), 0, self.top)).astype(int)
        overclaim_p = np.clip(profiles["overclaim"].to_numpy()[:, None] - 0.02 * years_in
                              + self.overclaim_extra, 0.02, 0.8)
        over = (rng.random(shape) < overclaim_p) * rng.choice([1, 1, 1, 2], shape)
        claim = np.where(first_year, 0, np.clip(true_level + over, 0, self.top))
        # practice: evidence gets better with the years in the programme and with readiness
        practice = (years_in * PRACTICE_PER_YEAR + profiles["readiness"].to_numpy()[:, None] * PRACTICE_READINESS)

        missing_one = (rng.random(shape) < np.clip(0.06 - practice / 2, 0.005, 0.2)) | (claim == 0)
        carried = (self.carry_aspect & (self.last_verified >= claim) & (claim > 0) & ~missing_one)
        evidence_one = np.where(carried, "verified", np.where(missing_one, "missing", "submitted"))
        rejected = ~carried & (claim > 0) & (
            (missing_one & (rng.random(shape) < 0.85))
            | (rng.random(shape) < np.clip(self.rejection - practice, 0.01, 0.5)))
        verified_level = np.where(carried, claim, np.minimum(true_level, claim))
        evidence_two = np.where(rejected | (claim == 0), "missing", "verified")
        notes_one = rng.choice(NOTES_I, shape)
        notes_two = np.where(rejected, rng.choice(NOTES_REJECTED, shape),
                             np.where(verified_level < claim, rng.choice(NOTES_LOWERED, shape), ""))
        self.last_verified = np.where(in_stage_two[:, None] & (evidence_two == "verified"), verified_level, -1)

        regions = np.repeat(profiles["region_code"].to_numpy(), shape[1])
        codes = np.tile(self.indicators["indicator_code"].to_numpy(), shape[0])
        stage_one = pd.DataFrame({"region_code": regions, "indicator_code": codes, "level": claim.ravel(),
                                  "claimed_level": claim.ravel(), "evidence": evidence_one.ravel(),
                                  "note": notes_one.ravel()})
        stage_two = pd.DataFrame({"region_code": regions, "indicator_code": codes,
                                  "level": verified_level.ravel(), "claimed_level": claim.ravel(),
                                  "evidence": evidence_two.ravel(), "note": notes_two.ravel()})
        frames = []
        for frame, keep in ((stage_one, in_stage_one), (stage_two, in_stage_two)):
            frame = frame[np.repeat(keep, shape[1])].reset_index(drop=True)
            frame["claimed_level"] = frame["claimed_level"].astype("Int64")
            frames.append(frame if len(frame) else None)
        return frames[0], frames[1]


def scaled_reference(source_dir: Path, target_dir: Path, scale: int) -> None:
    """A reference list with every region cloned `scale` times (codes 35.09, 35.09~2, ...)."""
    regions = pd.read_csv(source_dir / "regions.csv", dtype=str)
    clones = [regions.assign(code=regions["code"] + ("" if k == 1 else f"~{k}"),
                             name=regions["name"] + ("" if k == 1 else f" ({k})"))
              for k in range(1, scale + 1)]
    target_dir.mkdir(parents=True, exist_ok=True)
    pd.concat(clones).to_csv(target_dir / "regions.csv", index=False)


def generate(data_dir: Path, seed: int, scale: int = 1, quiet: bool = False) -> list[str]:
    """Write the demo snapshots into `data_dir`; return their ids."""
    store = Store(data_dir)
    rng = np.random.default_rng(seed)
    profiles = region_profiles(store.regions(), rng)
    framework = store.framework_for(max(YEARS))  # every version has the same indicators
    follow_up = np.array([framework.indicator(code).follows_up_previous
                          for code in framework.indicator_table["indicator_code"]])
    programme = Programme(profiles, framework.indicator_table, follow_up, rng, framework.max_level)
    ids = []
    for year in YEARS:
        for stage, rows in zip(STAGES, programme.year(year), strict=True):
            if rows is None:
                continue
            snapshot, _ = store.ingest_rows(rows, year=year, stage=stage,
                                            source=f"tools/make_demo_data.py seed={seed}",
                                            created_by="demo generator", synthetic=True)
            ids.append(snapshot.id)
            if not quiet:
                print(f"{snapshot.id}: {snapshot.rows} rows, {snapshot.regions} regions")
    write_groups(data_dir, evaluation_groups(profiles))
    store.write_rankings()   # the groups changed every ranking's key (store/rankings.py)
    return ids


def write_groups(data_dir: Path, groups: pd.DataFrame) -> None:
    """data/groups/groups.csv and names.csv, each written to a temporary file and renamed into place."""
    folder = data_dir / "groups"
    folder.mkdir(parents=True, exist_ok=True)
    names = pd.DataFrame([(code, *names) for code, names in GROUP_NAMES.items()],
                         columns=["group", "name_id", "name_en"])
    for frame, name in ((groups, "groups.csv"), (names, "names.csv")):
        temporary = folder / f".{name}.tmp"
        frame.to_csv(temporary, index=False)
        temporary.replace(folder / name)


def make_data_folder(out: Path, scale: int, seed: int = 2017, quiet: bool = False,
                     source: Path = BUNDLED_DATA) -> list[str]:
    """Write a complete data folder at `out`: framework/, calendar/ and official/ copied from `source`,
    reference/ with every region cloned `scale` times, and the demo snapshots of those regions.
    Returns the snapshot ids. Raises FileExistsError when `out` holds anything (nothing is overwritten)."""
    if scale < 1:
        raise ValueError(f"scale must be 1 or more, not {scale}")
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty; give a new or empty folder")
    shutil.copytree(source / "framework", out / "framework")
    shutil.copytree(source / "reference", out / "reference")   # keeps the provinces and the licence notes
    if scale > 1:
        scaled_reference(source / "reference", out / "reference", scale)
    for optional in ("calendar", "official"):   # the evaluation calendar and the published results
        if (source / optional).is_dir():
            shutil.copytree(source / optional, out / optional)
    return generate(out, seed, scale, quiet)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    place = parser.add_mutually_exclusive_group()
    place.add_argument("--data-dir", type=Path, default=BUNDLED_DATA,
                       help="add the snapshots to this data folder (default: the bundled data/)")
    place.add_argument("--out", type=Path, help="write a complete new data folder here (with --scale)")
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--scale", type=int, default=1, help="regions cloned N times (with --out)")
    parser.add_argument("--fresh", action="store_true",
                        help="remove existing snapshots first (demo data only!)")
    args = parser.parse_args()
    if args.out is not None:
        if args.fresh:
            parser.error("--fresh is for --data-dir; --out must be a new or empty folder")
        try:
            make_data_folder(args.out, args.scale, args.seed)
        except (FileExistsError, ValueError) as error:
            parser.error(str(error))
        return
    if args.scale != 1:
        parser.error("--scale needs --out: the regions of an existing data folder are not cloned")
    if args.fresh:
        shutil.rmtree(args.data_dir / "snapshots", ignore_errors=True)
    generate(args.data_dir, args.seed, args.scale)


if __name__ == "__main__":
    main()
