package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func benchCases(n int) []Case {
	res := ResourceInfo{Version: "v1", Resource: "pods", Kind: "Pod", Namespaced: true}
	cases := make([]Case, n)
	for i := range cases {
		cases[i] = Case{ID: fmt.Sprint(i), Operation: "CREATE", Resource: res, Object: json.RawMessage(fmt.Sprintf(`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-%d","namespace":"default","labels":{"team":"a","app":"web"}},"spec":{"containers":[{"name":"app","image":"registry.example.com/web:1.2","resources":{"limits":{"memory":"512Mi","cpu":"1"}},"securityContext":{"privileged":false}},{"name":"side","image":"registry.example.com/side:latest","resources":{"limits":{"memory":"64Mi"}}}],"volumes":[{"name":"x","emptyDir":{}}]}}`, i))}
	}
	return cases
}

var benchRules = []string{
	"object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))",
	"has(object.metadata.labels) && 'team' in object.metadata.labels",
	"object.spec.containers.all(c, has(c.resources) && has(c.resources.limits))",
	"!has(object.spec.hostNetwork) || !object.spec.hostNetwork",
	"object.metadata.name.matches('^[a-z0-9-]+$')",
	"object.spec.containers.size() <= 5",
	"object.spec.containers.all(c, !c.image.endsWith(':latest'))",
	"!has(object.spec.volumes) || object.spec.volumes.all(v, !has(v.hostPath))",
	"object.spec.containers.all(c, !has(c.securityContext) || !has(c.securityContext.privileged) || !c.securityContext.privileged)",
	"object.spec.containers.all(c, !has(c.resources.limits.memory) || quantity(c.resources.limits.memory).isLessThan(quantity('2Gi')))",
}

func BenchmarkEvaluate1000(b *testing.B) {
	vals := []map[string]string{}
	for _, r := range benchRules {
		vals = append(vals, map[string]string{"expression": r})
	}
	policy, _ := json.Marshal(map[string]any{"apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingAdmissionPolicy", "metadata": map[string]any{"name": "p"},
		"spec": map[string]any{"matchConstraints": map[string]any{"resourceRules": []any{map[string]any{"apiGroups": []string{""}, "apiVersions": []string{"v1"}, "operations": []string{"CREATE"}, "resources": []string{"pods"}}}}, "validations": vals}})
	cr, err := compile(&CompileRequest{Minor: "1.37", Policy: policy, Bindings: []json.RawMessage{json.RawMessage(`{"apiVersion":"admissionregistration.k8s.io/v1","kind":"ValidatingAdmissionPolicyBinding","metadata":{"name":"b"},"spec":{"policyName":"p","validationActions":["Deny"]}}`)},
		Namespaces: []json.RawMessage{json.RawMessage(`{"metadata":{"name":"default"}}`)}})
	if err != nil {
		b.Fatal(err)
	}
	payload, _ := json.Marshal(EvaluateRequest{Handle: cr.Handle, Cases: benchCases(1000), Summary: true})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Call("evaluate", payload)
	}
}

func BenchmarkCompile(b *testing.B) {
	policy := json.RawMessage(`{"apiVersion":"admissionregistration.k8s.io/v1","kind":"ValidatingAdmissionPolicy","metadata":{"name":"p"},"spec":{"matchConstraints":{"resourceRules":[{"apiGroups":[""],"apiVersions":["v1"],"operations":["CREATE"],"resources":["configmaps"]}]},"variables":[{"name":"a","expression":"object.data"}],"validations":[{"expression":"variables.a.size() < 3","messageExpression":"'x'"}]}}`)
	if _, err := compile(&CompileRequest{Minor: "1.37", Policy: policy}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cr, _ := compile(&CompileRequest{Minor: "1.37", Policy: policy})
		releaseHandle(cr.Handle)
	}
}

// labBenchCases are the requests `npm run bench:policy-lab` sends for its 1,000 pasted Pods
// (scripts/policy-lab/bench-input.mjs podsYaml, lib/policy-lab/cases.ts buildCases): 1 in 7
// violating, in 20 namespaces.
func labBenchCases(n int) []Case {
	res := ResourceInfo{Version: "v1", Resource: "pods", Kind: "Pod", Namespaced: true}
	user := &UserInfo{Username: "jane@example.com", Groups: []string{"developers", "system:authenticated"}}
	cases := make([]Case, n)
	for i := range cases {
		labels, image := `{"team":"a","app":"web"}`, "registry.example.com/web:1.2"
		if i%7 == 0 {
			labels, image = `{"app":"web"}`, "docker.io/nginx:latest"
		}
		cases[i] = Case{ID: fmt.Sprint(i), Operation: "CREATE", Resource: res, UserInfo: user, Object: json.RawMessage(fmt.Sprintf(
			`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-%d","namespace":"ns-%d","labels":%s},"spec":{"containers":[{"name":"app","image":%q,"resources":{"limits":{"memory":"512Mi","cpu":"1"}},"securityContext":{"privileged":false}},{"name":"side","image":"registry.example.com/side:2","resources":{"limits":{"memory":"64Mi"}}}]}}`,
			i, i%20, labels, image))}
	}
	return cases
}

// BenchmarkLab1000 is the browser benchmark's engine work: the compile request the page builds
// (testdata/lab-bench-bundle.json, written by `BENCH_WRITE_BUNDLE=engine/testdata/lab-bench-bundle.json
// node --import tsx scripts/policy-lab/bench-engine.mjs`) and 1,000 cases in chunks of 100 with
// full detail, each object decoded anew.
func BenchmarkLab1000(b *testing.B) { benchmarkLab1000(b, false) }

// BenchmarkLab1000Kept is BenchmarkLab1000 as the lab sends it (keepDecoded): after the first
// round every object comes from the cache of decoded objects, as after a policy edit.
func BenchmarkLab1000Kept(b *testing.B) { benchmarkLab1000(b, true) }

func benchmarkLab1000(b *testing.B, keep bool) {
	bundle, err := os.ReadFile("testdata/lab-bench-bundle.json")
	if err != nil {
		b.Fatal(err)
	}
	var req CompileRequest
	if err := json.Unmarshal(bundle, &req); err != nil {
		b.Fatal(err)
	}
	cr, err := compile(&req)
	if err != nil {
		b.Fatal(err)
	}
	cases := labBenchCases(1000)
	var payloads [][]byte
	for i := 0; i < len(cases); i += 100 {
		p, _ := json.Marshal(EvaluateRequest{Handle: cr.Handle, Cases: cases[i : i+100], KeepDecoded: keep})
		payloads = append(payloads, p)
	}
	out := Call("evaluate", payloads[0])
	if !bytes.Contains(out, []byte(`"allowed":false`)) || bytes.Contains(out, []byte(`"error"`)) {
		b.Fatalf("unexpected result: %.500s", out)
	}
	for _, p := range payloads {
		Call("evaluate", p)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range payloads {
			Call("evaluate", p)
		}
	}
}

// BenchmarkLabCompile is the compile request of BenchmarkLab1000 (10 rules, 20 namespaces, the
// equivalents table), once per new minor or policy edit in the page.
func BenchmarkLabCompile(b *testing.B) {
	bundle, err := os.ReadFile("testdata/lab-bench-bundle.json")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := compile(mustCompileRequest(b, bundle)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := Call("compile", bundle)
		var cr CompileResult
		if err := json.Unmarshal(out, &cr); err != nil || cr.Handle == 0 {
			b.Fatalf("compile: %s", out)
		}
		releaseHandle(cr.Handle)
	}
}

func mustCompileRequest(b *testing.B, raw []byte) *CompileRequest {
	var req CompileRequest
	if err := json.Unmarshal(raw, &req); err != nil {
		b.Fatal(err)
	}
	return &req
}
