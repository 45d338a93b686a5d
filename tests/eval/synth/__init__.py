"""Helpers and specs for tests/eval/synth_eval.py (synthetic newspaper pages)."""
