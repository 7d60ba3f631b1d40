"""Strings of sign-in, roles and write permissions (components/auth.py, components/signin.py)."""

MESSAGES = {
    "auth.role_admin": ("administrator", "administrator"),
    "auth.role_steward": ("pengelola data", "data steward"),
    "auth.role_secretary": ("notulis rapat", "meeting secretary"),
    "auth.role_viewer": ("pembaca", "viewer"),
    "auth.role_cli": ("baris perintah", "command line"),   # the audit log's role of a CLI write
    "auth.signin_title": ("Masuk untuk menulis", "Sign in to write"),
    "auth.signin_needed": (
        "Mengunggah data memerlukan akun administrator atau pengelola data (untuk wilayahnya); menarik versi "
        "data, target dan program memerlukan administrator.",
        "Uploading data needs an administrator or data steward account (for the steward's regions); "
        "retracting snapshots, targets and programmes need an administrator.",
    ),
    "auth.signed_in_as": ("Masuk sebagai {name} — {role}.", "Signed in as {name} — {role}."),
    "auth.no_data_writes": (
        "Akun ini tidak boleh menulis data. Minta administrator menambahkan Anda ke daftar akses.",
        "This account may not write data. Ask an administrator to add you to the access list.",
    ),
    "auth.no_note_writes": (
        "Akun ini tidak boleh menulis catatan rapat atau menyimpan skenario (peran notulis rapat atau "
        "administrator). Minta administrator mengubah peran Anda.",
        "This account may not write meeting notes or save scenarios (the meeting secretary's or an "
        "administrator's role). Ask an administrator to change your role.",
    ),
    "auth.not_allowed": (
        "Tidak ditulis: akun yang masuk tidak (lagi) berhak melakukan perubahan ini. Tidak ada yang berubah.",
        "Not written: the account signed in may not (or no longer) make this change. Nothing was changed.",
    ),
    "auth.outside_scope": (
        "Ditolak, tidak ada yang disimpan: berkas ini memuat {count} daerah di luar cakupan akun Anda "
        "({regions}). Cakupan akun: {scope}.",
        "Refused, nothing was written: this file holds {count} region(s) outside your account's scope "
        "({regions}). Account scope: {scope}.",
    ),
}
