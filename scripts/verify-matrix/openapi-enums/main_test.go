package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// Both layouts of GetOpenAPIDefinitions: string keys (≤1.34) and OpenAPIModelName() calls (≥1.35).
const generated = `package openapi

import (
	common "k8s.io/kube-openapi/pkg/common"
	spec "k8s.io/kube-openapi/pkg/validation/spec"
	corev1 "k8s.io/api/core/v1"
)

func GetOpenAPIDefinitions(ref common.ReferenceCallback) map[string]common.OpenAPIDefinition {
	return map[string]common.OpenAPIDefinition{
		corev1.Container{}.OpenAPIModelName(): schema_k8sio_api_core_v1_Container(ref),
		"k8s.io/api/admissionregistration/v1.RuleWithOperations": schema_rule(ref),
	}
}

func schema_k8sio_api_core_v1_Container(ref common.ReferenceCallback) common.OpenAPIDefinition {
	return common.OpenAPIDefinition{
		Schema: spec.Schema{
			SchemaProps: spec.SchemaProps{
				Properties: map[string]spec.Schema{
					"imagePullPolicy": {SchemaProps: spec.SchemaProps{Type: []string{"string"}, Enum: []interface{}{"Always", "IfNotPresent", "Never"}}},
					"name":            {SchemaProps: spec.SchemaProps{Type: []string{"string"}}},
				},
			},
		},
	}
}

func schema_rule(ref common.ReferenceCallback) common.OpenAPIDefinition {
	return common.OpenAPIDefinition{
		Schema: spec.Schema{
			SchemaProps: spec.SchemaProps{
				Properties: map[string]spec.Schema{
					"operations": {SchemaProps: spec.SchemaProps{
						Items: &spec.SchemaOrArray{Schema: &spec.Schema{SchemaProps: spec.SchemaProps{Enum: []interface{}{"*", "CREATE"}}}},
					}},
				},
			},
		},
	}
}
`

func TestExtract(t *testing.T) {
	p := filepath.Join(t.TempDir(), "zz_generated.openapi.go")
	if err := os.WriteFile(p, []byte(generated), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := extract(p)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string][]string{
		"io.k8s.api.core.v1.Container":                           {"properties/imagePullPolicy": {"Always", "IfNotPresent", "Never"}},
		"io.k8s.api.admissionregistration.v1.RuleWithOperations": {"properties/operations/items": {"*", "CREATE"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}
