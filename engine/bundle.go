package engine

import (
	"encoding/json"
	"fmt"

	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apiserver/pkg/admission"
	"k8s.io/apiserver/pkg/authorization/authorizer"
)

// CompileRequest is everything that stays fixed while many objects are evaluated.
type CompileRequest struct {
	Minor    string            `json:"minor"`
	Policy   json.RawMessage   `json:"policy"`
	Bindings []json.RawMessage `json:"bindings,omitempty"`
	// Params are the objects a binding's paramRef may select (typed built-ins or custom resources).
	Params []json.RawMessage `json:"params,omitempty"`
	// ParamResource is the REST resource of the policy's paramKind; nil when the kind is unknown
	// (the apiserver then reports a configuration error).
	ParamResource *ResourceInfo     `json:"paramResource,omitempty"`
	Namespaces    []json.RawMessage `json:"namespaces,omitempty"`
	Authorizer    *AuthorizerConfig `json:"authorizer,omitempty"`
	// CRDs give custom resources their schema (pruning, defaulting, ApplyConfiguration merges).
	CRDs []json.RawMessage `json:"crds,omitempty"`
	// Equivalents lists groups of resources served from the same storage (for matchPolicy Equivalent).
	Equivalents [][]ResourceInfo `json:"equivalents,omitempty"`
}

// CompileResult tells what the apiserver of the chosen minor would say about the policy when it is
// written, plus what the lab compiled for evaluation.
type CompileResult struct {
	Handle      int              `json:"handle"`
	Kind        string           `json:"kind"`
	Name        string           `json:"name"`
	Minor       string           `json:"minor"`
	Diagnostics []Diagnostic     `json:"diagnostics"`
	Expressions []ExpressionInfo `json:"expressions"`
	Bindings    []BindingInfo    `json:"bindings"`
}

type Diagnostic struct {
	Path     string `json:"path"`
	Severity string `json:"severity"` // error | warning
	Message  string `json:"message"`
	// Position of the first reported error inside the expression (1-based), when CEL gives one.
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
	// "write": the apiserver would reject the object; "runtime": it would be accepted but fail
	// when evaluated; "lab": a note from the lab (not an apiserver message).
	Phase string `json:"phase"`
}

type ExpressionInfo struct {
	Path       string `json:"path"`
	Expression string `json:"expression"`
	// Estimated cost range (CEL cost units) from cel-go's estimator with Kubernetes' cost model.
	EstimatedMin *uint64 `json:"estimatedMin,omitempty"`
	EstimatedMax *uint64 `json:"estimatedMax,omitempty"`
	// Limit that applies to one evaluation of this expression at runtime.
	Limit      int64  `json:"limit"`
	OutputType string `json:"outputType,omitempty"`
	// CompileError at runtime (StoredExpressions of the minor); empty when it compiles.
	RuntimeError string `json:"runtimeError,omitempty"`
}

type BindingInfo struct {
	Name        string       `json:"name"`
	PolicyName  string       `json:"policyName"`
	Applies     bool         `json:"applies"`
	Diagnostics []Diagnostic `json:"diagnostics,omitempty"`
}

type compiledBundle struct {
	envs       *minorEnvs
	kind       string
	vap        *compiledVAP
	mp         *compiledMAP
	crd        *compiledCRD
	namespaces namespaceMap
	authz      authorizer.UnconditionalAuthorizer
	iface      admission.ObjectInterfaces
	crds       map[schema.GroupKind]*crdInfo
	params     *paramStore
	// Match details that depend only on the bundle's rules.
	ruleDescriptions ruleDescriptions
}

type paramStore struct {
	gvk        schema.GroupVersionKind
	namespaced bool
	known      bool
	objects    []runtime.Object
}

func peekKind(raw json.RawMessage) (schema.GroupVersionKind, error) {
	var tm struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
	}
	if err := json.Unmarshal(raw, &tm); err != nil {
		return schema.GroupVersionKind{}, err
	}
	gv, err := schema.ParseGroupVersion(tm.APIVersion)
	if err != nil {
		return schema.GroupVersionKind{}, err
	}
	return gv.WithKind(tm.Kind), nil
}

// decodeV1 decodes any served version of an admissionregistration object into its v1 form,
// defaulted (failurePolicy Fail, matchPolicy Equivalent, empty selectors, scope *…) as stored.
func decodeV1(raw json.RawMessage, into runtime.Object) error {
	decoder := codecs.UniversalDecoder(admissionregistrationv1.SchemeGroupVersion)
	obj, _, err := decoder.Decode(raw, nil, into)
	if err != nil {
		return err
	}
	if obj != into {
		return scheme.Convert(obj, into, nil)
	}
	return nil
}

func compile(req *CompileRequest) (*CompileResult, error) {
	envs, err := envsFor(req.Minor)
	if err != nil {
		return nil, err
	}
	gvk, err := peekKind(req.Policy)
	if err != nil {
		return nil, fmt.Errorf("policy: %v", err)
	}
	b := &compiledBundle{envs: envs, namespaces: namespaceMap{}, crds: map[schema.GroupKind]*crdInfo{}}
	for i, raw := range req.Namespaces {
		ns, err := decodeNamespace(raw)
		if err != nil {
			return nil, fmt.Errorf("namespaces[%d]: %v", i, err)
		}
		b.namespaces[ns.Name] = ns
	}
	for i, raw := range req.CRDs {
		c, err := parseCRD(raw)
		if err != nil {
			return nil, fmt.Errorf("crds[%d]: %v", i, err)
		}
		b.crds[c.groupKind] = c
	}
	authzCfg := AuthorizerConfig{}
	if req.Authorizer != nil {
		authzCfg = *req.Authorizer
	}
	b.authz = &labAuthorizer{cfg: authzCfg}
	b.iface = newObjectInterfaces(newEquivalents(req.Equivalents))

	res := &CompileResult{Minor: envs.minor.String(), Diagnostics: []Diagnostic{}, Expressions: []ExpressionInfo{}, Bindings: []BindingInfo{}}
	switch {
	case gvk.Group == "admissionregistration.k8s.io" && gvk.Kind == "ValidatingAdmissionPolicy":
		b.kind = gvk.Kind
		if err := compileVAP(b, req, res); err != nil {
			return nil, err
		}
	case gvk.Group == "admissionregistration.k8s.io" && gvk.Kind == "MutatingAdmissionPolicy":
		b.kind = gvk.Kind
		if err := compileMAP(b, req, res); err != nil {
			return nil, err
		}
	case gvk.Group == "apiextensions.k8s.io" && gvk.Kind == "CustomResourceDefinition":
		b.kind = gvk.Kind
		if err := compileCRDRules(b, req, res); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("policy: expected a ValidatingAdmissionPolicy, MutatingAdmissionPolicy or CustomResourceDefinition, got %s", gvk.Kind)
	}
	res.Kind = b.kind
	res.Handle = storeHandle(b)
	return res, nil
}

// loadParams decodes param objects the way the param informer holds them: built-in kinds as typed
// objects (defaulted, no TypeMeta), custom resources as unstructured.
func loadParams(req *CompileRequest, paramKind *schema.GroupVersionKind) (*paramStore, error) {
	if paramKind == nil {
		return nil, nil
	}
	ps := &paramStore{gvk: *paramKind}
	if req.ParamResource != nil {
		ps.known = true
		ps.namespaced = req.ParamResource.Namespaced
	}
	for i, raw := range req.Params {
		pg, err := peekKind(raw)
		if err != nil {
			return nil, fmt.Errorf("params[%d]: %v", i, err)
		}
		if pg.GroupKind() != paramKind.GroupKind() {
			continue
		}
		if isBuiltin(pg) {
			obj, err := scheme.New(pg)
			if err != nil {
				return nil, fmt.Errorf("params[%d]: %v", i, err)
			}
			if err := json.Unmarshal(raw, obj); err != nil {
				return nil, fmt.Errorf("params[%d]: %v", i, err)
			}
			scheme.Default(obj)
			// Informers strip TypeMeta from typed objects; the dispatcher adds it back from paramKind.
			obj.GetObjectKind().SetGroupVersionKind(schema.GroupVersionKind{})
			ps.objects = append(ps.objects, obj)
			continue
		}
		u := &unstructured.Unstructured{}
		if err := u.UnmarshalJSON(raw); err != nil {
			return nil, fmt.Errorf("params[%d]: %v", i, err)
		}
		if c, ok := findCRD(req, pg); ok {
			c.pruneAndDefault(u, pg.Version)
		}
		ps.objects = append(ps.objects, u)
	}
	return ps, nil
}

func findCRD(req *CompileRequest, gvk schema.GroupVersionKind) (*crdInfo, bool) {
	for _, raw := range req.CRDs {
		c, err := parseCRD(raw)
		if err == nil && c.groupKind == gvk.GroupKind() {
			return c, true
		}
	}
	return nil, false
}

// equivalents implements runtime.EquivalentResourceMapper from the caller's table, indexed once
// (matching asks for every request, matchPolicy Equivalent being the default).
type equivalents struct {
	// The first group that lists a resource, as the table is searched in order.
	byResource map[schema.GroupVersionResource]equivalentEntry
}

type equivalentEntry struct {
	kind  schema.GroupVersionKind
	group []schema.GroupVersionResource
}

func newEquivalents(groups [][]ResourceInfo) *equivalents {
	e := &equivalents{byResource: map[schema.GroupVersionResource]equivalentEntry{}}
	for _, g := range groups {
		resources := make([]schema.GroupVersionResource, 0, len(g))
		for _, r := range g {
			resources = append(resources, r.GVR())
		}
		for _, r := range g {
			if _, seen := e.byResource[r.GVR()]; !seen {
				e.byResource[r.GVR()] = equivalentEntry{kind: r.GVK(), group: resources}
			}
		}
	}
	return e
}

func (e *equivalents) EquivalentResourcesFor(resource schema.GroupVersionResource, subresource string) []schema.GroupVersionResource {
	entry, ok := e.byResource[resource]
	if !ok {
		return nil
	}
	// A copy: callers own the slice they get.
	return append([]schema.GroupVersionResource(nil), entry.group...)
}

func (e *equivalents) KindFor(resource schema.GroupVersionResource, subresource string) schema.GroupVersionKind {
	return e.byResource[resource].kind
}
