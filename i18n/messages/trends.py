"""Strings of the trends page."""

MESSAGES = {
    "trends.title": ("Tren dan pergerakan", "Trends and movers"),
    "trends.title_scope": ("Tren dan pergerakan: {scope}", "Trends and movers: {scope}"),
    "trends.in_scope": ("{title} · {scope}", "{title} · {scope}"),
    "trends.regions": ("Daerah (maks. 8)", "Regions (up to 8)"),
    "trends.measure": ("Ukuran", "Measure"),
    "trends.lines_title": ("{measure} per tahun, Tahap {stage}", "{measure} by year, stage {stage}"),
    "trends.national_median": ("Median nasional", "National median"),
    "trends.stages_title": ("Tahap I ke Tahap II, {year}", "Stage I to stage II, {year}"),
    "trends.stages_hint": (
        "Tahap I adalah penilaian mandiri; Tahap II adalah hasil setelah verifikasi bukti dukung. Penurunan "
        "menunjukkan klaim yang tidak terbukti.",
        "Stage I is the self-assessment; stage II follows evidence verification. A drop = claims not borne out.",
    ),
    "trends.stage_pair_missing": ("Tahun {year} belum memiliki kedua tahap.", "{year} does not have both stages yet."),
    "trends.stage_median": ("Median perubahan Tahap I → II", "Median change stage I → II"),
    "trends.stage_dropped": ("Daerah yang turun setelah verifikasi", "Regions lower after verification"),
    "trends.stage_largest": ("Penurunan terbesar setelah verifikasi", "Largest drops after verification"),
    "trends.col_stage_one": ("Tahap I", "Stage I"),
    "trends.col_stage_two": ("Tahap II", "Stage II"),
    "trends.movers_title": ("Pergerakan terbesar {first} → {last}", "Largest moves {first} → {last}"),
    "trends.cohorts_title": ("Median indeks per angkatan", "Median index by cohort"),
    "trends.cohort_series": ("Angkatan {cohort}", "Cohort {cohort}"),
    "trends.slope_title": ("Indeks {first} dan {last}", "Index in {first} and {last}"),
    "trends.first_year": ("Dari tahun", "From year"),
    "trends.last_year": ("Ke tahun", "To year"),
    "trends.need_years": ("Perlu dua tahun data untuk tren.", "Trends need two years of data."),
    "trends.method_mark": ("Metode berubah {year}", "Method changed {year}"),
    "trends.method_note": (
        "⚠️ Perbandingan {first}–{last} melintasi perubahan metode ({years}): bobot atau indikator kerangka "
        "berbeda, sehingga sebagian perubahan berasal dari metode, bukan dari kinerja.",
        "⚠️ The {first}–{last} comparison spans a change of method ({years}): the framework's weights or "
        "indicators differ, so part of the change comes from the method, not from performance.",
    ),
}
