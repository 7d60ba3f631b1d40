"""The Data page's framework workbook: export for everyone, import for administrators."""

MESSAGES = {
    "framework_files.title": ("Kerangka penilaian sebagai buku kerja", "The framework as a workbook"),
    "framework_files.hint": (
        "Unduh kerangka suatu tahun sebagai buku kerja XLSX (pengaturan, bobot rantai hasil, predikat, dimensi, "
        "elemen, indikator dengan uraian setiap level, bukti dukung dan OPD pengampu). Bappeda/Bapperida yang memegang "
        "kuesioner resmi dapat mengisinya di sini dan administrator memuatnya sebagai versi baru.",
        "Download a year's framework as an XLSX workbook (settings, results-chain weights, bands, dimensions, "
        "elements, indicators with every level's description, evidence and owner OPD). A Bapperida that holds "
        "the official questionnaire can enter it there, and an administrator loads it as a new version."),
    "framework_files.year": ("Tahun kerangka", "Framework year"),
    "framework_files.download": ("Unduh kerangka {id} (XLSX)", "Download framework {id} (XLSX)"),
    "framework_files.import_title": ("Muat kerangka dari buku kerja", "Load a framework from a workbook"),
    "framework_files.import_hint": (
        "Berkas diperiksa seperti unggahan; tidak ada yang disimpan sebelum Anda menekan tombol simpan. Versi "
        "baru berlaku untuk tahun yang disebut di lembar pengaturan dan menggantikan versi lama untuk tahun itu.",
        "The file is checked like an upload; nothing is written until you press save. The new version applies "
        "to the years named on its settings sheet and replaces the old version for those years."),
    "framework_files.upload": ("Buku kerja kerangka (XLSX)", "Framework workbook (XLSX)"),
    "framework_files.refused": ("Buku kerja ditolak: {count} masalah. Tidak ada yang disimpan.",
                                "The workbook is refused: {count} problem(s). Nothing was written."),
    "framework_files.unchanged": ("Versi ini sudah ada ({file}); tidak ada yang perlu disimpan.",
                                  "This version is already there ({file}); there is nothing to write."),
    "framework_files.preview": ("Yang akan berubah", "What will change"),
    "framework_files.will_write": ("Versi baru {id} ({file}) untuk tahun {years}.",
                                   "New version {id} ({file}) for the years {years}."),
    "framework_files.will_replace": ("Menggantikan {file} untuk tahun {years}; {file} tetap untuk tahun {kept}.",
                                     "Replaces {file} for the years {years}; {file} keeps the years {kept}."),
    "framework_files.will_supersede": (
        "Menggantikan {file} seluruhnya (tahun {years}); berkas itu tetap disimpan untuk data yang sudah dimuat "
        "dengannya.",
        "Replaces {file} wholly (years {years}); that file is kept for the data already loaded with it."),
    "framework_files.compared": ("Dibanding {id}:", "Against {id}:"),
    "framework_files.added": ("Indikator baru: {codes}", "Indicators added: {codes}"),
    "framework_files.removed": ("Indikator dihapus: {codes}", "Indicators removed: {codes}"),
    "framework_files.levels": ("Uraian level berubah: {codes}", "Level descriptions changed: {codes}"),
    "framework_files.bands": ("Predikat (batas atau nama) berubah.", "Bands (bounds or names) changed."),
    "framework_files.col_weight": ("Bobot", "Weight"),
    "framework_files.col_code": ("Kode", "Code"),
    "framework_files.weight_chain": ("Rantai hasil", "Results chain"),
    "framework_files.weight_element": ("Elemen", "Element"),
    "framework_files.weight_indicator": ("Indikator", "Indicator"),
    "framework_files.col_old": ("Lama", "Old"),
    "framework_files.col_new": ("Baru", "New"),
    "framework_files.reload": (
        "Data yang sudah dimuat untuk tahun itu tetap dihitung dengan versi lamanya; muat ulang data tahun itu "
        "untuk menghitungnya dengan versi baru.",
        "Data already loaded for those years keep their old version; load a year's data again to score it with "
        "the new version."),
    "framework_files.save": ("Simpan sebagai versi kerangka baru", "Save as a new framework version"),
    "framework_files.saved": ("Kerangka {id} disimpan sebagai {file}.", "Framework {id} saved as {file}."),
    "framework_files.none": ("tidak ada", "none"),

    # the framework workbook's instructions sheet (store/framework_workbook.py), in order
    "framework_files.guide_01": (
        "Buku kerja ini adalah satu versi kerangka penilaian Matra. Ubah isinya, lalu muat di halaman"
        " Data (administrator) atau dengan: python -m store framework import BERKAS.",
        "This workbook is one version of a Matra assessment framework. Edit it, then load it on the "
        "Data page (administrators) or with: python -m store framework import FILE."),
    "framework_files.guide_02": (
        "Setiap lembar tabel punya dua baris judul: baris 1 bahasa Indonesia, baris 2 kunci kolom "
        "(jangan diubah). Data mulai baris 3; satu baris per butir.",
        "Every table sheet has two header rows: row 1 in Indonesian, row 2 the column key (do not "
        "change it). Data start in row 3; one row per item."),
    "framework_files.guide_03": (
        "pengaturan: id versi (beri id baru untuk versi baru; bila id sudah dipakai dengan isi lain, "
        "Matra memberi id -v2, -v3 ...), nama, tahun yang dicakup (mis. 2025, 2026 atau 2025-2026), "
        "max_level (level berjalan 0 sampai nilai ini), illustrative (TRUE bila bukan kuesioner "
        "resmi), kebijakan bukti dukung dan catatan.",
        "pengaturan (settings): the version id (give a new version a new id; an id already used with "
        "other content gets -v2, -v3 ...), names, the years covered (e.g. 2025, 2026 or 2025-2026), "
        "max_level (levels run from 0 to it), illustrative (TRUE unless this is the official "
        "questionnaire), the evidence policy and notes."),
    "framework_files.guide_04": (
        "bobot_rantai: bobot Baseline (kondisi awal), Output (keluaran), Outcome (hasil), Impact (dampak) dan Quick "
        "Win (hasil cepat) dalam desimal; jumlahnya harus 1 (mis. 0.10, 0.20, 0.30, 0.20, 0.20).",
        "bobot_rantai (chain weights): the Baseline, Output, Outcome, Impact and Quick Win weights as"
        " decimals; they must sum to 1 (e.g. 0.10, 0.20, 0.30, 0.20, 0.20)."),
    "framework_files.guide_05": (
        "predikat: tingkat 1, 2, 3 ... berurutan, nama dan batas bawah; batas pertama 0, naik, dan di"
        " dalam 0..max_level.",
        "predikat (bands): levels 1, 2, 3 ... in order, names and lower bounds; the first starts at "
        "0, they rise, and lie within 0..max_level."),
    "framework_files.guide_06": (
        "dimensi dan elemen: kode dan nama; setiap elemen milik satu dimensi (pilih dari daftar) dan "
        "memiliki bobot di dalam dimensinya.",
        "dimensi and elemen (dimensions, elements): codes and names; each element belongs to one "
        "dimension (pick from the list) and has a weight within its dimension."),
    "framework_files.guide_07": (
        "indikator: kode unik, nama, dimensi, elemen, rantai hasil, aspek (pilih dari daftar), bobot "
        "(relatif di dalam elemen dan rantainya), OPD pengampu, bukti dukung, dan uraian setiap level"
        " 0..max_level dalam bahasa Indonesia dan Inggris. Tambah indikator dengan menambah baris.",
        "indikator (indicators): a unique code, names, dimension, element, chain type, aspect (pick "
        "from the lists), weight (relative within its element and its chain), owner OPD, evidence, "
        "and a description of every level 0..max_level in Indonesian and English. Add an indicator by"
        " adding a row."),
    "framework_files.guide_08": (
        "daftar: pilihan untuk daftar tarik-turun. OPD baru boleh diketik langsung.",
        "daftar (lists): the choices of the drop-downs. A new OPD may be typed in."),
    "framework_files.guide_09": (
        "Saat dimuat, berkas diperiksa seperti unggahan: setiap masalah disebut dengan lembar, baris,"
        " kolom, nilai dan yang diharapkan, dan tidak ada yang disimpan. Bila lolos, Matra menunjukkan"
        " perubahannya lalu menulis versi baru untuk tahun-tahunnya; versi lama untuk tahun itu "
        "digantikan (tetap disimpan untuk data yang sudah dimuat dengannya).",
        "On loading the file is checked like an upload: every problem is named with sheet, row, "
        "column, value and what was expected, and nothing is written. If it passes, Matra shows what "
        "changes and then writes a new version for its years; the old version for those years is "
        "replaced (and kept for the data already loaded with it)."),
    "framework_files.guide_10": (
        "Data yang sudah dimuat tetap dihitung dengan versi saat dimuat; muat ulang data suatu tahun "
        "untuk menghitungnya dengan versi baru.",
        "Data already loaded keep the version they were loaded with; load a year's data again to "
        "score it with the new version."),
    # what `python -m store framework import` says (store/cli_framework.py, store.cli_common.say)
    "cli.framework_unchanged": (
        "tidak berubah: {file} sudah berisi versi ini ({id}); tidak ada yang disimpan",
        "unchanged: {file} already holds this version ({id}); nothing was written"),
    "cli.framework_wrote": (
        "ditulis: {file} (id {id}) untuk tahun {years}",
        "wrote {file} (id {id}) for the years {years}"),
    "cli.framework_replaced": (
        "menggantikan {file} untuk tahun {years}; {file} tetap untuk tahun {kept}",
        "replaced {file} for the years {years}; {file} keeps the years {kept}"),
    "cli.framework_superseded": (
        "menggantikan {file} seluruhnya (tahun {years}); berkas itu disimpan untuk data yang sudah "
        "dimuat dengannya",
        "replaced {file} wholly (years {years}); the file stays for the data already loaded with it"),
    "cli.framework_reload": (
        "data yang sudah dimuat untuk tahun itu tetap memakai versi lamanya; muat ulang untuk memakai"
        " {id}",
        "data already loaded for those years keep their version; load them again to use {id}"),
    "cli.framework_changes": (
        "dibanding {old}: {added} indikator baru, {removed} dihapus, {weights} bobot berubah, "
        "{levels} uraian level berubah{bands}",
        "against {old}: {added} indicator(s) added, {removed} removed, {weights} weight(s) changed, "
        "{levels} level description(s) changed{bands}"),
    "cli.framework_bands_changed": (
        "; predikat berubah",
        "; bands changed"),
    # what each setting of the workbook's `pengaturan` sheet means (store/framework_workbook.py)
    "framework_files.setting_id": ("pengenal versi: huruf kecil, angka, titik, garis bawah atau tanda hubung",
        "version id: lower-case letters, digits, dot, underscore or hyphen"),
    "framework_files.setting_name_id": ("nama kerangka (Indonesia)",
        "framework name (Indonesian)"),
    "framework_files.setting_name_en": ("nama kerangka (Inggris)",
        "framework name (English)"),
    "framework_files.setting_years": ("tahun yang dicakup, mis. 2022, 2023 atau 2022-2026",
        "years covered, e.g. 2022, 2023 or 2022-2026"),
    "framework_files.setting_max_level": ("level tertinggi: level berjalan dari 0 sampai nilai ini",
        "top level: levels run from 0 to this value"),
    "framework_files.setting_illustrative": ("TRUE bila kerangka ini ilustratif (bukan kuesioner resmi)",
        "TRUE when the framework is illustrative (not the official questionnaire)"),
    "framework_files.setting_minimum_target_band": ("predikat minimum nasional (nomor tingkat)",
        "national minimum band (band level)"),
    "framework_files.setting_evidence_policy_unverified_counts_as": (
        "level tanpa bukti dukung terverifikasi dihitung: zero = 0, claimed = seperti diklaim",
        "a level without verified evidence counts as: zero = 0, claimed = as claimed"),
    "framework_files.setting_stage": ("kebijakan bukti dukung untuk satu tahap (zero | claimed)",
                                      "the evidence policy of one stage (zero | claimed)"),
    "framework_files.setting_note": ("catatan yang ditampilkan Matra (_id: Indonesia, _en: Inggris)",
                                     "a note Matra shows (_id: Indonesian, _en: English)"),
}
