"""Regression question sets: loading and validation, running, metrics, baselines and reports."""
