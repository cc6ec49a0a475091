package main

import (
	"strings"
	"testing"
)

func TestNodeConfigDecoders(t *testing.T) {
	good := map[string]string{
		"scheduler": `apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: packer
  pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategy:
        type: MostAllocated
        resources:
        - name: cpu
          weight: 1
`,
		"credential provider": `apiVersion: kubelet.config.k8s.io/v1
kind: CredentialProviderConfig
providers:
- name: p
  matchImages: ["registry.example.com"]
  defaultCacheDuration: 10m
  apiVersion: credentialprovider.kubelet.k8s.io/v1
`,
	}
	bad := map[string]string{
		"scheduler unknown field": "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nprofilez: []\n",
		"scheduler wrong version": "apiVersion: kubescheduler.config.k8s.io/v1beta3\nkind: KubeSchedulerConfiguration\n",
		"fit args typo": `apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: packer
  pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategi: {}
`,
		"provider typo":           "apiVersion: kubelet.config.k8s.io/v1\nkind: CredentialProviderConfig\nproviders:\n- name: p\n  matchImage: [x]\n",
		"provider api version":    "apiVersion: kubelet.config.k8s.io/v1\nkind: CredentialProviderConfig\nproviders:\n- name: p\n  matchImages: [x]\n  defaultCacheDuration: 1m\n  apiVersion: credentialprovider.kubelet.k8s.io/v1beta1\n",
		"token without cacheType": "apiVersion: kubelet.config.k8s.io/v1\nkind: CredentialProviderConfig\nproviders:\n- name: p\n  matchImages: [x]\n  defaultCacheDuration: 1m\n  apiVersion: credentialprovider.kubelet.k8s.io/v1\n  tokenAttributes:\n    serviceAccountTokenAudience: a\n    requireServiceAccount: true\n",
	}
	decode := func(s string) error {
		if strings.Contains(s, "CredentialProviderConfig") {
			return decodeCredentialProviderConfig([]byte(s))
		}
		return decodeSchedulerConfig([]byte(s))
	}
	for name, s := range good {
		if err := decode(s); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for name, s := range bad {
		if err := decode(s); err == nil {
			t.Errorf("%s: expected an error", name)
		}
	}
}
