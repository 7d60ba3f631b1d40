"""Strings of the claims-against-verification view (stage I claims, stage II verification)."""

MESSAGES = {
    "claims.title": ("Klaim Tahap I dan hasil verifikasi Tahap II, {year}",
                     "Stage I claims and stage II verification, {year}"),
    "claims.how_to_read": (
        "Tahap I adalah penilaian mandiri: level yang diklaim daerah. Tahap II memverifikasi klaim yang sama. "
        "Klaim **gagal** bila level terverifikasi lebih rendah dari klaim: karena bukti dukung tidak terverifikasi "
        "(bukti dukung tidak ada atau ditolak) atau karena bukti dukung hanya mendukung level yang lebih rendah "
        "(level diturunkan). *Poin indeks hilang* = bagian indeks indikator × (klaim − terverifikasi); "
        "jumlahnya sama dengan indeks klaim dikurangi indeks terverifikasi.",
        "Stage I is the self-assessment: the levels a region claims. Stage II verifies the same claims. A claim "
        "**fails** when the verified level is below the claim: because the evidence was not verified (missing "
        "or not accepted) or because the evidence supports only a lower level (level lowered). *Index points "
        "lost* = the indicator's index share × (claimed − verified); they add up to the claimed index minus "
        "the verified index.",
    ),
    "claims.scope": ("Cakupan", "Scope"),
    "claims.scope_region": ("Daerah ini", "This region"),
    "claims.scope_province": ("Provinsi {province}", "Province {province}"),
    "claims.scope_nation": ("Nasional", "National"),
    "claims.none": ("Tidak ada daerah dalam cakupan ini yang dinilai pada Tahap I dan Tahap II {year}.",
                    "No region of this scope was assessed in both stage I and stage II of {year}."),
    "claims.regions_compared": ("Rata-rata {count} daerah yang dinilai pada kedua tahap.",
                                "Mean of {count} regions assessed in both stages."),
    "claims.metric_claimed": ("Indeks diklaim (Tahap I)", "Claimed index (stage I)"),
    "claims.metric_verified": ("Indeks terverifikasi (Tahap II)", "Verified index (stage II)"),
    "claims.metric_failed": ("Klaim gagal", "Failed claims"),
    "claims.failed_value": ("{failed} dari {claims} ({share})", "{failed} of {claims} ({share})"),
    "claims.metric_failed_of": ("Klaim gagal: {failed} dari {claims}", "Failed claims: {failed} of {claims}"),
    "claims.metric_lost": ("Poin indeks hilang", "Index points lost"),
    "claims.chart_title": ("Klaim dan hasil verifikasi per dimensi", "Claimed and verified per dimension"),
    "claims.series_claimed": ("Klaim Tahap I", "Stage I claim"),
    "claims.series_verified": ("Terverifikasi Tahap II", "Verified in stage II"),
    "claims.opd_title": ("OPD dengan klaim gagal terbanyak (poin indeks hilang)",
                         "OPDs whose claims failed most (index points lost)"),
    "claims.col_claims": ("Klaim", "Claims"),
    "claims.col_failed": ("Gagal", "Failed"),
    "claims.col_failed_share": ("% gagal", "% failed"),
    "claims.col_missing_share": ("% bukti dukung tidak terverifikasi", "% evidence not verified"),
    "claims.col_lowered_share": ("% level diturunkan", "% level lowered"),
    "claims.col_lost": ("Poin indeks hilang", "Index points lost"),
    "claims.col_claimed": ("Klaim", "Claimed"),
    "claims.col_verified": ("Terverifikasi", "Verified"),
    "claims.col_reason": ("Sebab", "Why"),
    "claims.outcome_lowered": ("level diturunkan", "level lowered"),
    "claims.outcome_evidence_missing": ("bukti dukung tidak terverifikasi", "evidence not verified"),
    "claims.outcome_accepted": ("diterima", "accepted"),
    "claims.outcome_not_claimed": ("tidak diklaim", "not claimed"),
    "claims.failed_title": ("Indikator dengan klaim gagal", "Indicators whose claim failed"),
    "claims.no_failed": ("Semua klaim daerah ini diterima.", "Every claim of this region was accepted."),
    "claims.no_failed_opd": ("Tidak ada OPD pengampu dengan klaim yang gagal.", "No owner agency has a failed claim."),
    "claims.download_csv": ("Klaim dan verifikasi (CSV)", "Claims vs verification (CSV)"),
    "claims.download_xlsx": ("Klaim dan verifikasi (XLSX)", "Claims vs verification (XLSX)"),
}
