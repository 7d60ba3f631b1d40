"""The rules a framework file must keep (scoring.framework_rules), worded for people: the workbook
import's problem list and check-framework. The English sentences are scoring's own (RULES_EN)."""

from scoring.framework_rules import RULES_EN

INDONESIAN = {
    "missing_key": "kunci utama '{key}' tidak ada",
    "years": "'years' harus berupa daftar tahun (bilangan bulat) yang tidak kosong, mis. [2022, 2023]",
    "max_level": "'max_level' bernilai {value}; diharapkan bilangan bulat 1 atau lebih (level tertinggi, mis. 4 "
                 "untuk level 0-4)",
    "chain_unknown": "chain_weights memuat jenis rantai hasil yang tidak dikenal {chains}; diharapkan {expected}",
    "chain_missing": "chain_weights tidak memuat {chains}",
    "chain_not_positive": "bobot rantai hasil harus berupa angka > 0; ditemukan {found}",
    "chain_sum": "jumlah bobot rantai hasil {total}; jumlahnya harus 1",
    "target_not_band": "minimum_target_band bernilai {band}; diharapkan salah satu nomor predikat {levels}",
    "target_outside": "minimum_target_band {band} mulai dari {lower}, di luar 0-{max_level}",
    "band_order": "predikat harus bernomor 1, 2, 3, ... berurutan; ditemukan nomor {levels}",
    "band_lower": "setiap predikat memerlukan batas bawah 'lower' berupa angka",
    "band_first": "predikat pertama harus mulai dari 0 (ditemukan {lower})",
    "band_rising": "batas bawah predikat harus terus naik; ditemukan {lowers}",
    "band_outside": "batas bawah predikat harus berada dalam 0-{max_level} (max_level); ditemukan {outside}",
    "band_name": "predikat {level} tidak memiliki '{key}'",
    "policy": "evidence_policy.{key} bernilai '{policy}'; diharapkan salah satu dari {expected}",
    "duplicate_dimension": "kode dimensi ganda: {codes}",
    "duplicate_element": "kode elemen ganda: {codes}",
    "duplicate_indicator": "kode indikator ganda: {codes}",
    "dimension_weight": "dimensi {code} memiliki 'weight' yang tidak dipakai: indeks dihitung dari rantai hasil "
                        "(chain_weights); hapus bobot itu",
    "element_weight": "elemen {code} berbobot {weight}; diharapkan angka > 0",
    "element_dimension": "elemen {code} menyebut dimensi yang tidak dikenal '{dimension}'",
    "element_empty": "elemen {code} tidak memiliki indikator",
    "indicator_lacks": "indikator {code} tidak memiliki {keys}",
    "indicator_element": "indikator {code} menyebut elemen yang tidak dikenal '{element}'",
    "indicator_dimension": "indikator {code} berada di dimensi {dimension}, tetapi elemennya {element} termasuk "
                           "dimensi {owner}",
    "indicator_chain": "indikator {code} berantai hasil '{chain}'; diharapkan salah satu dari {expected}",
    "indicator_aspect": "indikator {code} beraspek '{aspect}'; diharapkan salah satu dari {expected}",
    "indicator_weight": "indikator {code} berbobot {weight}; diharapkan angka > 0",
    "levels_count": "indikator {code} {key} harus memuat {count} uraian (level 0-{max_level}, max_level = "
                    "{max_level}); ditemukan {found}",
    "level_number": "indikator {code} {key} urutan ke-{number} ditulis untuk level {written}; diharapkan level "
                    "{number} (level 0-{max_level})",
    "chain_unused": "tidak ada indikator berjenis rantai hasil '{chain}': komponennya tidak dapat dihitung",
    "same_id": "{first} dan {second} sama-sama ber-id '{id}'",
    "same_year": "{first} dan {second} sama-sama mencakup tahun {year}; setiap tahun memerlukan tepat satu berkas "
                 "kerangka (ubah 'years' pada salah satunya)",
}

MESSAGES = {f"framework_rule.{key}": (INDONESIAN[key], english) for key, english in RULES_EN.items()}
