"""`secondlook keys create|list|revoke`: API keys on the service's database
(SECONDLOOK_DATABASE_URL, default the SQLite file under ./var/). A key's token is printed once,
at creation; only its SHA-256 is stored."""

from __future__ import annotations

import argparse
import json
import sys

from app.settings import Settings
from app.storage import keys
from app.storage.database import Database
from app.storage.districts import DISTRICT_ID, ensure_district
from checks.policy import load_policy

EXIT_OK, EXIT_USAGE = 0, 2


def add_keys_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("keys", help="create, list or revoke API keys")
    p.add_argument("--database-url", default=None, help="default SECONDLOOK_DATABASE_URL")
    actions = p.add_subparsers(dest="keys_command", required=True, metavar="ACTION")

    create = actions.add_parser("create", help="create a key and print it once")
    create.add_argument("--role", required=True, choices=keys.ROLES)
    create.add_argument("--district", required=True, help="district id, e.g. lincoln-usd")
    create.add_argument("--name", default=None, help="who or what uses it (shown in the audit log)")
    create.set_defaults(handler=handle_create)

    listing = actions.add_parser("list", help="list keys (prefix, role, district; never the key)")
    listing.add_argument("--district", default=None)
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.set_defaults(handler=handle_list)

    revoke = actions.add_parser("revoke", help="revoke a key by its id (see `keys list`)")
    revoke.add_argument("id", type=int)
    revoke.set_defaults(handler=handle_revoke)


def _database(args: argparse.Namespace) -> Database:
    settings = Settings()
    database = Database(args.database_url or settings.database_url)
    database.migrate()
    return database


def handle_create(args: argparse.Namespace) -> int:
    if not DISTRICT_ID.match(args.district):
        print(
            "secondlook: error: a district id is lower-case letters, digits, '-' or '_'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    database = _database(args)
    with database.session() as session:
        ensure_district(session, args.district, load_policy(Settings().policy_file))
        view, token = keys.create_key(session, args.district, args.role, args.name)
    print(f"Created {view.role} key #{view.id} '{view.name}' for district '{view.district_id}'.")
    print("It is shown only this once; store it now:")
    print(f"    {token}")
    return EXIT_OK


def handle_list(args: argparse.Namespace) -> int:
    with _database(args).session() as session:
        views = keys.list_keys(session, args.district)
    if args.json:
        for view in views:
            print(json.dumps(view.as_dict()))
        return EXIT_OK
    print(f"{'ID':>4}  {'PREFIX':<12} {'ROLE':<8} {'DISTRICT':<20} {'NAME':<24} STATUS")
    for v in views:
        status = "revoked" if v.revoked_at else "active"
        print(f"{v.id:>4}  {v.prefix:<12} {v.role:<8} {v.district_id:<20} {v.name:<24} {status}")
    return EXIT_OK


def handle_revoke(args: argparse.Namespace) -> int:
    try:
        with _database(args).session() as session:
            view = keys.revoke(session, args.id)
    except keys.UnknownKey:
        print(f"secondlook: error: no key with id {args.id}", file=sys.stderr)
        return EXIT_USAGE
    print(f"Revoked key #{view.id} '{view.name}' ({view.prefix}…); it stops working at once.")
    return EXIT_OK
