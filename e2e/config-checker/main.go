// Command config-checker decodes component configuration files strictly with the owning
// component's own Go types, so an unknown field, a misspelling or a wrong apiVersion fails.
// Usage: config-checker FILE... (exit 1 on the first problem per file; all files are checked).
//
// To support another kind, add a decoder to `decoders` (e.g. KubeSchedulerConfiguration via
// k8s.io/kube-scheduler's scheme, CredentialProviderConfig via k8s.io/kubelet's, CNI via libcni).
package main

import (
	"fmt"
	"os"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	"k8s.io/apiserver/pkg/apis/apiserver"
	apiserverinstall "k8s.io/apiserver/pkg/apis/apiserver/install"
	clientcmdv1 "k8s.io/client-go/tools/clientcmd/api/v1"
	kjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

type typeMeta struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
}

// decoders maps a file's kind to a strict decoder.
var decoders = map[string]func(data []byte) error{
	"AuthenticationConfiguration": decodeAPIServerConfig,
	"AuthorizationConfiguration":  decodeAPIServerConfig,
	"AdmissionConfiguration":      decodeAdmissionConfig,
	"Config":                      decodeKubeconfig,
}

// kube-apiserver decodes these files with a strict codec factory over this scheme.
var apiserverCodecs = func() serializer.CodecFactory {
	s := runtime.NewScheme()
	apiserverinstall.Install(s)
	return serializer.NewCodecFactory(s, serializer.EnableStrict)
}()

func decodeAPIServerConfig(data []byte) error {
	_, _, err := apiserverCodecs.UniversalDecoder().Decode(data, nil, nil)
	return err
}

// imagePolicyWebhookConfig mirrors the ImagePolicyWebhook plugin's configuration
// (kubernetes/plugin/pkg/admission/imagepolicy/config.go), which lives in k8s.io/kubernetes
// and cannot be imported as a module.
type imagePolicyWebhookConfig struct {
	ImagePolicy *struct {
		KubeConfigFile string `json:"kubeConfigFile"`
		AllowTTL       int    `json:"allowTTL"`
		DenyTTL        int    `json:"denyTTL"`
		RetryBackoff   int    `json:"retryBackoff"`
		DefaultAllow   bool   `json:"defaultAllow"`
	} `json:"imagePolicy"`
}

// strictJSON rejects unknown and case-mismatched fields, like Kubernetes' own strict decoding.
func strictJSON(raw []byte, into any) error {
	strictErrs, err := kjson.UnmarshalStrict(raw, into)
	if err != nil {
		return err
	}
	if len(strictErrs) > 0 {
		return fmt.Errorf("strict decoding: %v", strictErrs)
	}
	return nil
}

func decodeAdmissionConfig(data []byte) error {
	obj, _, err := apiserverCodecs.UniversalDecoder().Decode(data, nil, nil)
	if err != nil {
		return err
	}
	cfg, ok := obj.(*apiserver.AdmissionConfiguration)
	if !ok {
		return fmt.Errorf("decoded %T, want AdmissionConfiguration", obj)
	}
	for _, p := range cfg.Plugins {
		if p.Name != "ImagePolicyWebhook" {
			continue
		}
		if p.Configuration == nil {
			return fmt.Errorf("plugin ImagePolicyWebhook: no configuration")
		}
		var c imagePolicyWebhookConfig
		if err := strictJSON(p.Configuration.Raw, &c); err != nil {
			return fmt.Errorf("plugin ImagePolicyWebhook: %w", err)
		}
		if c.ImagePolicy == nil || c.ImagePolicy.KubeConfigFile == "" {
			return fmt.Errorf("plugin ImagePolicyWebhook: imagePolicy.kubeConfigFile is required")
		}
		if c.ImagePolicy.AllowTTL < 0 || c.ImagePolicy.DenyTTL < 0 || c.ImagePolicy.RetryBackoff < 0 {
			return fmt.Errorf("plugin ImagePolicyWebhook: TTLs and retryBackoff must not be negative")
		}
	}
	return nil
}

func decodeKubeconfig(data []byte) error {
	var cfg clientcmdv1.Config
	if err := yaml.UnmarshalStrict(data, &cfg); err != nil {
		return err
	}
	if cfg.APIVersion != "v1" {
		return fmt.Errorf("kubeconfig apiVersion %q, want v1", cfg.APIVersion)
	}
	clusters, users := map[string]bool{}, map[string]bool{}
	for _, c := range cfg.Clusters {
		if c.Cluster.Server == "" {
			return fmt.Errorf("cluster %q has no server", c.Name)
		}
		clusters[c.Name] = true
	}
	for _, u := range cfg.AuthInfos {
		users[u.Name] = true
	}
	found := false
	for _, c := range cfg.Contexts {
		if !clusters[c.Context.Cluster] || !users[c.Context.AuthInfo] {
			return fmt.Errorf("context %q refers to a missing cluster or user", c.Name)
		}
		found = found || c.Name == cfg.CurrentContext
	}
	if !found {
		return fmt.Errorf("current-context %q does not exist", cfg.CurrentContext)
	}
	return nil
}

func check(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var tm typeMeta
	if err := yaml.Unmarshal(data, &tm); err != nil {
		return err
	}
	decode, ok := decoders[tm.Kind]
	if !ok {
		return fmt.Errorf("no decoder for kind %q (apiVersion %q)", tm.Kind, tm.APIVersion)
	}
	return decode(data)
}

func main() {
	failed := false
	for _, path := range os.Args[1:] {
		if err := check(path); err != nil {
			fmt.Printf("FAIL %s: %v\n", path, err)
			failed = true
		} else {
			fmt.Printf("ok   %s\n", path)
		}
	}
	if failed {
		os.Exit(1)
	}
}
