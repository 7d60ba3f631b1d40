"""'How to read this page': a short guide at the top of each page (frame.guide)."""

MESSAGES = {
    "guide.title": ("Cara membaca halaman ini", "How to read this page"),
    "guide.overview": (
        "- **Indeks Smart City** (skala 0–{top}) menggabungkan enam dimensi; **tingkat** kematangan ditentukan "
        "dari nilai yang ditampilkan (dua desimal).\n"
        "- Pilih **Provinsi** untuk memperbesar peta ke provinsi itu; peringkat di tabel tetap peringkat nasional, "
        "sedangkan peringkat provinsi dan per jenis daerah ada di kolom tersendiri.\n"
        "- **≈** berarti selisih indeks dengan daerah di atas atau di bawahnya lebih kecil daripada kenaikan satu "
        "indikator satu level: satu verifikasi saja dapat menukar urutannya.\n"
        "- Klik titik di peta atau baris di tabel untuk membuka profil daerah.",
        "- The **Smart City Index** (on a 0–{top} scale) combines six dimensions; the maturity **band** follows "
        "the shown value (two decimals).\n"
        "- Choose a **Province** to zoom the map to it; the table's ranks stay national, with the rank within the "
        "province and among the same kind in their columns.\n"
        "- **≈** means the gap to a neighbour is smaller than one indicator moving one level: a single "
        "verification can swap them.\n"
        "- Click a dot on the map or a row of the table to open the region's profile."),
    "guide.region": (
        "- Angka di atas: indeks, tingkat, dan peringkat nasional, provinsi dan per jenis daerah.\n"
        "- **Radar**: enam dimensi daerah ini dibanding median nasional dan targetnya.\n"
        "- **Mengapa berubah**: bagian perubahan indeks dari tiap dimensi dan indikator; perubahan metode "
        "(kerangka baru) dipisahkan.\n"
        "- **Tabel indikator**: level tercatat, level yang dihitung (hanya dengan bukti dukung terverifikasi) dan OPD "
        "pengampu.",
        "- The figures on top: index, band, and the national, province and same-kind rank.\n"
        "- **Radar**: this region's six dimensions against the national median and its targets.\n"
        "- **Why it changed**: each dimension's and indicator's share of the index change; a change of method "
        "(a new framework) is shown apart.\n"
        "- **Indicator table**: recorded level, counted level (only with verified evidence) and the owner OPD."),
    "guide.compare": (
        "- Bandingkan hingga delapan daerah: **sebanding** (provinsi, jenis, angkatan, profil) atau **pilih "
        "sendiri**; daerah Anda selalu disertakan.\n"
        "- **Peta panas**: skor tiap dimensi; **grafik selisih**: daerah pertama dibanding median kelompok.\n"
        "- Tabel: skor dan selisihnya dari median kelompok; skenario tersimpan ditampilkan di samping angka saat ini.",
        "- Compare up to eight regions: **peers** (province, kind, cohort, profile) or **picked by hand**; your "
        "region always comes along.\n"
        "- **Heatmap**: each dimension's score; **dumbbell**: the first region against the group's median.\n"
        "- Table: scores and the difference from the group's median; saved scenarios are shown beside the actual "
        "figures."),
    "guide.gaps": (
        "- **Kesenjangan**: jarak tiap dimensi ke targetnya (atau ke batas tingkat berikutnya).\n"
        "- **Jalan ke tingkat berikutnya**: jumlah aksi paling sedikit — memverifikasi level yang tercatat atau "
        "menaikkan level — beserta OPD pengampunya.\n"
        "- **Simulasi**: pilih indikator dan level untuk melihat perubahan indeks, tingkat dan peringkat.",
        "- **Gaps**: how far each dimension is from its target (or from the next band's threshold).\n"
        "- **Path to the next band**: the fewest steps — verifying a recorded level or raising a level — with "
        "the OPD that owns each.\n"
        "- **What if**: choose indicators and levels to see the index, band and ranks move."),
    "guide.plan": (
        "- Program dan Quick Win dalam Masterplan Smart City daerah, beserta indikator yang ditingkatkan tiap "
        "program.\n"
        "- **Indeks bila selesai**: indeks bila program selesai sesuai rencana (dihitung dengan cara yang sama "
        "seperti jalan ke tingkat berikutnya).\n"
        "- **Kesenjangan tanpa program**: indikator dengan potensi kenaikan indeks besar yang belum ditangani program"
        " mana pun.",
        "- The region's masterplan programmes and quick wins, with the indicators each lifts.\n"
        "- **Index if done**: the index if a programme finishes as planned (the same engine as the path to the "
        "next band).\n"
        "- **Gaps no programme addresses**: indicators with large gains that no programme covers."),
    "guide.readiness": (
        "- Per OPD: indikator yang diampunya, status bukti dukung, dan yang dibutuhkan level berikutnya.\n"
        "- **Kesiapan** = bagian indikator OPD dengan bukti dukung terverifikasi; **sisa hari** menuju jadwal "
        "evaluasi berikutnya.\n"
        "- Unduh daftar bukti dukung per OPD untuk dikirim ke Bappeda/Bapperida.",
        "- Per OPD: the indicators it owns, their evidence status and what the next level needs.\n"
        "- **Readiness** = share of the OPD's indicators with verified evidence; **days left** to the next "
        "evaluation window.\n"
        "- Download the evidence list per OPD for the Bapperida to send out."),
    "guide.trends": (
        "- Garis: indeks atau satu dimensi per tahun untuk daerah pilihan dan median nasional.\n"
        "- Garis putus-putus menandai **perubahan metode** (kerangka baru): angka sebelum dan sesudah garis itu tidak"
        " sepenuhnya setara.\n"
        "- **Naik / turun**: daerah dengan perubahan terbesar di antara dua tahun pilihan.",
        "- Lines: the index or one dimension per year for the chosen regions and the national median.\n"
        "- A dashed line marks a **change of method** (a new framework): comparisons across it are not fully "
        "like for like.\n"
        "- **Up / down**: the regions that changed most between the two chosen years."),
}
