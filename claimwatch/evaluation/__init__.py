"""Evaluation: gold sets, metrics, quality harness, calibration, synthetic feeds and benchmarks.

Import the modules directly (``claimwatch.evaluation.metrics`` …); this package loads nothing
heavy on its own.
"""

__all__ = ["bench", "calibrate", "gold", "load", "metrics", "quality", "scale", "synth", "understanding"]
