"""Benchmarks, run by `make bench`; each writes its figures to benchmarks/results/."""
