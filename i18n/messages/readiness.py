"""Strings of the evidence readiness page (Kesiapan bukti dukung) and its per-OPD XLSX checklist.

The XLSX ("daftar bukti dukung") is always written in Indonesian: the Bapperida sends it to the OPDs.
"""

MESSAGES = {
    "nav.readiness": ("Kesiapan bukti dukung", "Evidence readiness"),
    "readiness.title": ("Kesiapan bukti dukung {name}", "Evidence readiness: {name}"),
    "readiness.intro": (
        "Per OPD pengampu: indikator yang diampunya, status bukti dukung, bukti dukung yang diharapkan kerangka "
        "dan yang dibutuhkan untuk naik level, menuju jadwal evaluasi berikutnya.",
        "Per owner OPD: the indicators it owns, their evidence status, the evidence the framework expects and "
        "what the next level needs, ahead of the next evaluation."),
    # deadlines
    "readiness.calendar_title": ("Jadwal evaluasi {year}", "Evaluation calendar {year}"),
    "readiness.calendar_none": (
        "Kalender evaluasi tidak memuat jadwal yang belum ditutup. Administrator dapat memperbaruinya di "
        "halaman Data atau dengan `python -m store calendar import`.",
        "The evaluation calendar holds no window that is still open or to come. An administrator can update it "
        "on the Data page or with `python -m store calendar import`."),
    "readiness.window_I": ("Tahap I: kuesioner", "Stage I: questionnaire"),
    "readiness.window_II": ("Tahap II: verifikasi", "Stage II: verification"),
    "readiness.days_left": ("{days} hari lagi", "{days} days left"),
    "readiness.closed": ("sudah ditutup", "closed"),
    "readiness.window_dates": ("{opens} – {closes}", "{opens} – {closes}"),
    "readiness.opens_in": ("dibuka dalam {days} hari", "opens in {days} days"),
    "readiness.open_now": ("sedang dibuka", "open now"),
    "readiness.today": ("Dihitung per {date}.", "Counted as of {date}."),
    # summary
    "readiness.summary_opds": ("OPD pengampu", "Owner OPDs"),
    "readiness.summary_verified": ("Indikator terverifikasi", "Indicators verified"),
    "readiness.summary_ready": ("OPD dengan bukti dukung lengkap", "OPDs with complete evidence"),
    "readiness.of": ("{part} dari {whole}", "{part} of {whole}"),
    # per OPD
    "readiness.progress_title": ("Kesiapan bukti dukung per OPD", "Evidence readiness per OPD"),
    "readiness.progress_units": ("% indikator dengan bukti dukung terverifikasi; teks: terverifikasi / indikator",
                                 "% of indicators with verified evidence; text: verified / indicators"),
    "readiness.progress_axis": ("Bukti dukung terverifikasi (%)", "Verified evidence (%)"),
    "readiness.col_opd": ("OPD pengampu", "Owner OPD"),
    "readiness.col_indicators": ("Indikator", "Indicators"),
    "readiness.col_verified": ("Terverifikasi", "Verified"),
    "readiness.col_submitted": ("Diajukan", "Submitted"),
    "readiness.col_missing": ("Tidak ada", "Missing"),
    "readiness.col_progress": ("Kesiapan %", "Ready %"),
    # checklist
    "readiness.checklist_title": ("Daftar bukti dukung per OPD", "Evidence checklist per OPD"),
    "readiness.pick_opd": ("OPD pengampu", "Owner OPD"),
    "readiness.opd_option": ("{opd} ({verified}/{indicators})", "{opd} ({verified}/{indicators})"),
    "readiness.col_code": ("Kode", "Code"),
    "readiness.col_indicator": ("Indikator", "Indicator"),
    "readiness.col_dimension": ("Dimensi", "Dimension"),
    "readiness.col_level": ("Level tercatat", "Recorded level"),
    "readiness.col_claimed": ("Level klaim", "Claimed level"),
    "readiness.col_evidence": ("Status bukti dukung", "Evidence status"),
    "readiness.col_counts": ("Level yang dihitung", "Level that counts"),
    "readiness.col_expected": ("Bukti dukung yang diharapkan", "Evidence expected"),
    "readiness.col_next_step": ("Tindak lanjut berikutnya", "Next step"),
    "readiness.col_next_needs": ("Yang dibutuhkan", "What it needs"),
    "readiness.step_verify": ("Lengkapi bukti dukung untuk level {level}", "Complete the evidence for level {level}"),
    "readiness.step_raise": ("Naik ke level {level}", "Raise to level {level}"),
    "readiness.step_top": ("Level tertinggi", "Top level"),
    "readiness.evidence_verified": ("terverifikasi", "verified"),
    "readiness.evidence_submitted": ("diajukan", "submitted"),
    "readiness.evidence_missing": ("tidak ada", "missing"),
    "readiness.download_opd": ("Unduh daftar bukti dukung {opd} (XLSX)",
                               "Download the evidence checklist of {opd} (XLSX)"),
    "readiness.download_all": ("Unduh semua OPD (ZIP, satu XLSX per OPD)",
                               "Download all OPDs (ZIP, one XLSX per OPD)"),
    "readiness.download_note": ("Berkas XLSX selalu dalam Bahasa Indonesia, untuk dikirim ke OPD.",
                                "The XLSX files are always in Indonesian, to be sent to the OPDs."),
    # roll-up
    "readiness.rollup_title": ("Rekap kesiapan per jenis OPD", "Readiness per OPD type"),
    "readiness.rollup_scope": ("Cakupan", "Scope"),
    "readiness.scope_all": ("Nasional", "National"),
    "readiness.scope_province": ("Provinsi {province}", "Province {province}"),
    "readiness.rollup_intro": (
        "Semua daerah yang dinilai pada {year} Tahap {stage}: bagian indikator dengan bukti dukung terverifikasi "
        "(indikator tanpa baris dihitung tidak terverifikasi).",
        "Every region assessed in {year} stage {stage}: the share of indicators with verified evidence "
        "(an indicator without a row counts as not verified)."),
    "readiness.rollup_units": ("% indikator terverifikasi, {regions} daerah",
                               "% of indicators verified, {regions} regions"),
    "readiness.col_expected_rows": ("Indikator × daerah", "Indicators × regions"),
    "readiness.col_below_half": ("Provinsi < 50%", "Provinces < 50%"),
    "readiness.col_behind": ("Provinsi tertinggal", "Provinces behind"),
    "readiness.behind_help": (
        "Provinsi tempat jenis OPD ini di bawah kesiapan rata-rata provinsi itu (semua indikator).",
        "Provinces where this OPD type is below the province's readiness over all indicators."),
    "readiness.lagging": ("Tertinggal hampir di mana-mana: {items}.", "Lagging nearly everywhere: {items}."),
    "readiness.lagging_item": ("{opd} (di {behind} dari {provinces} provinsi)",
                               "{opd} (in {behind} of {provinces} provinces)"),
    "readiness.lagging_none": ("Tidak ada jenis OPD yang tertinggal di tiga perempat provinsi atau lebih.",
                               "No OPD type lags in three quarters of the provinces or more."),
    # the XLSX (Indonesian)
    "readiness.x_sheet_checklist": ("Daftar bukti dukung", "Evidence checklist"),
    "readiness.x_sheet_calendar": ("Jadwal evaluasi", "Evaluation calendar"),
    "readiness.x_sheet_summary": ("Ringkasan", "Summary"),
    "readiness.x_item": ("Butir", "Item"),
    "readiness.x_value": ("Nilai", "Value"),
    "readiness.x_region": ("Daerah", "Region"),
    "readiness.x_opd": ("OPD pengampu", "Owner OPD"),
    "readiness.x_data": ("Data", "Data"),
    "readiness.x_data_value": ("{year} Tahap {stage}", "{year} stage {stage}"),
    "readiness.x_indicators": ("Jumlah indikator", "Indicators"),
    "readiness.x_verified": ("Bukti dukung terverifikasi", "Verified evidence"),
    "readiness.x_progress": ("Kesiapan (%)", "Ready (%)"),
    "readiness.x_made": ("Dibuat pada", "Made on"),
    "readiness.x_synthetic": ("Catatan", "Note"),
    "readiness.x_synthetic_value": ("Data sintetis (demo), bukan hasil resmi.",
                                    "Synthetic (demo) data, not official results."),
    "readiness.x_stage": ("Tahap", "Stage"),
    "readiness.x_activity": ("Kegiatan", "Activity"),
    "readiness.x_opens": ("Dibuka", "Opens"),
    "readiness.x_closes": ("Ditutup", "Closes"),
    "readiness.x_days_left": ("Sisa hari", "Days left"),
    "readiness.unknown_opd": ("OPD '{opd}' tidak memiliki indikator di {region}.",
                              "OPD '{opd}' owns no indicator in {region}."),
    "readiness.x_file": ("daftar-bukti-dukung", "evidence-checklist"),
}
