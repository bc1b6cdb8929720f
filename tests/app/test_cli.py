"""The `secondlook` command: linter-style findings, the API's JSON, JSON Lines in batches, rules,
eval, and exit codes 0 clean / 1 flagged / 2 bad input, with messages that never hold a draft.

The session's pipeline stands in for the models each invocation would load (loaded once here)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.cli_output import line_col
from checks.roster import Roster

PROFANITY = "Field trip tomorrow!\nThis damn bus is late again."
ANNOUNCEMENT = (
    "On behalf of the district: school is cancelled tomorrow due to the water main break."
)
BENIGN = "Book fair starts Monday in the library 📚 Every purchase helps our classroom libraries!"
FINDING_LINE = re.compile(r"^\d+:\d+-\d+:\d+ (suggestion|warning|error) [A-Z]+\d{3} \S.*$")


@pytest.fixture(autouse=True)
def loaded_once(monkeypatch, pipeline):
    """Every invocation reuses the session's pipeline instead of loading the models again."""
    monkeypatch.setattr(cli, "_load_pipeline", lambda settings: pipeline)


def run(monkeypatch, capsys, args: list[str], stdin: bytes | str = b"") -> tuple[int, str, str]:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [("abc", 0, (1, 1)), ("abc", 3, (1, 4)), ("ab\ncd", 3, (2, 1)), ("ab\ncd\nef", 7, (3, 2))],
)
def test_positions_are_one_based_lines_and_columns(text, offset, expected):
    assert line_col(text, offset) == expected


def test_a_flagged_draft_prints_one_linter_line_per_finding_then_the_verdict(monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, ["check", "-"], PROFANITY)
    lines = out.splitlines()
    assert code == 1
    assert lines[0].startswith("2:6-2:10 warning TONE")
    assert lines[1].startswith("    why: ") and "(policy" in lines[1]
    assert all(
        FINDING_LINE.match(line) for line in lines if not line.startswith(("    ", "verdict"))
    )
    assert lines[-1] == "verdict: review (1 warning)"


def test_a_draft_is_read_from_a_file(monkeypatch, capsys, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(PROFANITY, encoding="utf-8")
    code, out, _ = run(monkeypatch, capsys, ["check", str(path)])
    assert code == 1 and "TONE" in out


def test_a_clean_draft_exits_0(monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, ["check"], BENIGN)
    assert code == 0
    assert out.splitlines()[-1].startswith("verdict: clean")


def test_json_output_is_the_apis_report(monkeypatch, capsys, client):
    code, out, _ = run(monkeypatch, capsys, ["check", "--format", "json"], PROFANITY)
    report = json.loads(out)
    api = client.post("/v1/check", json={"text": PROFANITY}).json()
    assert code == 1
    assert set(report) == set(api)
    assert [f["span"] for f in report["findings"]] == [f["span"] for f in api["findings"]]


def test_the_context_flags_reach_the_policy(monkeypatch, capsys):
    personal, out, _ = run(monkeypatch, capsys, ["check"], ANNOUNCEMENT)
    assert personal == 1 and " VOICE" in out
    args = ["check", "--account", "district", "--role", "communications", "--platform", "x"]
    district, out, _ = run(monkeypatch, capsys, args, ANNOUNCEMENT)
    assert district == 0 and "VOICE" not in out


def test_jsonl_answers_every_line_in_order_and_names_bad_lines(monkeypatch, capsys):
    lines = [
        json.dumps({"id": "a", "text": BENIGN}),
        "{not json",
        "",
        json.dumps({"id": "b", "text": PROFANITY, "context": {"platform": "facebook"}}),
        json.dumps({"id": "c", "text": "   "}),
        json.dumps({"id": "d", "text": BENIGN, "context": {"account": "school"}}),
        json.dumps({"text": BENIGN}),
        json.dumps(["not", "an", "object"]),
    ]
    code, out, _ = run(monkeypatch, capsys, ["check", "--jsonl", "-"], "\n".join(lines))
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 2
    assert [r.get("id") for r in results] == ["a", None, "b", "c", "d", "7", None]
    assert set(results[0]) == {"id", "verdict", "findings"}
    assert results[0]["verdict"] == "clean"
    assert results[2]["verdict"] == "review"
    assert results[1]["line"] == 2 and results[1]["error"]["code"] == "malformed_json"
    assert results[3]["error"]["message"].startswith("line 5:")
    assert "context.account" in results[4]["error"]["message"]
    assert results[6]["line"] == 8


def test_jsonl_checks_in_batches_of_64(monkeypatch, capsys, pipeline):
    calls: list[int] = []
    original = pipeline.run_batch

    def counting(drafts, policy):
        calls.append(len(drafts))
        return original(drafts, policy)

    monkeypatch.setattr(pipeline, "run_batch", counting)
    source = "\n".join(json.dumps({"id": str(i), "text": BENIGN}) for i in range(130))
    code, out, _ = run(monkeypatch, capsys, ["check", "--jsonl"], source)
    assert code == 0
    assert calls == [64, 64, 2]
    assert [json.loads(line)["id"] for line in out.splitlines()] == [str(i) for i in range(130)]


def test_jsonl_of_only_flagged_drafts_exits_1(monkeypatch, capsys):
    source = json.dumps({"id": "x", "text": PROFANITY})
    assert run(monkeypatch, capsys, ["check", "--jsonl"], source)[0] == 1


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ("", "the draft is empty"),
        (" \n\t ", "the draft is empty"),
        ("a" * 5001, "the limit is 5000"),
        ("Devon Harris was suspended \xff".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_input_exits_2_with_a_message_that_never_holds_the_draft(
    monkeypatch, capsys, stdin, message
):
    code, out, err = run(monkeypatch, capsys, ["check"], stdin)
    assert code == 2
    assert out == ""
    assert message in err
    assert "Devon" not in err


def test_a_missing_file_exits_2(monkeypatch, capsys, tmp_path):
    code, _, err = run(monkeypatch, capsys, ["check", str(tmp_path / "nope.txt")])
    assert code == 2 and "cannot read" in err


def test_a_bad_policy_exits_2_naming_the_field(monkeypatch, capsys, tmp_path):
    policy = tmp_path / "district.toml"
    policy.write_text('[rules.TONE001]\nlevel = "critical"\n', encoding="utf-8")
    code, _, err = run(monkeypatch, capsys, ["check", "--policy", str(policy)], BENIGN)
    assert code == 2 and "rules.TONE001.level" in err


def test_a_policy_file_tunes_the_check(monkeypatch, capsys, tmp_path):
    policy = tmp_path / "district.toml"
    policy.write_text('version = "quiet-tone"\nignore = ["TONE"]\n', encoding="utf-8")
    code, out, _ = run(monkeypatch, capsys, ["check", "--policy", str(policy)], PROFANITY)
    assert code == 0 and "TONE" not in out


def test_a_roster_is_kept_only_as_salted_hashes(tmp_path):
    roster_csv = tmp_path / "roster.csv"
    roster_csv.write_text("first_name,last_name\nJayden,Morales\nAva,Chen\n", encoding="utf-8")
    roster = cli._policy(None, roster_csv).roster
    assert isinstance(roster, Roster)
    assert roster.has_full_name("jayden morales") and roster.has_name_part("Ava")
    assert "Jayden" not in repr(roster) and all(len(h) == 64 for h in roster.full)
    assert cli._policy(None, roster_csv).roster.salt != roster.salt


def test_a_roster_without_names_exits_2(monkeypatch, capsys, tmp_path):
    roster_csv = tmp_path / "roster.csv"
    roster_csv.write_text("", encoding="utf-8")
    code, _, err = run(monkeypatch, capsys, ["check", "--roster", str(roster_csv)], BENIGN)
    assert code == 2 and "roster" in err


def test_rules_render_each_rules_documentation(monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, ["rules"])
    assert code == 0
    for heading in ("What it flags:", "Why it matters:", "Example:", "How to tune:"):
        assert heading in out


def test_rules_filter_by_code_or_prefix_and_render_json(monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, ["rules", "--format", "json", "tone"])
    rules = json.loads(out)["rules"]
    assert code == 0 and rules
    assert all(r["code"].startswith("TONE") for r in rules)


def test_an_unknown_rule_code_exits_2(monkeypatch, capsys):
    code, _, err = run(monkeypatch, capsys, ["rules", "NOPE999"])
    assert code == 2 and "NOPE999" in err


def test_eval_prints_precision_recall_and_false_alarms(monkeypatch, capsys, tmp_path):
    labelled = tmp_path / "sample.jsonl"
    labelled.write_text(
        "\n".join(
            json.dumps(line)
            for line in [
                {"text": PROFANITY, "expect": ["tone"]},
                {"text": BENIGN, "expect": []},
                {"text": "This test was a beast, but my kids were ready!", "expect": []},
            ]
        ),
        encoding="utf-8",
    )
    code, out, _ = run(monkeypatch, capsys, ["eval", str(labelled)])
    assert code == 0
    assert re.search(r"^tone\s+1\s+\d+\s+0\s+\S+\s+1\.00", out, re.MULTILINE)
    assert "3 drafts, 2 benign" in out
    code, out, _ = run(monkeypatch, capsys, ["eval", str(labelled), "--format", "json"])
    assert json.loads(out)["checks"]["tone"]["recall"] == 1.0


def test_eval_of_a_bad_file_exits_2_naming_the_line(monkeypatch, capsys, tmp_path):
    labelled = tmp_path / "sample.jsonl"
    labelled.write_text('{"text": "ok", "expect": []}\n{"text": "x", "expect": ["mood"]}\n')
    code, _, err = run(monkeypatch, capsys, ["eval", str(labelled)])
    assert code == 2 and "sample.jsonl:2" in err


def test_usage_errors_exit_2(monkeypatch, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["check", "--format", "yaml"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        cli.main([])
    assert exit_info.value.code == 2


def test_the_installed_command_lists_the_rules():
    command = Path(sys.executable).with_name("secondlook")
    done = subprocess.run(
        [str(command), "rules", "--format", "json"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rules"]


def test_models_download_passes_its_arguments_on(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["models", "download", "--help"])
    assert exit_info.value.code == 0
    assert "secondlook models download" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["rules", "--bogus"])
    assert exit_info.value.code == 2
