"""The Data page's framework workbook: export for everyone, import for administrators."""

MESSAGES = {
    "framework_files.title": ("Kerangka penilaian sebagai buku kerja", "The framework as a workbook"),
    "framework_files.hint": (
        "Unduh kerangka suatu tahun sebagai buku kerja XLSX (pengaturan, bobot rantai hasil, predikat, dimensi, "
        "elemen, indikator dengan uraian setiap level, bukti dukung dan OPD pengampu). Bapperida yang memegang "
        "kuesioner resmi dapat mengisinya di sini dan administrator memuatnya sebagai versi baru.",
        "Download a year's framework as an XLSX workbook (settings, results-chain weights, bands, dimensions, "
        "elements, indicators with every level's description, evidence and owner OPD). A Bapperida that holds "
        "the official questionnaire can enter it there, and an administrator loads it as a new version."),
    "framework_files.year": ("Tahun kerangka", "Framework year"),
    "framework_files.download": ("Unduh kerangka {id} (XLSX)", "Download framework {id} (XLSX)"),
    "framework_files.import_title": ("Muat kerangka dari buku kerja", "Load a framework from a workbook"),
    "framework_files.import_hint": (
        "Berkas diperiksa seperti unggahan; tidak ada yang ditulis sebelum Anda menekan tombol simpan. Versi "
        "baru berlaku untuk tahun yang disebut di lembar pengaturan dan menggantikan versi lama untuk tahun itu.",
        "The file is checked like an upload; nothing is written until you press save. The new version applies "
        "to the years named on its settings sheet and replaces the old version for those years."),
    "framework_files.upload": ("Buku kerja kerangka (XLSX)", "Framework workbook (XLSX)"),
    "framework_files.refused": ("Buku kerja ditolak: {count} masalah. Tidak ada yang ditulis.",
                                "The workbook is refused: {count} problem(s). Nothing was written."),
    "framework_files.unchanged": ("Versi ini sudah ada ({file}); tidak ada yang perlu ditulis.",
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
}
