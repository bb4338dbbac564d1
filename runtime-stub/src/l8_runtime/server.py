"""Assembles and runs the reference runtime: components, servicers, interceptor, health, reflection,
actuator, READY line, graceful stop.

Place in the runtime: called by cli.py (and by tests, in-process). ``RuntimeServer.start`` builds
everything from a ``RuntimeConfig`` and ``ServerOptions``, binds the ports (0 = any free port) and returns
when both servers listen; ``ready_line`` is what the CLI prints. ``stop`` marks the runtime DOWN /
NOT_SERVING, lets in-flight calls finish within the grace period and closes the components (SQLite files).
"""

from __future__ import annotations

import logging
import shutil
import ssl
import tempfile
from pathlib import Path
from typing import Any

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc  # type: ignore[attr-defined,unused-ignore]

from . import __version__, ready
from .actuator import DOWN, UP, Actuator, HealthState
from .api.appcallback import AppCallbackLink, LoopbackApp
from .api.host import Host
from .api.lazy import LazyServicer
from .components.pubsub import PubSub
from .components.registry import Components
from .config import ConfigError, RuntimeConfig
from .context import Outboxes, RuntimeContext
from .interceptors import REFLECTION_SERVICE, Gatekeeper, GuardedRegistration
from .logs import log_event
from .observe import Observer
from .oss_http import SignedUrlHttp
from .pb import (
    API_SERVICES,
    cb_grpc,
    cry,
    cry_grpc,
    dq,
    dq_grpc,
    email,
    email_grpc,
    lc,
    lc_grpc,
    oss,
    oss_grpc,
    phone,
    phone_grpc,
    rt,
    rt_grpc,
    sms,
    sms_grpc,
)

log = logging.getLogger("l8.runtime.server")
MAX_MESSAGE = 64 * 1024 * 1024
# The API's services but AppCallback (the loopback app is made at start): add_<S>Servicer_to_server, the
# service's message module, and the module of l8_runtime.api and class of its servicer, which is made (its
# module and the component modules it uses imported) on the service's first call (api/lazy.py).
SERVICERS: tuple[tuple[Any, Any, str, str], ...] = (
    (rt_grpc.add_RuntimeServicer_to_server, rt, "runtime", "RuntimeService"),
    (lc_grpc.add_LifecycleServicer_to_server, lc, "lifecycle", "LifecycleService"),
    (cry_grpc.add_CryptionServiceServicer_to_server, cry, "extensions", "CryptionService"),
    (dq_grpc.add_DelayQueueServicer_to_server, dq, "extensions", "DelayQueueService"),
    (email_grpc.add_EmailServiceServicer_to_server, email, "extensions", "EmailService"),
    (phone_grpc.add_PhoneCallServiceServicer_to_server, phone, "extensions", "PhoneCallService"),
    (sms_grpc.add_SmsServiceServicer_to_server, sms, "extensions", "SmsService"),
    (oss_grpc.add_ObjectStorageServiceServicer_to_server, oss, "oss", "ObjectStorageService"),
)


class ServerOptions:
    """Listen addresses, TLS, API token and the control/unsafe switches from the command line (a plain class:
    a dataclass costs ~0.5 ms of start-up to create, bench/notes.py)."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        grpc_port: int = 34904,
        http_host: str | None = None,
        http_port: int = 34999,
        api_token: str | None = None,
        tls_cert: Path | None = None,
        tls_key: Path | None = None,
        enable_control: bool = False,
        allow_unsafe_reconfigure: bool = False,
        data_dir: Path | None = None,
        app_callback: str | None = None,
        mutation: str | None = None,
        shutdown_grace: float = 5.0,
    ) -> None:
        self.host, self.grpc_port, self.http_host, self.http_port = host, grpc_port, http_host, http_port
        self.api_token, self.tls_cert, self.tls_key = api_token, tls_cert, tls_key
        self.enable_control, self.allow_unsafe_reconfigure = enable_control, allow_unsafe_reconfigure
        self.data_dir, self.app_callback, self.mutation = data_dir, app_callback, mutation
        self.shutdown_grace = shutdown_grace


def _add_reflection(services: list[str], target: Any) -> None:
    """Server reflection (grpc_reflection's aio servicer) of ``services``, registered through ``target``."""
    from grpc_reflection.v1alpha import reflection, reflection_pb2_grpc  # type: ignore[import-untyped]

    servicer = reflection.aio.ReflectionServicer(services)
    reflection_pb2_grpc.add_ServerReflectionServicer_to_server(servicer, target)


def _check_tls_pair(cert: Path | None, key: Path | None) -> None:
    """A certificate chain and key that do not load together are a configuration error naming both files."""
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).load_cert_chain(str(cert), str(key))
    except (ssl.SSLError, OSError) as exc:
        raise ConfigError(
            f"--tls-cert {cert} / --tls-key {key}: not a matching PEM certificate and private key ({exc})"
        ) from None


def hostport(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class RuntimeServer:
    def __init__(self, config: RuntimeConfig, options: ServerOptions) -> None:
        self.config = config
        self.options = options
        self.health_state = HealthState()
        self.grpc_address = ""
        self.http_address = ""
        self._scratch: Path | None = None
        self._server: grpc.aio.Server | None = None
        self._actuator: Actuator | None = None
        self._health: health.aio.HealthServicer | None = None
        self.components: Components | None = None
        self.host: Host | None = None

    async def start(self) -> None:
        opts = self.options
        if opts.data_dir is None:
            self._scratch = Path(tempfile.mkdtemp(prefix="l8-runtime-"))
        else:
            opts.data_dir.mkdir(parents=True, exist_ok=True)
        ctx = RuntimeContext(
            app_id=self.config.app.app_id,
            data_dir=opts.data_dir,
            scratch_dir=self._scratch,
            mutation=opts.mutation,
            outboxes=Outboxes(enabled=opts.enable_control),
            allow_unsafe_reconfigure=opts.allow_unsafe_reconfigure,
        )
        for warning in self.config.warnings:  # once per component mapped from a Layotto type
            log_event(log, logging.WARNING, "component mapped to a local equivalent", detail=warning)
        # the embedded defaults (tested to build) on first use; a configuration the user wrote at once, so
        # its mistakes stop the start (exit 2)
        lazy = self.config.builtin_components and opts.data_dir is None
        self.components = Components(self.config, ctx, lazy=lazy)
        observer = Observer() if opts.enable_control else None
        # Every handler carries the guarded request deserializer (a malformed body is INVALID_ARGUMENT, never
        # UNKNOWN/INTERNAL): through the gatekeeper interceptor when a token or the observer needs each call,
        # else applied once per method at registration, with no interceptor on the call path.
        per_call = bool(opts.api_token) or observer is not None
        server = grpc.aio.server(
            interceptors=[Gatekeeper(opts.api_token, observer)] if per_call else None,
            options=[
                ("grpc.max_receive_message_length", MAX_MESSAGE),
                ("grpc.max_send_message_length", MAX_MESSAGE),
                ("grpc.so_reuseport", 0),
                # No BDP probing: it grows a stream's HTTP/2 flow-control window to several MiB, which a
                # fast uploader then fills in the runtime's memory (P5, 64 MiB PutFile/GetFile: peak RSS
                # growth 2.1-8.2 MiB over six runs with it, 1.4 MiB in three runs without; same wall time).
                ("grpc.http2.bdp_probe", 0),
            ],
        )
        bind = hostport(opts.host, opts.grpc_port)
        tls = opts.tls_cert is not None
        if tls:
            _check_tls_pair(opts.tls_cert, opts.tls_key)
        try:
            if tls:
                assert opts.tls_cert is not None and opts.tls_key is not None
                creds = grpc.ssl_server_credentials([(opts.tls_key.read_bytes(), opts.tls_cert.read_bytes())])
                port = server.add_secure_port(bind, creds)
            else:
                port = server.add_insecure_port(bind)
        except RuntimeError:
            port = 0
        if port == 0:
            raise OSError(f"cannot bind the gRPC address {bind} (in use or not available)")
        self.grpc_address = hostport(opts.host, port)
        loop_host = "127.0.0.1" if opts.host in ("0.0.0.0", "::", "") else opts.host
        link = AppCallbackLink(
            opts.app_callback or self.config.app.callback_address, hostport(loop_host, port)
        )
        loopback = LoopbackApp(ctx.wall)
        self.host = host = Host(
            self.components, ctx, link, loopback, info={"token_required": bool(opts.api_token), "tls": tls}
        )
        for comp in self.components.by_api.get("pub_subs", {}).values():
            if isinstance(comp, PubSub):
                comp.push_router = link.route

        registrations: list[tuple[Any, Any]] = [(cb_grpc.add_AppCallbackServicer_to_server, loopback)]
        services = list(API_SERVICES)
        if observer is not None:  # the control service's modules are imported only here
            from .control import CONTROL_SERVICE, registration

            registrations.append(registration(host, observer))
            services.append(CONTROL_SERVICE)
        target: Any = GuardedRegistration(server, guard=not per_call)  # generic handlers only (its docstring)
        for add_to_server, module, api_module, cls in SERVICERS:
            [service] = module.DESCRIPTOR.services_by_name.values()
            target.add_lazy(service.full_name, add_to_server, LazyServicer(service, api_module, cls, host))
        for add_to_server, servicer in registrations:
            add_to_server(servicer, target)
        self._health = health.aio.HealthServicer()
        health_pb2_grpc.add_HealthServicer_to_server(self._health, target)
        services.append(health.SERVICE_NAME)
        # reflection.enable_server_reflection, spelled out so the aio servicer registers through `target`,
        # and on the first reflection call: grpc_reflection imports descriptor_pb2 and grpc.experimental
        # (~4 ms of the start to READY, bench/notes.py)
        reflected = [*services, REFLECTION_SERVICE]
        target.add_on_first_call(REFLECTION_SERVICE, lambda into: _add_reflection(reflected, into))
        self._services = services

        await server.start()
        self._server = server
        for name in ["", *services]:
            await self._health.set(name, health_pb2.HealthCheckResponse.SERVING)
        link.start_refresh()  # the app's subscriptions, once at start (Layotto's rule)
        self._actuator = Actuator(
            self.health_state, __version__, SignedUrlHttp(self.components, ctx), token=opts.api_token
        )
        http_host = opts.http_host or opts.host
        http_port = await self._actuator.start(http_host, opts.http_port)
        self.http_address = hostport(http_host, http_port)
        url_host = "127.0.0.1" if http_host in ("0.0.0.0", "::", "") else http_host
        ctx.oss_url_base = f"http://{hostport(url_host, http_port)}/oss"
        self.health_state.set(UP, "")
        log_event(
            log,
            logging.INFO,
            "runtime serving",
            grpc=self.grpc_address,
            http=self.http_address,
            tls=tls,
            auth_required=bool(opts.api_token),
            control=observer is not None,
            mutation=opts.mutation or "",
            components=self.components.describe(),
        )

    def ready_line(self) -> str:
        return ready.ready_line(self.grpc_address, self.http_address)

    async def wait(self) -> None:
        assert self._server is not None
        await self._server.wait_for_termination()

    async def stop(self, grace: float | None = None) -> None:
        grace = self.options.shutdown_grace if grace is None else grace
        self.health_state.set(DOWN, "shutdown")
        if self._health is not None:
            await self._health.enter_graceful_shutdown()
        if self._server is not None:
            await self._server.stop(grace)
        if self.host is not None and self.host.link is not None:
            await self.host.link.close()
        if self._actuator is not None:
            await self._actuator.stop()
        if self.components is not None:
            self.components.close()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
        log_event(log, logging.INFO, "runtime stopped")
