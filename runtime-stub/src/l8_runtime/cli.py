"""Command line of the reference runtime: ``l8-runtime [options]``.

Place in the runtime: the edge. ``run(argv, stdin, stdout, stderr)`` parses flags, loads the configuration
(embedded defaults when no ``--config``), starts the server, prints the READY line on stdout (flushed),
and serves until SIGTERM/SIGINT, then shuts down gracefully and returns 0. Configuration mistakes print
one clear line on stderr and return 2. ``main`` runs it on the process's arguments; the console script
enters through ``launch.main``, which keeps the garbage collector off until READY.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import signal
import sys
from pathlib import Path
from typing import TextIO

from . import logs
from .config import ConfigError, load_config
from .mutations import MUTATIONS, describe
from .server import RuntimeServer, ServerOptions


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="l8-runtime",
        description=(
            "Reference runtime for the Layotto runtime API. With no arguments: embedded mode, in-memory "
            "components for every API, gRPC on 127.0.0.1:34904, actuator HTTP on 34999."
        ),
    )
    p.add_argument("--config", "-c", type=Path, help="Layotto-style component config (JSON or YAML)")
    p.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="PATH=VALUE",
        help="override config: app.app_id=x, state.s1.type=sqlite, state.s1.metadata.k=v, state.s1=",
    )
    p.add_argument("--host", default="127.0.0.1", help="gRPC bind address (0.0.0.0 in containers)")
    p.add_argument("--grpc-port", type=int, default=34904, help="gRPC port, 0 = any free port")
    p.add_argument("--http-host", help="actuator bind address (default: --host)")
    p.add_argument("--http-port", type=int, default=34999, help="actuator HTTP port, 0 = any free port")
    p.add_argument(
        "--data-dir", type=Path, help="persistent mode: SQLite state store `state_sqlite`, files, keys"
    )
    p.add_argument(
        "--app-callback", metavar="HOST:PORT", help='the app\'s AppCallback server ("self" = loopback)'
    )
    p.add_argument("--app-id", help="the app id (overrides app.app_id)")
    p.add_argument(
        "--api-token",
        help="require `authorization: Bearer TOKEN` on every call (default: $L8_RUNTIME_API_TOKEN)",
    )
    p.add_argument("--tls-cert", type=Path, help="PEM certificate chain; enables TLS with --tls-key")
    p.add_argument("--tls-key", type=Path, help="PEM private key")
    p.add_argument("--enable-control", action="store_true", help="serve l8.control.v1.Control (test harness)")
    p.add_argument(
        "--allow-unsafe-reconfigure",
        action="store_true",
        help="let Lifecycle.ApplyConfiguration change file roots/paths, key material and secret stores",
    )
    p.add_argument("--mutate", metavar="NAME", help="inject one deliberate bug (see --list-mutations)")
    p.add_argument("--list-mutations", action="store_true", help="print the mutation names and exit")
    p.add_argument("--print-config", action="store_true", help="print the effective configuration and exit")
    p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    p.add_argument(
        "--shutdown-grace", type=float, default=5.0, help="seconds in-flight calls get at shutdown"
    )
    return p


def run(argv: list[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.list_mutations:
        stdout.write(describe())
        return 0
    try:
        options = _options(args)
        overrides = list(args.overrides) + ([f"app.app_id={args.app_id}"] if args.app_id else [])
        config = load_config(args.config, overrides, data_dir=args.data_dir is not None)
    except ConfigError as exc:
        stderr.write(f"l8-runtime: {exc}\n")
        return 2
    if args.print_config:
        for warning in config.warnings:
            stderr.write(f"l8-runtime: warning: {warning}\n")
        stdout.write(json.dumps(config.to_json(), indent=2, sort_keys=True) + "\n")
        return 0
    logs.setup(stderr, args.log_level)
    return asyncio.run(_serve(config, options, stdout, stderr))


def _options(args: argparse.Namespace) -> ServerOptions:
    if args.mutate and args.mutate not in MUTATIONS:
        raise ConfigError(
            f"--mutate {args.mutate!r}: unknown mutation; known: {', '.join(sorted(MUTATIONS))}"
        )
    if (args.tls_cert is None) != (args.tls_key is None):
        raise ConfigError("--tls-cert and --tls-key must be given together")
    for path in (args.tls_cert, args.tls_key):
        if path is not None and not path.is_file():
            raise ConfigError(f"{path}: no such file")
    for name in ("grpc_port", "http_port"):
        if not 0 <= getattr(args, name) <= 65535:
            raise ConfigError(f"--{name.replace('_', '-')} must be between 0 and 65535")
    callback = args.app_callback
    if callback and callback != "self" and not callback.rsplit(":", 1)[-1].isdigit():
        raise ConfigError(f"--app-callback {callback!r}: expected HOST:PORT or self")
    token = args.api_token if args.api_token is not None else os.environ.get("L8_RUNTIME_API_TOKEN") or None
    return ServerOptions(
        host=args.host,
        grpc_port=args.grpc_port,
        http_host=args.http_host,
        http_port=args.http_port,
        api_token=token or None,
        tls_cert=args.tls_cert,
        tls_key=args.tls_key,
        enable_control=args.enable_control,
        allow_unsafe_reconfigure=args.allow_unsafe_reconfigure,
        data_dir=args.data_dir,
        app_callback=callback,
        mutation=args.mutate,
        shutdown_grace=args.shutdown_grace,
    )


async def _serve(config, options: ServerOptions, stdout: TextIO, stderr: TextIO) -> int:  # type: ignore[no-untyped-def]
    server = RuntimeServer(config, options)
    try:
        await server.start()
    except (ConfigError, OSError, ValueError) as exc:
        stderr.write(f"l8-runtime: cannot start: {exc}\n")
        await server.stop(0)
        return 2 if isinstance(exc, ConfigError) else 1
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # not the main thread
            pass
    stdout.write(server.ready_line() + "\n")
    stdout.flush()
    if not gc.isenabled():  # launch.main turned it off for the start-up
        gc.enable()
    await stop.wait()
    await server.stop()
    return 0


def main() -> None:
    sys.exit(run(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr))
