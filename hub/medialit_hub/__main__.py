"""Command line of the course hub (hub/run-hub calls it; run it as root).

Examples:
    python -m medialit_hub setup                       # accounts, exchange, course copy, venv, proxy
    python -m medialit_hub setup --refresh-course      # also copy the repo's course/source and keys again
    python -m medialit_hub passwords                   # user:password of the accounts setup created
    python -m medialit_hub as student1 -- nbgrader fetch_assignment 01-who-says
    python -m medialit_hub get venv                    # one setting, for scripts
    python -m medialit_hub teardown                    # remove accounts, homes, exchange, hub state

Every command takes --config FILE (default hub/hub.toml); run from the repo as
``PYTHONPATH=hub python3 -m medialit_hub ...``.
"""

from __future__ import annotations

import argparse
import sys

from . import accounts, provision
from .config import load_config
from .runas import run_as


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m medialit_hub", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", help="hub TOML file (default: hub/hub.toml)")
    sub = parser.add_subparsers(dest="command", required=True)
    p_setup = sub.add_parser("setup", help="create or refresh everything the hub needs")
    p_setup.add_argument("--refresh-course", action="store_true",
                         help="copy the repository's course files over the instructor's copy")
    sub.add_parser("teardown", help="remove the accounts, exchange and state that setup made")
    sub.add_parser("passwords", help="print user:password for the accounts setup created")
    p_get = sub.add_parser("get", help="print one setting (venv, root, exchange, course_dir, port, ...)")
    p_get.add_argument("name")
    p_as = sub.add_parser("as", help="run a command as an account, with its hub environment")
    p_as.add_argument("user")
    p_as.add_argument("cmd", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)

    config = load_config(args.config)
    if args.command == "setup":
        provision.setup(config, refresh_course=args.refresh_course)
    elif args.command == "teardown":
        provision.teardown(config)
    elif args.command == "passwords":
        for user, password in accounts.read_passwords(config).items():
            print(f"{user}:{password}")
    elif args.command == "get":
        print(getattr(config, args.name))
    elif args.command == "as":
        cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
        return run_as(config, args.user, cmd, check=False, timeout=None).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
