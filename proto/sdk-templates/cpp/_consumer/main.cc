// Publishing smoke test, C++: a user's program built against the SDK *installed from the source package*
// (find_package(l8sdk CONFIG) + l8::sdk), calling the runtime.
//
// Run by l8dev.publish.smoke. Inputs (environment): L8_GRPC_ENDPOINT, L8_SMOKE_NAME, L8_SMOKE_KEY,
// L8_SMOKE_VALUE, L8_SMOKE_FILE (name in the file store), L8_SMOKE_UPLOAD (local file to upload),
// L8_SMOKE_DOWNLOAD (where to write the bytes GetFile returned; the session hashes them). Prints one JSON
// line with what the runtime answered (values are plain ASCII chosen by the session: no escaping needed).
#include <l8/sdk.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

int Fail(const char* what, const l8::Error& error) {
  std::fprintf(stderr, "smoke: %s: %s\n", what, error.ToString().c_str());
  return 1;
}

}  // namespace

int main() {
  auto client = l8::Client::Create();  // endpoint from L8_GRPC_ENDPOINT
  if (!client.ok()) return Fail("Create", client.error());
  if (auto ready = client->WaitForReady(std::chrono::seconds(30)); !ready.ok()) return Fail("WaitForReady", ready.error());
  l8::CallOptions call;
  call.timeout = std::chrono::seconds(30);
  const auto& runtime = client->runtime();

  ::spec::proto::runtime::v1::SayHelloRequest hello_request;
  hello_request.set_service_name("helloworld");
  hello_request.set_name(Env("L8_SMOKE_NAME"));
  auto hello = runtime.SayHello(hello_request, call);
  if (!hello.ok()) return Fail("SayHello", hello.error());

  ::spec::proto::runtime::v1::SaveStateRequest save;
  save.set_store_name("state_demo");
  auto* item = save.add_states();
  item->set_key(Env("L8_SMOKE_KEY"));
  item->set_value(Env("L8_SMOKE_VALUE"));
  if (auto saved = runtime.SaveState(save, call); !saved.ok()) return Fail("SaveState", saved.error());
  ::spec::proto::runtime::v1::GetStateRequest get;
  get.set_store_name("state_demo");
  get.set_key(Env("L8_SMOKE_KEY"));
  auto state = runtime.GetState(get, call);
  if (!state.ok()) return Fail("GetState", state.error());

  // client stream: the chunked upload helper; server stream: GetFile, one message per chunk
  ::spec::proto::runtime::v1::PutFileRequest head;
  head.set_store_name("file_demo");
  head.set_name(Env("L8_SMOKE_FILE"));
  auto put = runtime.PutFileFromFile(Env("L8_SMOKE_UPLOAD"), head, 64 * 1024, call);
  if (!put.ok()) return Fail("PutFileFromFile", put.error());
  ::spec::proto::runtime::v1::GetFileRequest file_request;
  file_request.set_store_name("file_demo");
  file_request.set_name(Env("L8_SMOKE_FILE"));
  auto stream = runtime.GetFile(file_request, call);
  std::ofstream download(Env("L8_SMOKE_DOWNLOAD"), std::ios::binary);
  ::spec::proto::runtime::v1::GetFileResponse chunk;
  std::size_t size = 0;
  int chunks = 0;
  while (stream.Next(chunk)) {
    download.write(chunk.data().data(), static_cast<std::streamsize>(chunk.data().size()));
    size += chunk.data().size();
    ++chunks;
  }
  if (auto end = stream.Finish(); !end.ok()) return Fail("GetFile", end.error());
  download.close();
  if (!download) {
    std::fprintf(stderr, "smoke: cannot write %s\n", Env("L8_SMOKE_DOWNLOAD").c_str());
    return 1;
  }
  std::printf("{\"sdk_version\": \"%s\", \"hello\": \"%s\", \"state_value\": \"%s\", \"file_size\": %zu, "
              "\"file_chunks\": %d}\n",
              l8::kVersion, hello->hello().c_str(), state->data().c_str(), size, chunks);
  return 0;
}
