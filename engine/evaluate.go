package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apiserver/pkg/admission"
	"k8s.io/apiserver/pkg/authentication/user"
)

// Case is one admission request: an operation on one object.
type Case struct {
	ID        string          `json:"id"`
	Operation string          `json:"operation"` // CREATE | UPDATE | DELETE | CONNECT
	Object    json.RawMessage `json:"object,omitempty"`
	OldObject json.RawMessage `json:"oldObject,omitempty"`
	Resource  ResourceInfo    `json:"resource"`
	UserInfo  *UserInfo       `json:"userInfo,omitempty"`
	DryRun    bool            `json:"dryRun,omitempty"`
	Options   json.RawMessage `json:"options,omitempty"`
}

type UserInfo struct {
	Username string              `json:"username"`
	UID      string              `json:"uid,omitempty"`
	Groups   []string            `json:"groups,omitempty"`
	Extra    map[string][]string `json:"extra,omitempty"`
}

type EvaluateRequest struct {
	Handle int    `json:"handle"`
	Cases  []Case `json:"cases"`
	// Summary drops per-expression detail (for thousands of live objects).
	Summary bool `json:"summary,omitempty"`
	// KeepDecoded: the caller sends the same objects again (the lab's editor re-evaluates them
	// after each edit): built-in objects are decoded once and kept (objectcache.go).
	KeepDecoded bool `json:"keepDecoded,omitempty"`
}

type CaseResult struct {
	ID string `json:"id"`
	// InputError: the request could not be built (bad object, unknown kind …).
	InputError string          `json:"inputError,omitempty"`
	Warnings   []string        `json:"inputWarnings,omitempty"`
	Policy     *PolicyMatch    `json:"policy,omitempty"`
	Bindings   []BindingResult `json:"bindings,omitempty"`
	Verdict    *Verdict        `json:"verdict,omitempty"`
	// MutatingAdmissionPolicy: the object after all mutations (and the one it started from).
	Mutation *MutationResult `json:"mutation,omitempty"`
	// CRD rules: field errors as the apiserver reports them.
	CRD       *CRDResult `json:"crd,omitempty"`
	ElapsedUs int64      `json:"elapsedUs"`
}

type EvaluateResult struct {
	Results []CaseResult `json:"results"`
}

func evaluate(req *EvaluateRequest) (*EvaluateResult, error) {
	b, err := loadHandle(req.Handle)
	if err != nil {
		return nil, err
	}
	out := &EvaluateResult{Results: make([]CaseResult, len(req.Cases))}
	for i := range req.Cases {
		start := time.Now()
		r := &out.Results[i]
		r.ID = req.Cases[i].ID
		b.evaluateCase(&req.Cases[i], r, req.KeepDecoded)
		if req.Summary {
			summarize(r)
		}
		r.ElapsedUs = time.Since(start).Microseconds()
	}
	return out, nil
}

func summarize(r *CaseResult) {
	if r.Policy != nil {
		r.Policy.Why = nil
	}
	for i := range r.Bindings {
		r.Bindings[i].Why = nil
		for j := range r.Bindings[i].Evaluations {
			e := &r.Bindings[i].Evaluations[j]
			kept := e.Validations[:0]
			for _, v := range e.Validations {
				if v.Outcome != "pass" {
					v.Expression = ""
					kept = append(kept, v)
				}
			}
			e.Validations = kept
		}
	}
}

func (b *compiledBundle) evaluateCase(c *Case, r *CaseResult, keepDecoded bool) {
	op := admission.Operation(c.Operation)
	switch op {
	case admission.Create, admission.Update, admission.Delete, admission.Connect:
	default:
		r.InputError = fmt.Sprintf("unsupported operation %q (CREATE, UPDATE, DELETE or CONNECT)", c.Operation)
		return
	}
	if c.Resource.Resource == "" || c.Resource.Version == "" {
		r.InputError = "the request has no resource (unknown kind?)"
		return
	}
	crd := b.crds[c.Resource.GVK().GroupKind()]
	var obj, old *decodedObject
	var notes []string
	// A validating policy only reads the objects it is given: the request's objects after
	// built-in admission can be shared between requests (objectcache.go, admittedObjectsCached).
	if keepDecoded && b.vap != nil && crd == nil {
		obj, old, notes, r.InputError = admittedObjectsCached(c, op)
	} else {
		obj, old, notes, r.InputError = admittedObjects(c, op, crd, keepDecoded)
	}
	if r.InputError != "" {
		return
	}
	r.Warnings = append(r.Warnings, notes...)
	var object, oldObject runtime.Object
	ref := obj
	if obj != nil {
		object = obj.obj
		r.Warnings = append(r.Warnings, obj.warnings...)
	}
	if old != nil {
		oldObject = old.obj
		if ref == nil {
			ref = old
		}
	}
	options, err := operationOptions(op, c.Options, c.DryRun)
	if err != nil {
		r.InputError = "options: " + err.Error()
		return
	}
	var u user.Info
	if c.UserInfo != nil {
		u = &user.DefaultInfo{Name: c.UserInfo.Username, UID: c.UserInfo.UID, Groups: c.UserInfo.Groups, Extra: c.UserInfo.Extra}
	} else {
		u = &user.DefaultInfo{Name: "policy-lab", Groups: []string{user.AllAuthenticated}}
	}
	kind := ref.gvk
	if c.Resource.Kind != "" {
		kind = c.Resource.GVK()
	}
	attrs := admission.NewAttributesRecord(object, oldObject, kind, ref.ns, ref.name, c.Resource.GVR(), c.Resource.Subresource, op, options, c.DryRun, u)
	ctx := context.Background()
	switch {
	case b.vap != nil:
		b.evaluateVAP(ctx, attrs, r)
	case b.mp != nil:
		b.evaluateMAP(ctx, attrs, r)
	case b.crd != nil:
		b.evaluateCRD(ctx, attrs, r)
	}
}

// admittedObjects decodes the request's object and old object and applies the built-in admission
// plugins the lab models (builtin_admission.go): the objects as the policies see them, the
// plugins' notes, or why the request cannot be built.
func admittedObjects(c *Case, op admission.Operation, crd *crdInfo, keepDecoded bool) (obj, old *decodedObject, notes []string, inputError string) {
	obj, err := decodeAdmissionObject(c.Object, c.Resource, crd, keepDecoded)
	if err != nil {
		return nil, nil, nil, "object: " + err.Error()
	}
	old, err = decodeAdmissionObject(c.OldObject, c.Resource, crd, keepDecoded)
	if err != nil {
		return nil, nil, nil, "oldObject: " + err.Error()
	}
	switch op {
	case admission.Create:
		if obj == nil {
			return nil, nil, nil, "CREATE needs an object"
		}
		old = nil
	case admission.Update:
		if obj == nil || old == nil {
			return nil, nil, nil, "UPDATE needs an object and an old object"
		}
	case admission.Delete:
		if old == nil {
			old, obj = obj, nil
		}
		if old == nil {
			return nil, nil, nil, "DELETE needs the object being deleted"
		}
		obj = nil
	}
	return obj, old, applyBuiltinAdmission(op, c.Resource, obj, old), ""
}
