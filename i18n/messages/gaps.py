"""Strings of the gaps page."""

MESSAGES = {
    "gaps.title": ("Kesenjangan {name} terhadap target", "Gaps to target: {name}"),
    "gaps.dimension_title": ("Skor dimensi dan target", "Dimension scores and targets"),
    "gaps.target_note_own": ("Target dari RPJMD/Masterplan Smart City daerah.", "Targets from the region's "
                                                                                "RPJMD/masterplan."),
    "gaps.target_note_national": (
        "Belum ada target daerah: dipakai minimum nasional {value} (tingkat {band}).",
        "No regional target set: the national minimum {value} (band {band}) applies.",
    ),
    "gaps.target": ("Target", "Target"),
    "gaps.col_gap": ("Kesenjangan", "Gap"),
    "gaps.col_met": ("Tercapai", "Met"),
    "gaps.yes": ("ya", "yes"),
    "gaps.no": ("belum", "not yet"),
    "gaps.priority_title": ("Indikator prioritas: kenaikan indeks per aksi berikutnya",
                            "Priority indicators: index gain of each one's next action"),
    "gaps.priority_intro": (
        "Satu aksi = memverifikasi bukti dukung level yang sudah tercatat (berapa pun level yang tercapai karenanya) "
        "atau menaikkan satu level dengan bukti dukung terverifikasi. Diurutkan menurut kenaikan indeks per aksi, "
        "termasuk indikator yang sudah berada di level 3 atau lebih.",
        "One action = getting the recorded level's evidence verified (however many levels it unlocks) or raising "
        "one level with verified evidence. Ranked by index gain per action, including indicators already at "
        "level 3 or more.",
    ),
    "gaps.col_next_action": ("Aksi berikutnya", "Next action"),
    "gaps.col_target_level": ("Level target", "Target level"),
    "gaps.col_gain": ("Kenaikan indeks", "Index gain"),
    "gaps.opd_title": ("Kenaikan indeks per OPD pengampu (satu aksi per indikator)",
                       "Index gain per owner OPD (one action per indicator)"),
    "gaps.opd_units": ("kenaikan indeks bila setiap indikator OPD mendapat satu aksi berikutnya",
                       "index gain if each of the OPD's indicators got its next action"),
    "gaps.col_verify_gain": ("Kenaikan dari verifikasi saja", "Gain from verification alone"),
    "gaps.col_indicators": ("Indikator", "Indicators"),
    "gaps.col_below": ("Di bawah target", "Below target"),
    "gaps.col_missing_evidence": ("Bukti dukung belum terverifikasi", "Evidence not verified"),
    "gaps.col_over_claims": ("Klaim ditolak (terverifikasi lebih rendah)", "Rejected claims (verified lower)"),
    "gaps.path_title": ("Jumlah kenaikan level paling sedikit agar naik satu tingkat",
                        "The fewest level rises to move up one band"),
    "gaps.path_intro": (
        "Jumlah aksi paling sedikit agar naik satu tingkat (tingkat dibaca dari nilai yang tampil, dua desimal). "
        "Verifikasi = satu aksi; naik level = satu aksi per level.",
        "The fewest actions that lift each score one band (bands read from the shown two-decimal value). "
        "A verification is one action; a raise is one action per level.",
    ),
    "gaps.path_scope_index": ("Indeks Smart City", "Smart City Index"),
    "gaps.path_line": ("{score} ({band}) → {target} ({next_band}): {steps} aksi, sesudahnya {after}",
                       "{score} ({band}) → {target} ({next_band}): {steps} actions, then {after}"),
    "gaps.path_unreachable": (
        "{score} ({band}): tingkat {next_band} ({target}) tidak dapat dicapai walau semua indikator di level {top}.",
        "{score} ({band}): band {next_band} ({target}) cannot be reached even with every indicator at level {top}.",
    ),
    "gaps.path_top": ("Sudah di tingkat tertinggi.", "Already in the top band."),
    "gaps.path_step": ("{code} {name} ({owner}): {what} · +{gain} · {count} aksi",
                       "{code} {name} ({owner}): {what} · +{gain} · {count} action(s)"),
    "gaps.col_kind": ("Jenis aksi", "Kind of action"),
    "gaps.col_actions": ("Jumlah aksi", "Actions"),
    "gaps.kind_verify": ("verifikasi", "verify"),
    "gaps.kind_raise": ("naikkan level", "raise"),
    "gaps.download": ("Unduh daftar aksi (XLSX)", "Download the action list (XLSX)"),
    "gaps.download_csv": ("Unduh daftar aksi (CSV)", "Download the action list (CSV)"),
    "gaps.col_action": ("Aksi", "Action"),
    "gaps.col_scope": ("Untuk", "For"),
    "gaps.action_verify": ("Verifikasi bukti dukung level {level} yang sudah tercatat",
                           "Get the recorded level {level} evidence verified"),
    "gaps.action_raise": ("Naikkan ke level {level} ({requirement})", "Raise to level {level} ({requirement})"),
}
