"""Benchmarks run on demand (``tisseuse bench ...``): they print numbers."""
