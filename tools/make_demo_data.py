"""Generate the synthetic demo snapshots (seeded) and write them through the store.

    python tools/make_demo_data.py [--data-dir DIR] [--seed 2017] [--scale 1]

All 514 regions, years 2019-2025, stages I and II. Structure a planner would find believable:
regions join the programme in cohorts (25 in 2017, 75 in 2018, 100 in 2019, ...), scores mostly
rise with years in the programme, stage II verified levels are at or below stage I claims, evidence
is sometimes missing, and some regions skip a year. `--scale 10` clones every region ten times into
a synthetic reference list (for the benchmark's 10x data set). The data is marked synthetic.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from store import Store

YEARS = range(2019, 2026)
COHORT_SIZES = {2017: 25, 2018: 75, 2019: 100, 2020: 60, 2021: 60, 2022: 60, 2023: 50, 2024: 44}
JAVA_PROVINCES = {"31", "32", "33", "34", "35", "36"}
NOTES = ["", "", "", "", "", "", "Dokumen pendukung diunggah ulang", "Menunggu SK terbaru",
         "Aplikasi sudah berjalan di 3 OPD", "Perlu verifikasi lapangan", "Anggaran di DPA 2024"]


def region_profiles(regions: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Per region: a latent capacity, a cohort year (earlier for higher capacity) and growth."""
    capacity = (rng.normal(0, 1, len(regions)) + 0.8 * (regions["kind"] == "kota").to_numpy()
                + 0.4 * regions["province_code"].isin(JAVA_PROVINCES).to_numpy())
    order = np.argsort(-(capacity + rng.normal(0, 0.5, len(regions))))
    cohorts = np.full(len(regions), 2025)
    position = 0
    scale = len(regions) / 514
    for year, size in COHORT_SIZES.items():
        count = round(size * scale)
        cohorts[order[position:position + count]] = year
        position += count
    return pd.DataFrame({
        "region_code": regions["code"].to_numpy(),
        "capacity": capacity,
        "cohort": cohorts,
        "growth": rng.uniform(0.15, 0.45, len(regions)),
        "base": 1.1 + 0.45 * capacity + rng.normal(0, 0.3, len(regions)),
    })


def year_rows(profiles: pd.DataFrame, indicators: pd.DataFrame, latent: np.ndarray, year: int,
              rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Stage I and stage II rows of one year for the regions assessed that year."""
    assessed = (profiles["cohort"].to_numpy() <= year) & (rng.random(len(profiles)) > 0.05)
    years_in = np.clip(year - profiles["cohort"].to_numpy(), 0, None)[:, None]
    maturity = latent + profiles["growth"].to_numpy()[:, None] * years_in
    maturity = maturity + rng.normal(0, 0.35, maturity.shape)
    verified_level = np.clip(np.rint(maturity), 0, 5).astype(int)
    claim = np.clip(verified_level + rng.choice([0, 0, 0, 1, 1, 2], maturity.shape), 0, 5)
    shape = maturity.shape
    regions = np.repeat(profiles["region_code"].to_numpy(), shape[1])
    codes = np.tile(indicators["indicator_code"].to_numpy(), shape[0])
    stage_one = pd.DataFrame({
        "region_code": regions, "indicator_code": codes, "level": claim.ravel(),
        "claimed_level": claim.ravel(),
        "evidence": rng.choice(["verified", "submitted", "missing"], shape[0] * shape[1],
                               p=[0.82, 0.13, 0.05]),
        "note": rng.choice(NOTES, shape[0] * shape[1]),
    })
    stage_two = stage_one.assign(
        level=np.minimum(verified_level, claim).ravel(),
        evidence=rng.choice(["verified", "missing", "submitted"], shape[0] * shape[1],
                            p=[0.9, 0.07, 0.03]),
    )
    keep = np.repeat(assessed, shape[1])
    frames = []
    for frame in (stage_one, stage_two):
        frame = frame[keep].reset_index(drop=True)
        frame["claimed_level"] = frame["claimed_level"].astype("Int64")
        frames.append(frame)
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
    regions = store.regions()
    profiles = region_profiles(regions, rng)
    framework = store.framework_for(max(YEARS))
    indicators = framework.indicator_table
    difficulty = rng.normal(0, 0.5, len(indicators))
    latent = (profiles["base"].to_numpy()[:, None] + difficulty[None, :]
              + rng.normal(0, 0.4, (len(profiles), len(indicators))))
    ids = []
    for year in YEARS:
        stage_one, stage_two = year_rows(profiles, indicators, latent, year, rng)
        for stage, rows in (("I", stage_one), ("II", stage_two)):
            snapshot, _ = store.ingest_rows(rows, year=year, stage=stage,
                                            source=f"tools/make_demo_data.py seed={seed}",
                                            created_by="demo generator", synthetic=True)
            ids.append(snapshot.id)
            if not quiet:
                print(f"{snapshot.id}: {snapshot.rows} rows, {snapshot.regions} regions")
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parent.parent / "data")
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--fresh", action="store_true",
                        help="remove existing snapshots first (demo data only!)")
    args = parser.parse_args()
    if args.fresh:
        shutil.rmtree(args.data_dir / "snapshots", ignore_errors=True)
    generate(args.data_dir, args.seed, args.scale)


if __name__ == "__main__":
    main()
