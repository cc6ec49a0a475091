package engine

import (
	"encoding/json"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

const widgetCRD = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, listKind: WidgetList, plural: widgets, singular: widget}
  scope: Namespaced
  versions:
  - name: v1alpha1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [size]
            properties:
              size: {type: integer, minimum: 1, maximum: 10, default: 1}
              color: {type: string, enum: [red, green, blue], default: blue}
              owner:
                type: string
                maxLength: 63
                x-kubernetes-validations:
                - {rule: self == oldSelf, message: owner is immutable}
            x-kubernetes-validations:
            - {rule: "self.color != 'red' || self.size <= 5", message: red widgets can be at most size 5}
`

func yamlJSON(t *testing.T, s string) json.RawMessage {
	b, err := yaml.YAMLToJSON([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCRDRules(t *testing.T) {
	var cr CompileResult
	call(t, "compile", map[string]any{"minor": "1.37", "policy": yamlJSON(t, widgetCRD)}, &cr)
	if len(cr.Diagnostics) != 0 {
		t.Fatalf("diagnostics: %+v", cr.Diagnostics)
	}
	res := ResourceInfo{Group: "example.com", Version: "v1alpha1", Resource: "widgets", Kind: "Widget", Namespaced: true}
	w := func(spec string) json.RawMessage {
		return json.RawMessage(`{"apiVersion":"example.com/v1alpha1","kind":"Widget","metadata":{"name":"w","namespace":"default"},"spec":` + spec + `}`)
	}
	var er EvaluateResult
	call(t, "evaluate", map[string]any{"handle": cr.Handle, "cases": []Case{
		{ID: "ok", Operation: "CREATE", Object: w(`{"size":3,"color":"red"}`), Resource: res},
		{ID: "big-red", Operation: "CREATE", Object: w(`{"size":8,"color":"red"}`), Resource: res},
		{ID: "defaulted", Operation: "CREATE", Object: w(`{}`), Resource: res},
		{ID: "owner-change", Operation: "UPDATE", Object: w(`{"size":1,"owner":"b"}`), OldObject: w(`{"size":1,"owner":"a"}`), Resource: res},
		{ID: "bad-enum", Operation: "CREATE", Object: w(`{"size":8,"color":"purple"}`), Resource: res},
	}}, &er)
	byID := map[string]CaseResult{}
	for _, r := range er.Results {
		byID[r.ID] = r
	}
	if !byID["ok"].Verdict.Allowed || !byID["defaulted"].Verdict.Allowed {
		b, _ := json.MarshalIndent(er, "", " ")
		t.Fatalf("ok/defaulted denied: %s", b)
	}
	if m := byID["big-red"].Verdict.Status; m == nil || !strings.Contains(m.Message, `Widget.example.com "w" is invalid: spec: Invalid value: `) || !strings.Contains(m.Message, "red widgets can be at most size 5") {
		t.Fatalf("big-red: %+v", byID["big-red"].Verdict.Status)
	}
	if m := byID["owner-change"].Verdict.Status; m == nil || !strings.Contains(m.Message, "spec.owner: Invalid value: ") || !strings.Contains(m.Message, "owner is immutable") {
		t.Fatalf("owner-change: %+v", byID["owner-change"].Verdict.Status)
	}
	if r := byID["bad-enum"]; r.CRD == nil || !r.CRD.CELSkipped || !strings.Contains(r.Verdict.Status.Message, "Unsupported value") {
		t.Fatalf("bad-enum: %+v %+v", r.CRD, r.Verdict.Status)
	}
	// A CRD rule using a 1.34 library is rejected when written on 1.34.
	bad := strings.Replace(widgetCRD, "self.color != 'red' || self.size <= 5", "[self.size].sort()[0] <= 5", 1)
	var c34 CompileResult
	call(t, "compile", map[string]any{"minor": "1.34", "policy": yamlJSON(t, bad)}, &c34)
	if len(c34.Diagnostics) == 0 || !strings.Contains(c34.Diagnostics[0].Message, "compilation failed") {
		t.Fatalf("1.34: %+v", c34.Diagnostics)
	}
	var c35 CompileResult
	call(t, "compile", map[string]any{"minor": "1.35", "policy": yamlJSON(t, bad)}, &c35)
	if len(c35.Diagnostics) != 0 {
		t.Fatalf("1.35: %+v", c35.Diagnostics)
	}
}
