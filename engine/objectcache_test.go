package engine

import (
	"bytes"
	"encoding/json"
	"regexp"
	"testing"
)

// A cached object must answer exactly as a freshly decoded one, also when admission changes the
// object it is given: the Priority plugin's defaults (built-in admission) and a mutating
// policy's patch are applied to the request's copy, never to the cache's; a validating policy's
// requests share admitted objects (admittedObjectsCached), which nothing may change.
func TestKeepDecodedAnswersAsDecodingAnew(t *testing.T) {
	pod := json.RawMessage(`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"team-a","labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"nginx:1.27","bogus":1}]}}`)
	oldPod := json.RawMessage(`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"team-a"},"spec":{"priority":7,"containers":[{"name":"c","image":"nginx:1.26"}]}}`)
	podRes := ResourceInfo{Version: "v1", Resource: "pods", Kind: "Pod", Namespaced: true}
	cases := []Case{
		{ID: "create", Operation: "CREATE", Object: pod, Resource: podRes},
		{ID: "update", Operation: "UPDATE", Object: pod, OldObject: oldPod, Resource: podRes},
		{ID: "delete", Operation: "DELETE", OldObject: oldPod, Resource: podRes},
		{ID: "deployment", Operation: "CREATE", Object: deployment(7, "nginx:latest"), Resource: deployRes},
	}
	policies := map[string]string{
		"validating": `{"apiVersion":"admissionregistration.k8s.io/v1","kind":"ValidatingAdmissionPolicy","metadata":{"name":"p"},"spec":{
			"matchConstraints":{"resourceRules":[{"apiGroups":["","apps"],"apiVersions":["v1"],"operations":["*"],"resources":["pods","deployments"]}]},
			"validations":[{"expression":"request.operation == 'DELETE' || !has(object.spec.priority) || object.spec.priority == 0","messageExpression":"'priority ' + string(object.spec.priority)"},
			{"expression":"request.operation != 'UPDATE' || object.spec.containers[0].image != oldObject.spec.containers[0].image"}]}}`,
		"mutating": `{"apiVersion":"admissionregistration.k8s.io/v1","kind":"MutatingAdmissionPolicy","metadata":{"name":"m"},"spec":{
			"matchConstraints":{"resourceRules":[{"apiGroups":["","apps"],"apiVersions":["v1"],"operations":["CREATE","UPDATE"],"resources":["pods","deployments"]}]},
			"reinvocationPolicy":"Never",
			"mutations":[{"patchType":"ApplyConfiguration","applyConfiguration":{"expression":"Object{metadata: Object.metadata{labels: {'mutated': 'yes'}}}"}},
			{"patchType":"JSONPatch","jsonPatch":{"expression":"[JSONPatch{op: 'add', path: '/metadata/annotations', value: {'n': string(size(object.metadata.labels))}}]"}}]}}`,
	}
	bindings := map[string]string{
		"validating": `{"apiVersion":"admissionregistration.k8s.io/v1","kind":"ValidatingAdmissionPolicyBinding","metadata":{"name":"b"},"spec":{"policyName":"p","validationActions":["Deny"]}}`,
		"mutating":   `{"apiVersion":"admissionregistration.k8s.io/v1","kind":"MutatingAdmissionPolicyBinding","metadata":{"name":"b"},"spec":{"policyName":"m"}}`,
	}
	volatile := regexp.MustCompile(`"elapsedUs":\d+`)
	evaluators := map[string]func(keep bool) []byte{}
	for kind, policy := range policies {
		var cr CompileResult
		call(t, "compile", map[string]any{"minor": "1.37", "policy": json.RawMessage(policy), "bindings": []json.RawMessage{json.RawMessage(bindings[kind])},
			"namespaces": []json.RawMessage{json.RawMessage(`{"metadata":{"name":"team-a","labels":{"kubernetes.io/metadata.name":"team-a"}}}`)}}, &cr)
		if len(cr.Diagnostics) != 0 {
			t.Fatalf("%s: diagnostics: %+v", kind, cr.Diagnostics)
		}
		evaluators[kind] = func(keep bool) []byte {
			payload, _ := json.Marshal(EvaluateRequest{Handle: cr.Handle, Cases: cases, KeepDecoded: keep})
			return volatile.ReplaceAll(Call("evaluate", payload), []byte(`"elapsedUs":0`))
		}
	}
	anew := map[string][]byte{}
	for kind, evaluate := range evaluators {
		anew[kind] = evaluate(false)
		if !bytes.Contains(anew[kind], []byte(`"results"`)) || bytes.Contains(anew[kind], []byte(`"inputError"`)) {
			t.Fatalf("%s: %s", kind, anew[kind])
		}
	}
	// Each kind alone from an empty cache, then both interleaved on the same cached objects: the
	// mutating policy changes its copies, the validating one shares the admitted objects.
	rounds := [][]string{
		{"validating", "validating", "validating"},
		{"mutating", "mutating", "mutating"},
		{"validating", "mutating", "validating", "mutating", "validating"},
	}
	for _, order := range rounds {
		forgetDecodedObjects()
		for i, kind := range order {
			if got := evaluators[kind](true); !bytes.Equal(got, anew[kind]) {
				t.Fatalf("%v, call %d (%s) differs:\nanew: %s\nkept: %s", order, i, kind, anew[kind], got)
			}
		}
		if len(decodedObjects) != 3 {
			t.Errorf("%v: %d objects decoded and kept, want 3 (two Pods, one Deployment)", order, len(decodedObjects))
		}
		// Only the validating policy's requests are kept admitted: CREATE, UPDATE and DELETE of the Pod, the Deployment.
		want := 4
		if order[0] == "mutating" {
			want = 0
		}
		if len(admittedCache) != want {
			t.Errorf("%v: %d requests kept admitted, want %d", order, len(admittedCache), want)
		}
	}
}
