"""Terminal output of the CLI: rich progress bars on stderr, and the verify answer in colour.

Both fall back to plain output: progress is shown only when asked for or when stderr is a
terminal; colour only when stdout is a terminal (or ``FORCE_COLOR`` is set) and ``NO_COLOR`` is not.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Callable

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

ProgressCallback = Callable[[str, int, int], None]

STAGE_LABELS = {
    "parse": "parse feed",
    "segment": "segment / extract claims",
    "embed": "embed claims",
    "analyse": "cluster / compare",
}
VERDICT_STYLES = {"supported": "green", "refuted": "red", "conflicting": "yellow", "not_enough_evidence": "dim"}
RELATION_STYLES = {"supports": "green", "refutes": "red", "related": "dim"}


def show_progress(flag: bool | None, quiet: bool, stream: IO[str] | None = None) -> bool:
    """``--progress/--no-progress`` wins when given; otherwise progress shows when ``stream``
    (stderr) is a terminal. ``--quiet`` always hides it."""
    if quiet:
        return False
    if flag is not None:
        return flag
    return (stream or sys.stderr).isatty()


def use_colour(stream: IO[str] | None = None) -> bool:
    """Colour when ``stream`` (stdout) is a terminal or ``FORCE_COLOR`` is set, never under ``NO_COLOR``."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or (stream or sys.stdout).isatty()


def _terminal(file: IO[str]) -> Console:
    return Console(file=file, force_terminal=True, color_system="standard", soft_wrap=True,
                   highlight=False, markup=False, emoji=False)


class _StageBars:
    """The pipeline's ``progress(stage, done, total)`` callback: one bar per stage, added on first sight."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._tasks: dict[str, object] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self._tasks:
            self._tasks[stage] = self._progress.add_task(STAGE_LABELS.get(stage, stage), total=total)
        self._progress.update(self._tasks[stage], completed=done, total=total)


@contextmanager
def stage_progress(enabled: bool) -> Iterator[ProgressCallback | None]:
    """Progress bars on stderr while the block runs; yields the callback, or None when disabled."""
    if not enabled:
        yield None
        return
    bars = Progress(TextColumn("{task.description:<26}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=_terminal(sys.stderr), redirect_stdout=False, redirect_stderr=False)
    with bars:
        yield _StageBars(bars)


def verify_lines(answer: dict) -> list[Text]:
    """The verify answer as text lines: the verdict styled by itself, evidence tags by relation
    (related evidence dimmed as a whole). ``Text.plain`` gives the uncoloured lines."""
    head = Text(answer["verdict"], style=VERDICT_STYLES.get(answer["verdict"], ""))
    head.append(f" (confidence {answer['confidence']:.2f}): {answer['explanation']}")
    lines = [head]
    for e in answer["evidence"]:
        line = Text("  ", style="dim" if e["relation"] == "related" else "")
        line.append(f"[{e['relation']}]", style=RELATION_STYLES.get(e["relation"], ""))
        line.append(f" {e['score']:.2f} {e['source']} {e['published'] or ''}: {e['text']}")
        lines.append(line)
    return lines


def print_verify(answer: dict, colour: bool) -> None:
    """Print the verify answer on stdout, in colour when ``colour``."""
    lines = verify_lines(answer)
    if not colour:
        sys.stdout.write("".join(line.plain + "\n" for line in lines))
        return
    console = _terminal(sys.stdout)
    for line in lines:
        console.print(line)


__all__ = ["show_progress", "use_colour", "stage_progress", "verify_lines", "print_verify", "STAGE_LABELS",
           "VERDICT_STYLES", "RELATION_STYLES"]
