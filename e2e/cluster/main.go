// Command kube-test-cluster is the test control plane in one multi-call binary, built from the
// release's own Go modules (no downloads, only 127.0.0.1 listeners). It exists for the test tiers.
//
// Usage:
//
//	kube-test-cluster --etcd-data-dir=DIR --etcd-client-port=N --etcd-peer-port=M -- <kube-apiserver flags>
//	kube-test-cluster <kubectl args>      (anything not starting with --etcd-: what plugins call via KUBECTL_PATH)
//	kube-test-cluster kube-controller-manager <flags>
//	kube-test-cluster kube-scheduler <flags>
//	kube-test-cluster kubectl <args>      (or a symlink named kubectl pointing at this binary)
//
// The first form runs a real kube-apiserver backed by an embedded etcd in the same process; the
// wrapper appends --etcd-servers itself. One binary instead of four: the components share almost
// every package, so one link and one build stamp cover them all.
//
// KUBE_TEST_EXIT_WITH_PARENT=1 (or --exit-with-parent for the apiserver) makes any component exit
// once the process that started it is gone, so a killed test runner leaves nothing behind.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // CronJob time zones, as kube-controller-manager's main

	"github.com/spf13/cobra"
	"go.etcd.io/etcd/server/v3/embed"
	_ "k8s.io/client-go/plugin/pkg/client/auth" // client auth plugins, as upstream kubectl
	"k8s.io/component-base/cli"
	"k8s.io/component-base/logs"
	_ "k8s.io/component-base/logs/json/register"          // as the upstream mains
	_ "k8s.io/component-base/metrics/prometheus/clientgo" // as the upstream mains
	_ "k8s.io/component-base/metrics/prometheus/version"  // as the upstream mains
	"k8s.io/kubectl/pkg/cmd"
	"k8s.io/kubectl/pkg/cmd/util"
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
	controllermanager "k8s.io/kubernetes/cmd/kube-controller-manager/app"
	scheduler "k8s.io/kubernetes/cmd/kube-scheduler/app"
)

func main() {
	if os.Getenv("KUBE_TEST_EXIT_WITH_PARENT") == "1" {
		watchParent()
	}
	name := filepath.Base(os.Args[0])
	args := os.Args[1:]
	if name != "kubectl" && len(args) > 0 {
		switch args[0] {
		case "kube-controller-manager", "kube-scheduler", "kubectl":
			name, args = args[0], args[1:]
		}
	}
	switch {
	case name == "kube-controller-manager":
		os.Exit(runCommand(controllermanager.NewControllerManagerCommand(), args))
	case name == "kube-scheduler":
		os.Exit(runCommand(scheduler.NewSchedulerCommand(), args))
	case name == "kubectl", len(args) == 0 || !strings.HasPrefix(args[0], "--etcd-"):
		// kubectl hands plugins KUBECTL_PATH=os.Executable(), which resolves the symlink to this
		// binary: a plugin calling "$KUBECTL_PATH get pods" lands here and must get kubectl.
		os.Exit(runKubectl(args))
	default:
		os.Exit(run())
	}
}

// runCommand runs a component's cobra command the way its upstream main does (cli.Run sets up
// logging flags and flushes logs on exit).
func runCommand(c *cobra.Command, args []string) int {
	c.SetArgs(args)
	return cli.Run(c)
}

// runKubectl mirrors k8s.io/kubernetes/cmd/kubectl/kubectl.go, plugins (kubectl-<name> on PATH)
// included. kubectl reads os.Args itself (plugin lookup), so it gets the argv it would have.
func runKubectl(args []string) int {
	os.Args = append([]string{"kubectl"}, args...)
	logs.GlogSetter(cmd.GetLogVerbosity(os.Args)) // nolint:errcheck
	c := cmd.NewDefaultKubectlCommand()
	if err := cli.RunNoErrOutput(c); err != nil {
		util.CheckErr(err)
	}
	return 0
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
