package engine

import (
	"encoding/json"
	"strings"
	"testing"
)

func call(t *testing.T, method string, payload any, out any) {
	t.Helper()
	b, _ := json.Marshal(payload)
	res := Call(method, b)
	var e struct {
		Error string `json:"error"`
	}
	_ = json.Unmarshal(res, &e)
	if e.Error != "" {
		t.Fatalf("%s: %s", method, e.Error)
	}
	if err := json.Unmarshal(res, out); err != nil {
		t.Fatalf("%s: %v: %s", method, err, res)
	}
}

const vap = `{"apiVersion":"admissionregistration.k8s.io/v1","kind":"ValidatingAdmissionPolicy","metadata":{"name":"replicas"},
"spec":{"matchConstraints":{"resourceRules":[{"apiGroups":["apps"],"apiVersions":["v1"],"operations":["CREATE","UPDATE"],"resources":["deployments"]}]},
"variables":[{"name":"r","expression":"object.spec.replicas"}],
"validations":[{"expression":"variables.r <= 5","messageExpression":"'too many: ' + string(variables.r)"},{"expression":"object.spec.template.spec.containers.all(c, c.imagePullPolicy == 'Always')","message":"pull always"}]}}`

const binding = `{"apiVersion":"admissionregistration.k8s.io/v1","kind":"ValidatingAdmissionPolicyBinding","metadata":{"name":"replicas-b"},"spec":{"policyName":"replicas","validationActions":["Deny"]}}`

func deployment(replicas int, image string) json.RawMessage {
	return json.RawMessage(`{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"team-a"},"spec":{"replicas":` + itoa(replicas) + `,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"` + image + `"}]}}}}`)
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

var deployRes = ResourceInfo{Group: "apps", Version: "v1", Resource: "deployments", Kind: "Deployment", Namespaced: true}

func TestVAPDeployment(t *testing.T) {
	var cr CompileResult
	call(t, "compile", map[string]any{"minor": "1.37", "policy": json.RawMessage(vap), "bindings": []json.RawMessage{json.RawMessage(binding)},
		"namespaces": []json.RawMessage{json.RawMessage(`{"metadata":{"name":"team-a","labels":{"kubernetes.io/metadata.name":"team-a"}}}`)}}, &cr)
	if len(cr.Diagnostics) != 0 {
		t.Fatalf("diagnostics: %+v", cr.Diagnostics)
	}
	var er EvaluateResult
	call(t, "evaluate", map[string]any{"handle": cr.Handle, "cases": []Case{
		{ID: "ok", Operation: "CREATE", Object: deployment(3, "nginx:latest"), Resource: deployRes},
		{ID: "many", Operation: "CREATE", Object: deployment(7, "nginx:latest"), Resource: deployRes},
		{ID: "pull", Operation: "CREATE", Object: deployment(1, "nginx:1.27"), Resource: deployRes},
	}}, &er)
	got := map[string]*CaseResult{}
	for i := range er.Results {
		got[er.Results[i].ID] = &er.Results[i]
	}
	if r := got["ok"]; !r.Verdict.Allowed {
		b, _ := json.MarshalIndent(r, "", " ")
		t.Fatalf("ok denied: %s", b)
	}
	if r := got["many"]; r.Verdict.Allowed || !strings.Contains(r.Verdict.Status.Message, "too many: 7") {
		b, _ := json.MarshalIndent(r, "", " ")
		t.Fatalf("many: %s", b)
	}
	// imagePullPolicy defaults to IfNotPresent for a tagged image: defaulting must have run.
	if r := got["pull"]; r.Verdict.Allowed || !strings.Contains(r.Verdict.Status.Message, "pull always") {
		b, _ := json.MarshalIndent(r, "", " ")
		t.Fatalf("pull: %s", b)
	}
	b, _ := json.MarshalIndent(got["many"], "", " ")
	t.Logf("%s", b)
}

func TestMinorBoundaries(t *testing.T) {
	cases := []struct {
		expr  string
		first string // first minor that accepts it at write time
	}{
		{"isIP('1.2.3.4')", "1.31"},
		{"format.dns1123Label().validate('x') == optional.none()", "1.32"},
		{"[1,2].all(i, v, v > 0)", "1.33"},
		{"isSemver('1.0.0')", "1.34"},
		{"[3,1].sort() == [1,3]", "1.35"},
		{"[1,2].includes(1)", "1.38"},
	}
	minors := supportedMinors
	for _, c := range cases {
		for _, m := range minors {
			policy := strings.Replace(vap, `variables.r <= 5`, strings.ReplaceAll(c.expr, `'`, `'`), 1)
			var cr CompileResult
			call(t, "compile", map[string]any{"minor": m, "policy": json.RawMessage(policy)}, &cr)
			accepted := true
			for _, d := range cr.Diagnostics {
				if d.Phase == "write" && strings.Contains(d.Path, "validations[0].expression") {
					accepted = false
				}
			}
			want := m >= c.first && len(m) == len(c.first)
			if accepted != want {
				t.Errorf("%s on %s: accepted=%v want %v (%+v)", c.expr, m, accepted, want, cr.Diagnostics)
			}
		}
	}
}
