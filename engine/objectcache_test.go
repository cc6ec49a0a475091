package engine

import (
	"bytes"
	"encoding/json"
	"regexp"
	"testing"
)

// A cached object must answer exactly as a freshly decoded one, also when admission changes the
// object it is given: the Priority plugin's defaults (built-in admission) and a mutating
// policy's patch are applied to the request's copy, never to the cache's.
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
	for kind, policy := range policies {
		var cr CompileResult
		call(t, "compile", map[string]any{"minor": "1.37", "policy": json.RawMessage(policy), "bindings": []json.RawMessage{json.RawMessage(bindings[kind])},
			"namespaces": []json.RawMessage{json.RawMessage(`{"metadata":{"name":"team-a","labels":{"kubernetes.io/metadata.name":"team-a"}}}`)}}, &cr)
		if len(cr.Diagnostics) != 0 {
			t.Fatalf("%s: diagnostics: %+v", kind, cr.Diagnostics)
		}
		evaluateAll := func(keep bool) []byte {
			payload, _ := json.Marshal(EvaluateRequest{Handle: cr.Handle, Cases: cases, KeepDecoded: keep})
			return volatile.ReplaceAll(Call("evaluate", payload), []byte(`"elapsedUs":0`))
		}
		forgetDecodedObjects()
		anew := evaluateAll(false)
		if !bytes.Contains(anew, []byte(`"results"`)) || bytes.Contains(anew, []byte(`"inputError"`)) {
			t.Fatalf("%s: %s", kind, anew)
		}
		for round, what := range []string{"fills the cache", "from the cache", "from the cache again"} {
			if got := evaluateAll(true); !bytes.Equal(got, anew) {
				t.Fatalf("%s, round %d (%s) differs:\nanew: %s\nkept: %s", kind, round, what, anew, got)
			}
		}
		if len(decodedObjects) != 3 {
			t.Errorf("%s: %d objects cached, want 3 (two Pods, one Deployment)", kind, len(decodedObjects))
		}
	}
}
