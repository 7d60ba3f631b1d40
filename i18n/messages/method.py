"""Strings of the methodology page."""

MESSAGES = {
    "method.title": ("Metodologi", "Methodology"),
    "method.framework_for": ("Kerangka penilaian tahun {year}: {name}", "Assessment framework for {year}: {name}"),
    "method.illustrative": (
        "Kerangka ini ilustratif: rumusan indikator adalah milik Matra, strukturnya mengikuti program publik "
        "Gerakan Menuju Smart City. Bukan kuesioner resmi.",
        "This framework is illustrative: the indicator wording is Matra's own, the structure follows the public "
        "Gerakan Menuju Smart City programme. It is not the official questionnaire.",
    ),
    "method.formula_title": ("Rumus Indeks Smart City", "The Smart City Index formula"),
    "method.formula": (
        "Indeks = Σ bobot rantai × skor komponen. Skor komponen = rata-rata tertimbang level indikator "
        "bertipe rantai itu (0–5). Skor elemen = rata-rata tertimbang indikatornya; skor dimensi = rata-rata "
        "tertimbang elemennya. Ditampilkan dengan dua desimal, dibulatkan setengah ke atas.",
        "Index = Σ chain weight × component score. A component score is the weighted mean of the levels of the "
        "indicators of that chain type (0–5). An element score is the weighted mean of its indicators; a "
        "dimension score the weighted mean of its elements. Shown with two decimals, rounded half up.",
    ),
    "method.weights_title": ("Bobot rantai hasil per tahun", "Results-chain weights per year"),
    "method.col_year": ("Tahun", "Years"),
    "method.col_framework": ("Kerangka", "Framework"),
    "method.chain_baseline": ("Baseline", "Baseline"),
    "method.chain_output": ("Output", "Output"),
    "method.chain_outcome": ("Outcome", "Outcome"),
    "method.chain_impact": ("Impact", "Impact"),
    "method.chain_quick_win": ("Quick Win", "Quick Win"),
    "method.bands_title": ("Tingkat kematangan", "Maturity bands"),
    "method.col_level": ("Tingkat", "Band"),
    "method.col_name": ("Nama", "Name"),
    "method.col_lower": ("Batas bawah", "Lower bound"),
    "method.col_range": ("Rentang", "Range"),
    "method.evidence_title": ("Kebijakan bukti dukung", "Evidence policy"),
    "method.evidence_zero": (
        "Level hanya dihitung bila bukti dukung terverifikasi; level tanpa verifikasi dihitung 0.",
        "A level counts only when its evidence is verified; an unverified level counts as 0.",
    ),
    "method.evidence_claimed": (
        "Level tanpa verifikasi dihitung sebesar level klaim (untuk menjelajahi penilaian mandiri).",
        "An unverified level counts at its claimed level (for exploring self-assessments).",
    ),
    "method.browser_title": ("Penjelajah kerangka", "Framework browser"),
    "method.dimension": ("Dimensi", "Dimension"),
    "method.indicator_count": ("{count} indikator", "{count} indicators"),
    "method.element_weight": ("bobot elemen {weight}", "element weight {weight}"),
    "method.col_chain": ("Rantai", "Chain"),
    "method.col_aspect": ("Aspek", "Aspect"),
    "method.col_weight": ("Bobot", "Weight"),
    "method.levels": ("Deskripsi level", "Level descriptions"),
    "method.evidence_expected": ("Bukti dukung yang diharapkan", "Evidence expected"),
    "method.sources_title": ("Sumber data dan lisensi", "Data sources and licences"),
    "method.sources": (
        "- Kode dan nama daerah: paket npm `idn-area-data@4.0.1` (ODbL 1.0). Titik pusat daerah: rata-rata "
        "koordinat desa dari paket npm `geografis` (MIT). Lihat NOTICE.\n"
        "- Tingkat kematangan diadaptasi dari tingkat kapabilitas SPBE (PermenPANRB 59/2020; "
        "predikat indeks SPBE sendiri bernama "
        "Kurang, Cukup, Baik, Sangat Baik, Memuaskan).\n"
        "- Data penilaian: versi data yang dimuat ke Matra (lihat riwayat di bawah).",
        "- Region codes and names: npm package `idn-area-data@4.0.1` (ODbL 1.0). Centroids: mean village "
        "coordinates from npm package `geografis` (MIT). See NOTICE.\n"
        "- Maturity bands adapted from the SPBE capability levels (PermenPANRB 59/2020; the SPBE index predicates "
        "themselves are Kurang, Cukup, Baik, Sangat Baik, Memuaskan).\n"
        "- Assessment data: the snapshots loaded into Matra (history below).",
    ),
    "method.snapshots_title": ("Versi data aktif", "Active snapshots"),
    "method.col_snapshot": ("Versi data", "Snapshot"),
    "method.col_stage": ("Tahap", "Stage"),
    "method.col_created": ("Dibuat", "Created"),
    "method.col_source": ("Sumber", "Source"),
    "method.col_rows": ("Baris", "Rows"),
    "method.col_regions": ("Daerah", "Regions"),
    "method.demo_title": ("Tentang data demo", "About the demo data"),
    "method.demo_notes": (
        "Data bawaan **sintetis**, dibentuk mengikuti program Gerakan Menuju 100 Smart City, tahun 2017–2025.\n\n"
        "- **Mengikuti fakta publik:** daerah peserta berjumlah 25 pada 2017, hingga 2018 berjumlah 75, hingga "
        "2019 berjumlah 100, dan hingga 2023 berjumlah 241; "
        "pada 2024 Tahap I mencakup 241 daerah angkatan 2017–2023 dan Tahap II memverifikasi 191 daerah angkatan "
        "2017–2022; daerah Tahap II selalu bagian dari daerah Tahap I tahun yang sama; bobot rantai hasil berubah "
        "pada 2022.\n"
        "- **Rekaan:** pembagian angkatan 2020–2022, angkatan 2025, cakupan Tahap II tahun lain, urutan daerah "
        "bergabung, serta setiap level, status bukti dukung, tingkat penolakan klaim, dan catatan.\n"
        "- Tahap I berisi klaim (bukti dukung diajukan atau tidak ada); Tahap II memverifikasi klaim yang sama (tidak "
        "pernah di atas klaim). Indikator tindak lanjut evaluasi sebelumnya bernilai 0 pada tahun pertama daerah.",
        "The bundled data is **synthetic**, shaped like the Gerakan Menuju 100 Smart City programme, years "
        "2017–2025.\n\n"
        "- **Follows public facts:** cohorts of 25 regions (2017), 75 by 2018, 100 by 2019 and 241 by 2023; in 2024 "
        "stage I covers the 241 regions of the 2017–2023 cohorts and stage II verifies the 191 regions of the "
        "2017–2022 cohorts; stage II regions are always a subset of the year's stage I regions; the results-chain "
        "weights change in 2022.\n"
        "- **Invented:** the split of the 2020–2022 cohorts, a 2025 cohort, the stage II scope of other years, the "
        "order in which regions join, and every level, evidence status, claim rejection rate and note.\n"
        "- Stage I holds claims (evidence submitted or missing); stage II verifies the same claims (never above "
        "the claim). Indicators that follow up the previous evaluation are 0 in a region's first year.",
    ),
    "method.synthetic_yes": ("sintetis", "synthetic"),
}
