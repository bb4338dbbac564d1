"""Components of the reference runtime: one module per building block, pure Python (no gRPC)."""
