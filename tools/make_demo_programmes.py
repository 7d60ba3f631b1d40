"""Write SYNTHETIC programme registers (masterplan programmes and quick wins) for a few dozen regions.

Seeded (default 2035), marked synthetic in every row, linked to real indicator codes of the
framework that programme links are checked against, each target one or two levels above the
region's level of the latest stage II assessment. Goes through Store.import_programmes, so the
demo passes the same validation as an upload. Always includes 35.09 (Jember) and 35.78 (Surabaya).

    python tools/make_demo_programmes.py --fresh [--regions 36] [--seed 2035] [--this-year 2026]
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from store import Store
from store.programmes import COLUMNS

ALWAYS = ("35.09", "35.78")
NAMES = {
    "GOV": ["Satu Data {place}", "Mal Pelayanan Publik Digital", "Integrasi SPBE dan Aplikasi Umum",
            "Pusat Komando (Command Center)", "E-Budgeting dan E-Planning", "Layanan Pengaduan Terpadu"],
    "BRA": ["Portal Wisata {place}", "Festival Budaya Digital", "Penataan Wajah Kota", "Branding Produk Unggulan"],
    "ECO": ["Pasar Digital UMKM", "Inkubator Bisnis Digital", "Pembayaran Non-Tunai Retribusi",
            "Sistem Informasi Harga Pangan"],
    "LIV": ["Puskesmas Terhubung", "Transportasi Publik Terintegrasi", "Penerangan Jalan Cerdas",
            "Rumah Layak Huni Berbasis Data"],
    "SOC": ["Literasi Digital Warga", "Sekolah Terhubung Internet", "Desa Digital", "Perpustakaan Digital"],
    "ENV": ["Bank Sampah Digital", "Pemantauan Kualitas Udara", "Sistem Peringatan Dini Banjir",
            "Ruang Terbuka Hijau Tematik"],
}


def pick_regions(store: Store, count: int, rng: random.Random, year: int) -> list[str]:
    assessed = sorted(store.scores(year, "II", "index")["region_code"])
    others = [code for code in assessed if code not in ALWAYS]
    return [*ALWAYS, *sorted(rng.sample(others, max(0, count - len(ALWAYS))))]


def programme_rows(grid: pd.DataFrame, place: str, rng: random.Random, this_year: int, top: int) -> list[dict]:
    """Programmes of one region, each with a name of its own (no two alike), linked to indicators below
    the framework's top level `top` with targets one or two levels up (at most `top`)."""
    open_dimensions = set(grid.loc[grid["effective_level"] < top, "dimension"])
    rows, unused = [], {d: list(names) for d, names in NAMES.items() if d in open_dimensions}
    for number in range(1, rng.randint(6, 12) + 1):
        if not any(unused.values()):
            break
        dimension = rng.choice(sorted(d for d, names in unused.items() if names))
        candidates = grid[(grid["dimension"] == dimension) & (grid["effective_level"] < top)]
        name = unused[dimension].pop(rng.randrange(len(unused[dimension])))
        chosen = candidates.sample(n=min(len(candidates), rng.randint(1, 3)), random_state=rng.randint(0, 10**6))
        links = "; ".join(f"{c}={min(top, int(level) + rng.randint(1, 2))}"
                          for c, level in zip(chosen["indicator_code"], chosen["effective_level"], strict=True))
        quick_win = rng.random() < 0.3
        start = rng.randint(this_year - 3, this_year + 1)
        end = start + (0 if quick_win else rng.randint(1, 3))
        budget = rng.randint(5, 50) * 10_000_000 if quick_win else rng.randint(50, 1500) * 10_000_000
        if start > this_year:
            status, progress = "planned", 0
        elif end < this_year:
            status, progress = rng.choices([("done", 100), ("stopped", rng.randint(10, 60)),
                                            ("running", rng.randint(50, 95))], weights=[75, 10, 15])[0]
        elif rng.random() < 0.1:
            status, progress = "planned", 0  # a start year that passed without a start
        else:
            gone = (this_year - start + 0.5) / (end - start + 1) * 100
            status, progress = "running", max(5, min(95, round(gone + rng.randint(-40, 15))))
        rows.append({"programme_code": f"{dimension}-{number:02d}", "name": name.format(place=place),
            "dimension": dimension, "indicators": links, "owner_opd": chosen["owner_opd"].iloc[0],
            "budget": budget, "budget_source": rng.choices(["APBD", "DPA", "other"], weights=[60, 25, 15])[0],
            "start_year": start, "end_year": end, "status": status, "progress": progress,
            "quick_win": "yes" if quick_win else "no", "rpjmd_ref": f"Misi {rng.randint(1, 5)}"})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=36)
    parser.add_argument("--seed", type=int, default=2035)
    parser.add_argument("--this-year", type=int, default=2026, help="the year statuses are made for")
    parser.add_argument("--data-dir", help="data folder (default: MATRA_DATA_DIR or data/)")
    parser.add_argument("--fresh", action="store_true",
                        help="drop every region's programme register first (demo data only!)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    store = Store(args.data_dir)
    year = max(store.years("II"))
    names = store.regions().set_index("code")["name"]
    if args.fresh:
        shutil.rmtree(store.data_dir / "programmes", ignore_errors=True)
    for region in pick_regions(store, args.regions, rng, year):
        grid = store.region_indicators(region, year, "II")
        place = names[region].replace("Kabupaten ", "").replace("Kota ", "")
        top = store.framework_of(year, "II").max_level
        rows = pd.DataFrame(programme_rows(grid, place, rng, args.this_year, top), columns=COLUMNS)
        rows["programme_code"] = [f"{c[:3]}-{i:02d}" for i, c in enumerate(rows["programme_code"], start=1)]
        buffer = io.StringIO()
        rows.to_csv(buffer, index=False)
        version = store.import_programmes(region, "demo-programmes.csv", buffer.getvalue().encode(),
                                          created_by="make_demo_programmes (synthetic)", synthetic=True)
        print(f"{region} {names[region]}: {len(rows)} programmes (v{version:04d})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
