"""``python -m claimwatch`` runs the CLI."""

from claimwatch.service.cli import main

main()
