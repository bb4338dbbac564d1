// Publishing smoke test, Go: a user's program calling the runtime through the published module version,
// fetched from a file-based GOPROXY (the module proxy layout that `nox -s publish` builds).
//
// Run by l8dev.publish.smoke in a new module outside the repository. Inputs (environment): L8_GRPC_ENDPOINT,
// L8_SMOKE_NAME, L8_SMOKE_KEY, L8_SMOKE_VALUE, L8_SMOKE_FILE (name in the file store), L8_SMOKE_UPLOAD
// (local file to upload), L8_SMOKE_MODULE (the SDK's module path, to report its go.sum hash from the build
// info). Prints one JSON line with what the runtime answered.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"
	"time"

	l8 "github.com/l8sdk/l8sdk-go"
	runtimev1 "github.com/l8sdk/l8sdk-go/proto/runtime/v1"
)

const chunkSize = 64 * 1024

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "smoke:", err)
		os.Exit(1)
	}
}

func run() error {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	client, err := l8.New(ctx) // endpoint from L8_GRPC_ENDPOINT
	if err != nil {
		return err
	}
	defer client.Close()
	if err := client.WaitForReady(ctx); err != nil {
		return fmt.Errorf("wait for ready: %w", err)
	}
	hello, err := client.SayHello(ctx, &runtimev1.SayHelloRequest{ServiceName: "helloworld", Name: os.Getenv("L8_SMOKE_NAME")})
	if err != nil {
		return err
	}
	key := os.Getenv("L8_SMOKE_KEY")
	item := &runtimev1.StateItem{Key: key, Value: []byte(os.Getenv("L8_SMOKE_VALUE"))}
	if _, err := client.SaveState(ctx, &runtimev1.SaveStateRequest{StoreName: "state_demo", States: []*runtimev1.StateItem{item}}); err != nil {
		return err
	}
	state, err := client.GetState(ctx, &runtimev1.GetStateRequest{StoreName: "state_demo", Key: key})
	if err != nil {
		return err
	}
	// client stream: the chunked upload helper; server stream: GetFile, one message per chunk
	name := os.Getenv("L8_SMOKE_FILE")
	head := &runtimev1.PutFileRequest{StoreName: "file_demo", Name: name}
	if _, err := client.PutFileFromPath(ctx, head, os.Getenv("L8_SMOKE_UPLOAD"), chunkSize); err != nil {
		return err
	}
	stream, err := client.GetFile(ctx, &runtimev1.GetFileRequest{StoreName: "file_demo", Name: name})
	if err != nil {
		return err
	}
	digest, size, chunks := sha256.New(), 0, 0
	for reply, err := range stream.All() {
		if err != nil {
			return err
		}
		digest.Write(reply.Data)
		size += len(reply.Data)
		chunks++
	}
	moduleVersion, moduleSum := "", ""
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == os.Getenv("L8_SMOKE_MODULE") {
				moduleVersion, moduleSum = dep.Version, dep.Sum
			}
		}
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"sdk_version":    l8.Version,
		"module_version": moduleVersion,
		"module_sum":     moduleSum,
		"hello":          hello.Hello,
		"state_value":    string(state.Data),
		"file_size":      size,
		"file_sha256":    hex.EncodeToString(digest.Sum(nil)),
		"file_chunks":    chunks,
	})
}
