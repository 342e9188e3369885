"""Audits the server keeps: one JSON file per audit under ``<data dir>/audits/<audit id>.json``.

Ids are random url-safe tokens; an id is checked against a strict pattern before it names a file,
so no request can reach outside the folder. Writes are atomic (a ``.tmp-*.part`` file, then ``os.replace``).
Saving with a bound prunes the oldest kept audits (by file mtime, ties by name) so at most that many remain;
only finished ``<audit id>.json`` files count, and concurrent prunes tolerate each other's deletions.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import tempfile
import threading
from pathlib import Path

from claimwatch.errors import NotFound, StoreError

FOLDER = "audits"
AUDIT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
TMP_PREFIX, TMP_SUFFIX = ".tmp-", ".part"  # never a ``*.json`` name, so a file being written is never pruned
_prune_lock = threading.Lock()
log = logging.getLogger(__name__)


def new_audit_id() -> str:
    """A fresh random id (16 url-safe characters, 96 bits)."""
    return secrets.token_urlsafe(12)


def _path(data_dir: Path, audit_id: str) -> Path:
    if not isinstance(audit_id, str) or not AUDIT_ID.fullmatch(audit_id):
        raise NotFound(f"no audit {audit_id!r}", code="audit-not-found")
    return Path(data_dir) / FOLDER / f"{audit_id}.json"


def save_audit(data_dir: Path, report: dict, max_audits: int | None = None) -> dict:
    """Keep ``report`` under a new id; answer the report with its ``audit_id`` added.

    With ``max_audits`` (at least 1; ``None`` = no bound) the oldest kept audits are pruned afterwards.
    """
    if max_audits is not None and max_audits < 1:
        raise ValueError("max_audits must be at least 1 to keep an audit")
    audit_id = new_audit_id()
    kept = {**report, "audit_id": audit_id}
    path = _path(data_dir, audit_id)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TMP_PREFIX, suffix=TMP_SUFFIX)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(kept, f, ensure_ascii=False)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StoreError(f"could not keep the audit: {exc}", code="audit-not-saved") from exc
    if max_audits is not None:
        prune_audits(data_dir, max_audits)
    return kept


def _kept_files(folder: Path) -> list[tuple[int, str, Path]]:
    """Finished audit files as ``(mtime_ns, name, path)``, oldest first; files gone meanwhile are skipped."""
    found = []
    for path in folder.glob("*.json"):
        if not AUDIT_ID.fullmatch(path.stem):
            continue
        try:
            found.append((path.stat().st_mtime_ns, path.name, path))
        except FileNotFoundError:
            continue
    return sorted(found)


def prune_audits(data_dir: Path, keep: int) -> list[str]:
    """Delete the oldest kept audits so at most ``keep`` remain; answer the ids deleted."""
    folder = Path(data_dir) / FOLDER
    if not folder.is_dir():
        return []
    removed = []
    with _prune_lock:  # one prune at a time in this process; other processes are tolerated below
        kept = _kept_files(folder)
        for _, name, path in kept[: max(len(kept) - keep, 0)]:
            try:
                path.unlink()
            except FileNotFoundError:
                continue  # pruned by another process at the same time
            except OSError as exc:
                log.warning("could not prune audit %s: %s", name, exc)
                continue
            removed.append(path.stem)
    return removed


def load_audit(data_dir: Path, audit_id: str) -> dict:
    """The kept report; ``NotFound`` (``audit-not-found``) for an unknown or malformed id."""
    path = _path(data_dir, audit_id)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotFound(f"no audit {audit_id!r}", code="audit-not-found") from None


__all__ = ["save_audit", "load_audit", "prune_audits", "new_audit_id", "AUDIT_ID"]
