"""Strings of the presentation page: agenda builder, slides, meeting notes and follow-ups."""

MESSAGES = {
    "nav.present": ("Presentasi rapat", "Meeting presentation"),
    "present.title": ("Presentasi rapat koordinasi", "Coordination meeting presentation"),
    "present.untitled": ("Agenda rapat koordinasi", "Coordination meeting agenda"),
    "present.subtitle": ("Rapat koordinasi · data {year} Tahap {stage}",
                         "Coordination meeting · data {year} stage {stage}"),
    # Builder
    "present.agenda_title": ("Judul agenda", "Agenda title"),
    "present.agenda_title_hint": ("mis. Rakor Smart City Jawa Timur", "e.g. East Java Smart City coordination"),
    "present.builder_data": (
        "Agenda memakai data {year} Tahap {stage} (ubah di panel samping). Saat disimpan, agenda dibekukan pada "
        "versi data yang aktif sekarang: angkanya tidak berubah bila data baru masuk.",
        "The agenda uses {year} stage {stage} data (change it in the sidebar). Saving freezes it to the "
        "snapshots active now: its numbers do not change when new data arrives.",
    ),
    "present.add_title": ("Tambah tampilan ke agenda", "Add a view to the agenda"),
    "present.view": ("Tampilan", "View"),
    "present.view_overview": ("Ikhtisar provinsi", "Province overview"),
    "present.view_region": ("Profil daerah", "Region profile"),
    "present.view_compare": ("Perbandingan", "Comparison"),
    "present.view_gaps": ("Kesenjangan daerah", "Region gaps"),
    "present.view_trends": ("Tren", "Trends"),
    "present.view_claims": ("Klaim dan verifikasi", "Claims vs verification"),
    "present.title_claims": ("{name}: klaim Tahap I dan verifikasi Tahap II {year}",
                             "{name}: stage I claims and stage II verification {year}"),
    "present.national": ("Nasional (semua provinsi)", "National (all provinces)"),
    "present.regions_each": ("Daerah (satu slide per daerah)", "Regions (one slide each)"),
    "present.item_title": ("Judul slide (opsional)", "Slide title (optional)"),
    "present.item_title_help": ("Kosongkan untuk judul otomatis.", "Leave empty for an automatic title."),
    "present.need_overview": ("Tanpa filter: seluruh daerah.", "No filter: all regions."),
    "present.need_region": ("Pilih minimal satu daerah.", "Pick at least one region."),
    "present.need_gaps": ("Pilih minimal satu daerah.", "Pick at least one region."),
    "present.need_compare": ("Pilih dua sampai delapan daerah.", "Pick two to eight regions."),
    "present.need_trends": ("Pilih minimal satu daerah.", "Pick at least one region."),
    "present.add": ("Tambah", "Add"),
    "present.items_title": ("Susunan agenda", "Agenda items"),
    "present.empty_agenda": ("Agenda masih kosong: tambahkan tampilan di atas.",
                             "The agenda is empty: add views above."),
    "present.move_up": ("Naikkan", "Move up"),
    "present.move_down": ("Turunkan", "Move down"),
    "present.remove": ("Hapus", "Remove"),
    "present.save": ("Simpan dan buat tautan", "Save and make a link"),
    # Agenda desk
    "present.bad_link": (
        "Tautan agenda ini rusak atau tidak lengkap, sehingga tidak dapat dibuka. Minta tautan baru kepada "
        "pembuatnya, atau buat agenda baru.",
        "This agenda link is damaged or incomplete and cannot be opened. Ask its author for a new link, or "
        "build a new agenda.",
    ),
    "present.new_agenda": ("Agenda baru", "New agenda"),
    "present.start": ("Mulai presentasi", "Start presentation"),
    "present.edit": ("Ubah agenda", "Edit agenda"),
    "present.edit_help": ("Membuka agenda di penyusun; menyimpan membuat tautan baru dengan data terkini.",
                          "Opens the agenda in the builder; saving makes a new link with the current data."),
    "present.link": ("Tautan agenda (salin untuk membukanya lagi):", "Agenda link (copy it to reopen the agenda):"),
    "present.frozen_info": (
        "Agenda ini dibekukan pada {count} versi data, terbaru per {date}: angkanya tetap seperti saat agenda "
        "dibuat.",
        "This agenda is frozen to {count} data snapshots, the newest as of {date}: its numbers stay as they were "
        "when it was made.",
    ),
    "present.snapshots_title": ("Versi data yang ditampilkan", "Snapshots shown"),
    "present.col_snapshot": ("Versi data", "Snapshot"),
    "present.col_created": ("Dibuat", "Created"),
    "present.newer_data": (
        "Ada data yang lebih baru daripada agenda ini: {which}. Agenda tetap menampilkan data saat dibuat; "
        "ubah dan simpan ulang agenda untuk memakai data terbaru.",
        "Newer data exists than this agenda shows: {which}. The agenda keeps showing the data it was made "
        "with; edit and save it again to use the newest data.",
    ),
    "present.conflicting_snapshots": (
        "Tautan agenda ini tidak sah: memuat lebih dari satu versi data untuk {which}. Buat agenda baru atau "
        "minta tautan yang benar kepada pembuatnya.",
        "This agenda link is not valid: it holds more than one data version of {which}. Make a new agenda or ask "
        "its author for the right link.",
    ),
    "present.newer_item": ("{year} Tahap {stage} ({date})", "{year} stage {stage} ({date})"),
    "present.year_stage": ("{year} Tahap {stage}", "{year} stage {stage}"),
    "present.missing_snapshots": (
        "Versi data berikut tidak ada lagi di folder data, jadi sebagian angka tidak dapat ditampilkan: {ids}",
        "These snapshots are no longer in the data folder, so some figures cannot be shown: {ids}",
    ),
    # Slides
    "present.previous": ("Sebelumnya", "Previous"),
    "present.next": ("Berikutnya", "Next"),
    "present.leave": ("Tutup", "Leave"),
    "present.previous_help": ("Slide sebelumnya (← atau PageUp)", "Previous slide (← or PageUp)"),
    "present.next_help": ("Slide berikutnya (→ atau PageDown)", "Next slide (→ or PageDown)"),
    "present.leave_help": ("Tutup presentasi, kembali ke meja agenda",
                           "Leave the presentation for the agenda desk"),
    "present.title_compare": ("Perbandingan {count} daerah", "Comparison of {count} regions"),
    "present.title_trends": ("Tren: {names}", "Trends: {names}"),
    "present.title_peers": ("{name} dan daerah sebanding", "{name} and its peers"),
    "present.not_assessed": ("Daerah ini tidak dinilai pada {year} Tahap {stage}.",
                             "This region was not assessed in {year} stage {stage}."),
    "present.priorities": ("Indikator prioritas (kenaikan indeks)", "Priority indicators (index gain)"),
    "present.no_priorities": ("Semua indikator sudah mencapai target.", "Every indicator already meets its target."),
    "present.frozen_line": ("Data beku per {date} · {years}", "Data frozen as of {date} · {years}"),
    "present.newer_short": ("Sudah ada data yang lebih baru.", "Newer data exists."),
    # Notes and follow-ups
    "present.notes_title": ("Catatan rapat dan tindak lanjut", "Meeting notes and follow-ups"),
    "present.no_notes": ("Belum ada catatan rapat.", "No meeting notes yet."),
    "present.notes_damaged": ("Berkas catatan agenda ini rusak dan tidak dapat dibaca.",
                              "This agenda's notes file is damaged and cannot be read."),
    "present.notes_off": (
        "Catatan rapat hanya dapat ditulis oleh notulis yang sudah masuk, dan penulisan belum diaktifkan di "
        "instalasi ini. Administrator dapat mengaktifkannya dengan MATRA_SECRETARY_PASSWORD.",
        "Meeting notes can only be written by a signed-in note taker, and writing is not turned on in this "
        "installation. An administrator can turn it on with MATRA_SECRETARY_PASSWORD.",
    ),
    "present.signin_needed": (
        "Masuk untuk mencatat keputusan dan tindak lanjut. Nama yang Anda isi dicatat pada setiap catatan.",
        "Sign in to record decisions and follow-ups. The name you enter is recorded on every note.",
    ),
    "present.signin_wait": (
        "Terlalu banyak percobaan yang gagal. Coba lagi dalam {seconds} detik.",
        "Too many failed attempts. Try again in {seconds} s.",
    ),
    "present.add_note": ("Catat keputusan atau tindak lanjut", "Record a decision or follow-up"),
    "present.note_item": ("Butir agenda", "Agenda item"),
    "present.note": ("Catatan", "Note"),
    "present.decision": ("Keputusan / tindak lanjut", "Decision / follow-up"),
    "present.owner": ("OPD penanggung jawab", "Owner OPD"),
    "present.no_owner": ("(belum ditentukan)", "(not assigned)"),
    "present.due": ("Tenggat", "Due date"),
    "present.due_help": ("Tanggal ditulis hari/bulan/tahun (DD/MM/YYYY = HH/BB/TTTT), mis. 31/12/2026.",
                         "Dates are day/month/year (DD/MM/YYYY), e.g. 31/12/2026."),
    "present.save_note": ("Simpan catatan", "Save note"),
    "present.note_saved": ("Catatan tersimpan.", "Note saved."),
    "present.note_empty": ("Isi catatan atau keputusan terlebih dahulu.", "Write a note or a decision first."),
    "present.notes_full": ("Agenda ini sudah memiliki {limit} catatan, batas terbanyak (setelan MATRA_MAX_NOTES); "
                           "catatan baru tidak disimpan. Ubah catatan yang ada.",
                           "This agenda already has {limit} notes, the most allowed (setting MATRA_MAX_NOTES); the "
                           "new note was not saved. Edit an existing note instead."),
    "present.busy": ("Data sedang ditulis oleh pengguna lain; coba lagi sebentar.",
                     "Someone else is writing data; try again in a moment."),
    "present.remove_note": ("Hapus catatan", "Remove a note"),
    "present.owner_short": ("OPD: {owner}", "OPD: {owner}"),
    "present.due_short": ("tenggat {date}", "due {date}"),
    "present.col_item": ("Butir", "Item"),
    "present.col_title": ("Judul butir agenda", "Agenda item title"),
    "present.col_decision": ("Keputusan / tindak lanjut", "Decision / follow-up"),
    "present.col_owner_opd": ("OPD penanggung jawab", "Owner OPD"),
    "present.col_due_date": ("Tenggat", "Due date"),
    "present.col_note": ("Catatan", "Note"),
    "present.col_updated_by": ("Dicatat oleh", "Recorded by"),
    "present.col_updated_at": ("Tanggal dicatat", "Recorded on"),
    # Exports
    "present.exports_title": ("Unduh hasil rapat", "Download the meeting record"),
    "present.download_xlsx": ("Catatan (XLSX)", "Notes (XLSX)"),
    "present.download_csv": ("Catatan (CSV)", "Notes (CSV)"),
    "present.prepare_deck": ("Siapkan slide PPTX", "Prepare PPTX slides"),
    "present.download_deck": ("Unduh slide PPTX", "Download PPTX slides"),
    "present.deck_unavailable": ("Ekspor slide PPTX belum tersedia di instalasi ini.",
                                 "PPTX slide export is not available in this installation."),
    "present.deck_failed": ("Slide PPTX gagal dibuat: {reason}", "The PPTX slides could not be made: {reason}"),
    "present.prepare_handout": ("Siapkan bahan rapat (PDF)", "Prepare PDF handout"),
    "present.download_handout": ("Unduh bahan rapat (PDF)", "Download PDF handout"),
    "present.handout_help": ("Seluruh agenda sebagai PDF A4 mendatar, satu slide per halaman, untuk dibagikan "
                             "sesudah rapat.", "The whole agenda as an A4 landscape PDF, one slide per page, to "
                             "circulate after the meeting."),
    "present.handout_failed": ("Bahan rapat (PDF) gagal dibuat: {reason}", "The PDF handout could not be made: "
                                                                           "{reason}"),
}
