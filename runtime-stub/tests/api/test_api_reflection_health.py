"""Server reflection lists the 9 API services; grpc.health.v1 reports SERVING, then NOT_SERVING on stop."""

from __future__ import annotations

from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from l8_runtime.pb import API_SERVICES


def listed(channel) -> set[str]:
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    [resp] = list(stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")])))
    return {s.name for s in resp.list_services_response.service}


def test_reflection_lists_the_nine_api_services(start_runtime):
    names = listed(start_runtime().channel)
    assert len(API_SERVICES) == 9
    assert set(API_SERVICES) <= names
    assert "l8.control.v1.Control" not in names


def test_reflection_lists_control_when_enabled(runtime):
    assert "l8.control.v1.Control" in listed(runtime.channel)


def test_reflection_serves_file_descriptors(runtime):
    stub = reflection_pb2_grpc.ServerReflectionStub(runtime.channel)
    [resp] = list(
        stub.ServerReflectionInfo(
            iter(
                [
                    reflection_pb2.ServerReflectionRequest(
                        file_containing_symbol="spec.proto.extension.v1.s3.ObjectStorageService"
                    )
                ]
            )
        )
    )
    assert resp.file_descriptor_response.file_descriptor_proto


def test_health_serving_per_service(runtime):
    stub = health_pb2_grpc.HealthStub(runtime.channel)
    for name in ["", *API_SERVICES]:
        assert (
            stub.Check(health_pb2.HealthCheckRequest(service=name)).status
            == health_pb2.HealthCheckResponse.SERVING
        )
