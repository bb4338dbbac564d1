"""Benchmark suite of l8sdk: one module per performance promise (P1 generate, P2 SDK call paths, P3 runtime
throughput, P5 file memory, start-up); `nox -s bench` runs them through bench/run.py."""
