"""The `secondlook` command: check drafts, list the rules, evaluate on labelled drafts, serve.

Each subcommand is one `add_<name>_parser(subparsers)` function that registers its arguments and
its handler; adding a subcommand is one function and one line in `SUBCOMMANDS`.

Exit codes: 0 clean, 1 something at warning or above, 2 bad input or usage. Error messages go to
stderr and never contain a draft's text.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import secrets
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from app.cli_keys import add_keys_parser
from app.cli_output import render_evaluation, render_report, render_rules
from app.reports import report_to_json
from app.settings import Settings
from checks.evaluation import ExampleError, context_from_dict, evaluate, read_examples
from checks.pipeline import Pipeline
from checks.policy import Policy, PolicyError, load_policy
from checks.registry import all_rules, build_pipeline
from checks.roster import Roster, names_from_csv
from checks.types import ACCOUNTS, AUTHOR_ROLES, Draft, Report
from models.registry import load_models

log = logging.getLogger("secondlook")

EXIT_CLEAN, EXIT_FLAGGED, EXIT_USAGE = 0, 1, 2
BATCH_SIZE = 64


class UsageError(Exception):
    """Bad input or usage: reported on stderr with exit code 2. The message never holds draft text."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, passed_on = parser.parse_known_args(argv)
    if passed_on and not getattr(args, "passes_arguments_on", False):
        parser.error(f"unrecognized arguments: {' '.join(passed_on)}")
    args.passed_on = passed_on
    _configure_logging(args.log_level)
    try:
        return args.handler(args)
    except UsageError as exc:
        print(f"secondlook: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="secondlook",
        description="A second look at a teacher's social media draft, before it goes out.",
        epilog="Exit codes: 0 clean, 1 something at warning or above, 2 bad input or usage.",
    )
    parser.add_argument(
        "--log-level",
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        default="WARNING",
        help="log verbosity on stderr (default WARNING); logs never contain a draft's text",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add_parser in SUBCOMMANDS:
        add_parser(subparsers)
    return parser


def _configure_logging(level: str) -> None:
    logging.basicConfig(stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(min(logging.getLogger().level or logging.WARNING, _level(level)))


def _level(name: str) -> int:
    return logging.getLevelNamesMapping()[name]


# check ----------------------------------------------------------------------------------------


def add_check_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "check",
        help="check a draft (or a JSON Lines file of drafts)",
        description=(
            "Check one draft read from FILE (or stdin, `-`), or with --jsonl one JSON object per "
            'line ({"id", "text", "context"}), answered with one JSON report per line '
            '({"id", "verdict", "findings"}), checked in batches of 64. In --jsonl mode a bad '
            "line gets its own error object naming its line number and the run goes on; the exit "
            "code is then 2."
        ),
        epilog="Exit codes: 0 clean, 1 something at warning or above, 2 bad input or usage.",
    )
    p.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="default: stdin")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--jsonl", action="store_true", help="one JSON draft per line in and out")
    p.add_argument("--account", choices=ACCOUNTS, default=None, help="default: personal")
    p.add_argument("--role", choices=AUTHOR_ROLES, default=None, help="default: teacher")
    p.add_argument("--platform", default=None, help="e.g. facebook, instagram, x")
    p.add_argument("--policy", type=Path, default=None, help="a district policy TOML file")
    p.add_argument(
        "--roster",
        type=Path,
        default=None,
        metavar="FILE.csv",
        help="student names to recognise; kept only as salted hashes for this run",
    )
    p.set_defaults(handler=handle_check)


def handle_check(args: argparse.Namespace) -> int:
    settings = Settings()
    policy = _policy(args.policy or settings.policy_file, args.roster)
    defaults = {
        k: v
        for k, v in (
            ("account", args.account),
            ("author_role", args.role),
            ("platform", args.platform),
        )
        if v is not None
    }
    source = _read_input(args.file)
    if args.jsonl:
        pipeline = _load_pipeline(settings)
        return _check_jsonl(source, pipeline, policy, defaults, settings.max_text_chars)
    _validate_text(source, settings.max_text_chars)
    draft = Draft(source, context_from_dict(defaults))
    report = _load_pipeline(settings).run(draft, policy)
    if args.format == "json":
        print(json.dumps(report_to_json(draft.text, report), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_report(draft.text, report))
    return _exit_code([report])


def _check_jsonl(
    source: str, pipeline: Pipeline, policy: Policy, defaults: dict[str, str], limit: int
) -> int:
    codes = {EXIT_CLEAN}
    for batch in _batches(_numbered_lines(source), BATCH_SIZE):
        parsed = [
            (number, _parse_jsonl_line(line, number, defaults, limit)) for number, line in batch
        ]
        items = [(number, item) for number, item in parsed if isinstance(item, tuple)]
        reports = pipeline.run_batch([draft for _, (_, draft) in items], policy)
        report_by_line = dict(zip((n for n, _ in items), reports, strict=True))
        for number, item in parsed:
            if isinstance(item, tuple):
                report = report_by_line[number]
                out = report_to_json(item[1].text, report)
                line = {"id": item[0], "verdict": out["verdict"], "findings": out["findings"]}
                codes.add(_exit_code([report]))
            else:
                line = item
                codes.add(EXIT_USAGE)
            print(json.dumps(line, ensure_ascii=False))
    return max(codes)


def _numbered_lines(source: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(source.splitlines(), start=1):
        if line.strip():
            yield number, line


def _batches(items: Iterator[tuple[int, str]], size: int) -> Iterator[list[tuple[int, str]]]:
    batch: list[tuple[int, str]] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parse_jsonl_line(
    line: str, number: int, defaults: dict[str, str], limit: int
) -> tuple[str, Draft] | dict[str, Any]:
    """(id, draft) for a usable line, else an error object naming the line (never its text)."""
    raw_id: Any = None
    try:
        data = json.loads(line)
        if not isinstance(data, dict):
            raise UsageError("each line must be a JSON object")
        raw_id = data.get("id")
        if raw_id is not None and not isinstance(raw_id, str | int):
            raise UsageError("`id` must be a string or a number")
        unknown = set(data) - {"id", "text", "context"}
        if unknown:
            raise UsageError(f"unknown field(s): {', '.join(sorted(unknown))}")
        text = data.get("text")
        if not isinstance(text, str):
            raise UsageError("`text` must be a string")
        _validate_text(text, limit)
        context = data.get("context") or {}
        if not isinstance(context, dict):
            raise UsageError("`context` must be an object")
        draft = Draft(text, context_from_dict({**defaults, **context}))
    except json.JSONDecodeError as exc:
        return _line_error(number, raw_id, "malformed_json", f"not valid JSON ({exc.msg})")
    except (UsageError, ExampleError) as exc:
        return _line_error(number, raw_id, "invalid_line", str(exc))
    return str(raw_id if raw_id is not None else number), draft


def _line_error(number: int, raw_id: Any, code: str, message: str) -> dict[str, Any]:
    ident = str(raw_id) if isinstance(raw_id, str | int) else None
    return {
        "id": ident,
        "line": number,
        "error": {"code": code, "message": f"line {number}: {message}"},
    }


def _validate_text(text: str, limit: int) -> None:
    if not text.strip():
        raise UsageError("the draft is empty")
    if len(text) > limit:
        raise UsageError(f"the draft has {len(text)} characters; the limit is {limit}")


def _exit_code(reports: Sequence[Report]) -> int:
    return EXIT_FLAGGED if any(r.verdict != "clean" for r in reports) else EXIT_CLEAN


# rules ----------------------------------------------------------------------------------------


def add_rules_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "rules",
        help="show every rule's documentation (no models needed)",
        description="Show each rule: what it flags, why it matters, an example, how to tune it.",
    )
    p.add_argument(
        "code", nargs="?", default=None, help="a rule code or prefix, e.g. PRIV001, TONE"
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=handle_rules)


def handle_rules(args: argparse.Namespace) -> int:
    rules = all_rules()
    if args.code:
        wanted = args.code.strip().upper()
        rules = [r for r in rules if r.code.startswith(wanted)]
        if not rules:
            raise UsageError(f"no rule code starts with {wanted!r}; `secondlook rules` lists them")
    if args.format == "json":
        print(json.dumps({"rules": [r.as_dict() for r in rules]}, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_rules(rules))
    return EXIT_CLEAN


# eval -----------------------------------------------------------------------------------------


def add_eval_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "eval",
        help="measure precision, recall and false alarms on labelled drafts",
        description=(
            'Each line of FILE.jsonl is {"text", "context", "expect": [check ids]}. Prints per '
            "check precision, recall and F1 (a check fires when it reports anything at warning "
            'or above) and the false-alarm rate on the lines with "expect": [].'
        ),
    )
    p.add_argument("file", type=Path, metavar="FILE.jsonl")
    p.add_argument("--policy", type=Path, default=None, help="a district policy TOML file")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=handle_eval)


def handle_eval(args: argparse.Namespace) -> int:
    settings = Settings()
    policy = _policy(args.policy or settings.policy_file, None)
    try:
        examples = read_examples(args.file)
    except OSError as exc:
        raise UsageError(f"cannot read {args.file}: {exc.strerror}") from None
    except (ExampleError, UnicodeDecodeError) as exc:
        raise UsageError(_safe_reason(exc)) from None
    if not examples:
        raise UsageError(f"{args.file} holds no labelled drafts")
    evaluation = evaluate(_load_pipeline(settings), policy, examples, batch_size=BATCH_SIZE)
    if args.format == "json":
        print(json.dumps(evaluation.as_dict(), indent=2))
    else:
        sys.stdout.write(render_evaluation(evaluation))
    return EXIT_CLEAN


# serve ----------------------------------------------------------------------------------------


def add_serve_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("serve", help="serve the HTTP API (OpenAPI at /docs)")
    p.add_argument("--host", default=None, help="default 127.0.0.1 (SECONDLOOK_HOST)")
    p.add_argument("--port", type=int, default=None, help="default 8080 (SECONDLOOK_PORT)")
    p.add_argument("--policy", type=Path, default=None, help="a district policy TOML file")
    p.set_defaults(handler=handle_serve)


def handle_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from app.main import create_app

    overrides = {"host": args.host, "port": args.port, "policy_file": args.policy}
    settings = Settings(**{k: v for k, v in overrides.items() if v is not None})
    _policy(settings.policy_file, None)
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=min(settings.log_level, args.log_level, key=_level).lower(),
    )
    return EXIT_CLEAN


# models ---------------------------------------------------------------------------------------


def add_models_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("models", help="fetch optional model checkpoints (needs internet)")
    actions = p.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    download = actions.add_parser(
        "download",
        help="download a Detoxify checkpoint for offline use (`models download --help`)",
        add_help=False,
    )
    download.set_defaults(handler=handle_models_download, passes_arguments_on=True)


def handle_models_download(args: argparse.Namespace) -> int:
    from models.download import main as download

    return download(args.passed_on)


SUBCOMMANDS: tuple[Callable[[argparse._SubParsersAction], None], ...] = (
    add_check_parser,
    add_rules_parser,
    add_eval_parser,
    add_serve_parser,
    add_keys_parser,
    add_models_parser,
)


# shared ---------------------------------------------------------------------------------------


def _read_input(name: str) -> str:
    """The whole input as text; stdin for `-`. Undecodable or unreadable input is a usage error."""
    try:
        if name == "-":
            if sys.stdin.isatty():
                raise UsageError("give a FILE, or pipe a draft into `secondlook check -`")
            data = sys.stdin.buffer.read()
        else:
            data = Path(name).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{name} is not valid UTF-8 (byte {exc.start})") from None


def _policy(path: Path | None, roster_path: Path | None) -> Policy:
    try:
        policy = load_policy(path)
    except OSError as exc:
        raise UsageError(f"cannot read policy {path}: {exc.strerror}") from None
    except (PolicyError, UnicodeDecodeError) as exc:
        raise UsageError(f"policy {path}: {_safe_reason(exc)}") from None
    if roster_path is None:
        return policy
    return dataclasses.replace(policy, roster=_roster(roster_path))


def _roster(path: Path) -> Roster:
    """Hash the roster's names with a salt made for this run; the plain names go out of scope here."""
    try:
        names = names_from_csv(path.read_text("utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read roster {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"roster {path} is not valid UTF-8") from None
    roster = Roster.from_names(names, salt=secrets.token_bytes(32))
    if not roster.full:
        raise UsageError(f"roster {path} holds no first-and-last names")
    return roster


def _safe_reason(exc: Exception) -> str:
    """A decoding error's message would quote the input bytes: name the position instead."""
    if isinstance(exc, UnicodeDecodeError):
        return f"not valid UTF-8 (byte {exc.start})"
    return str(exc)


def _load_pipeline(settings: Settings) -> Pipeline:
    models = load_models(settings.model_settings())
    log.debug("models loaded in %.1f s", models.load_seconds)
    return build_pipeline(models)


if __name__ == "__main__":
    raise SystemExit(main())
