// Command p2go is the Go client of the P2 benchmark (bench/p2_native.py): N GetState calls through the
// l8sdk Go client, then N through the raw generated stub on a plain connection (no SDK interceptors),
// alternating for several rounds. Between segments it calls marker(), a function valgrind's callgrind
// dumps its counters before (--dump-before=main.marker), so each segment's instruction count is one round
// of one side.
package main

import (
	"context"
	"flag"
	"log"

	l8sdk "github.com/l8sdk/l8sdk-go"
	runtimev1 "github.com/l8sdk/l8sdk-go/proto/runtime/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

//go:noinline
func marker() {}

func main() {
	target := flag.String("target", "", "runtime gRPC host:port")
	rounds := flag.Int("rounds", 3, "rounds (one SDK and one raw segment each)")
	calls := flag.Int("calls", 100, "calls per segment")
	rawConn := flag.String("raw-conn", "plain", "raw stub on a `plain` connection or on the SDK's (`sdk`)")
	flat := flag.Bool("flat", false, "SDK side calls the flattened form GetStateFlat(ctx, store, key)")
	flag.Parse()
	ctx := context.Background()
	client, err := l8sdk.New(ctx, l8sdk.WithEndpoint(*target))
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	conn, err := grpc.NewClient(*target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	raw := runtimev1.NewRuntimeClient(conn)
	if *rawConn == "sdk" {
		raw = runtimev1.NewRuntimeClient(client.Conn())
	}
	req := func() *runtimev1.GetStateRequest {
		return &runtimev1.GetStateRequest{StoreName: "state_demo", Key: "bench-key"}
	}
	for i := 0; i < 20; i++ {
		if _, err := client.GetState(ctx, req()); err != nil {
			log.Fatal(err)
		}
		if _, err := raw.GetState(ctx, req()); err != nil {
			log.Fatal(err)
		}
	}
	sdk := func() { _, _ = client.GetState(ctx, req()) }
	if *flat {
		sdk = func() { _, _ = client.GetStateFlat(ctx, "state_demo", "bench-key") }
	}
	sdk()
	for r := 0; r < *rounds; r++ {
		marker()
		for i := 0; i < *calls; i++ {
			sdk()
		}
		marker()
		for i := 0; i < *calls; i++ {
			_, _ = raw.GetState(ctx, req())
		}
	}
	marker()
}
