"""The HTTP API, the CLI and the rendered reports; thin wiring over claims/ and index/."""
