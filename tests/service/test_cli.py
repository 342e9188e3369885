"""The CLI through typer's runner: outputs, exit codes, one-line errors."""

import json

from typer.testing import CliRunner

from claimwatch.service.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()
DIGEST = str(EXAMPLES / "h200_digest_zh.txt")


def test_audit_json_to_file(tmp_path):
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["audit", DIGEST, "--format", "json", "-o", str(out), "--embedder", "fake"])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert len(report["articles"]) == 7 and report["claims"]


def test_audit_markdown_on_stdout():
    result = runner.invoke(app, ["audit", DIGEST, "--format", "md", "--embedder", "fake"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# claimwatch audit") and "## Conflicts" in result.stdout


def test_audit_reads_stdin():
    data = (EXAMPLES / "h200_wire_en.jsonl").read_text()
    result = runner.invoke(app, ["audit", "-", "--embedder", "fake"], input=data)
    assert result.exit_code == 0 and json.loads(result.stdout)["articles"]


def test_bad_feed_exits_2_with_one_line_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"source": "A", "text": "ok"}\n{"source": ')
    result = runner.invoke(app, ["audit", str(bad), "--embedder", "fake"])
    assert result.exit_code == 2
    assert "line 2" in result.stderr and "[feed-malformed]" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file_exits_2():
    result = runner.invoke(app, ["audit", "/no/such/feed.txt", "--embedder", "fake"])
    assert result.exit_code == 2 and "file-not-found" in result.stderr


def test_ingest_then_verify_json(tmp_path):
    data = str(tmp_path / "store")
    result = runner.invoke(app, ["ingest", DIGEST, "--data", data, "--embedder", "fake"])
    assert result.exit_code == 0 and "added 7 articles" in result.stdout
    again = runner.invoke(app, ["ingest", DIGEST, "--data", data, "--embedder", "fake"])
    assert "added 0 articles" in again.stdout and "skipped 7" in again.stdout
    answer = runner.invoke(app, ["verify", "H200配备141GB显存", "--data", data, "--embedder", "fake",
                                 "--format", "json"])
    assert answer.exit_code == 0
    assert json.loads(answer.stdout)["verdict"] in ("supported", "refuted", "conflicting", "not_enough_evidence")


def test_verify_on_missing_store_exits_2(tmp_path):
    result = runner.invoke(app, ["verify", "x", "--data", str(tmp_path / "none"), "--embedder", "fake"])
    assert result.exit_code == 2 and "store-not-found" in result.stderr


def test_fail_on_conflict_exits_1_when_conflicts_exist(tmp_path):
    feed = tmp_path / "f.jsonl"
    feed.write_text(
        '{"source": "A", "title": "t", "published": "2025-12-09T01:00:00+00:00", '
        '"text": "The H200 has a memory bandwidth of 4.8 TB/s."}\n'
        '{"source": "B", "title": "t", "published": "2025-12-09T02:00:00+00:00", '
        '"text": "The H200 has a memory bandwidth of 4.5 TB/s."}\n')
    result = runner.invoke(app, ["audit", str(feed), "--embedder", "fake", "--fail-on-conflict"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["stats"]["conflicts"] == 1
