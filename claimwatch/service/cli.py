"""The ``claimwatch`` command line: audit, ingest, verify, serve (and eval, bench)."""

from __future__ import annotations

import json
import logging
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Callable, Optional

import typer

from claimwatch.errors import ClaimwatchError
from claimwatch.index.embedders import DEFAULT_EMBEDDER

if TYPE_CHECKING:
    from claimwatch.claims.models import Article

app = typer.Typer(
    name="claimwatch", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    help="Claim fact-checking and cross-source consistency for news feeds (Chinese and English).",
)

EmbedderOpt = Annotated[str, typer.Option("--embedder", envvar="CLAIMWATCH_EMBEDDER",
                                          help="use-m3, e5-small, st:<model path or name>, fake")]
DataOpt = Annotated[Path, typer.Option("--data", envvar="CLAIMWATCH_DATA", help="data directory of the store")]
FormatInOpt = Annotated[Optional[str], typer.Option(
    "--format-in", help="feed format: digest, jsonl, json, rss, jsonfeed (detected when omitted)")]
ProgressOpt = Annotated[Optional[bool], typer.Option(
    "--progress/--no-progress", show_default="auto",
    help="progress bars on stderr (default: only when stderr is a terminal)")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="no progress bars and no informational messages on stderr")]


class ReportFormat(str, Enum):
    json = "json"
    md = "md"
    html = "html"
    jsonl = "jsonl"
    csv = "csv"


class VerifyFormat(str, Enum):
    text = "text"
    json = "json"
    claimreview = "claimreview"


def _fail(exc: ClaimwatchError) -> None:
    typer.echo(f"claimwatch: error: {exc} [{exc.code}]", err=True)
    raise typer.Exit(2)


def _read_input(feed: str) -> bytes:
    if feed == "-":
        return sys.stdin.buffer.read()
    if feed.startswith(("http://", "https://")):
        from claimwatch.claims.fetch import fetch_feed
        from claimwatch.service.config import Settings

        return fetch_feed(feed, allow_hosts=Settings().allow_hosts)  # CLAIMWATCH_FETCH_ALLOW_HOSTS
    path = Path(feed)
    if not path.is_file():
        typer.echo(f"claimwatch: error: no such file: {feed} [file-not-found]", err=True)
        raise typer.Exit(2)
    return path.read_bytes()


def _parse(feed: str, format_in: str | None, report: Callable[[str, int, int], None] | None) -> list[Article]:
    """Read and parse a feed, reporting the ``parse`` stage when a progress callback is given."""
    from claimwatch.claims.feeds import parse_feed

    if report:
        report("parse", 0, 1)
    articles = parse_feed(_read_input(feed), format_in)
    if report:
        report("parse", 1, 1)
    return articles


def _render(report: dict, format: ReportFormat) -> str:
    """The audit report in ``format``; html comes from ``claimwatch.service.html`` (imported lazily)."""
    if format is ReportFormat.json:
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if format is ReportFormat.md:
        from claimwatch.service.report import render_markdown

        return render_markdown(report)
    if format is ReportFormat.html:
        try:
            from claimwatch.service.html import render_html
        except ImportError as exc:
            typer.echo(f"claimwatch: error: the html format is not available: {exc} [format-unavailable]", err=True)
            raise typer.Exit(2) from exc
        return render_html(report)
    from claimwatch.service.exports import claims_jsonl, conflicts_csv

    return claims_jsonl(report) if format is ReportFormat.jsonl else conflicts_csv(report)


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


@app.command()
def audit(
    feed: Annotated[str, typer.Argument(help="feed file, http(s) URL, or - for stdin")],
    format: Annotated[ReportFormat, typer.Option(
        "--format", "-f", help="json (the contract), md, html, jsonl (claims) or csv (conflicts)")] = ReportFormat.json,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="write here instead of stdout")] = None,
    format_in: FormatInOpt = None,
    embedder: EmbedderOpt = DEFAULT_EMBEDDER,
    fail_on_conflict: Annotated[bool, typer.Option(help="exit 1 when a conflict is found")] = False,
    progress: ProgressOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Audit a feed without storing it: clusters, conflicts, syndication.

    Example: claimwatch audit examples/h200_digest_zh.txt --format md
    """
    from claimwatch.index.embedders import create_embedder
    from claimwatch.pipeline import audit_articles
    from claimwatch.service.console import show_progress, stage_progress

    try:
        with stage_progress(show_progress(progress, quiet)) as report_progress:
            articles = _parse(feed, format_in, report_progress)
            report = audit_articles(articles, create_embedder(embedder), progress=report_progress)
    except ClaimwatchError as exc:
        _fail(exc)
    _write(_render(report, format), out)
    conflicts = report["stats"]["conflicts"]
    if fail_on_conflict and conflicts:
        if not quiet:
            typer.echo(f"claimwatch: {conflicts} conflict(s) found (--fail-on-conflict)", err=True)
        raise typer.Exit(1)


@app.command()
def ingest(
    feed: Annotated[str, typer.Argument(help="feed file, or - for stdin")],
    data: DataOpt = Path("data"),
    format_in: FormatInOpt = None,
    embedder: EmbedderOpt = DEFAULT_EMBEDDER,
    progress: ProgressOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Add a feed to the store in DATA (created on first use); the same article is stored once.

    Example: claimwatch ingest examples/h200_digest_zh.txt --data data
    """
    from claimwatch.index.embedders import create_embedder
    from claimwatch.index.store import open_store
    from claimwatch.pipeline import ingest_articles
    from claimwatch.service.console import show_progress, stage_progress

    try:
        with stage_progress(show_progress(progress, quiet)) as report_progress:
            articles = _parse(feed, format_in, report_progress)
            model = create_embedder(embedder)
            store = open_store(data, model.name, model.dim)
            try:
                result = ingest_articles(store, articles, model, progress=report_progress)
            finally:
                store.close()
    except ClaimwatchError as exc:
        _fail(exc)
    typer.echo(f"added {len(result['articles_added'])} articles ({result['claims_added']} claims), "
               f"skipped {len(result['articles_skipped'])} already stored; {result['claims_total']} claims in {data}")


@app.command()
def verify(
    claim: Annotated[str, typer.Argument(help="the claim to verify, or - for stdin")],
    data: DataOpt = Path("data"),
    top_k: Annotated[int, typer.Option("--top-k", min=1, max=100, help="evidence to consider")] = 10,
    format: Annotated[VerifyFormat, typer.Option(
        "--format", "-f", help="text, json (the contract) or claimreview (schema.org JSON-LD)")] = VerifyFormat.text,
    embedder: EmbedderOpt = DEFAULT_EMBEDDER,
) -> None:
    """Verify one claim against the store in DATA.

    The text answer is coloured on a terminal (verdict and evidence by relation); NO_COLOR turns
    colour off, FORCE_COLOR on.

    Example: claimwatch verify "美国政府将从H200对华销售中抽取15%的分成" --data data
    """
    from claimwatch.index.embedders import create_embedder
    from claimwatch.index.store import open_store
    from claimwatch.pipeline import verify_claim
    from claimwatch.service.console import print_verify, use_colour

    text = sys.stdin.read() if claim == "-" else claim
    try:
        model = create_embedder(embedder)
        store = open_store(data, model.name, create=False)
        try:
            answer = verify_claim(store, model, text, top_k)
            origins = store.origin_sources() if format is VerifyFormat.claimreview else {}
        finally:
            store.close()
    except ClaimwatchError as exc:
        _fail(exc)
    if format is VerifyFormat.json:
        typer.echo(json.dumps(answer, ensure_ascii=False, indent=2))
    elif format is VerifyFormat.claimreview:
        from claimwatch.service.exports import claim_review

        typer.echo(json.dumps(claim_review(answer, origin_source=origins), ensure_ascii=False, indent=2))
    else:
        print_verify(answer, use_colour())


@app.command()
def serve(
    data: DataOpt = Path("data"),
    host: Annotated[str, typer.Option(help="address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
    embedder: EmbedderOpt = DEFAULT_EMBEDDER,
) -> None:
    """Serve the HTTP API under uvicorn (OpenAPI docs at /docs).

    Example: claimwatch serve --data data --port 8000
    """
    import uvicorn

    from claimwatch.service.app import create_app
    from claimwatch.service.config import Settings

    logging.basicConfig(level=logging.INFO)
    uvicorn.run(create_app(Settings(data=data, embedder=embedder)), host=host, port=port, log_level="info")


class Size(str, Enum):
    small = "small"
    full = "full"


def _default_feed() -> Path:
    sample = Path(__file__).resolve().parents[3] / "shared" / "data" / "h200_digest_zh.txt"
    return sample if sample.exists() else Path(__file__).resolve().parents[2] / "examples" / "h200_digest_zh.txt"


@app.command("eval")
def eval_(
    sets: Annotated[Optional[list[str]], typer.Option("--set", help="gold set(s); default: all present")] = None,
    embedder: EmbedderOpt = DEFAULT_EMBEDDER,
    benchmarks: Annotated[Optional[Path], typer.Option(help="folder of public benchmarks")] = None,
    limit: Annotated[Optional[int], typer.Option(help="pairs per benchmark file and verify items per set")] = None,
    size: Annotated[Size, typer.Option(help="small: a quick run for CI (limit 100)")] = Size.full,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="also write all figures as JSON")] = None,
) -> None:
    """Quality on the gold sets and public benchmarks, for lexical, dense and hybrid similarity.

    Example: claimwatch eval --size small
    """
    from claimwatch.evaluation.gold import GOLD_SETS, load_gold
    from claimwatch.evaluation.quality import (
        MODES, evaluate_benchmarks, evaluate_gold, format_benchmark_table, format_gold_table,
    )
    from claimwatch.index.embedders import create_embedder

    repo, shared = Path(__file__).resolve().parents[2], Path(__file__).resolve().parents[3] / "shared"
    limit = limit or (100 if size is Size.small else None)
    model = create_embedder(embedder)
    results = []
    for name in sets or list(GOLD_SETS):
        gold = load_gold(name, repo, shared)
        if not gold.feed_path.exists():
            typer.echo(f"(skipping {name}: {gold.feed_path} is absent)", err=True)
            continue
        results += [evaluate_gold(gold, model, mode, verify_limit=limit) for mode in MODES]
    typer.echo(f"## Gold sets (embedder {model.name})\n")
    typer.echo(format_gold_table(results))
    from claimwatch.evaluation.understanding import evaluate_understanding, format_understanding

    understanding = evaluate_understanding()
    typer.echo("\n## Claim understanding (evaluation/gold/quantities.jsonl)\n")
    typer.echo(format_understanding(understanding))
    bench_root = benchmarks or shared / "benchmarks"
    rows = []
    if bench_root.exists():
        rows = evaluate_benchmarks(bench_root, model, limit)
        typer.echo(f"\n## Paraphrase benchmarks (embedder {model.name}, limit {limit or 'none'})\n")
        typer.echo(format_benchmark_table(rows))
    else:
        typer.echo(f"(skipping public benchmarks: {bench_root} is absent)", err=True)
    if out:
        out.write_text(json.dumps({"gold": results, "understanding": understanding, "benchmarks": rows},
                                  ensure_ascii=False, indent=2, default=str))


class BenchPart(str, Enum):
    understanding = "understanding"
    audit = "audit"
    scale = "scale"
    verify = "verify"
    load = "load"


@app.command()
def bench(
    feed: Annotated[Optional[Path], typer.Option(help="feed to repeat (default: the sample feed)")] = None,
    size: Annotated[Size, typer.Option(help="small for CI, full for the README figures")] = Size.full,
    part: Annotated[Optional[list[BenchPart]], typer.Option(help="run only these parts (repeatable)")] = None,
    embedder: EmbedderOpt = DEFAULT_EMBEDDER,
) -> None:
    """Throughput and latency figures, printed as tables (nothing is asserted).

    audit: the sample feed repeated to ~5,000 claims, audit against the embedder alone;
    scale: synthetic feeds of 1k/10k/100k claims, throughput, clustering growth, peak RSS;
    verify: latency p50/p95/p99 and recall@10 per index kind at 10k/100k/1M indexed claims;
    load: N verify requests at concurrency C against the real server on loopback;
    understanding: one article grown to 1 MB, understanding time per MB at each size (linear?).

    Example: claimwatch bench --size small
    """
    from claimwatch.evaluation.bench import SIZES, bench_audit, format_audit_bench
    from claimwatch.evaluation.scale import (
        SCALE_SIZES, VERIFY_SIZES, bench_scale, bench_verify, bench_words, format_scale, format_verify, format_words,
    )
    from claimwatch.index.embedders import create_embedder

    model = create_embedder(embedder)
    parts = set(part or list(BenchPart))
    if BenchPart.understanding in parts:
        from claimwatch.evaluation.linearity import bench_linearity, format_linearity

        seed = (feed or _default_feed()).read_text(encoding="utf-8")
        typer.echo("## Claim understanding against article length (segment, values, slots, flags)\n")
        typer.echo(format_linearity(bench_linearity(seed, size.value)) + "\n")
    if BenchPart.audit in parts:
        path = feed or _default_feed()
        result = bench_audit(path.read_bytes(), model, SIZES[size.value])
        typer.echo(f"## Audit throughput ({path.name} repeated)\n")
        typer.echo(format_audit_bench(result, model))
    if BenchPart.scale in parts:
        typer.echo("\n## Audit at scale\n")
        typer.echo(format_scale(bench_scale(model, SCALE_SIZES[size.value]), model))
    if BenchPart.verify in parts:
        typer.echo("\n## Verify latency by index size and kind (one query at a time, query embedding included)\n")
        typer.echo(format_verify(bench_verify(model, VERIFY_SIZES[size.value])))
        from claimwatch.index.store import WORD_SEARCH_MAX

        typer.echo(f"\n## Word search of hybrid verify (SQLite FTS5, rarest terms, 15 ms budget, off beyond "
                   f"{WORD_SEARCH_MAX} claims)\n")
        word_sizes = VERIFY_SIZES[size.value] + ((WORD_SEARCH_MAX,) if size == Size.full else ())
        typer.echo(format_words(bench_words(tuple(sorted(word_sizes)))))
    if BenchPart.load in parts:
        from claimwatch.evaluation.load import LOAD_SIZES, format_load, run_load

        claims, requests, concurrency = LOAD_SIZES[size.value]
        typer.echo("\n## Load: verify over HTTP against the real server\n")
        typer.echo(format_load(run_load(claims, requests, concurrency, model.name)))


from claimwatch.service.cli_store import store_app  # noqa: E402  (a command group of its own module)

app.add_typer(store_app, name="store")


def main() -> None:
    app()


__all__ = ["app", "main"]
