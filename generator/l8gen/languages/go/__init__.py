"""The go language: naming, view, target, templates/ (output tree), consumer/ (publish smoke test)."""
