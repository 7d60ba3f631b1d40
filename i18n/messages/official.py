"""Strings of the official (published) results wherever they appear: region, trends, overview,
compare, slides, reports and the Data page."""

MESSAGES = {
    "official.title": ("Hasil resmi yang diterbitkan", "Official published results"),
    "official.region_intro": (
        "Indeks resmi adalah hasil evaluasi Tahap II yang diterbitkan pemerintah daerah atau media, ditampilkan "
        "persis seperti diterbitkan, dengan sumbernya. Indeks Matra dihitung dari data penilaian di Matra{synthetic}; "
        "keduanya tidak dicampur.",
        "The official index is the published Tahap II evaluation result, as regions or newspapers published it, "
        "shown exactly as published with its source. Matra's index is computed from the assessments in "
        "Matra{synthetic}; the two are never mixed."),
    "official.synthetic_note": (" (saat ini data contoh sintetis, bukan hasil sebenarnya)",
                                " (at present synthetic demo data, not real results)"),
    "official.none_region": ("Belum ada hasil resmi yang tercatat untuk {name}.",
                             "No official result is recorded for {name} yet."),
    "official.col_year": ("Tahun", "Year"),
    "official.col_official": ("Indeks resmi (diterbitkan)", "Official index (published)"),
    "official.col_rank": ("Peringkat (diterbitkan)", "Rank (as published)"),
    "official.col_matra": ("Indeks Matra (dihitung{synthetic})", "Matra index (computed{synthetic})"),
    "official.synthetic_short": (", sintetis", ", synthetic"),
    "official.col_difference": ("Selisih resmi − Matra", "Official − Matra"),
    "official.col_differs": ("Berbeda > 0,01", "Differs > 0.01"),
    "official.col_predicate": ("Predikat", "Predicate"),
    "official.col_source": ("Sumber", "Source"),
    "official.col_link": ("Tautan sumber", "Source link"),
    "official.col_quote": ("Kutipan", "Quote"),
    "official.col_change": ("Perubahan (diterbitkan)", "Change (published)"),
    "official.col_rank_among": ("Peringkat di antara hasil resmi", "Rank among official results"),
    "official.col_group": ("Kelompok", "Group"),
    "official.yes": ("ya", "yes"),
    "official.no": ("tidak", "no"),
    "official.differs_line": (
        "{year}: indeks resmi {official} dan indeks Matra {matra} berbeda lebih dari 0,01.",
        "{year}: the official index {official} and Matra's index {matra} differ by more than 0.01."),
    "official.sources": ("Sumber hasil resmi", "Sources of the official results"),
    "official.source_line": ("{year}: {source}", "{year}: {source}"),
    "official.no_address": ("(alamat lengkap tidak ditemukan)", "(full address not found)"),
    "official.count": ("{count} daerah punya hasil resmi {year} yang tercatat.",
                       "{count} region(s) have a recorded official result for {year}."),
    "official.count_none": ("Belum ada hasil resmi {year} yang tercatat.",
                            "No official result for {year} is recorded."),
    "official.rank_expander": ("Peringkat hasil resmi {year} di antara daerah yang tercatat (nyata, bersumber)",
                               "Official results of {year} ranked among the recorded regions (real, cited)"),
    "official.rank_note": (
        "Hanya daerah yang hasil resminya tercatat di Matra, diurutkan menurut indeks yang diterbitkan (nilai "
        "yang sama "
        "mendapat peringkat yang sama); peringkat yang diterbitkan tetap di kolomnya sendiri. Perubahan = "
        "selisih nilai yang "
        "diterbitkan dengan tahun sebelumnya.",
        "Only regions whose official result is recorded in Matra, ordered by the published index (equal values share "
        "a rank); the rank as published stays in its own column. Change = the difference of the published values "
        "with the year before."),
    "official.series": ("Resmi · {name}", "Official · {name}"),
    "official.trend_caption": (
        "Garis: indeks Matra yang dihitung dari data penilaian{synthetic}. Belah ketupat berlabel: indeks resmi yang "
        "diterbitkan, persis seperti diterbitkan; sumbernya di bawah.",
        "Lines: Matra's index computed from the assessments{synthetic}. Labelled diamonds: the official published "
        "index, exactly as published; its sources below."),
    "official.trend_index_only": ("Hasil resmi hanya berupa indeks; pilih ukuran Indeks untuk melihatnya.",
                                  "Official results are an index only; choose the Index measure to see them."),
    "official.compare_title": ("Hasil resmi {year} daerah yang dibandingkan",
                               "Official results {year} of the compared regions"),
    "official.compare_none": ("Tidak ada daerah yang dibandingkan dengan hasil resmi {year} yang tercatat.",
                              "None of the compared regions has a recorded official result for {year}."),
    "official.slide_line": ("Indeks resmi {year} (diterbitkan): {index}{rank} — sumber: {source}",
                            "Official index {year} (published): {index}{rank} — source: {source}"),
    "official.slide_rank": (", peringkat {rank}", ", rank {rank}"),
    "official.report_heading": ("Hasil resmi yang diterbitkan (nyata, bersumber)",
                                "Official published results (real, cited)"),
    # Data page (administrator)
    "official.data_title": ("Hasil resmi (diterbitkan)", "Official results (published)"),
    "official.data_intro": (
        "Impor hasil evaluasi Tahap II yang diterbitkan (indeks per daerah dan tahun, komponen, peringkat, sumber). "
        "Daerah boleh ditulis dengan kode Kemendagri atau nama seperti di surat/berita ('Kota Kediri', "
        "'Kab. Kediri'). Impor digabung per (daerah, tahun) dan dapat dibatalkan.",
        "Import published Tahap II results (index per region and year, components, rank, source). A region may be "
        "written as its Kemendagri code or its name as a letter or newspaper writes it ('Kota Kediri', "
        "'Kab. Kediri'). An import is merged by (region, year) and can be undone."),
    "official.upload": ("Berkas hasil resmi (CSV/XLSX)", "Official results file (CSV/XLSX)"),
    "official.import": ("Impor hasil resmi", "Import official results"),
    "official.imported": ("Versi {id}: {imported} baris digabung; tabel kini {rows} baris.",
                          "Version {id}: {imported} row(s) merged; the table now has {rows}."),
    "official.refused": ("Berkas ditolak; tidak ada yang disimpan:", "The file was refused; nothing was written:"),
    "official.undo": ("Batalkan impor terakhir", "Undo the last import"),
    "official.undone": ("Versi {id} ditarik.", "Version {id} retracted."),
    "official.nothing_to_undo": ("Tidak ada impor yang dapat dibatalkan.", "There is no import to undo."),
    "official.template_csv": ("Templat (CSV)", "Template (CSV)"),
    "official.template_xlsx": ("Templat (XLSX)", "Template (XLSX)"),
    "official.export_csv": ("Ekspor hasil resmi (CSV)", "Export official results (CSV)"),
    "official.export_xlsx": ("Ekspor hasil resmi (XLSX)", "Export official results (XLSX)"),
    "official.check_ok": ("Semua indeks dengan lima komponen sesuai dengan komponennya dalam 0,01.",
                          "Every index with five components agrees with its components within 0.01."),
    "official.check_bad": ("{count} baris: indeks terbit berbeda > 0,01 dari indeks yang dihitung ulang dari "
                           "komponennya.",
                           "{count} row(s): the published index differs by > 0.01 from the one recomputed from its "
                           "components."),
    "official.admin_only": ("Hanya administrator yang dapat mengimpor atau membatalkan hasil resmi.",
                            "Only an administrator can import or undo official results."),
}
