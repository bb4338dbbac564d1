"""l8_runtime: the reference runtime of l8sdk (Layotto runtime API over grpc.aio).

Pipeline place: the oracle every generated SDK is tested against (compat-tests run the SDK drivers against
it). Layers: config.py -> components/ (pure Python building blocks) -> api/ (servicers) -> server.py
(gRPC, health, reflection, interceptor, actuator) -> cli.py.
"""

__version__ = "0.1.0"
