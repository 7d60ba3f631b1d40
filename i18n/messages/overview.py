"""Strings of the overview page."""

MESSAGES = {
    "overview.title": ("Ikhtisar nasional {year} · Tahap {stage}", "National overview {year} · Stage {stage}"),
    "overview.title_scope": ("Ikhtisar {scope} {year} · Tahap {stage}", "Overview of {scope} {year} · Stage {stage}"),
    "overview.map_yours": ("{name} (daerah Anda)", "{name} (your region)"),
    "overview.scope_hint": ("Peringkat tetap nasional; kolom peringkat provinsi dan per jenis ada di tabel.",
                            "Ranks stay national; the table has the rank within the province and among the "
                            "same kind."),
    "overview.filter_province": ("Provinsi", "Province"),
    "overview.filter_kind": ("Jenis daerah", "Kind of region"),
    "overview.filter_cohort": ("Angkatan (tahun pertama dinilai)", "Cohort (first year assessed)"),
    "overview.filter_group": ("Kelompok evaluasi", "Evaluation group"),
    "overview.all": ("Semua", "All"),
    "overview.no_match": ("Tidak ada daerah yang cocok dengan filter ini.", "No region matches these filters."),
    "overview.metric_regions": ("Daerah dinilai", "Regions assessed"),
    "overview.metric_median": ("Median indeks", "Median index"),
    "overview.metric_share": ("Di tingkat 3 ke atas", "At band 3 or above"),
    "overview.metric_riser": ("Kenaikan terbesar", "Biggest rise"),
    "overview.metric_faller": ("Penurunan terbesar", "Biggest fall"),
    "overview.none": ("–", "–"),
    "overview.map_title": ("Peta tingkat kematangan {count} daerah", "Maturity band of {count} regions"),
    "overview.map_units": ("titik = pusat daerah; warna = tingkat", "dot = region centroid; colour = band"),
    "overview.map_hint": ("Klik titik untuk membuka profil daerah.", "Click a dot to open the region's profile."),
    "overview.not_assessed": ("Tidak dinilai", "Not assessed"),
    "overview.bands_title": ("Sebaran tingkat per dimensi", "Band distribution per dimension"),
    "overview.bands_units": ("jumlah daerah", "number of regions"),
    "overview.regions_word": ("daerah", "regions"),
    "overview.ranking_title": ("Peringkat nasional", "National ranking"),
    "overview.ranking_hint": (
        "Pilih baris untuk membuka profil. Daerah dengan nilai tampil yang sama mendapat peringkat yang sama. ≈ "
        "menandai indeks yang selisihnya dengan daerah di atas atau di bawahnya kurang dari {close} (kenaikan indeks "
        "terkecil bila satu indikator naik satu level): satu verifikasi saja dapat menukar urutannya. Perubahan "
        "peringkat dihitung di antara daerah yang dinilai pada kedua tahun.",
        "Select a row to open the profile. Equal shown values share a rank. ≈ marks an index less than {close} "
        "from a neighbour (the smallest change one indicator moving one level makes): a single verification "
        "could swap them. Rank change is counted among regions assessed in both years.",
    ),
    "overview.new_regions": (
        "{count} daerah baru dinilai tahun ini (tanpa perubahan peringkat).",
        "{count} regions are assessed for the first time this year (no rank change).",
    ),
    "overview.method_note": (
        "Metode penilaian berubah dibanding tahun lalu (bobot rantai hasil): perubahan sebagian karena metode.",
        "The scoring method changed since last year (results-chain weights): part of the change is method.",
    ),
    "overview.col_profile": ("Profil", "Profile"),
    "overview.col_close": ("≈", "≈"),
    "overview.open": ("buka", "open"),
    "overview.province_title": ("Rekap per provinsi", "Province roll-up"),
    "overview.col_regions": ("Daerah", "Regions"),
    "overview.col_median": ("Median", "Median"),
    "overview.col_spread": ("Rentang (maks–min)", "Spread (max–min)"),
    "overview.col_up": ("Naik", "Up"),
    "overview.col_down": ("Turun", "Down"),
    "overview.col_band": ("Tingkat {level}", "Band {level}"),
    "overview.movers_title": ("Pergerakan terbesar sejak {year}", "Biggest moves since {year}"),
    "overview.gains": ("Naik", "Gains"),
    "overview.losses": ("Turun", "Losses"),
    "overview.none_gains": ("Tidak ada daerah yang indeksnya naik.", "No region's index went up."),
    "overview.none_losses": ("Tidak ada daerah yang indeksnya turun.", "No region's index went down."),
}
