"""Strings of the data management page."""

MESSAGES = {
    # Sheet names of the import-form exports: both languages' names are ones the import looks for
    "exports.sheet_targets": ("target", "targets"),
    "exports.sheet_programmes": ("program", "programmes"),
    "exports.sheet_official": ("resmi", "official"),
    "nav.data": ("Data", "Data"),
    "data.title": ("Kelola data penilaian", "Manage assessment data"),
    "data.templates": ("Templat unggahan", "Upload templates"),
    "data.templates_hint": (
        "Isi satu baris per daerah × indikator (bentuk panjang) atau satu baris per daerah dengan kolom per "
        "kode indikator (bentuk lebar).",
        "Fill one row per region × indicator (long form) or one row per region with a column per indicator "
        "code (wide form).",
    ),
    "data.template_year": ("Tahun penilaian", "Assessment year"),
    "data.template_stage": ("Tahap", "Stage"),
    "data.download_xlsx_template": ("Unduh templat XLSX", "Download XLSX template"),
    "data.download_csv_template": ("Unduh templat CSV", "Download CSV template"),
    "data.no_framework": ("Tidak ada kerangka penilaian untuk tahun {year}.", "No framework covers year {year}."),
    "data.writes_off": (
        "Penulisan data dimatikan: belum ada kata sandi administrator. Setel variabel lingkungan "
        "MATRA_ADMIN_PASSWORD (atau admin_password di .streamlit/secrets.toml), atau konfigurasikan OIDC "
        "([auth] di secrets), lalu mulai ulang aplikasi.",
        "Writing data is off: no administrator password is configured. Set the environment variable "
        "MATRA_ADMIN_PASSWORD (or admin_password in .streamlit/secrets.toml), or configure OIDC ([auth] in "
        "secrets), then restart the app.",
    ),
    "data.name": ("Nama Anda (dicatat di riwayat)", "Your name (recorded in the history)"),
    "data.password": ("Kata sandi", "Password"),
    "data.signin": ("Masuk", "Sign in"),
    "data.signin_oidc": ("Masuk dengan akun organisasi", "Sign in with your organisation account"),
    "data.signout": ("Keluar", "Sign out"),
    "data.wrong_password": ("Nama belum diisi atau kata sandi salah.", "Name missing or wrong password."),
    "data.upload_title": ("Unggah hasil penilaian", "Upload assessment results"),
    "data.upload_file": ("Berkas CSV atau XLSX", "CSV or XLSX file"),
    "data.report_title": ("Laporan validasi", "Validation report"),
    "data.report_ok": ("Berkas valid: {rows} baris, {regions} daerah.",
                       "File is valid: {rows} rows, {regions} regions."),
    "data.report_errors": ("{count} masalah: berkas tidak dapat dimuat. Perbaiki lalu unggah lagi; tidak ada yang "
                           "disimpan.",
                           "{count} problem(s): the file cannot be loaded. Fix them and upload again; nothing was "
                           "written."),
    "data.report_warnings": ("{count} peringatan (tetap dapat dimuat):", "{count} warning(s) (still loadable):"),
    "data.col_where": ("Lokasi", "Where"),
    "data.col_problem": ("Masalah", "Problem"),
    "data.preview_title": ("Pratinjau dampak", "Preview of the effect"),
    "data.preview_counts": (
        "Daerah baru: {added} · berubah: {changed} · tetap: {unchanged} · perubahan indikator: {indicators}",
        "Regions added: {added} · changed: {changed} · unchanged: {unchanged} · indicator changes: {indicators}",
    ),
    "data.col_current": ("Indeks sekarang", "Current index"),
    "data.col_new": ("Indeks baru", "New index"),
    "data.duplicate": ("Berkas yang sama sudah menjadi versi data aktif {id}: tidak ada yang perlu dimuat.",
                       "This same file is already the active snapshot {id}: nothing to load."),
    "data.regions_removed": (
        "{count} daerah dalam versi data aktif {year} Tahap {stage} tidak ada di berkas ini: setelah dimuat, daerah "
        "tersebut tidak lagi tampil untuk {year} Tahap {stage} (tetap tersimpan di versi data yang digantikan).",
        "{count} regions of the active {year} stage {stage} snapshot are not in this file: after loading they no "
        "longer show for {year} stage {stage} (they stay in the superseded snapshot).",
    ),
    "data.merge_note": (
        "Berkas ini mengganti data {regions} daerah untuk {year} Tahap {stage}; {kept} daerah lain dalam versi "
        "data aktif tetap seperti semula.",
        "This file replaces the data of {regions} region(s) for {year} stage {stage}; the {kept} other region(s) "
        "of the active snapshot stay as they are.",
    ),
    "data.replace_all": (
        "Ganti seluruh data {year} Tahap {stage} dengan berkas ini ({count} daerah tidak akan tampil lagi)",
        "Replace the whole of {year} stage {stage} with this file ({count} region(s) would no longer show)",
    ),
    "data.step_lock": ("Menunggu giliran menulis", "Waiting for the write lock"),
    "data.step_score": ("Menghitung skor", "Computing scores"),
    "data.step_write": ("Menulis versi data", "Writing the snapshot"),
    "data.step_manifest": ("Mencatat di daftar versi data", "Recording in the manifest"),
    "data.step_done": ("Selesai", "Done"),
    "data.commit": ("Muat sebagai versi data baru", "Load as a new snapshot"),
    "data.committed": ("Versi data {id} dimuat dan aktif. Versi sebelumnya menjadi 'digantikan' (tidak dihapus).",
                       "Snapshot {id} loaded and active. The previous one is now 'superseded' (not deleted)."),
    "data.busy": ("Perubahan lain sedang ditulis. Coba lagi sebentar lagi.",
                  "Another change is being written. Try again in a moment."),
    "data.history_title": ("Riwayat versi data", "Snapshot history"),
    "data.col_id": ("ID", "ID"),
    "data.col_status": ("Status", "Status"),
    "data.col_by": ("Oleh", "By"),
    "data.col_when": ("Waktu", "When"),
    "data.col_source": ("Berkas sumber", "Source file"),
    "data.col_rows": ("Baris", "Rows"),
    "data.status_active": ("aktif", "active"),
    "data.status_superseded": ("digantikan", "superseded"),
    "data.status_retracted": ("ditarik", "retracted"),
    "data.targets_title": ("Target per dimensi (RPJMD/Masterplan Smart City)", "Targets per dimension "
                                                                               "(RPJMD/masterplan)"),
    "data.targets_year": ("Tahun target", "Target year"),
    "data.targets_hint": ("Kosongkan sel untuk memakai minimum nasional.", "Leave a cell empty to use the national "
                          "minimum."),
    "data.targets_save": ("Simpan target", "Save targets"),
    "data.targets_saved": ("{count} target disimpan.", "{count} targets saved."),
    "data.targets_import": ("Impor target (CSV/XLSX)", "Import targets (CSV/XLSX)"),
    "data.targets_imported": ("{count} target diimpor.", "{count} targets imported."),
    "data.targets_export_csv": ("Ekspor target (CSV)", "Export targets (CSV)"),
    "data.targets_export_xlsx": ("Ekspor target (XLSX)", "Export targets (XLSX)"),
    "data.targets_unavailable": ("Pengelolaan target belum tersedia di versi Matra ini.",
                                 "Target management is not available in this store version."),
}
