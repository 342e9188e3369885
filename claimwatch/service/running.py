"""`claimwatch serve` as a child process on a free loopback port, for the load benchmark and tests.

The server's output goes to a temporary file (not a pipe nobody reads, which fills up and stalls a
busy server) and is shown when it fails to start.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

CLAIMWATCH = (sys.executable, "-m", "claimwatch")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(data: Path, embedder: str, command: tuple[str, ...] = CLAIMWATCH,
            start_timeout: float = 120.0) -> Iterator[str]:
    """Start `claimwatch serve` on the store in ``data``; yield its base URL once /healthz answers 200.

    ``command`` is how claimwatch is invoked (another virtual environment's script, say)."""
    port = free_port()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen([*command, "serve", "--data", str(data), "--port", str(port), "--embedder", embedder],
                                stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + start_timeout
            while True:
                if proc.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(f"server exited: {log.read().decode(errors='replace')}")
                try:
                    if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"server did not start within {start_timeout:.0f} s")
                time.sleep(0.2)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


__all__ = ["serving", "free_port", "CLAIMWATCH"]
