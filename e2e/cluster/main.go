// Command kube-test-cluster runs a real kube-apiserver (k8s.io/kubernetes/cmd/kube-apiserver/app)
// backed by an embedded etcd server in the same process. It exists only for the "cluster" test
// tier: one binary, no downloads, nothing but 127.0.0.1 listeners.
//
// Usage:
//
//	kube-test-cluster --etcd-data-dir=DIR --etcd-client-port=N --etcd-peer-port=M -- <kube-apiserver flags>
//
// The wrapper appends --etcd-servers itself, so the apiserver always talks to the embedded etcd.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"time"

	"go.etcd.io/etcd/server/v3/embed"
	"k8s.io/component-base/cli"
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

func main() {
	os.Exit(run())
}

func run() int {
	fs := flag.NewFlagSet("kube-test-cluster", flag.ContinueOnError)
	dataDir := fs.String("etcd-data-dir", "", "directory for the embedded etcd data (required)")
	clientPort := fs.Int("etcd-client-port", 0, "127.0.0.1 port for the embedded etcd client listener (required)")
	peerPort := fs.Int("etcd-peer-port", 0, "127.0.0.1 port for the embedded etcd peer listener (required)")
	etcdLogLevel := fs.String("etcd-log-level", "error", "embedded etcd log level")
	exitWithParent := fs.Bool("exit-with-parent", false, "exit when the parent process goes away (test runners that may be killed hard)")
	// Everything after "--" belongs to kube-apiserver.
	if err := fs.Parse(os.Args[1:]); err != nil {
		return 2
	}
	if *dataDir == "" || *clientPort <= 0 || *peerPort <= 0 {
		fmt.Fprintln(os.Stderr, "kube-test-cluster: --etcd-data-dir, --etcd-client-port and --etcd-peer-port are required")
		return 2
	}

	if *exitWithParent {
		watchParent()
	}

	etcd, clientURL, err := startEtcd(*dataDir, *clientPort, *peerPort, *etcdLogLevel)
	if err != nil {
		fmt.Fprintf(os.Stderr, "kube-test-cluster: embedded etcd failed: %v\n", err)
		return 1
	}
	defer etcd.Close()

	// Stop the apiserver if etcd dies underneath it, instead of hanging with a broken backend.
	go func() {
		if err, ok := <-etcd.Err(); ok && err != nil {
			fmt.Fprintf(os.Stderr, "kube-test-cluster: embedded etcd error: %v\n", err)
			os.Exit(1)
		}
	}()

	cmd := app.NewAPIServerCommand()
	cmd.SetArgs(append(fs.Args(), "--etcd-servers="+clientURL))
	// cli.Run sets up logging flags the same way the upstream kube-apiserver main does.
	return cli.Run(cmd)
}

// watchParent exits once we are re-parented, i.e. the process that started us died without
// stopping us, so a killed test runner never leaves an apiserver behind.
func watchParent() {
	parent := os.Getppid()
	go func() {
		for range time.Tick(time.Second) {
			if os.Getppid() != parent {
				fmt.Fprintln(os.Stderr, "kube-test-cluster: parent process exited, shutting down")
				os.Exit(0)
			}
		}
	}()
}

func startEtcd(dataDir string, clientPort, peerPort int, logLevel string) (*embed.Etcd, string, error) {
	cfg := embed.NewConfig()
	cfg.Name = "kube-test-cluster"
	cfg.Dir = dataDir
	cfg.LogLevel = logLevel
	cfg.Logger = "zap"
	cfg.LogOutputs = []string{"stderr"}

	clientURL := url.URL{Scheme: "http", Host: "127.0.0.1:" + strconv.Itoa(clientPort)}
	peerURL := url.URL{Scheme: "http", Host: "127.0.0.1:" + strconv.Itoa(peerPort)}
	cfg.ListenClientUrls = []url.URL{clientURL}
	cfg.AdvertiseClientUrls = []url.URL{clientURL}
	cfg.ListenPeerUrls = []url.URL{peerURL}
	cfg.AdvertisePeerUrls = []url.URL{peerURL}
	cfg.InitialCluster = cfg.InitialClusterFromName(cfg.Name)
	// No metrics/pprof listeners beyond the client port.
	cfg.ListenMetricsUrls = nil

	e, err := embed.StartEtcd(cfg)
	if err != nil {
		return nil, "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	select {
	case <-e.Server.ReadyNotify():
		return e, clientURL.String(), nil
	case <-ctx.Done():
		e.Server.Stop()
		e.Close()
		return nil, "", fmt.Errorf("etcd not ready within 60s")
	}
}
