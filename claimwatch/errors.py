"""The one exception tree of claimwatch; every error carries a stable kebab-case ``code``.

    ClaimwatchError
    ├── InputError (ValueError)              bad user input, HTTP 4xx
    │   ├── FeedFormatUnknown                feed-format-unknown
    │   ├── FeedMalformed                    feed-malformed
    │   ├── FeedEmpty                        feed-empty
    │   ├── ClaimEmpty                       claim-empty
    │   └── TooManyClaims                    too-many-claims (HTTP 413)
    ├── NotFound (LookupError)               not-found (cluster/claim/article id)
    ├── AccessDenied (PermissionError)       api-key-missing, api-key-invalid, read-only
    └── StoreError (RuntimeError)
        ├── EmbedderMismatch                 index-embedder-mismatch
        ├── IndexCorrupt                     index-corrupt
        └── EmbedderUnavailable              embedder-unavailable
"""

from __future__ import annotations


class ClaimwatchError(Exception):
    """Base of every claimwatch error."""

    code = "claimwatch-error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class InputError(ClaimwatchError, ValueError):
    code = "input-invalid"


class FeedFormatUnknown(InputError):
    code = "feed-format-unknown"


class FeedMalformed(InputError):
    code = "feed-malformed"


class FeedEmpty(InputError):
    code = "feed-empty"


class ClaimEmpty(InputError):
    code = "claim-empty"


class TooManyClaims(InputError):
    code = "too-many-claims"


class NotFound(ClaimwatchError, LookupError):
    code = "not-found"


class AccessDenied(ClaimwatchError, PermissionError):
    code = "access-denied"


class StoreError(ClaimwatchError, RuntimeError):
    code = "store-error"


class EmbedderMismatch(StoreError):
    code = "index-embedder-mismatch"


class IndexCorrupt(StoreError):
    code = "index-corrupt"


class EmbedderUnavailable(StoreError):
    code = "embedder-unavailable"


__all__ = [
    "ClaimwatchError", "InputError", "FeedFormatUnknown", "FeedMalformed", "FeedEmpty",
    "ClaimEmpty", "TooManyClaims", "NotFound", "AccessDenied", "StoreError", "EmbedderMismatch", "IndexCorrupt",
    "EmbedderUnavailable",
]
