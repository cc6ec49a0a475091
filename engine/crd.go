package engine

// CustomResourceDefinition x-kubernetes-validations: write-time validation of the CRD
// (k8s.io/apiextensions-apiserver@v0.37.2 pkg/apis/apiextensions/validation, run at the chosen minor's
// compatibility version) and validation of custom resources the way the CR strategy does it
// (registry/customresource/strategy.go Validate/ValidateUpdate: schema validation, list invariants,
// then the CEL validator unless a blocking error was found, with ratcheting on update).

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"sync"

	apiextensionsinternal "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	structuralschema "k8s.io/apiextensions-apiserver/pkg/apiserver/schema"
	schemacel "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel"
	"k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel/model"
	structuraldefaulting "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting"
	structurallisttype "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/listtype"
	schemaobjectmeta "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/objectmeta"
	structuralpruning "k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning"
	apiservervalidation "k8s.io/apiextensions-apiserver/pkg/apiserver/validation"
	k8serrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/managedfields"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/apimachinery/pkg/util/version"
	"k8s.io/apiserver/pkg/admission"
	celconfig "k8s.io/apiserver/pkg/apis/cel"
	"k8s.io/apiserver/pkg/cel/common"
	"k8s.io/apiserver/pkg/cel/environment"
	utilcompatibility "k8s.io/apiserver/pkg/util/compatibility"
	basecompatibility "k8s.io/component-base/compatibility"
	"k8s.io/kube-openapi/pkg/validation/spec"

	apiextensionsvalidation "github.com/k8s-extension-advisor/engine/internal/crdvalidation"
)

var crdScheme = runtime.NewScheme()

func init() {
	_ = apiextensionsinternal.AddToScheme(crdScheme)
	_ = apiextensionsv1.AddToScheme(crdScheme)
}

// The apiextensions code reads the compatibility version from the component registry; the lab
// registers kube's effective version once and moves it to the chosen minor while validating a CRD.
var (
	kubeVersionMu sync.Mutex
	kubeVersion   basecompatibility.MutableEffectiveVersion
)

func withEmulatedMinor(minor *version.Version, f func()) {
	kubeVersionMu.Lock()
	defer kubeVersionMu.Unlock()
	if kubeVersion == nil {
		kubeVersion = basecompatibility.NewEffectiveVersionFromString("1.37", "", "")
		kubeVersion, _ = utilcompatibility.DefaultComponentGlobalsRegistry.ComponentGlobalsOrRegister(basecompatibility.DefaultKubeComponent, kubeVersion, nil)
	}
	kubeVersion.SetEmulationVersion(minor)
	// 1.30 pinned its compatibility version to 1.29, later minors use emulation − 1: both are minor − 1.
	kubeVersion.SetMinCompatibilityVersion(version.MajorMinor(1, minor.Minor()-1))
	defer func() {
		kubeVersion.SetEmulationVersion(version.MajorMinor(1, 37))
		kubeVersion.SetMinCompatibilityVersion(version.MajorMinor(1, 36))
	}()
	f()
}

type crdInfo struct {
	groupKind  schema.GroupKind
	v1         *apiextensionsv1.CustomResourceDefinition
	internal   *apiextensionsinternal.CustomResourceDefinition
	structural map[string]*structuralschema.Structural
	mu         sync.Mutex
	converters map[string]managedfields.TypeConverter
}

func parseCRD(raw json.RawMessage) (*crdInfo, error) {
	v1crd := &apiextensionsv1.CustomResourceDefinition{}
	if err := json.Unmarshal(raw, v1crd); err != nil {
		return nil, err
	}
	crdScheme.Default(v1crd)
	apiextensionsv1.SetObjectDefaults_CustomResourceDefinition(v1crd)
	internal := &apiextensionsinternal.CustomResourceDefinition{}
	if err := crdScheme.Convert(v1crd, internal, nil); err != nil {
		return nil, err
	}
	c := &crdInfo{
		groupKind:  schema.GroupKind{Group: internal.Spec.Group, Kind: internal.Spec.Names.Kind},
		v1:         v1crd,
		internal:   internal,
		structural: map[string]*structuralschema.Structural{},
		converters: map[string]managedfields.TypeConverter{},
	}
	for _, v := range internal.Spec.Versions {
		validation := versionValidation(internal, v.Name)
		if validation == nil || validation.OpenAPIV3Schema == nil {
			continue
		}
		s, err := structuralschema.NewStructural(validation.OpenAPIV3Schema)
		if err != nil {
			continue // reported by the CRD validation
		}
		c.structural[v.Name] = s
	}
	return c, nil
}

// versionValidation is the schema of one version: the internal form hoists a schema shared by
// every version into spec.validation (apihelpers.GetSchemaForVersion does the same lookup).
func versionValidation(crd *apiextensionsinternal.CustomResourceDefinition, version string) *apiextensionsinternal.CustomResourceValidation {
	for _, v := range crd.Spec.Versions {
		if v.Name == version && v.Schema != nil {
			return v.Schema
		}
	}
	return crd.Spec.Validation
}

// pruneAndDefault applies what the CR decoder does before admission: defaulting and pruning of
// unknown fields against the version's structural schema.
func (c *crdInfo) pruneAndDefault(u *unstructured.Unstructured, version string) {
	s, ok := c.structural[version]
	if !ok {
		return
	}
	structuralpruning.PruneWithOptions(u.Object, s, true, structuralschema.UnknownFieldPathOptions{})
	structuraldefaulting.Default(u.Object, s)
}

// typeConverter builds the structured-merge-diff type for ApplyConfiguration merges from the
// version's schema (the apiserver derives it from the CRD's published OpenAPI).
func (c *crdInfo) typeConverter(version string) managedfields.TypeConverter {
	c.mu.Lock()
	defer c.mu.Unlock()
	if tc, ok := c.converters[version]; ok {
		return tc
	}
	s, ok := c.structural[version]
	if !ok {
		return nil
	}
	root := s.ToKubeOpenAPI()
	root.AddExtension("x-kubernetes-group-version-kind", []any{map[string]any{"group": c.groupKind.Group, "version": version, "kind": c.groupKind.Kind}})
	name := c.groupKind.Group + "." + version + "." + c.groupKind.Kind
	tc, err := managedfields.NewTypeConverter(map[string]*spec.Schema{name: root}, false)
	if err != nil {
		return nil
	}
	c.converters[version] = tc
	return tc
}

type compiledCRD struct {
	info       *crdInfo
	validators map[string]*schemacel.Validator
	schemaVals map[string]apiservervalidation.SchemaValidator
}

type CRDResult struct {
	Errors     []CRDFieldError `json:"errors"`
	Warnings   []string        `json:"warnings,omitempty"`
	Cost       int64           `json:"cost"`
	Budget     int64           `json:"budget"`
	CELSkipped bool            `json:"celSkipped,omitempty"`
}

type CRDFieldError struct {
	Field  string `json:"field"`
	Type   string `json:"type"`
	Detail string `json:"detail"`
	Text   string `json:"text"`
	// "cel" for x-kubernetes-validations, "schema" for OpenAPI schema validation.
	Source string `json:"source"`
}

func compileCRDRules(b *compiledBundle, req *CompileRequest, res *CompileResult) error {
	info, err := parseCRD(req.Policy)
	if err != nil {
		return fmt.Errorf("CustomResourceDefinition: %v", err)
	}
	res.Name = info.v1.Name
	b.crds[info.groupKind] = info
	withEmulatedMinor(b.envs.minor, func() {
		for _, e := range apiextensionsvalidation.ValidateCustomResourceDefinition(context.Background(), info.internal) {
			res.Diagnostics = append(res.Diagnostics, fieldDiagnostic(e, "write"))
		}
	})
	c := &compiledCRD{info: info, validators: map[string]*schemacel.Validator{}, schemaVals: map[string]apiservervalidation.SchemaValidator{}}
	versions := make([]string, 0, len(info.structural))
	for v := range info.structural {
		versions = append(versions, v)
	}
	sort.Strings(versions)
	for _, v := range versions {
		s := info.structural[v]
		c.validators[v] = schemacel.NewValidator(s, true, celconfig.PerCallLimit)
		if validation := versionValidation(info.internal, v); validation != nil {
			if sv, _, err := apiservervalidation.NewSchemaValidator(validation.OpenAPIV3Schema); err == nil {
				c.schemaVals[v] = sv
			}
		}
		collectRuleInfo(b.envs, s, field.NewPath("spec", "versions").Key(v).Child("schema", "openAPIV3Schema"), true, res)
	}
	b.crd = c
	return nil
}

// collectRuleInfo lists every rule with its estimated cost (per evaluation; the CRD validation
// multiplies it by the node's cardinality when checking the limits).
func collectRuleInfo(envs *minorEnvs, s *structuralschema.Structural, path *field.Path, isRoot bool, res *CompileResult) {
	if s == nil {
		return
	}
	if len(s.XValidations) > 0 {
		results, err := schemacel.Compile(s, model.SchemaDeclType(s, isRoot), celconfig.PerCallLimit, envs.write, schemacel.NewExpressionsEnvLoader())
		if err == nil {
			for i, r := range results {
				rule := s.XValidations[i]
				info := ExpressionInfo{Path: path.Child("x-kubernetes-validations").Index(i).Child("rule").String(), Expression: rule.Rule, Limit: celconfig.PerCallLimit}
				if r.Error != nil {
					info.RuntimeError = r.Error.Error()
				} else {
					info.EstimatedMax = ptr(r.MaxCost)
					info.EstimatedMin = ptr(uint64(0))
				}
				res.Expressions = append(res.Expressions, info)
				if rule.MessageExpression != "" {
					mi := ExpressionInfo{Path: path.Child("x-kubernetes-validations").Index(i).Child("messageExpression").String(), Expression: rule.MessageExpression, Limit: celconfig.PerCallLimit}
					if r.MessageExpressionError != nil {
						mi.RuntimeError = r.MessageExpressionError.Error()
					} else {
						mi.EstimatedMax = ptr(r.MessageExpressionMaxCost)
						mi.EstimatedMin = ptr(uint64(0))
					}
					res.Expressions = append(res.Expressions, mi)
				}
			}
		}
	}
	for name, p := range s.Properties {
		p := p
		collectRuleInfo(envs, &p, path.Child("properties").Key(name), false, res)
	}
	if s.Items != nil {
		collectRuleInfo(envs, s.Items, path.Child("items"), false, res)
	}
	if s.AdditionalProperties != nil && s.AdditionalProperties.Structural != nil {
		collectRuleInfo(envs, s.AdditionalProperties.Structural, path.Child("additionalProperties"), false, res)
	}
}

func hasBlockingErr(errs field.ErrorList) (bool, *field.Error) {
	for _, err := range errs {
		if err.Type == field.ErrorTypeNotSupported || err.Type == field.ErrorTypeRequired || err.Type == field.ErrorTypeTooLong || err.Type == field.ErrorTypeTooMany || err.Type == field.ErrorTypeTypeInvalid {
			return true, field.Invalid(nil, nil, "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation")
		}
	}
	return false, nil
}

func (b *compiledBundle) evaluateCRD(ctx context.Context, a admission.Attributes, res *CaseResult) {
	c := b.crd
	gvk := a.GetKind()
	out := &CRDResult{Errors: []CRDFieldError{}, Budget: celconfig.RuntimeCELCostBudget}
	res.CRD = out
	res.Verdict = &Verdict{Warnings: []string{}}
	if gvk.GroupKind() != c.info.groupKind {
		res.InputError = fmt.Sprintf("the object is a %s, the CustomResourceDefinition defines %s", gvk.GroupKind(), c.info.groupKind)
		return
	}
	s, ok := c.info.structural[gvk.Version]
	if !ok {
		res.InputError = fmt.Sprintf("the CustomResourceDefinition has no schema for version %s", gvk.Version)
		return
	}
	if a.GetOperation() != admission.Create && a.GetOperation() != admission.Update {
		res.Verdict.Allowed = true
		return
	}
	u, _ := a.GetObject().(*unstructured.Unstructured)
	if u == nil {
		res.InputError = "the object is not a custom resource"
		return
	}
	var errs field.ErrorList
	var celOptions []schemacel.Option
	var old *unstructured.Unstructured
	if a.GetOperation() == admission.Update {
		old, _ = a.GetOldObject().(*unstructured.Unstructured)
	}
	schemaVal := c.schemaVals[gvk.Version]
	var schemaErrs field.ErrorList
	if old != nil {
		correlated := common.NewCorrelatedObject(u.Object, old.Object, &model.Structural{Structural: s})
		celOptions = append(celOptions, schemacel.WithRatcheting(correlated))
		if schemaVal != nil {
			schemaErrs = apiservervalidation.ValidateCustomResourceUpdate(nil, u.UnstructuredContent(), old.UnstructuredContent(), schemaVal, apiservervalidation.WithRatcheting(correlated))
		}
	} else if schemaVal != nil {
		schemaErrs = apiservervalidation.ValidateCustomResource(nil, u.UnstructuredContent(), schemaVal)
	}
	errs = append(errs, schemaErrs...)
	errs = append(errs, schemaobjectmeta.Validate(ctx, nil, u.Object, s, false)...)
	if old != nil {
		if oldErrs := structurallisttype.ValidateListSetsAndMaps(nil, s, old.Object); len(oldErrs) == 0 {
			errs = append(errs, structurallisttype.ValidateListSetsAndMaps(nil, s, u.Object)...)
		}
	} else {
		errs = append(errs, structurallisttype.ValidateListSetsAndMaps(nil, s, u.Object)...)
	}
	for _, e := range errs {
		out.Errors = append(out.Errors, CRDFieldError{Field: e.Field, Type: string(e.Type), Detail: e.Detail, Text: e.Error(), Source: "schema"})
	}
	if v := c.validators[gvk.Version]; v != nil {
		if has, blocking := hasBlockingErr(errs); has {
			out.CELSkipped = true
			errs = append(errs, blocking)
			out.Errors = append(out.Errors, CRDFieldError{Field: blocking.Field, Type: string(blocking.Type), Detail: blocking.Detail, Text: blocking.Error(), Source: "cel"})
		} else {
			var oldObj any
			if old != nil {
				oldObj = old.Object
			}
			celErrs, remaining := v.Validate(ctx, nil, s, u.Object, oldObj, celconfig.RuntimeCELCostBudget, celOptions...)
			out.Cost = celconfig.RuntimeCELCostBudget - remaining
			if remaining < 0 {
				out.Cost = celconfig.RuntimeCELCostBudget
			}
			for _, e := range celErrs {
				out.Errors = append(out.Errors, CRDFieldError{Field: e.Field, Type: string(e.Type), Detail: e.Detail, Text: e.Error(), Source: "cel"})
			}
			errs = append(errs, celErrs...)
		}
	}
	if len(errs) == 0 {
		res.Verdict.Allowed = true
		return
	}
	name := ""
	if acc, err := meta.Accessor(u); err == nil {
		name = acc.GetName()
	}
	se := k8serrors.NewInvalid(c.info.groupKind, name, errs)
	res.Verdict.Status = &Status{Code: se.ErrStatus.Code, Reason: string(se.ErrStatus.Reason), Message: se.ErrStatus.Message}
}

var _ = environment.NewExpressions
