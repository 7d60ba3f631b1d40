"""Strings of named accounts: the `python -m store users` command line (said through
store.cli_common.say, keys `cli.users.*`) and the reasons an account change is refused
(store.users.UserError, keys `users.*`)."""

MESSAGES = {
    "cli.users.added": ("akun {name} ditambahkan ({role})", "account {name} added ({role})"),
    "cli.users.removed": ("akun {name} dihapus", "account {name} removed"),
    "cli.users.changed": ("kata sandi {name} diganti", "password of {name} changed"),
    "cli.users.mismatch": ("kedua kata sandi tidak sama; tidak ada yang disimpan",
                           "the two passwords differ; nothing was written"),
    "cli.users.prompt": ("Kata sandi untuk {name}: ", "Password for {name}: "),
    "cli.users.again": ("Ulangi kata sandi: ", "Repeat the password: "),
    "users.bad_name": ("Nama {name!r} tidak dapat dipakai: 1–60 huruf, angka, spasi, titik, @, ' atau -.",
                       "The name {name!r} cannot be used: 1-60 letters, digits, spaces, dots, @, ' or -."),
    "users.bad_role": ("Peran {role!r} tidak dikenal; pilih admin, steward, secretary atau viewer.",
                       "Unknown role {role!r}; choose admin, steward, secretary or viewer."),
    "users.bad_scope": ("Kode wilayah {code!r} tidak dikenal: tulis kode kabupaten/kota (35.09) atau provinsi (35).",
                        "Unknown region code {code!r}: write a kabupaten/kota code (35.09) or a province code (35)."),
    "users.steward_scope": ("Pengelola data memerlukan --regions (kode kabupaten/kota atau provinsi).",
                            "A data steward needs --regions (kabupaten/kota or province codes)."),
    "users.exists": ("Akun {name!r} sudah ada.", "The account {name!r} already exists."),
    "users.missing": ("Tidak ada akun {name!r}.", "There is no account {name!r}."),
    "users.short_password": ("Kata sandi terlalu pendek: paling sedikit {least} karakter.",
                             "The password is too short: at least {least} characters."),
    "users.damaged": ("Berkas akun {path} rusak ({detail}); pulihkan dari cadangan. Tidak ada yang disimpan.",
                      "The accounts file {path} is damaged ({detail}); restore it from a backup. Nothing was written."),
}
