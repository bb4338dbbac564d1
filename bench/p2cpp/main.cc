// p2cpp: the C++ client of the P2 benchmark (bench/p2_cpp.py). N GetState calls through the SDK's
// l8::Client, then N through the raw generated stub (Runtime::Stub on a plain grpc::Channel, no SDK code),
// alternating for several rounds. 4th argument: `plain` (default), `flat` (the SDK segment calls the flattened
// overload GetState(store_name, key), [tool.l8gen.signatures]), `sdk` (the raw stub on the SDK's own
// channel: the channel's share) or `aa` (control: raw stub in both segments). Between segments it calls p2cpp_marker(), which callgrind dumps its
// counters before (--dump-before=p2cpp_marker), so each segment's instruction count is one round of one side.
#include <l8/sdk.h>

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "spec/proto/runtime/v1/runtime.grpc.pb.h"

extern "C" __attribute__((noinline)) void p2cpp_marker() { asm volatile(""); }

namespace {
using ::spec::proto::runtime::v1::GetStateRequest;
using ::spec::proto::runtime::v1::GetStateResponse;
using ::spec::proto::runtime::v1::Runtime;

GetStateRequest Request() {
  GetStateRequest request;
  request.set_store_name("state_demo");
  request.set_key("bench-key");
  return request;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::fprintf(stderr, "usage: p2cpp <target> <rounds> <calls> [plain|flat|sdk|aa]\n");
    return 2;
  }
  const std::string target = argv[1];
  const int rounds = std::atoi(argv[2]);
  const int calls = std::atoi(argv[3]);
  l8::ClientOptions options;
  options.endpoint = target;
  auto client = l8::Client::Create(options);
  if (!client.ok()) {
    std::fprintf(stderr, "Create failed: %s\n", client.error().ToString().c_str());
    return 1;
  }
  const std::string mode = argc == 5 ? argv[4] : "plain";
  auto channel = mode == "sdk" ? client->channel() : grpc::CreateChannel(target, grpc::InsecureChannelCredentials());
  std::unique_ptr<Runtime::Stub> raw = Runtime::NewStub(channel);
  (void)client->WaitForReady(std::chrono::seconds(30));
  for (int i = 0; i < 20; ++i) {  // warm-up: connections, lazy initialisation
    if (!client->runtime().GetState(Request()).ok()) {
      std::fprintf(stderr, "SDK GetState failed: %s\n",
                   client->runtime().GetState(Request()).error().ToString().c_str());
      return 1;
    }
    grpc::ClientContext context;
    GetStateResponse response;
    if (!raw->GetState(&context, Request(), &response).ok()) {
      std::fprintf(stderr, "raw GetState failed\n");
      return 1;
    }
  }
  for (int r = 0; r < rounds; ++r) {
    p2cpp_marker();
    for (int i = 0; i < calls; ++i) {
      if (mode == "aa") {  // control: both segments raw, the ratio must be 1.00 (no bias by position)
        grpc::ClientContext context;
        GetStateResponse response;
        (void)raw->GetState(&context, Request(), &response);
      } else if (mode == "flat") {
        (void)client->runtime().GetState("state_demo", "bench-key");
      } else {
        (void)client->runtime().GetState(Request());
      }
    }
    p2cpp_marker();
    for (int i = 0; i < calls; ++i) {
      grpc::ClientContext context;
      GetStateResponse response;
      (void)raw->GetState(&context, Request(), &response);
    }
  }
  p2cpp_marker();
  return 0;
}
