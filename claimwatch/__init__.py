"""claimwatch: claim fact-checking and cross-source consistency for news feeds."""

__version__ = "0.1.0"
__all__ = ["__version__"]
