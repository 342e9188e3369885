#!/bin/sh
# Install claimwatch into a virtual environment in two steps: the Docker image and the test suite
# (tests/test_dockerfile.py) both run exactly this, so CI exercises the image's recipe.
#
#   docker/install.sh deps    VENV [SRC]  create VENV if missing, then install the dependencies listed
#                                         in SRC/pyproject.toml (only that file is read: the image
#                                         caches this layer until the dependencies change)
#   docker/install.sh package VENV [SRC]  install claimwatch from SRC (default .) without dependencies,
#                                         check the dependency set, and embed one sentence with the
#                                         default model while network access is refused
#
# PYTHON (default python3) is the interpreter that creates VENV. pip honours its usual PIP_* variables.
set -eu

usage() {
    echo "usage: $0 deps|package VENV [SRC]" >&2
    exit 2
}

[ $# -ge 2 ] || usage
step=$1
venv=$2
src=${3:-.}
py=$venv/bin/python

case $step in
deps)
    [ -x "$py" ] || "${PYTHON:-python3}" -m venv "$venv"
    requirements=$(mktemp)
    "$py" - "$src/pyproject.toml" >"$requirements" <<'PY'
import sys
import tomllib

with open(sys.argv[1], "rb") as f:
    print("\n".join(tomllib.load(f)["project"]["dependencies"]))
PY
    "$py" -m pip install --requirement "$requirements"
    rm -f "$requirements"
    ;;
package)
    "$py" -m pip install --no-deps "$src"
    "$py" -m pip check
    # Run from / so that the installed package is imported, not a source tree in the working directory.
    cd /
    HF_HUB_OFFLINE=1 "$py" - <<'PY'
import socket
import sys


def refuse(*args, **kwargs):
    raise OSError("the default model tried to use the network")


socket.socket.connect = socket.socket.connect_ex = refuse
socket.create_connection = socket.getaddrinfo = refuse

import claimwatch
from claimwatch.index.embedders import DEFAULT_EMBEDDER, create_embedder

assert claimwatch.__file__.startswith(sys.prefix), f"claimwatch imported from {claimwatch.__file__}"
embedder = create_embedder(DEFAULT_EMBEDDER)
vectors = embedder.embed(["H200的显存带宽为4.8TB/s", "The H200 has 141 GB of memory."])
assert vectors.shape == (2, embedder.dim), vectors.shape
assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-3
print(f"claimwatch {claimwatch.__version__}: default embedder {embedder.name} ({embedder.dim}-d) works offline")
PY
    ;;
*)
    usage
    ;;
esac
