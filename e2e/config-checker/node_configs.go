package main

// Decoders for the node and scheduler configuration files of the part-2 starters:
// KubeSchedulerConfiguration with kube-scheduler's v1 types (and NodeResourcesFit args, whose
// scoring strategy the starters set), CredentialProviderConfig with the kubelet's v1 types.

import (
	"fmt"
	"reflect"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	schedulerconfigv1 "k8s.io/kube-scheduler/config/v1"
	kubeletconfigv1 "k8s.io/kubelet/config/v1"
	"sigs.k8s.io/yaml"
)

func strictCodecs(add func(*runtime.Scheme) error) serializer.CodecFactory {
	s := runtime.NewScheme()
	if err := add(s); err != nil {
		panic(err)
	}
	return serializer.NewCodecFactory(s, serializer.EnableStrict)
}

var (
	schedulerCodecs = strictCodecs(schedulerconfigv1.AddToScheme)
	kubeletCodecs   = strictCodecs(kubeletconfigv1.AddToScheme)
)

func decodeSchedulerConfig(data []byte) error {
	obj, _, err := schedulerCodecs.UniversalDeserializer().Decode(data, nil, nil)
	if err != nil {
		return err
	}
	cfg, ok := obj.(*schedulerconfigv1.KubeSchedulerConfiguration)
	if !ok {
		return fmt.Errorf("decoded %T, want KubeSchedulerConfiguration", obj)
	}
	for _, p := range cfg.Profiles {
		for _, pc := range p.PluginConfig {
			// In-tree args are typed; out-of-tree plugins (the scheduler-plugin starter) decode
			// their own args and are checked by that project's unit tests.
			if pc.Name == "NodeResourcesFit" {
				var args schedulerconfigv1.NodeResourcesFitArgs
				if err := strictJSON(pc.Args.Raw, &args); err != nil {
					return fmt.Errorf("profile %s: NodeResourcesFit args: %w", derefString(p.SchedulerName), err)
				}
			}
		}
	}
	return nil
}

func derefString(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func decodeCredentialProviderConfig(data []byte) error {
	obj, _, err := kubeletCodecs.UniversalDeserializer().Decode(data, nil, nil)
	if err != nil {
		return err
	}
	cfg, ok := obj.(*kubeletconfigv1.CredentialProviderConfig)
	if !ok {
		return fmt.Errorf("decoded %T, want CredentialProviderConfig", obj)
	}
	for _, p := range cfg.Providers {
		if p.APIVersion != "credentialprovider.kubelet.k8s.io/v1" {
			return fmt.Errorf("provider %s: apiVersion %q, want credentialprovider.kubelet.k8s.io/v1", p.Name, p.APIVersion)
		}
	}
	// tokenAttributes exists from 1.33 and its required cacheType from 1.34 (KEP-4412); the strict
	// decode above already rejects either where the types lack it. This file is built against
	// every minor's k8s.io/kubelet (scripts/verify-matrix), so the fields are found by reflection.
	if !hasCacheType() {
		return nil
	}
	var tokens struct {
		Providers []struct {
			Name            string `json:"name"`
			TokenAttributes *struct {
				CacheType string `json:"cacheType"`
			} `json:"tokenAttributes"`
		} `json:"providers"`
	}
	if err := yaml.Unmarshal(data, &tokens); err != nil {
		return err
	}
	for _, p := range tokens.Providers {
		if p.TokenAttributes != nil && p.TokenAttributes.CacheType == "" {
			return fmt.Errorf("provider %s: tokenAttributes.cacheType is required", p.Name)
		}
	}
	return nil
}

// hasCacheType: does this k8s.io/kubelet's CredentialProvider.TokenAttributes have CacheType?
func hasCacheType() bool {
	f, ok := reflect.TypeOf(kubeletconfigv1.CredentialProvider{}).FieldByName("TokenAttributes")
	if !ok {
		return false
	}
	t := f.Type
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	_, ok = t.FieldByName("CacheType")
	return ok
}

func init() {
	decoders["KubeSchedulerConfiguration"] = decodeSchedulerConfig
	decoders["CredentialProviderConfig"] = decodeCredentialProviderConfig
}
