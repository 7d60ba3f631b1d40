"""`python -m store users add|remove|list|passwd`: the named accounts of an install without OIDC.

The password is read from the terminal without echo, or from the first line of standard input when
that is not a terminal (never from an argument, where it would sit in the shell history and the
process list). Every change, and every refused one, is a line in the audit log, recorded as the OS
user who ran the command (MATRA_USER overrides it): whoever can run this command on the server can
already write the data folder.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from store import audit_trail, users
from store.settings import current_user, read_password

COMMANDS = ("users",)
EXIT_OK, EXIT_REFUSED = 0, 2
WORDS = {
    "added": ("akun {name} ditambahkan ({role})", "account {name} added ({role})"),
    "removed": ("akun {name} dihapus", "account {name} removed"),
    "changed": ("kata sandi {name} diganti", "password of {name} changed"),
    "mismatch": ("kedua kata sandi tidak sama; tidak ada yang ditulis",
                 "the two passwords differ; nothing was written"),
    "prompt": ("Kata sandi untuk {name}: ", "Password for {name}: "),
    "again": ("Ulangi kata sandi: ", "Repeat the password: "),
}


def _say(lang: str, key: str, **values) -> str:
    return WORDS[key][1 if lang == "en" else 0].format(**values)


def add_commands(commands) -> None:
    parser = commands.add_parser("users", help="named accounts: add, remove, list, passwd")
    actions = parser.add_subparsers(dest="users_command", required=True)
    add = actions.add_parser("add", help="add an account (password from the terminal or standard input)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=users.ROLES)
    add.add_argument("--regions", default="",
                     help="a steward's scope: kabupaten/kota or province codes, comma-separated (35.09,35)")
    remove = actions.add_parser("remove", help="remove an account")
    remove.add_argument("name")
    actions.add_parser("list", help="the accounts as JSON lines (never a hash)")
    passwd = actions.add_parser("passwd", help="set a new password")
    passwd.add_argument("name")


def _new_password(name: str, lang: str) -> str | None:
    """The password, asked twice on a terminal; once from a pipe."""
    first = read_password(_say(lang, "prompt", name=name))
    if sys.stdin.isatty() and read_password(_say(lang, "again")) != first:
        return None
    return first


def run(store, args) -> int:
    data_dir = Path(store.data_dir)
    command, who = args.users_command, current_user()
    if command == "list":
        for account in users.read_accounts(data_dir):
            print(json.dumps({"name": account.name, "role": account.role, "regions": list(account.regions),
                              "created_at": account.created_at, "updated_at": account.updated_at},
                             ensure_ascii=False))
        return EXIT_OK
    name = args.name
    try:
        if command == "remove":
            users.remove_account(data_dir, name)
            message = _say(args.lang, "removed", name=name)
        else:
            password = _new_password(name, args.lang)
            if password is None:
                print(_say(args.lang, "mismatch"), file=sys.stderr)
                audit_trail.user_change(data_dir, who=who, role="cli", action=f"users.{command}", account=name,
                                        outcome="refused", detail="passwords differ")
                return EXIT_REFUSED
            if command == "add":
                account = users.add_account(data_dir, name, args.role, password, users.parse_scope(args.regions))
                message = _say(args.lang, "added", name=account.name, role=account.role)
            else:
                users.set_password(data_dir, name, password)
                message = _say(args.lang, "changed", name=name)
    except users.UserError as error:
        print(error.message(args.lang), file=sys.stderr)
        audit_trail.user_change(data_dir, who=who, role="cli", action=f"users.{command}", account=name[:60],
                                outcome="refused", detail=error.code)
        return EXIT_REFUSED
    detail = f"role={args.role} regions={args.regions}" if command == "add" else ""
    audit_trail.user_change(data_dir, who=who, role="cli", action=f"users.{command}", account=name, detail=detail)
    print(message, file=sys.stderr)
    return EXIT_OK
