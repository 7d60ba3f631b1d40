"""The "daftar bukti dukung" workbooks of the readiness page: one XLSX per OPD in Indonesian, read
back with openpyxl and checked against the store's grid counted here independently; days left on
a fixed date; every OPD in the ZIP; formulas from a framework text neutralised."""

import datetime
import io
import zipfile

import openpyxl
import pytest

from reports.errors import ExportRefused
from reports.readiness import evidence_workbook, evidence_workbooks_zip, workbook_name
from tests.reports.conftest import JEMBER, STAGE, YEAR

ON = datetime.date(2026, 12, 2)


def sheets(data: bytes) -> dict[str, list[tuple]]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: list(sheet.values) for sheet in workbook}


def test_one_opd_workbook_holds_its_indicators_counts_and_deadlines(report_store):
    grid = report_store.region_indicators(JEMBER, YEAR, STAGE)
    dlh = grid[grid["owner_opd"] == "DLH"]
    unverified = sorted(dlh.loc[dlh["evidence"] != "verified", "indicator_code"])
    verified = sorted(dlh.loc[dlh["evidence"] == "verified", "indicator_code"])
    book = sheets(evidence_workbook(report_store, JEMBER, YEAR, STAGE, "DLH", ON))
    assert list(book) == ["Daftar bukti dukung", "Jadwal evaluasi", "Ringkasan"]
    header, *rows = book["Daftar bukti dukung"]
    assert header[:3] == ("Kode", "Indikator", "Dimensi") and "Bukti dukung yang diharapkan" in header
    assert [r[0] for r in rows] == unverified + verified          # unverified first, then by code
    framework = report_store.framework_of(YEAR, STAGE)
    by_code = {r[0]: dict(zip(header, r, strict=True)) for r in rows}
    for code in dlh["indicator_code"]:
        row, source = by_code[code], dlh.set_index("indicator_code").loc[code]
        assert row["Level tercatat"] == int(source["level"]) and row["Level yang dihitung"] == int(
            source["effective_level"])
        assert row["Bukti dukung yang diharapkan"] == framework.indicator(code).evidence_id
        if source["evidence"] != "verified" and source["level"] > source["effective_level"]:
            assert row["Aksi berikutnya"] == f"Lengkapi bukti dukung untuk level {int(source['level'])}"
    summary = dict(book["Ringkasan"][1:])
    assert summary["OPD pengampu"] == "DLH" and summary["Daerah"] == "Kabupaten Jember (35.09)"
    assert (summary["Jumlah indikator"], summary["Bukti dukung terverifikasi"]) == (len(dlh), len(verified))
    assert summary["Kesiapan (%)"] == pytest.approx(round(100 * len(verified) / len(dlh), 2))
    assert summary["Dibuat pada"] == datetime.datetime(2026, 12, 2)   # a date cell (openpyxl: midnight)
    # the bundled calendar: 2027 stage I closes 25 June (205 days after 2 December 2026:
    # 29 + 31 + 28 + 31 + 30 + 31 + 25), stage II closes 19 November (205 + 5 + 31 + 31 + 30 + 31 + 19 = 352)
    day = datetime.datetime
    assert book["Jadwal evaluasi"][1:] == [("I", "Tahap I: kuesioner", day(2027, 6, 7), day(2027, 6, 25), 205),
                                           ("II", "Tahap II: verifikasi", day(2027, 10, 25), day(2027, 11, 19), 352)]


def test_the_zip_has_one_workbook_per_opd(report_store):
    grid = report_store.region_indicators(JEMBER, YEAR, STAGE)
    archive = zipfile.ZipFile(io.BytesIO(evidence_workbooks_zip(report_store, JEMBER, YEAR, STAGE, ON)))
    assert sorted(archive.namelist()) == sorted(workbook_name(JEMBER, o) for o in grid["owner_opd"].unique())
    assert workbook_name(JEMBER, "Bagian Hukum Setda") == "daftar-bukti-dukung-35.09-bagian-hukum-setda.xlsx"
    pupr = sheets(archive.read(workbook_name(JEMBER, "Dinas PUPR")))["Daftar bukti dukung"]
    assert len(pupr) - 1 == int((grid["owner_opd"] == "Dinas PUPR").sum())


def test_formulas_in_framework_texts_are_neutralised_and_unknown_opds_refused(writable_store):
    path = writable_store.framework_dir / "smartcity-2022.toml"
    text = path.read_text()
    original = "Data luas dan sebaran RTH publik terhadap luas kawasan perkotaan, peta RTH, laporan pemeliharaan"
    assert original in text
    path.write_text(text.replace(original, '=HYPERLINK(\\"http://x\\",\\"klik\\")'))
    rows = sheets(evidence_workbook(writable_store, JEMBER, YEAR, STAGE, "DLH", ON))["Daftar bukti dukung"]
    cell = next(r[7] for r in rows if r[0] == "ENV.PL.03")
    assert cell == "'=HYPERLINK(\"http://x\",\"klik\")"
    with pytest.raises(ExportRefused):
        evidence_workbook(writable_store, JEMBER, YEAR, STAGE, "Dinas Tidak Ada", ON)
    with pytest.raises(ExportRefused):
        evidence_workbook(writable_store, "99.99", YEAR, STAGE, "DLH", ON)
