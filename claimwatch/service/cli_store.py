"""``claimwatch store check|rebuild``: inspect and repair a data directory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from claimwatch.errors import ClaimwatchError

store_app = typer.Typer(help="Inspect and repair a store (data directory).", no_args_is_help=True)
DataOpt = Annotated[Path, typer.Option("--data", envvar="CLAIMWATCH_DATA", help="data directory of the store")]


@store_app.command()
def check(data: DataOpt = Path("data")) -> None:
    """Check SQLite integrity and that every claim has its vector in the index (exit 1 if not).

    Example: claimwatch store check --data data
    """
    from claimwatch.index.store import open_store

    try:
        store = open_store(data, create=False)
    except ClaimwatchError as exc:
        typer.echo(f"claimwatch: error: {exc} [{exc.code}]", err=True)
        raise typer.Exit(2 if exc.code == "store-not-found" else 1) from None
    try:
        report = store.check()
    finally:
        store.close()
    typer.echo(json.dumps(report))
    if not report["ok"]:
        typer.echo("the store is inconsistent: run 'claimwatch store rebuild --data DIR'", err=True)
        raise typer.Exit(1)


@store_app.command()
def rebuild(data: DataOpt = Path("data")) -> None:
    """Rebuild the vector index from the vectors kept in SQLite (after a crash or a corrupt file).

    Example: claimwatch store rebuild --data data
    """
    from claimwatch.index.store import open_store

    try:
        store = open_store(data, create=False, rebuild=True)
    except ClaimwatchError as exc:
        typer.echo(f"claimwatch: error: {exc} [{exc.code}]", err=True)
        raise typer.Exit(2) from None
    try:
        report = store.check()
    finally:
        store.close()
    typer.echo(f"rebuilt the {report['index']} index: {report['vectors']} vectors for {report['claims']} claims")


__all__ = ["store_app"]
