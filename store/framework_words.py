"""The framework workbook's instructions and what `python -m store framework export|import` says,
in Indonesian and English (the store speaks for itself: it does not import i18n)."""

from __future__ import annotations

INSTRUCTIONS = [
    ("Buku kerja ini adalah satu versi kerangka penilaian Matra. Ubah isinya, lalu muat di halaman Data "
     "(administrator) atau dengan: python -m store framework import BERKAS.",
     "This workbook is one version of a Matra assessment framework. Edit it, then load it on the Data page "
     "(administrators) or with: python -m store framework import FILE."),
    ("Setiap lembar tabel punya dua baris judul: baris 1 bahasa Indonesia, baris 2 kunci kolom (jangan diubah). "
     "Data mulai baris 3; satu baris per butir.",
     "Every table sheet has two header rows: row 1 in Indonesian, row 2 the column key (do not change it). "
     "Data start in row 3; one row per item."),
    ("pengaturan: id versi (beri id baru untuk versi baru; bila id sudah dipakai dengan isi lain, Matra "
     "memberi id -v2, -v3 ...), nama, tahun yang dicakup (mis. 2025, 2026 atau 2025-2026), max_level (level "
     "berjalan 0 sampai nilai ini), illustrative (TRUE bila bukan kuesioner resmi), kebijakan bukti dan catatan.",
     "pengaturan (settings): the version id (give a new version a new id; an id already used with other content "
     "gets -v2, -v3 ...), names, the years covered (e.g. 2025, 2026 or 2025-2026), max_level (levels run from 0 "
     "to it), illustrative (TRUE unless this is the official questionnaire), the evidence policy and notes."),
    ("bobot_rantai: bobot Baseline, Output, Outcome, Impact dan Quick Win dalam desimal; jumlahnya harus 1 "
     "(mis. 0.10, 0.20, 0.30, 0.20, 0.20).",
     "bobot_rantai (chain weights): the Baseline, Output, Outcome, Impact and Quick Win weights as decimals; "
     "they must sum to 1 (e.g. 0.10, 0.20, 0.30, 0.20, 0.20)."),
    ("predikat: tingkat 1, 2, 3 ... berurutan, nama dan batas bawah; batas pertama 0, naik, dan di dalam "
     "0..max_level.",
     "predikat (bands): levels 1, 2, 3 ... in order, names and lower bounds; the first starts at 0, they rise, "
     "and lie within 0..max_level."),
    ("dimensi dan elemen: kode dan nama; setiap elemen milik satu dimensi (pilih dari daftar) dan memiliki "
     "bobot di dalam dimensinya.",
     "dimensi and elemen (dimensions, elements): codes and names; each element belongs to one dimension (pick "
     "from the list) and has a weight within its dimension."),
    ("indikator: kode unik, nama, dimensi, elemen, rantai hasil, aspek (pilih dari daftar), bobot (relatif di "
     "dalam elemen dan rantainya), OPD pengampu, bukti dukung, dan uraian setiap level 0..max_level dalam "
     "bahasa Indonesia dan Inggris. Tambah indikator dengan menambah baris.",
     "indikator (indicators): a unique code, names, dimension, element, chain type, aspect (pick from the "
     "lists), weight (relative within its element and its chain), owner OPD, evidence, and a description of "
     "every level 0..max_level in Indonesian and English. Add an indicator by adding a row."),
    ("daftar: pilihan untuk daftar tarik-turun. OPD baru boleh diketik langsung.",
     "daftar (lists): the choices of the drop-downs. A new OPD may be typed in."),
    ("Saat dimuat, berkas diperiksa seperti unggahan: setiap masalah disebut dengan lembar, baris, kolom, "
     "nilai dan yang diharapkan, dan tidak ada yang ditulis. Bila lolos, Matra menunjukkan perubahannya lalu "
     "menulis versi baru untuk tahun-tahunnya; versi lama untuk tahun itu digantikan (tetap disimpan untuk "
     "data yang sudah dimuat dengannya).",
     "On loading the file is checked like an upload: every problem is named with sheet, row, column, value and "
     "what was expected, and nothing is written. If it passes, Matra shows what changes and then writes a new "
     "version for its years; the old version for those years is replaced (and kept for the data already "
     "loaded with it)."),
    ("Data yang sudah dimuat tetap dihitung dengan versi saat dimuat; muat ulang data suatu tahun untuk "
     "menghitungnya dengan versi baru.",
     "Data already loaded keep the version they were loaded with; load a year's data again to score it with "
     "the new version."),
]

WORDS = {
    "unchanged": ("tidak berubah: {file} sudah berisi versi ini ({id}); tidak ada yang ditulis",
                  "unchanged: {file} already holds this version ({id}); nothing was written"),
    "wrote": ("ditulis: {file} (id {id}) untuk tahun {years}", "wrote {file} (id {id}) for the years {years}"),
    "replaced": ("menggantikan {file} untuk tahun {years}; {file} tetap untuk tahun {kept}",
                 "replaced {file} for the years {years}; {file} keeps the years {kept}"),
    "superseded": ("menggantikan {file} seluruhnya (tahun {years}); berkas itu disimpan untuk data yang sudah "
                   "dimuat dengannya",
                   "replaced {file} wholly (years {years}); the file stays for the data already loaded with it"),
    "reload": ("data yang sudah dimuat untuk tahun itu tetap memakai versi lamanya; muat ulang untuk memakai {id}",
               "data already loaded for those years keep their version; load them again to use {id}"),
    "changes": ("dibanding {old}: {added} indikator baru, {removed} dihapus, {weights} bobot berubah, {levels} "
                "uraian level berubah{bands}",
                "against {old}: {added} indicator(s) added, {removed} removed, {weights} weight(s) changed, {levels} "
                "level description(s) changed{bands}"),
    "bands_changed": ("; predikat berubah", "; bands changed"),
}


def say(lang: str, key: str, **values) -> str:
    return WORDS[key][1 if lang == "en" else 0].format(**values)


def years_text(years) -> str:
    return ", ".join(map(str, years)) or "-"


def plan_lines(plan, lang: str) -> list[str]:
    """What an import did or would do, one sentence a line (the CLI prints them; the page shows them)."""
    if plan.unchanged:
        return [say(lang, "unchanged", file=plan.file, id=plan.id)]
    lines = [say(lang, "wrote", file=plan.file, id=plan.id, years=years_text(plan.years))]
    for replaced in plan.replaced:
        key = "replaced" if replaced.kept else "superseded"
        lines.append(say(lang, key, file=replaced.file, years=years_text(replaced.years),
                         kept=years_text(replaced.kept)))
    changes = plan.changes
    if changes.compared_with:
        lines.append(say(lang, "changes", old=changes.compared_with, added=len(changes.indicators_added),
                         removed=len(changes.indicators_removed), weights=len(changes.weights_changed),
                         levels=len(changes.levels_changed),
                         bands=say(lang, "bands_changed") if changes.bands_changed else ""))
    if plan.replaced:
        lines.append(say(lang, "reload", id=plan.id))
    return lines
