"""Tests of the l8gen generator (mirror generator/l8gen)."""
