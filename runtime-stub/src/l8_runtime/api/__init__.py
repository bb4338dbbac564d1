"""The gRPC layer: one servicer per API service, translating protobuf messages to component calls."""
