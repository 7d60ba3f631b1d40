"""Evaluation groups: per year, the group each stage II region is ranked in, as data in
data/groups/groups.csv (year, region_code, group) with the groups' names in data/groups/names.csv
(group, name_id, name_en). From 2024 the ministry ranks two groups apart (the 191 earlier regions and
the 50 of the 2023 cohort); the app never derives a group from a rule, it reads this file.

A region without a row has no group that year (its group rank is empty). The files are read as text
and checked: a missing column, a year that is not a whole number or a region listed twice in a year
is refused naming the file, row, column and value.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from store.problems import TEMPLATES, IngestRefused, Problem

GROUPS_FILE = Path("groups") / "groups.csv"
NAMES_FILE = Path("groups") / "names.csv"
GROUP_COLUMNS = ["year", "region_code", "group"]
TEMPLATES.update({
    "duplicate_group": ("Daerah dan tahun {value} tercantum dua kali; satu daerah masuk satu kelompok evaluasi "
                        "per tahun.",
                        "Region and year {value} are listed twice; a region is in one evaluation group a year."),
})


def read_groups(data_dir: Path) -> pd.DataFrame:
    """year (int), region_code, group: one row per region and year; empty when there is no file."""
    path = Path(data_dir) / GROUPS_FILE
    if not path.exists():
        return pd.DataFrame({"year": pd.Series(dtype="int64"), "region_code": pd.Series(dtype=object),
                             "group": pd.Series(dtype=object)})
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    problems = [Problem("missing_column", file=path.name, row=1, column=column, value=", ".join(frame.columns))
                for column in GROUP_COLUMNS if column not in frame.columns]
    if problems:
        raise IngestRefused(problems)
    years = pd.to_numeric(frame["year"], errors="coerce")
    problems += [Problem("bad_year", file=path.name, row=row + 2, column="year", value=frame.at[row, "year"],
                         expected="YYYY") for row in frame.index[years.isna() | (years % 1 != 0)]]
    repeated = frame.duplicated(["year", "region_code"], keep="first")
    problems += [Problem("duplicate_group", file=path.name, row=row + 2, column="region_code",
                         value=f"{frame.at[row, 'region_code']} {frame.at[row, 'year']}")
                 for row in frame.index[repeated]]
    if problems:
        raise IngestRefused(problems)
    return frame.assign(year=years.astype("int64"))[GROUP_COLUMNS]


def group_names(data_dir: Path) -> dict[str, tuple[str, str]]:
    """Group code -> (Indonesian name, English name); a group without a row is named by its code."""
    path = Path(data_dir) / NAMES_FILE
    if not path.exists():
        return {}
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return {row.group: (row.name_id or row.group, row.name_en or row.group) for row in frame.itertuples()}


def stamp(data_dir: Path) -> tuple:
    """Changes whenever either file is rewritten (for cache keys)."""
    stamps = []
    for name in (GROUPS_FILE, NAMES_FILE):
        try:
            stat = (Path(data_dir) / name).stat()
            stamps.append((stat.st_mtime_ns, stat.st_size, stat.st_ino))
        except FileNotFoundError:
            stamps.append(())
    return tuple(stamps)
