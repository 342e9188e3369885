"""Audits the server keeps: one JSON file per audit under ``<data dir>/audits/<audit id>.json``.

Ids are random url-safe tokens; an id is checked against a strict pattern before it names a file,
so no request can reach outside the folder. Writes are atomic (temporary file, then ``os.replace``).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import tempfile
from pathlib import Path

from claimwatch.errors import NotFound, StoreError

FOLDER = "audits"
AUDIT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def new_audit_id() -> str:
    """A fresh random id (16 url-safe characters, 96 bits)."""
    return secrets.token_urlsafe(12)


def _path(data_dir: Path, audit_id: str) -> Path:
    if not isinstance(audit_id, str) or not AUDIT_ID.fullmatch(audit_id):
        raise NotFound(f"no audit {audit_id!r}", code="audit-not-found")
    return Path(data_dir) / FOLDER / f"{audit_id}.json"


def save_audit(data_dir: Path, report: dict) -> dict:
    """Keep ``report`` under a new id; answer the report with its ``audit_id`` added."""
    audit_id = new_audit_id()
    kept = {**report, "audit_id": audit_id}
    path = _path(data_dir, audit_id)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
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
    return kept


def load_audit(data_dir: Path, audit_id: str) -> dict:
    """The kept report; ``NotFound`` (``audit-not-found``) for an unknown or malformed id."""
    path = _path(data_dir, audit_id)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotFound(f"no audit {audit_id!r}", code="audit-not-found") from None


__all__ = ["save_audit", "load_audit", "new_audit_id", "AUDIT_ID"]
