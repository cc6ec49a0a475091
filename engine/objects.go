package engine

import (
	"encoding/json"
	"fmt"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	"k8s.io/apiserver/pkg/admission"
	"k8s.io/kubernetes/pkg/api/legacyscheme"

	// Every built-in API group: types, defaulting and conversions exactly as kube-apiserver
	// registers them, so objects reach CEL decoded, defaulted and converted like on the server.
	_ "k8s.io/kubernetes/pkg/apis/admissionregistration/install"
	_ "k8s.io/kubernetes/pkg/apis/apiserverinternal/install"
	_ "k8s.io/kubernetes/pkg/apis/apps/install"
	_ "k8s.io/kubernetes/pkg/apis/autoscaling/install"
	_ "k8s.io/kubernetes/pkg/apis/batch/install"
	_ "k8s.io/kubernetes/pkg/apis/certificates/install"
	_ "k8s.io/kubernetes/pkg/apis/coordination/install"
	_ "k8s.io/kubernetes/pkg/apis/core/install"
	_ "k8s.io/kubernetes/pkg/apis/discovery/install"
	_ "k8s.io/kubernetes/pkg/apis/events/install"
	_ "k8s.io/kubernetes/pkg/apis/flowcontrol/install"
	_ "k8s.io/kubernetes/pkg/apis/networking/install"
	_ "k8s.io/kubernetes/pkg/apis/node/install"
	_ "k8s.io/kubernetes/pkg/apis/policy/install"
	_ "k8s.io/kubernetes/pkg/apis/rbac/install"
	_ "k8s.io/kubernetes/pkg/apis/resource/install"
	_ "k8s.io/kubernetes/pkg/apis/scheduling/install"
	_ "k8s.io/kubernetes/pkg/apis/storage/install"
	_ "k8s.io/kubernetes/pkg/apis/storagemigration/install"
)

var (
	scheme = legacyscheme.Scheme
	codecs = legacyscheme.Codecs
	// Decodes any served version into the internal version, applying the version's defaults on
	// the way (the apiserver's request decoder does the same before admission).
	// Strict so unknown fields are reported; the object is still decoded (errors become warnings).
	strictDecoder = serializer.NewCodecFactory(scheme, serializer.EnableStrict).UniversalDecoder()
)

// ResourceInfo names the REST resource of an object (resolved by the caller from discovery or
// the built-in table: the engine has no RESTMapper).
type ResourceInfo struct {
	Group       string `json:"group"`
	Version     string `json:"version"`
	Resource    string `json:"resource"`
	Kind        string `json:"kind"`
	Subresource string `json:"subresource,omitempty"`
	Namespaced  bool   `json:"namespaced"`
}

func (r ResourceInfo) GVR() schema.GroupVersionResource {
	return schema.GroupVersionResource{Group: r.Group, Version: r.Version, Resource: r.Resource}
}
func (r ResourceInfo) GVK() schema.GroupVersionKind {
	return schema.GroupVersionKind{Group: r.Group, Version: r.Version, Kind: r.Kind}
}

// isBuiltin reports whether kube-apiserver serves this kind from its own (typed) registry.
func isBuiltin(gvk schema.GroupVersionKind) bool {
	return scheme.Recognizes(gvk)
}

// decodedObject is an object as the admission chain holds it: internal typed for built-in
// kinds, unstructured for custom resources.
type decodedObject struct {
	obj      runtime.Object
	gvk      schema.GroupVersionKind
	name     string
	ns       string
	warnings []string
}

// decodeAdmissionObject decodes one request body the way the apiserver's handler does:
// built-in kinds are decoded into their versioned type, defaulted and converted to the internal
// version (unknown fields are dropped and reported as warnings, like fieldValidation=Warn);
// custom resources stay unstructured (with the CRD's pruning and defaulting when a CRD is known).
func decodeAdmissionObject(raw json.RawMessage, res ResourceInfo, crd *crdInfo, keep bool) (*decodedObject, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	decode := decodeBuiltinFast
	if keep {
		decode = decodeBuiltinCached
	}
	if d := decode(raw, res); d != nil {
		return d, nil
	}
	var tm struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
	}
	if err := json.Unmarshal(raw, &tm); err != nil {
		return nil, fmt.Errorf("object is not a Kubernetes object: %v", err)
	}
	gv, err := schema.ParseGroupVersion(tm.APIVersion)
	if err != nil {
		return nil, fmt.Errorf("apiVersion: %v", err)
	}
	gvk := gv.WithKind(tm.Kind)
	if gvk.Kind == "" || gvk.Version == "" {
		return nil, fmt.Errorf("object has no apiVersion or kind")
	}
	if res.Kind != "" && (gvk.Group != res.Group || gvk.Kind != res.Kind) {
		return nil, fmt.Errorf("object is a %s but the request is for %s", gvk.GroupKind(), res.GVK().GroupKind())
	}
	d := &decodedObject{gvk: gvk}
	if isBuiltin(gvk) {
		obj, _, err := strictDecoder.Decode(raw, nil, nil)
		if err != nil {
			if obj == nil || !runtime.IsStrictDecodingError(err) {
				return nil, fmt.Errorf("cannot decode %s: %v", gvk.Kind, err)
			}
			// Unknown or duplicate fields: kube-apiserver's default fieldValidation (Warn) drops
			// them with a warning.
			d.warnings = append(d.warnings, err.Error())
		}
		d.obj = obj
		return d, d.place(res)
	}
	u := &unstructured.Unstructured{}
	if err := u.UnmarshalJSON(raw); err != nil {
		return nil, fmt.Errorf("object is not a Kubernetes object: %v", err)
	}
	if crd != nil {
		crd.pruneAndDefault(u, gvk.Version)
	}
	d.obj = u
	return d, d.place(res)
}

// place sets the namespace the request path gives the object and records its name and namespace.
func (d *decodedObject) place(res ResourceInfo) error {
	acc, err := meta.Accessor(d.obj)
	if err != nil {
		return err
	}
	// The request path fixes the namespace of namespaced objects (the handler fills it in).
	if res.Namespaced && acc.GetNamespace() == "" {
		acc.SetNamespace("default")
	}
	if !res.Namespaced && res.Kind != "" && acc.GetNamespace() != "" {
		acc.SetNamespace("")
	}
	d.name, d.ns = acc.GetName(), acc.GetNamespace()
	return nil
}

// decodeBuiltinFast is decodeAdmissionObject for the common case, a built-in kind that matches
// the request, without reading apiVersion and kind a second time: the strict decoder reads them
// itself (the same json.Unmarshal into the same two fields, or fastMetaFactory's equivalent scan)
// and returns them. It returns nil whenever the general path could answer differently (any
// decoding error other than unknown or duplicate fields, another kind, a custom resource); that
// path then runs and produces the same object or the same error as before.
func decodeBuiltinFast(raw json.RawMessage, res ResourceInfo) *decodedObject {
	if res.Kind == "" || !isBuiltin(res.GVK()) {
		return nil
	}
	obj, gvk, err := fastStrictDecoder.Decode(raw, nil, nil)
	if gvk == nil || obj == nil || gvk.Kind == "" || gvk.Version == "" || gvk.Group != res.Group || gvk.Kind != res.Kind || !isBuiltin(*gvk) {
		return nil
	}
	d := &decodedObject{gvk: *gvk, obj: obj}
	if err != nil {
		if !runtime.IsStrictDecodingError(err) {
			return nil
		}
		d.warnings = append(d.warnings, err.Error())
	}
	if d.place(res) != nil {
		return nil
	}
	return d
}

// Object interfaces: conversions and defaulting from the built-in scheme; custom resources are
// converted by setting apiVersion (conversion strategy None, the CRD default).
var builtinInterfaces = admission.NewObjectInterfacesFromScheme(scheme)

func newObjectInterfaces(equivalents runtime.EquivalentResourceMapper) admission.ObjectInterfaces {
	return &admission.RuntimeObjectInterfaces{
		ObjectCreater:            scheme,
		ObjectTyper:              scheme,
		ObjectDefaulter:          scheme,
		ObjectConvertor:          crConvertor{scheme},
		EquivalentResourceMapper: equivalents,
	}
}

type crConvertor struct{ *runtime.Scheme }

func (c crConvertor) Convert(in, out, context interface{}) error {
	if u, ok := in.(*unstructured.Unstructured); ok && !isBuiltin(u.GroupVersionKind()) {
		if o, ok := out.(*unstructured.Unstructured); ok {
			u.DeepCopyInto(o)
			return nil
		}
	}
	return c.Scheme.Convert(in, out, context)
}

func (c crConvertor) ConvertToVersion(in runtime.Object, gv runtime.GroupVersioner) (runtime.Object, error) {
	if u, ok := in.(*unstructured.Unstructured); ok && !isBuiltin(u.GroupVersionKind()) {
		gvk, ok := gv.KindForGroupVersionKinds([]schema.GroupVersionKind{u.GroupVersionKind()})
		if !ok {
			return nil, fmt.Errorf("cannot convert %s to %v", u.GroupVersionKind(), gv)
		}
		out := u.DeepCopy()
		out.SetGroupVersionKind(gvk)
		return out, nil
	}
	return c.Scheme.ConvertToVersion(in, gv)
}

func (c crConvertor) ConvertFieldLabel(gvk schema.GroupVersionKind, label, value string) (string, string, error) {
	return c.Scheme.ConvertFieldLabel(gvk, label, value)
}

// toVersionedJSON converts an admission-chain object to the given version and returns its JSON
// (what a user would read back with kubectl -o json).
func toVersionedMap(obj runtime.Object, gvk schema.GroupVersionKind) (map[string]any, error) {
	if obj == nil {
		return nil, nil
	}
	if u, ok := obj.(*unstructured.Unstructured); ok {
		return u.DeepCopy().Object, nil
	}
	versioned, err := admission.ConvertToGVK(obj, gvk, builtinInterfaces)
	if err != nil {
		return nil, err
	}
	m, err := runtime.DefaultUnstructuredConverter.ToUnstructured(versioned)
	if err != nil {
		return nil, err
	}
	m["apiVersion"] = gvk.GroupVersion().String()
	m["kind"] = gvk.Kind
	return m, nil
}

// decodeNamespace reads a Namespace object (any form) into the typed v1 Namespace that the
// namespace lister would hold.
func decodeNamespace(raw json.RawMessage) (*corev1.Namespace, error) {
	ns := &corev1.Namespace{}
	if err := json.Unmarshal(raw, ns); err != nil {
		return nil, fmt.Errorf("namespace object: %v", err)
	}
	if ns.Name == "" {
		return nil, fmt.Errorf("namespace object has no metadata.name")
	}
	return ns, nil
}

func objectLabels(obj runtime.Object) map[string]string {
	if obj == nil {
		return nil
	}
	a, err := meta.Accessor(obj)
	if err != nil {
		return nil
	}
	return a.GetLabels()
}

// operationOptions builds the typed options object the handler passes to admission
// (CreateOptions / UpdateOptions / DeleteOptions with TypeMeta set).
func operationOptions(op admission.Operation, raw json.RawMessage, dryRun bool) (runtime.Object, error) {
	var obj runtime.Object
	switch op {
	case admission.Create:
		o := &metav1.CreateOptions{}
		if len(raw) > 0 {
			if err := json.Unmarshal(raw, o); err != nil {
				return nil, err
			}
		}
		if dryRun && len(o.DryRun) == 0 {
			o.DryRun = []string{metav1.DryRunAll}
		}
		o.TypeMeta.SetGroupVersionKind(metav1.SchemeGroupVersion.WithKind("CreateOptions"))
		obj = o
	case admission.Update:
		o := &metav1.UpdateOptions{}
		if len(raw) > 0 {
			if err := json.Unmarshal(raw, o); err != nil {
				return nil, err
			}
		}
		if dryRun && len(o.DryRun) == 0 {
			o.DryRun = []string{metav1.DryRunAll}
		}
		o.TypeMeta.SetGroupVersionKind(metav1.SchemeGroupVersion.WithKind("UpdateOptions"))
		obj = o
	case admission.Delete:
		o := &metav1.DeleteOptions{}
		if len(raw) > 0 {
			if err := json.Unmarshal(raw, o); err != nil {
				return nil, err
			}
		}
		if dryRun && len(o.DryRun) == 0 {
			o.DryRun = []string{metav1.DryRunAll}
		}
		o.TypeMeta.SetGroupVersionKind(metav1.SchemeGroupVersion.WithKind("DeleteOptions"))
		obj = o
	}
	return obj, nil
}
