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
        "bertipe rantai itu (0–{top}). Skor elemen = rata-rata tertimbang indikatornya; skor dimensi = rata-rata "
        "tertimbang elemennya. Ditampilkan dengan dua desimal, dibulatkan setengah ke atas.",
        "Index = Σ chain weight × component score. A component score is the weighted mean of the levels of the "
        "indicators of that chain type (0–{top}). An element score is the weighted mean of its indicators; a "
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
        "- Skala: indeks yang dipublikasikan bernilai \"dari skala 4,0\": Kab. Tabalong 2024 \"meraih nilai 3,55 dari "
        "skala 4,0\" (https://tvtabalong.com/nilai-smart-city-tabalong-2024-kembali-meningkat); Kab. Semarang "
        "\"indeks smart city tahun 2023 sebesar 2,51 dari skala nilai indeks 4\" "
        "(https://diskominfo.semarangkab.go.id/?p=3605); Kota Makassar 2024 \"dari skala maksimal 4,0\" "
        "(https://eranesia.id/news/berita/regional/10155/makassar-naikkan-nilai-smart-city-364-berkat-transformasi-"
        "digital). Karena itu level indikator berjalan 0–{top}.\n"
        "- Nama tingkat kematangan memakai predikat indeks SPBE (PermenPANRB 59/2020: Kurang, Cukup, Baik, Sangat "
        "Baik, Memuaskan); hasil tertinggi nasional 2024 (3,93) berpredikat Memuaskan. Batas nilainya pilihan "
        "ilustratif kami: program tidak mempublikasikannya.\n"
        "- Data penilaian: versi data yang dimuat ke Matra (lihat riwayat di bawah).",
        "- Region codes and names: npm package `idn-area-data@4.0.1` (ODbL 1.0). Centroids: mean village "
        "coordinates from npm package `geografis` (MIT). See NOTICE.\n"
        "- Scale: the published index is \"dari skala 4,0\" (out of 4.0): Kab. Tabalong 2024 \"meraih nilai 3,55 dari "
        "skala 4,0\" (https://tvtabalong.com/nilai-smart-city-tabalong-2024-kembali-meningkat); Kab. Semarang "
        "\"indeks smart city tahun 2023 sebesar 2,51 dari skala nilai indeks 4\" "
        "(https://diskominfo.semarangkab.go.id/?p=3605); Kota Makassar 2024 \"dari skala maksimal 4,0\" "
        "(https://eranesia.id/news/berita/regional/10155/makassar-naikkan-nilai-smart-city-364-berkat-transformasi-"
        "digital). Indicator levels therefore run 0–{top}.\n"
        "- The maturity band names are the SPBE index predicates (PermenPANRB 59/2020: Kurang, Cukup, Baik, Sangat "
        "Baik, Memuaskan); the top national result of 2024 (3.93) was \"Memuaskan\". The thresholds are our "
        "illustrative choice: the programme publishes none.\n"
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
        "Data bawaan **sintetis**, dibentuk mengikuti program Gerakan Menuju 100 Smart City, tahun 2017–2025, "
        "pada skala 0–4 yang dipublikasikan.\n\n"
        "- **Mengikuti fakta publik:** jumlah daerah peserta 25 (2017), 75 (2018), 100 (2019 dan 2020), 141 (2021), "
        "191 (2022) dan 241 (sejak 2023); Tahap II memverifikasi 75 daerah pada 2020, 100 pada 2021 dan 141 pada "
        "2023; sejak 2024 Tahap II mencakup 241 daerah dalam dua kelompok evaluasi yang diperingkat terpisah "
        "(191 daerah reguler dan 50 daerah angkatan 2023); indeks daerah lama sebagian besar 2,0–3,95; Tahap I "
        "pada Juni, Tahap II akhir Oktober–November; bobot rantai hasil berubah pada 2022.\n"
        "- **Rekaan:** cakupan Tahap II 2017–2019 dan 2022, urutan daerah bergabung, serta setiap level, status "
        "bukti dukung, tingkat penolakan klaim, dan catatan.\n"
        "- Tahap I berisi klaim (bukti dukung diajukan atau tidak ada); Tahap II memverifikasi klaim yang sama (tidak "
        "pernah di atas klaim). Indikator tindak lanjut evaluasi sebelumnya bernilai 0 pada tahun pertama daerah.",
        "The bundled data is **synthetic**, shaped like the Gerakan Menuju 100 Smart City programme, years "
        "2017–2025, on the published 0–4 scale.\n\n"
        "- **Follows public facts:** members 25 (2017), 75 (2018), 100 (2019 and 2020), 141 (2021), 191 (2022) and "
        "241 (from 2023); stage II verified 75 regions in 2020, 100 in 2021 and 141 in 2023; from 2024 stage II "
        "covers the 241 in two evaluation groups ranked apart (the 191 regular regions and the 50 of the 2023 "
        "cohort); indices of established regions mostly 2.0–3.95; stage I in June, stage II late October to "
        "November; the results-chain weights change in 2022.\n"
        "- **Invented:** the stage II scope of 2017–2019 and 2022, the order in which regions join, and every level, "
        "evidence status, claim rejection rate and note.\n"
        "- Stage I holds claims (evidence submitted or missing); stage II verifies the same claims (never above "
        "the claim). Indicators that follow up the previous evaluation are 0 in a region's first year.",
    ),
    "method.synthetic_yes": ("sintetis", "synthetic"),
}
