"""The Indonesian glossary, machine-readable: the one source of the words the Indonesian UI rules out.

docs/glossary.md explains each entry for people; tests/i18n/test_glossary.py checks that every message's
Indonesian text (and, for entries whose scope is "all", every `*_id` text of the framework files) holds
none of an entry's ruled-out patterns, that a concept entry's chosen word is in use, and that the doc
names every entry's chosen and ruled-out words.

An entry: `use` is the word we write; `avoid` names the words we do not write (as the doc shows them);
`patterns` are the regular expressions that find them (case-sensitive unless marked (?i));
`scope` is "messages" (the UI's own texts) or "all" (also the framework's indicator texts, where e.g.
"wilayah" is a territory and stays); `keys` allows the ruled-out word in messages whose key ends so
(e.g. "Keluar" for signing out only); `concept` entries name one concept, so `use` must be in use.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    use: str
    avoid: tuple[str, ...]
    patterns: tuple[str, ...]
    scope: str = "messages"
    keys: tuple[str, ...] = ()
    concept: bool = False


ENTRIES = (
    # Terms of the programme and of Kemendagri
    Entry("daerah", ("wilayah",), (r"(?i)(?<!kode )\bwilayah\b",)),
    Entry("diampunya", ("dimilikinya", "memilikinya"), (r"(?i)\b(dimilikinya|memilikinya)\b",), scope="all"),
    Entry("bukti dukung", ("bukti",), (r"(?i)(?<![-_/`'\"])\bbukti\b(?![- ]dukung)(?![-_/)`'\"])",), concept=True),
    Entry("penilaian mandiri", ("self-assessment", "penilaian diri"),
          (r"(?i)\bself[- ]assessment\b", r"(?i)\bpenilaian diri\b"), scope="all", concept=True),
    Entry("Masterplan Smart City", ("masterplan",), (r"\b[Mm]asterplan\b(?! Smart City)", r"\bmasterplan Smart City"),
          scope="all"),
    Entry("Tahap I", ("tahap I",), (r"\btahap (I\b|II\b|\{stage\})",), scope="all", concept=True),
    Entry("tingkat kematangan", ("level kematangan", "tingkat yang bukti dukungnya"),
          (r"(?i)\blevel kematangan\b", r"(?i)\btingkat yang bukti\b"), scope="all", concept=True),
    Entry("Bappeda/Bapperida", ("Bapperida", "Bappeda"), (r"(?<!Bappeda/)\bBapperida\b", r"\bBappeda\b(?!/Bapperida)"),
          scope="all"),
    Entry("versi data", ("snapshot",), (r"(?i)\bsnapshot",), scope="all", concept=True),
    Entry("Rakor", ("rakor",), (r"\brakor\b",), scope="all"),
    Entry("notulis", ("sekretaris rapat", "notulen"), (r"(?i)\bsekretaris rapat\b", r"(?i)\bnotulen\b")),
    Entry("tenggat", ("deadline", "batas waktu"), (r"(?i)\bdeadline\b", r"(?i)\bbatas waktu\b")),
    Entry("Quick Win", ("quick win", "Quick win"), (r"(?!Quick Win)\b[Qq]uick [Ww]in\b",), scope="all", concept=True),
    # One concept, one word
    Entry("sumbangan", ("kontribusi",), (r"(?i)\bkontribusi\b",), concept=True),
    Entry("tersendat", ("macet",), (r"(?i)\bmacet\b",), concept=True),
    Entry("kenaikan indeks", ("tambahan indeks",), (r"(?i)\btambahan indeks\b",), concept=True),
    Entry("aksi", ("langkah",), (r"(?i)\blangkah\b",), concept=True),
    Entry("selisih tipis", ("terlalu tipis",), (r"(?i)\bterlalu tipis\b",), concept=True),
    Entry("Keluar (sign out only)", ("Keluar",), (r"(?i)\bkeluar\b",), keys=("signout", "logout")),
    # English words
    Entry("panel samping", ("sidebar",), (r"(?i)\bsidebar\b",), scope="all"),
    Entry("bahan rapat", ("handout",), (r"(?i)\bhandout\b",), scope="all"),
    Entry("grafik selisih", ("dumbbell",), (r"(?i)\bdumbbell\b",), scope="all"),
    Entry("folder data", ("store",), (r"(?i)(?<!-m )(?<!`)\bstore\b",), scope="all"),
    Entry("daftar versi data", ("manifest",), (r"(?i)\bmanifest\b(?!\.json)",), scope="all"),
    Entry("dan / dibanding", ("vs",), (r"(?i)\bvs\b\.?",), scope="all"),
    Entry("waktu nyata", ("real time",), (r"(?i)\breal[- ]?time\b",), scope="all"),
    Entry("acara", ("event",), (r"(?i)\bevents?\b",), scope="all"),
    Entry("penyerap hasil", ("offtaker",), (r"(?i)\bofftakers?\b",), scope="all"),
    # Calques
    Entry("indeks di atas dan di bawahnya", ("tetangga",), (r"(?i)\btetangga\b",)),
    Entry("peringkat yang sama", ("berbagi peringkat",), (r"(?i)\bberbagi peringkat\b",), scope="all"),
    Entry("dicapainya", ("dibukanya",), (r"(?i)\bdibukanya\b",), scope="all"),
    Entry("tidak lagi sesuai skenario", ("meninggalkan skenario",), (r"(?i)\bmeninggalkan skenario\b",), scope="all"),
    Entry("tidak ada yang disimpan", ("tidak ada yang ditulis",), (r"(?i)\btidak ada yang (perlu )?ditulis\b",),
          scope="all"),
    Entry("bebas masalah", ("berkas bersih",), (r"(?i)\bberkas bersih\b",), scope="all"),
    Entry("jadwal evaluasi", ("jendela evaluasi",), (r"(?i)\bjendela\b",), scope="all"),
    Entry("yang sebenarnya", ("sungguhan",), (r"(?i)\bsungguhan\b",), scope="all"),
)

# Navigation labels: nouns, sentence case (the first word capitalised, the rest as in running text).
NAV_PREFIX = "nav."
NAV_VERB = r"^\w+kan\b"  # "Bandingkan": a verb; the label is a noun ("Perbandingan")
