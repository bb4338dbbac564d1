// A tour of the C++ SDK against the runtime found in the environment (L8_GRPC_ENDPOINT,
// runtime_GRPC_HOST/runtime_GRPC_PORT or 127.0.0.1:34904): state with etags, publish + subscribe, a lock, a file round
// trip and a typed error, one short line per step (`nox -s demo` runs it).
#include <chrono>
#include <future>
#include <iostream>
#include <string>
#include <vector>

#include <l8/sdk.h>

namespace rt = ::spec::proto::runtime::v1;

namespace {

int Fail(const l8::Error& error) {
  std::cerr << "tour: " << error.ToString() << "\n";
  return 1;
}

std::string Before(const std::string& text, char stop) { return text.substr(0, text.find(stop)); }

}  // namespace

int main() {
  auto client = l8::Client::Create();
  if (!client.ok()) return Fail(client.error());
  if (auto ready = client->WaitForReady(std::chrono::seconds(30)); !ready.ok()) return Fail(ready.error());
  const auto& runtime = client->runtime();

  // 1. state with optimistic concurrency: every write gives the key a new etag
  auto save = [&](const std::string& value, const std::string& etag) {
    rt::SaveStateRequest request;
    request.set_store_name("state_demo");
    auto* item = request.add_states();
    item->set_key("order-42");
    item->set_value(value);
    if (!etag.empty()) item->mutable_etag()->set_value(etag);
    return runtime.SaveState(request);
  };
  if (auto saved = save("placed", ""); !saved.ok()) return Fail(saved.error());
  rt::GetStateRequest get;
  get.set_store_name("state_demo");
  get.set_key("order-42");
  auto got = runtime.GetState(get);
  if (!got.ok()) return Fail(got.error());
  if (auto paid = save("paid", got->etag()); !paid.ok()) return Fail(paid.error());
  auto stale = save("lost", got->etag());  // the etag we read is stale now
  std::cout << "1 state    order-42=\"" << got->data() << "\" etag=" << got->etag().substr(0, 8)
            << "; paid with that etag; stale etag -> " << (stale.ok() ? "accepted?!" : stale.error().code_name())
            << "\n";

  // 2. publish + subscribe (a background stream; WaitActive returns once the runtime confirmed it)
  std::promise<std::string> received;
  auto delivered = received.get_future();
  l8::SubscriptionOptions options;
  options.pubsub_name = "pub_subs_demo";
  options.topic = "orders";
  auto subscription = client->Subscribe(options, [&received](const l8::TopicEvent& event) {
    received.set_value(event.data());
    return l8::kEventSuccess;
  });
  if (auto active = subscription->WaitActive(std::chrono::seconds(10)); !active.ok()) return Fail(active.error());
  rt::PublishEventRequest publish;
  publish.set_pubsub_name("pub_subs_demo");
  publish.set_topic("orders");
  publish.set_data("order 42 paid");
  if (auto published = runtime.PublishEvent(publish); !published.ok()) return Fail(published.error());
  if (delivered.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
    std::cerr << "tour: no event within 10 s\n";
    return 1;
  }
  std::cout << "2 pub/sub  published to 'orders', handler received \"" << delivered.get() << "\"\n";
  subscription.reset();

  // 3. a distributed lock: one owner at a time
  auto lock = [&](const std::string& owner) {
    rt::TryLockRequest request;
    request.set_store_name("lock_demo");
    request.set_resource_id("order-42");
    request.set_lock_owner(owner);
    request.set_expire(10);
    return runtime.TryLock(request);
  };
  auto alice = lock("alice");
  auto bob = lock("bob");
  if (!alice.ok()) return Fail(alice.error());
  if (!bob.ok()) return Fail(bob.error());
  rt::UnlockRequest unlock;
  unlock.set_store_name("lock_demo");
  unlock.set_resource_id("order-42");
  unlock.set_lock_owner("alice");
  auto unlocked = runtime.Unlock(unlock);
  if (!unlocked.ok()) return Fail(unlocked.error());
  std::cout << std::boolalpha << "3 lock     alice got it: " << alice->success() << "; bob got it: "
            << bob->success() << "; alice unlock: " << rt::UnlockResponse::Status_Name(unlocked->status()) << "\n";

  // 4. a file round trip (client-streaming upload, server-streaming download)
  rt::PutFileRequest upload;
  upload.set_store_name("file_demo");
  upload.set_name("receipt.txt");
  upload.set_data("order 42: paid");
  if (auto put = runtime.PutFile(std::vector<rt::PutFileRequest>{upload}); !put.ok()) return Fail(put.error());
  rt::GetFileRequest download;
  download.set_store_name("file_demo");
  download.set_name("receipt.txt");
  auto stream = runtime.GetFile(download);
  std::string data;
  for (const auto& chunk : stream) data += chunk.data();
  if (auto done = stream.Finish(); !done.ok()) return Fail(done.error());
  std::cout << "4 file     put receipt.txt, read back \"" << data << "\"\n";

  // 5. every failure is one typed error: l8::Error with a status code, message and details
  rt::GetStateRequest missing;
  missing.set_store_name("no_such_store");
  missing.set_key("k");
  auto error = runtime.GetState(missing);
  std::cout << "5 error    GetState(no_such_store) -> l8::Error "
            << (error.ok() ? "none?!" : std::string(error.error().code_name()) + ": " +
                                            Before(error.error().message(), ';'))
            << "\n";
  return error.ok() ? 1 : 0;
}
