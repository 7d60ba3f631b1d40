"""Strings of the command lines (`python -m store`, `python -m reports`), said by
`store.cli_common.say`. Problem texts of refused files come from store/problems.py (Problem.describe)."""

MESSAGES = {
    "cli.refused": ("ditolak: {count} masalah; tidak ada yang disimpan",
                    "refused: {count} problem(s); nothing was written"),
    "cli.warning": ("peringatan", "warning"),
    "cli.unchanged": ("tidak berubah: berkas ini sudah menjadi versi data aktif {id}",
                      "unchanged: this file is already the active snapshot {id}"),
    "cli.no_framework": ("tidak ada kerangka untuk tahun {year}", "no framework covers year {year}"),
    "cli.retracted": ("ditarik {id}", "retracted {id}"),
    "cli.restored": ("dipulihkan {id}", "restored {id}"),
    "cli.now_active": ("{year} Tahap {stage}: aktif sekarang {id}", "{year} stage {stage}: now active {id}"),
    "cli.now_empty": ("{year} Tahap {stage}: tidak ada data lagi", "{year} stage {stage}: no data any more"),
    "cli.merged": ("digabung per daerah: {replaced} daerah dari berkas ini, {kept} daerah lain tetap",
                   "merged by region: {replaced} region(s) from this file, {kept} other region(s) kept"),
    "cli.replaced": ("berkas ini menjadi seluruh {year} Tahap {stage}: {removed} daerah tidak lagi tampil "
                     "(tetap di versi data yang digantikan)",
                     "this file is now the whole of {year} stage {stage}: {removed} region(s) no longer show "
                     "(they stay in the superseded snapshot)"),
    "cli.framework_ok": ("OK: {id}: {indicators} indikator, {elements} elemen, {dimensions} dimensi, tahun {years}",
                         "OK: {id}: {indicators} indicators, {elements} elements, {dimensions} dimensions, "
                         "years {years}"),
    "cli.framework_problems": ("{path}: {count} masalah", "{path}: {count} problem(s)"),
    "cli.cannot_read": ("tidak dapat membaca {file}: {reason}", "cannot read {file}: {reason}"),
    "cli.rankings_written": ("{count} peringkat ditulis di samping skornya (yang sudah ada tidak ditulis ulang)",
                             "{count} rankings written beside their scores (those already there are kept)"),
    "cli.no_data": ("tidak ada data {year} Tahap {stage}", "no data for {year} stage {stage}"),
    "cli.not_assessed": ("{region} tidak dinilai pada {year} Tahap {stage}",
                         "{region} was not assessed in {year} stage {stage}"),
    "cli.no_previous": ("{region} tidak dinilai pada {year} Tahap {stage}, jadi tidak ada perubahan",
                        "{region} was not assessed in {year} stage {stage}, so there is no change"),
    "cli.bad_scope": ("cakupan '{scope}' tidak dikenal; pilih {choices}", "unknown scope '{scope}'; choose {choices}"),
    "cli.scenario.bad_name": ("nama skenario harus 1-60 huruf", "a scenario name must be 1-60 characters"),
    "cli.scenario.empty_scenario": ("skenario tanpa perubahan: beri --set atau --programme",
                                    "a scenario with no change: give --set or --programme"),
    "cli.scenario.not_assessed": ("{value} tidak dinilai", "{value} was not assessed"),
    "cli.scenario.bad_stage": ("tahap {value} tidak dikenal", "unknown stage {value}"),
    "cli.scenario.unknown_scenario": ("skenario {value} tidak ada", "no scenario {value}"),
    "cli.scenario.too_many_scenarios": ("{region} sudah memiliki {value} skenario tersimpan, batas terbanyak "
                                        "(setelan MATRA_MAX_SCENARIOS); hapus satu dahulu",
                                        "{region} already has {value} saved scenarios, the most allowed (setting "
                                        "MATRA_MAX_SCENARIOS); delete one first"),
    "cli.internal_error": ("galat internal: {kind}: {error}", "internal error: {kind}: {error}"),
    "cli.official.imported": ("versi {id}: {imported} baris diterbitkan digabung per (daerah, tahun); tabel kini "
                              "{rows} baris",
                              "version {id}: {imported} published row(s) merged by (region, year); the table now "
                              "has {rows}"),
    "cli.official.nothing_to_undo": ("tidak ada versi aktif hasil resmi untuk dibatalkan",
                                     "no active version of the official results to undo"),
    "cli.official.retracted": ("versi {id} ditarik; versi aktif kini: {active}",
                               "retracted {id}; active now: {active}"),
    "cli.official.restored": ("versi {id} aktif kembali", "version {id} is active again"),
    "cli.official.none": ("(tidak ada)", "(none)"),
    "cli.official.unknown": ("tidak ada versi hasil resmi dengan id {id}",
                             "no official-results version with id {id}"),
    "cli.official.differs": ("{count} baris: indeks terbit berbeda lebih dari 0,01 dari indeks yang dihitung ulang "
                             "dari komponennya",
                             "{count} row(s): the published index differs by more than 0.01 from the index "
                             "recomputed from its components"),
    "cli.official.agrees": ("semua {count} baris dengan lima komponen sesuai dalam 0,01",
                            "all {count} row(s) with five components agree within 0.01"),
}
