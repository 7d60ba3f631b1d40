"""Validation problems: where (file, sheet, row, column), what (value), and what was expected.

A Problem carries a rule code and its facts; `message(lang)` words it in Indonesian or English.
"""

from __future__ import annotations

from dataclasses import dataclass

from i18n import rule_text

TEMPLATES = {
    "empty_file": ("Berkas kosong: tidak ada baris data.", "The file is empty: no data rows."),
    "too_large": ("Berkas {value} MB melebihi batas {expected} MB (setelan MATRA_MAX_UPLOAD_MB).",
                  "The file is {value} MB, over the limit of {expected} MB (setting MATRA_MAX_UPLOAD_MB)."),
    "too_large_unpacked": ("Isi berkas XLSX setelah dibuka {value} MB melebihi batas {expected} MB "
                           "(setelan MATRA_MAX_UNPACKED_MB).",
                           "The XLSX file unpacks to {value} MB, over the limit of {expected} MB "
                           "(setting MATRA_MAX_UNPACKED_MB)."),
    "zip_ratio": ("Bagian '{column}' berkas XLSX mengembang {value} kali (batas {expected}): kemungkinan bom "
                  "dekompresi.",
                  "Part '{column}' of the XLSX file expands {value} times (limit {expected}): a likely "
                  "decompression bomb."),
    "zip_members": ("Berkas XLSX berisi {value} bagian; batasnya {expected}.",
                    "The XLSX file holds {value} parts; the limit is {expected}."),
    "too_many_rows": ("Berkas memiliki lebih dari {expected} baris (setelan MATRA_MAX_ROWS).",
                      "The file has more than {expected} rows (setting MATRA_MAX_ROWS)."),
    "too_many_columns": ("Baris memiliki {value} kolom; batasnya {expected} (setelan MATRA_MAX_COLUMNS).",
                         "The row has {value} columns; the limit is {expected} (setting MATRA_MAX_COLUMNS)."),
    "cell_too_large": ("Sel berisi {value} karakter; batasnya {expected} (setelan MATRA_MAX_CELL_CHARS).",
                       "The cell holds {value} characters; the limit is {expected} (setting "
                       "MATRA_MAX_CELL_CHARS)."),
    "too_many_programmes": ("Register memuat {value} program; batasnya {expected} per daerah (setelan "
                            "MATRA_MAX_PROGRAMMES). Tidak ada yang disimpan.",
                            "The register holds {value} programmes; the limit is {expected} per region (setting "
                            "MATRA_MAX_PROGRAMMES). Nothing was written."),
    "parse_timeout": ("Membaca berkas lebih lama dari batas {expected} detik (setelan MATRA_PARSE_SECONDS).",
                      "Reading the file took longer than {expected} seconds (setting MATRA_PARSE_SECONDS)."),
    "parse_memory": ("Membaca berkas melewati batas memori {expected} MB (setelan MATRA_PARSE_MEMORY_MB).",
                     "Reading the file needed more than {expected} MB of memory (setting "
                     "MATRA_PARSE_MEMORY_MB)."),
    "ragged_row": ("Baris memiliki {value} kolom, sedangkan judul kolom memiliki {expected}: isi bergeser atau "
                   "ada kolom tanpa judul.",
                   "The row has {value} fields but the header has {expected}: shifted cells or a column "
                   "without a header."),
    "stray_column": ("Sel berisi '{value}' di kolom tanpa judul.",
                     "The cell holds '{value}' in a column without a header."),
    "unreadable": ("Berkas tidak dapat dibaca: {value}. Diharapkan {expected}.",
                   "The file cannot be read: {value}. Expected {expected}."),
    "missing_column": ("Kolom wajib '{column}' tidak ada. Kolom yang ditemukan: {value}.",
                       "Required column '{column}' is missing. Columns found: {value}."),
    "unknown_region": ("Daerah '{value}' tidak dikenal; diharapkan kode Kemendagri (mis. 35.09) "
                       "atau nama persis.",
                       "Unknown region '{value}'; expected a Kemendagri code (e.g. 35.09) or an "
                       "exact name."),
    "unknown_indicator": ("Indikator '{value}' tidak ada dalam kerangka {expected}.",
                          "Indicator '{value}' is not in framework {expected}."),
    "bad_level": ("Nilai '{value}' bukan level yang sah; diharapkan bilangan bulat 0 sampai {expected}.",
                  "'{value}' is not a valid level; expected a whole number from 0 to {expected}."),
    "bad_evidence": ("Status bukti dukung '{value}' tidak dikenal; diharapkan {expected}.",
                     "Unknown evidence value '{value}'; expected {expected}."),
    "duplicate_row": ("Baris ganda untuk daerah dan indikator yang sama ({value}); juga di baris "
                      "{expected}.",
                      "Duplicate row for the same region and indicator ({value}); also on row "
                      "{expected}."),
    "conflicting_row": ("Baris bertentangan untuk daerah dan indikator yang sama ({value}); "
                        "nilainya berbeda dari baris {expected}.",
                        "Conflicting rows for the same region and indicator ({value}); the values "
                        "differ from row {expected}."),
    "no_framework": ("Tidak ada kerangka penilaian untuk tahun {value}.",
                     "No assessment framework covers year {value}."),
    "bad_stage": ("Tahap '{value}' tidak dikenal; diharapkan {expected}.",
                  "Unknown stage '{value}'; expected {expected}."),
    "duplicate_column": ("Kolom '{value}' muncul lebih dari sekali; juga di kolom {expected}.",
                         "Column '{value}' appears more than once; also in column {expected}."),
    "formula_no_value": ("Sel berisi rumus {value} tanpa nilai tersimpan. Buka berkas di Excel, "
                         "hitung ulang dan simpan, atau ganti rumus dengan nilainya.",
                         "The cell holds the formula {value} with no saved value. Open the file in "
                         "Excel, recalculate and save, or replace the formula with its value."),
    "year_mismatch": ("Tahun '{value}' di berkas tidak sama dengan tahun yang dipilih ({expected}).",
                      "Year '{value}' in the file differs from the chosen year ({expected})."),
    "stage_mismatch": ("Tahap '{value}' di berkas tidak sama dengan tahap yang dipilih ({expected}).",
                       "Stage '{value}' in the file differs from the chosen stage ({expected})."),
    "unknown_dimension": ("Dimensi '{value}' tidak ada dalam kerangka tahun itu; diharapkan {expected}.",
                          "Dimension '{value}' is not in that year's framework; expected {expected}."),
    "bad_target": ("Target '{value}' tidak sah; diharapkan angka 0 sampai {expected} (skala kerangka tahun itu).",
                   "'{value}' is not a valid target; expected a number from 0 to {expected} (that year's "
                   "framework scale)."),
    "bad_year": ("Tahun '{value}' tidak sah atau tidak dicakup kerangka mana pun; diharapkan {expected}.",
                 "Year '{value}' is not valid or not covered by any framework; expected {expected}."),
    "check_mismatch": ("Berkas diperiksa untuk {value}, bukan {expected}; periksa ulang sebelum memuat.",
                       "The file was checked for {value}, not {expected}; check it again before loading."),
    "same_file_loaded": ("Berkas yang sama sudah dimuat sebagai versi data {value} ({expected}); "
                         "periksa tahun dan tahap yang dipilih.",
                         "The same file is already loaded as snapshot {value} ({expected}); check the "
                         "chosen year and stage."),
    # official (published) results, store/official_import.py
    "official_unknown_region": ("Daerah '{value}' tidak dikenal; diharapkan kode Kemendagri (mis. 35.71) atau nama "
                                "seperti 'Kota Kediri' / 'Kab. Kediri'. Nama terdekat: {expected}.",
                                "Unknown region '{value}'; expected a Kemendagri code (e.g. 35.71) or a name such "
                                "as 'Kota Kediri' / 'Kab. Kediri'. Closest names: {expected}."),
    "ambiguous_region": ("Nama '{value}' cocok dengan lebih dari satu daerah: {expected}. Tulis kodenya atau "
                         "awali dengan 'Kota' / 'Kabupaten'.",
                         "The name '{value}' fits more than one region: {expected}. Write its code or start it "
                         "with 'Kota' / 'Kabupaten'."),
    "official_bad_year": ("Tahun '{value}' tidak sah; diharapkan tahun {expected}.",
                          "Year '{value}' is not valid; expected a year {expected}."),
    "official_bad_value": ("Nilai '{value}' tidak sah; diharapkan angka {expected} dengan paling banyak dua "
                           "desimal, seperti diterbitkan (mis. 3,48).",
                           "'{value}' is not a valid value; expected a number {expected} with at most two "
                           "decimals, as published (e.g. 3.48)."),
    "official_bad_rank": ("Peringkat '{value}' tidak sah; diharapkan bilangan bulat 1 atau lebih.",
                          "'{value}' is not a valid rank; expected a whole number from 1."),
    "official_rank_above": ("Peringkat {value} lebih besar dari jumlah yang dinilai ({expected}).",
                            "Rank {value} is above the number ranked ({expected})."),
    "official_missing": ("Kolom '{column}' wajib diisi (penerbit dan judul sumber).",
                         "Column '{column}' must be filled in (the source's publisher and title)."),
    "official_bad_url": ("Alamat '{value}' bukan alamat lengkap; diharapkan http(s)://... utuh, tanpa '…' yang "
                         "memotongnya.",
                         "'{value}' is not a full address; expected a whole http(s)://... address, not one cut "
                         "with '…'."),
    "official_bad_date": ("Tanggal '{value}' tidak sah; diharapkan TTTT-BB-HH (mis. 2024-11-25).",
                          "'{value}' is not a valid date; expected YYYY-MM-DD (e.g. 2024-11-25)."),
    "official_too_long": ("Teks berisi {value} karakter; batasnya {expected}.",
                          "The text holds {value} characters; the limit is {expected}."),
    "official_duplicate": ("Baris ganda untuk daerah dan tahun yang sama ({value}); juga di baris {expected}.",
                           "Duplicate row for the same region and year ({value}); also on row {expected}."),
    # a framework workbook (store/framework_import.py)
    "missing_sheet": ("Lembar '{value}' tidak ada. Lembar yang ditemukan: {expected}.",
                      "Sheet '{value}' is missing. Sheets found: {expected}."),
    "unknown_column": ("Kolom '{value}' tidak dikenal di lembar ini; diharapkan salah satu dari: {expected}.",
                       "Column '{value}' is not known on this sheet; expected one of: {expected}."),
    "blank_cell": ("Sel wajib kosong; diharapkan isi untuk '{expected}'.",
                   "A required cell is empty; expected a value for '{expected}'."),
    "bad_value": ("Nilai '{value}' tidak sah; diharapkan {expected}.", "'{value}' is not valid; expected {expected}."),
    "duplicate_code": ("'{value}' muncul lebih dari sekali; juga di baris {expected}.",
                       "'{value}' appears more than once; also on row {expected}."),
    "unknown_setting": ("Pengaturan '{value}' tidak dikenal; diharapkan antara lain: {expected}.",
                        "Unknown setting '{value}'; expected for instance: {expected}."),
    "missing_setting": ("Pengaturan wajib '{value}' tidak ada.", "Required setting '{value}' is missing."),
    "framework_rule": ("Kerangka tidak memenuhi aturan (pemeriksaan check-framework): {value}",
                       "The framework breaks a rule (the check-framework check): {value}"),
    "would_empty": ("Menarik {value} membuat {expected} tidak punya data sama sekali (tidak ada versi sebelumnya); "
                    "konfirmasi sekali lagi (CLI: --allow-empty).",
                    "Retracting {value} would leave {expected} with no data at all (there is no earlier version); "
                    "confirm once more (CLI: --allow-empty)."),
    "unknown_snapshot": ("Tidak ada versi data dengan id {value}.", "There is no snapshot with id {value}."),
    "template_mismatch": ("Berkas ini templat untuk tahun dan tahap {value}, bukan {expected} yang dipilih; pilih "
                          "{value} atau pakai templat {expected}. Tidak ada yang disimpan.",
                          "This file is the template for year and stage {value}, not the chosen {expected}; choose "
                          "{value} or use the {expected} template. Nothing was written."),
    # refusals the audit log records for the web pages (store/audit.py reason)
    "signin_refused": ("Nama atau kata sandi salah.", "Wrong name or password."),
    "outside_scope": ("Daerah di luar cakupan akun: {value}.", "Regions outside the account's scope: {value}."),
    # warnings: the file loads, but these are worth a look
    "missing_indicators": ("Daerah {value} tidak punya baris untuk {expected} indikator; indikator itu "
                           "dihitung 0.",
                           "Region {value} has no row for {expected} indicator(s); they count as 0."),
    "claimed_below_level": ("Level klaim {value} lebih rendah dari level terverifikasi {expected}.",
                            "Claimed level {value} is below the verified level {expected}."),
}
# Why a parser stopped (store/read_errors.py): an `unreadable` Problem's value is "<reason>\t<detail>".
UNREADABLE_REASONS = {
    "entities": ("berisi deklarasi entitas XML (DTD) yang ditolak demi keamanan; simpan ulang dari Excel atau "
                 "LibreOffice",
                 "it holds XML entity declarations (DTD), refused for safety; save it again from Excel or "
                 "LibreOffice"),
    "xml": ("XML di dalam berkas XLSX rusak", "the XML inside the XLSX file is broken"),
    "zip": ("wadah zip berkas XLSX rusak atau terpotong", "the XLSX zip container is damaged or cut short"),
    "part_missing": ("bagian buku kerja yang disebut di dalamnya tidak ada",
                     "a part the workbook names is missing from it"),
    "encoding": ("pengodean teksnya tidak dikenali", "its text encoding is not recognised"),
    "csv": ("susunan CSV-nya rusak", "its CSV structure is broken"),
    "content": ("isinya tidak dapat diurai", "its content cannot be parsed"),
}
SUGGESTION = ("Mungkin maksud Anda: {0}", "Did you mean: {0}")


@dataclass(frozen=True)
class Problem:
    code: str
    file: str = ""
    row: int | None = None       # 1-based row as a spreadsheet shows it (the header is row 1)
    column: str = ""
    value: str = ""
    expected: str = ""
    suggestion: str = ""
    sheet: str = ""
    warning: bool = False

    def message(self, lang: str = "id") -> str:
        template = TEMPLATES[self.code][1 if lang == "en" else 0]
        text = template.format(value=self._value_words(lang), expected=self.expected, column=self.column)
        if self.suggestion:
            text += " " + SUGGESTION[1 if lang == "en" else 0].format(self.suggestion)
        return text

    def _value_words(self, lang: str) -> str:
        """The value as shown; for `unreadable`, the reason in words with the parser's detail; a broken
        framework rule (scoring.framework_rules.Rule) in `lang`."""
        if self.code == "framework_rule":
            return rule_text(self.value, lang)
        reason, tab, detail = self.value.partition("\t")
        if self.code != "unreadable" or not tab or reason not in UNREADABLE_REASONS:
            return self.value
        words = UNREADABLE_REASONS[reason][1 if lang == "en" else 0]
        return f"{words} ({detail})" if detail else words

    def location(self, lang: str = "id") -> str:
        words = ("sheet", "row", "column") if lang == "en" else ("lembar", "baris", "kolom")
        parts = [self.file] if self.file else []
        if self.sheet:
            parts.append(f"{words[0]} {self.sheet}")
        if self.row is not None:
            parts.append(f"{words[1]} {self.row}")
        if self.column:
            parts.append(f"{words[2]} {self.column}")
        return ", ".join(parts)

    def describe(self, lang: str = "id") -> str:
        where = self.location(lang)
        return f"{where}: {self.message(lang)}" if where else self.message(lang)


class IngestRefused(ValueError):
    """Input that cannot be loaded; `problems` lists every reason. Nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.describe("en") for p in problems))

    def __reduce__(self):
        """Pickled with its problems, so it crosses a process boundary (the bounded worker, a pool) whole."""
        return type(self), (self.problems,)
