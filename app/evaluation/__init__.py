"""Evaluation commands that measure the checks on public datasets."""
