"""The CLI through typer's runner: outputs, export formats, progress, colours, exit codes, one-line errors."""

import csv
import io
import json

import pytest
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


# ------------------------------------------------------------------ export formats


def _audit(*args, **kwargs):
    return runner.invoke(app, ["audit", DIGEST, "--embedder", "fake", *args], **kwargs)


def test_audit_jsonl_has_one_claim_per_line():
    report = json.loads(_audit().stdout)
    result = _audit("--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == [c["id"] for c in report["claims"]]
    assert all(r["source"] for r in rows)


def test_audit_csv_has_one_row_per_conflict(tmp_path):
    report = json.loads(_audit().stdout)
    out = tmp_path / "conflicts.csv"
    result = _audit("--format", "csv", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == [x["id"] for x in report["conflicts"]]
    assert {r["severity"] for r in rows} <= {"conflict", "explained_difference"}


def test_audit_html():
    pytest.importorskip("claimwatch.service.html", reason="claimwatch.service.html (render_html) is not written yet")
    result = _audit("--format", "html")
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip().lower().startswith("<!doctype html>")


def test_unknown_format_is_a_usage_error():
    result = _audit("--format", "xml")
    assert result.exit_code == 2 and "xml" in result.stderr and not result.stdout


def test_verify_unknown_format_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["verify", "x", "--data", str(tmp_path), "--embedder", "fake", "-f", "yaml"])
    assert result.exit_code == 2 and "yaml" in result.stderr


# ------------------------------------------------------------------ verify: ClaimReview, stdin, colour

VERIFY_CLAIM = "H200配备141GB显存，带宽为4.5TB/s"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    data = str(tmp_path_factory.mktemp("cli") / "store")
    result = runner.invoke(app, ["ingest", DIGEST, "--data", data, "--embedder", "fake"])
    assert result.exit_code == 0, result.output
    return data


def _verify(store_dir, *args, claim=VERIFY_CLAIM, **kwargs):
    return runner.invoke(app, ["verify", claim, "--data", store_dir, "--embedder", "fake", *args], **kwargs)


def test_verify_claimreview(store_dir):
    answer = json.loads(_verify(store_dir, "-f", "json").stdout)
    result = _verify(store_dir, "-f", "claimreview")
    assert result.exit_code == 0, result.output
    review = json.loads(result.stdout)
    assert review["@type"] == "ClaimReview" and review["claimReviewed"] == VERIFY_CLAIM
    assert review["claimwatch:analysis"]["verdict"] == answer["verdict"]
    assert len(review["itemReviewed"]["appearance"]) == sum(e["relation"] == "supports" for e in answer["evidence"])


def test_verify_reads_the_claim_from_stdin(store_dir):
    direct = json.loads(_verify(store_dir, "-f", "json").stdout)
    piped = _verify(store_dir, "-f", "json", claim="-", input=VERIFY_CLAIM + "\n")
    assert piped.exit_code == 0 and json.loads(piped.stdout) == direct


ESC = "\x1b["
COLOUR_CODES = {"supported": "\x1b[32m", "refuted": "\x1b[31m", "conflicting": "\x1b[33m",
                "not_enough_evidence": "\x1b[2m"}


def test_verify_text_is_plain_when_not_a_terminal(store_dir):
    answer = json.loads(_verify(store_dir, "-f", "json").stdout)
    result = _verify(store_dir, env={"FORCE_COLOR": None, "NO_COLOR": None})
    assert result.exit_code == 0 and ESC not in result.stdout
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{answer['verdict']} (confidence ")
    assert len(lines) == 1 + len(answer["evidence"])
    assert all(line.startswith(f"  [{e['relation']}] ") for line, e in zip(lines[1:], answer["evidence"]))


def test_verify_text_is_coloured_when_forced(store_dir):
    answer = json.loads(_verify(store_dir, "-f", "json").stdout)
    result = _verify(store_dir, env={"FORCE_COLOR": "1", "NO_COLOR": None})
    assert result.exit_code == 0
    first, *evidence = result.stdout.splitlines()
    assert first.startswith(COLOUR_CODES[answer["verdict"]] + answer["verdict"])
    relation_codes = {"supports": "\x1b[32m", "refutes": "\x1b[31m", "related": "\x1b[2m"}
    assert answer["evidence"], "the example claim should find evidence"
    for line, e in zip(evidence, answer["evidence"]):
        assert f"{relation_codes[e['relation']]}[{e['relation']}]" in line


def test_no_color_wins_over_force_color(store_dir):
    result = _verify(store_dir, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert result.exit_code == 0 and ESC not in result.stdout and result.stdout


# ------------------------------------------------------------------ progress


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path):
    audit = _audit("--format", "md")
    assert audit.exit_code == 0 and audit.stderr == ""
    ingest = runner.invoke(app, ["ingest", DIGEST, "--data", str(tmp_path / "s"), "--embedder", "fake"])
    assert ingest.exit_code == 0 and ingest.stderr == "" and ingest.stdout.startswith("added 7 articles")


def test_forced_progress_renders_every_stage_on_stderr(tmp_path):
    from claimwatch.service.console import STAGE_LABELS

    result = _audit("--progress")
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)  # stdout stays the report alone
    for label in STAGE_LABELS.values():
        assert label in result.stderr
    ingest = runner.invoke(app, ["ingest", DIGEST, "--data", str(tmp_path / "s"), "--embedder", "fake", "--progress"])
    assert ingest.exit_code == 0 and STAGE_LABELS["embed"] in ingest.stderr
    assert ingest.stdout.startswith("added 7 articles")  # the summary stays on stdout


def test_quiet_hides_progress_but_keeps_the_summary(tmp_path):
    result = runner.invoke(app, ["ingest", DIGEST, "--data", str(tmp_path / "s"), "--embedder", "fake",
                                 "--progress", "-q"])
    assert result.exit_code == 0 and result.stderr == "" and result.stdout.startswith("added 7 articles")


def _recorder():
    calls = []
    return calls, lambda stage, done, total: calls.append((stage, done, total))


def _check_stages(calls, expected):
    stages = list(dict.fromkeys(stage for stage, _, _ in calls))
    assert stages == expected
    for stage in stages:
        mine = [(done, total) for s, done, total in calls if s == stage]
        dones = [d for d, _ in mine]
        assert dones == sorted(dones) and dones[-1] == mine[-1][1] > 0  # monotone, reaches the total


def test_progress_callback_stages_and_batches(monkeypatch):
    from claimwatch import pipeline
    from claimwatch.claims.feeds import parse_feed
    from claimwatch.index.embedders import create_embedder

    articles = parse_feed((EXAMPLES / "h200_digest_zh.txt").read_bytes())
    embedder = create_embedder("fake")
    plain = pipeline.audit_articles(articles, embedder)
    monkeypatch.setattr(pipeline, "EMBED_BATCH", 10)
    calls, record = _recorder()
    reported = pipeline.audit_articles(articles, embedder, progress=record)
    _check_stages(calls, ["segment", "embed", "analyse"])
    embeds = [done for stage, done, _ in calls if stage == "embed"]
    n = len(plain["claims"])
    assert embeds == [0, *range(10, n, 10), n]  # one call per batch of 10
    assert [s for s, _, _ in calls if s == "segment"] == ["segment"] * len(articles)
    for key in ("claims", "clusters", "conflicts", "syndication"):
        assert reported[key] == plain[key]  # batching does not change the result


def test_progress_callback_on_ingest(tmp_path):
    from claimwatch.claims.feeds import parse_feed
    from claimwatch.index.embedders import create_embedder
    from claimwatch.index.store import open_store
    from claimwatch.pipeline import ingest_articles

    articles = parse_feed((EXAMPLES / "h200_digest_zh.txt").read_bytes())
    embedder = create_embedder("fake")
    store = open_store(tmp_path / "s", embedder.name, embedder.dim)
    try:
        calls, record = _recorder()
        ingest_articles(store, articles, embedder, progress=record)
        _check_stages(calls, ["segment", "embed", "analyse"])
        calls.clear()
        ingest_articles(store, articles, embedder, progress=record)  # nothing new: no embedding, no analysis
        assert {s for s, _, _ in calls} <= {"segment"}
    finally:
        store.close()


# ------------------------------------------------------------------ exit codes


def test_fail_on_conflict_exits_0_without_conflicts(tmp_path):
    feed = tmp_path / "f.jsonl"
    feed.write_text('{"source": "A", "title": "t", "text": "The H200 has a memory bandwidth of 4.8 TB/s."}\n'
                    '{"source": "B", "title": "t", "text": "The H200 has a memory bandwidth of 4.8 TB/s."}\n')
    result = runner.invoke(app, ["audit", str(feed), "--embedder", "fake", "--fail-on-conflict"])
    assert result.exit_code == 0 and json.loads(result.stdout)["stats"]["conflicts"] == 0


def test_fail_on_conflict_with_csv_says_so_unless_quiet(tmp_path):
    feed = tmp_path / "f.jsonl"
    feed.write_text('{"source": "A", "title": "t", "text": "The H200 has a memory bandwidth of 4.8 TB/s."}\n'
                    '{"source": "B", "title": "t", "text": "The H200 has a memory bandwidth of 4.5 TB/s."}\n')
    args = ["audit", str(feed), "--embedder", "fake", "--fail-on-conflict", "-f", "csv"]
    loud = runner.invoke(app, args)
    assert loud.exit_code == 1 and "1 conflict(s) found" in loud.stderr
    rows = list(csv.DictReader(io.StringIO(loud.stdout, newline="")))
    assert [r["severity"] for r in rows] == ["conflict"] and {rows[0]["outlet_a"], rows[0]["outlet_b"]} == {"A", "B"}
    quiet = runner.invoke(app, [*args, "-q"])
    assert quiet.exit_code == 1 and quiet.stderr == "" and quiet.stdout == loud.stdout
