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

from store import audit, users
from store.cli_common import EXIT_OK, EXIT_REFUSED, say
from store.settings import current_user, read_password

COMMANDS = ("users",)
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
    first = read_password(say(lang, "users.prompt", name=name))
    if sys.stdin.isatty() and read_password(say(lang, "users.again")) != first:
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
            message = say(args.lang, "users.removed", name=name)
        else:
            password = _new_password(name, args.lang)
            if password is None:
                print(say(args.lang, "users.mismatch"), file=sys.stderr)
                audit.record(data_dir, f"users.{command}", who=who, role="cli", ids=[name], outcome="refused",
                             detail="passwords differ")
                return EXIT_REFUSED
            if command == "add":
                account = users.add_account(data_dir, name, args.role, password, users.parse_scope(args.regions))
                message = say(args.lang, "users.added", name=account.name, role=account.role)
            else:
                users.set_password(data_dir, name, password)
                message = say(args.lang, "users.changed", name=name)
    except users.UserError as error:
        print(error.message(args.lang), file=sys.stderr)
        audit.record(data_dir, f"users.{command}", who=who, role="cli", ids=[name], outcome="refused",
                     detail=error.code)
        return EXIT_REFUSED
    detail = f"role={args.role} regions={args.regions}" if command == "add" else ""
    audit.record(data_dir, f"users.{command}", who=who, role="cli", ids=[name], detail=detail)
    print(message, file=sys.stderr)
    return EXIT_OK
