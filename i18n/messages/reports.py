"""Strings of the exports (PPTX decks, PDF profiles, tables), their download buttons and the CLI."""

MESSAGES = {
    # Deck and PDF text
    "reports.deck_title": ("Kematangan Smart City {year} · Tahap {stage}",
                           "Smart City maturity {year} · Stage {stage}"),
    "reports.region_subtitle": ("{province} · tahun {year} · tahap {stage}",
                                "{province} · year {year} · stage {stage}"),
    "reports.filters": ("Filter: tahun {year} · tahap {stage} · {scope}",
                        "Filters: year {year} · stage {stage} · {scope}"),
    "reports.national_scope": ("nasional", "national"),
    "reports.synthetic_notice": (
        "DATA SINTETIS — angka demo buatan, bukan hasil resmi evaluasi Smart City.",
        "SYNTHETIC DATA — generated demo figures, not official Smart City evaluation results.",
    ),
    "reports.index_title": ("Indeks, tingkat kematangan, dan perubahan", "Index, maturity band and change"),
    "reports.change_since": ("Perubahan sejak {year}", "Change since {year}"),
    "reports.page": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "reports.top_opds": ("{shown} dari {total} OPD dengan kenaikan indeks terbesar.",
                         "{shown} of {total} OPDs, those with the largest index gain."),
    "reports.no_priority": ("Semua indikator sudah mencapai target.", "Every indicator already reaches its target."),
    "reports.generated": ("Dibuat dengan Matra", "Made with Matra"),
    "reports.agenda_frozen": ("Data dibekukan per {date} ({count} versi data).",
                              "Data frozen as of {date} ({count} snapshots)."),
    "reports.newer_data": ("Sudah ada data yang lebih baru daripada agenda ini.",
                           "Newer data exists than this agenda shows."),
    "reports.notes_title": ("Catatan rapat dan tindak lanjut", "Meeting notes and follow-ups"),
    "reports.no_notes": ("Belum ada catatan rapat.", "No meeting notes yet."),
    "reports.col_item": ("Butir agenda", "Agenda item"),
    "reports.col_decision": ("Keputusan", "Decision"),
    "reports.col_due": ("Tenggat", "Due date"),
    "reports.yes": ("ya", "yes"),
    "reports.col_region_code": ("Kode wilayah", "Region code"),
    # Download buttons
    "reports.downloads": ("Unduhan", "Downloads"),
    "reports.download_deck": ("Unduh presentasi (PPTX)", "Download slides (PPTX)"),
    "reports.download_pdf": ("Unduh profil (PDF)", "Download profile (PDF)"),
    "reports.download_indicators_csv": ("Unduh tabel indikator (CSV)", "Download the indicator table (CSV)"),
    "reports.download_indicators_xlsx": ("Unduh tabel indikator (XLSX)", "Download the indicator table (XLSX)"),
    "reports.download_ranking_csv": ("Unduh peringkat (CSV)", "Download the ranking (CSV)"),
    "reports.download_ranking_xlsx": ("Unduh peringkat (XLSX)", "Download the ranking (XLSX)"),
    "reports.pdf_unavailable": (
        "Ekspor PDF belum tersedia: grafik PDF digambar dengan Chromium. Pasang paket Debian chromium "
        "(apt-get install chromium), lalu muat ulang halaman.",
        "PDF export is not available: PDF charts are drawn with Chromium. Install the Debian package chromium "
        "(apt-get install chromium), then reload the page.",
    ),
    # Refusals and errors (CLI and pages)
    "reports.unknown_region": ("Kode wilayah tidak dikenal: {codes}.", "Unknown region code: {codes}."),
    "reports.bad_lang": ("Bahasa tidak dikenal: {code} (pilih id atau en).",
                         "Unknown language: {code} (use id or en)."),
    "reports.region_needed": ("Tabel {table} memerlukan --region.", "The {table} table needs --region."),
    "reports.no_regions": ("Sebutkan setidaknya satu wilayah (--regions) atau --agenda.",
                           "Name at least one region (--regions) or an --agenda."),
    "reports.bad_agenda": ("Agenda tidak sah: {problem}", "Not a valid agenda: {problem}"),
    "reports.agenda_snapshots": ("Agenda merujuk versi data yang tidak ada di folder data ini: {ids}.",
                                 "The agenda refers to snapshots this data folder does not hold: {ids}."),
    "reports.agenda_conflicts": ("Agenda memuat lebih dari satu versi data untuk {which}.",
                                 "The agenda holds more than one data version of {which}."),
    "reports.bad_notes": ("Catatan rapat tidak sah: {problem}", "Meeting notes are not valid: {problem}"),
    "reports.unavailable": (
        "Ekspor PDF tidak tersedia: {reason}. Pasang paket Debian chromium (apt-get install chromium); "
        "kaleido menemukannya di /usr/bin/chromium.",
        "PDF export is unavailable: {reason}. Install the Debian package chromium (apt-get install chromium); "
        "kaleido finds it at /usr/bin/chromium.",
    ),
    "reports.col_province_rank": ("Peringkat di provinsi", "Rank in province"),
    "reports.col_kind_rank": ("Peringkat di antara jenis yang sama", "Rank among the same kind"),
}
