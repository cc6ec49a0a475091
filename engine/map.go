package engine

// MutatingAdmissionPolicy: compilation and evaluation, following k8s.io/apiserver@v0.37.2
// pkg/admission/plugin/policy/mutating (compilation.go compilePolicy, dispatcher.go
// dispatchInvocations and dispatchOne, reinvocationcontext.go) and policy/generic/policy_dispatcher.go
// (Dispatch: matching, params, error filtering and the status it returns). The patchers are the
// upstream ones (patch.NewJSONPatcher, patch.NewApplyConfigurationPatcher).

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	admissionv1 "k8s.io/api/admission/v1"
	v1 "k8s.io/api/admissionregistration/v1"
	corev1 "k8s.io/api/core/v1"
	apiequality "k8s.io/apimachinery/pkg/api/equality"
	"k8s.io/apimachinery/pkg/api/meta"
	k8serrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/managedfields"
	"k8s.io/apimachinery/pkg/util/sets"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/apiserver/pkg/admission"
	plugincel "k8s.io/apiserver/pkg/admission/plugin/cel"
	"k8s.io/apiserver/pkg/admission/plugin/policy/mutating/patch"
	"k8s.io/apiserver/pkg/admission/plugin/webhook/matchconditions"
	celconfig "k8s.io/apiserver/pkg/apis/cel"
	apiservercel "k8s.io/apiserver/pkg/cel"
	"k8s.io/apiserver/pkg/cel/mutation/dynamic"

	"github.com/k8s-extension-advisor/engine/internal/smdschema"
)

var (
	supportedMutatingOperations   = sets.NewString(string(v1.Create), string(v1.Update), string(v1.Connect), string(v1.OperationAll))
	supportedPatchType            = sets.NewString(string(v1.PatchTypeApplyConfiguration), string(v1.PatchTypeJSONPatch))
	supportedReinvocationPolicies = sets.NewString(string(v1.NeverReinvocationPolicy), string(v1.IfNeededReinvocationPolicy))
)

// builtinTypeConverter knows every built-in type's structure (list types, map keys, atomic
// fields) from the same OpenAPI the apiserver publishes. Built on first use: parsing that schema
// takes most of the engine's start-up in WebAssembly (seconds), and only
// MutatingAdmissionPolicies on built-in kinds need it.
var builtinTypeConverter = sync.OnceValue(func() managedfields.TypeConverter {
	return managedfields.NewSchemeTypeConverter(scheme, smdschema.Parser())
})

type mutator struct {
	index     int
	patchType v1.PatchType
	expr      string
	result    plugincel.CompilationResult
	rec       *costRecorder
	// per call
	cost      int64
	value     any
	evalError string
}

// ForInput makes mutator a plugincel.MutatingEvaluator that records its cost and result.
func (m *mutator) ForInput(ctx context.Context, va *admission.VersionedAttributes, req *admissionv1.AdmissionRequest, vars plugincel.OptionalVariableBindings, ns *corev1.Namespace, budget int64) (plugincel.EvaluationResult, int64, error) {
	m.rec.reset(1)
	if cc, ok := ctx.(plugincel.CompositionContext); ok {
		ctx = &recordingContext{CompositionContext: cc, rec: m.rec}
	}
	r, remaining, err := plugincel.NewMutatingEvaluator(m.result).ForInput(ctx, va, req, vars, ns, budget)
	m.cost = m.rec.costs[0]
	if remaining >= 0 {
		m.cost = budget - remaining
	}
	if r.Error != nil {
		m.evalError = r.Error.Error()
	}
	if r.EvalResult != nil {
		m.value = nativeValue(r.EvalResult.Value())
	}
	return r, remaining, err
}

func (m *mutator) CompilationErrors() []error {
	if m.result.Error != nil {
		return []error{m.result.Error}
	}
	return nil
}

// nativeValue turns CEL mutation values (JSONPatch lists, Object initializers) into JSON-able data.
func nativeValue(v any) any {
	switch x := v.(type) {
	case *dynamic.ObjectVal:
		return nativeValue(x.Value())
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = nativeValue(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = nativeValue(e)
		}
		return out
	case interface{ Value() any }:
		return nativeValue(x.Value())
	}
	if l, ok := v.([]interface{ Value() any }); ok {
		out := make([]any, len(l))
		for i, e := range l {
			out[i] = nativeValue(e.Value())
		}
		return out
	}
	return v
}

type compiledMAP struct {
	policy      *v1.MutatingAdmissionPolicy
	bindings    []*v1.MutatingAdmissionPolicyBinding
	configError error
	cc          *plugincel.CompositedCompiler
	compileErr  error
	matcher     matchconditions.Matcher
	mutators    []*mutator
	patchers    []patch.Patcher
}

func compileMAP(b *compiledBundle, req *CompileRequest, res *CompileResult) error {
	policy := &v1.MutatingAdmissionPolicy{}
	if err := decodeV1(req.Policy, policy); err != nil {
		return fmt.Errorf("policy: %v", err)
	}
	res.Name = policy.Name
	c := &compiledMAP{policy: policy}
	for i, raw := range req.Bindings {
		binding := &v1.MutatingAdmissionPolicyBinding{}
		if err := decodeV1(raw, binding); err != nil {
			return fmt.Errorf("bindings[%d]: %v", i, err)
		}
		info := BindingInfo{Name: binding.Name, PolicyName: binding.Spec.PolicyName, Applies: binding.Spec.PolicyName == policy.Name}
		for _, e := range validateMAPBinding(binding) {
			info.Diagnostics = append(info.Diagnostics, fieldDiagnostic(e, "write"))
		}
		res.Bindings = append(res.Bindings, info)
		if info.Applies {
			c.bindings = append(c.bindings, binding)
		}
	}
	for _, e := range validateMAPSpec(b.envs, policy) {
		res.Diagnostics = append(res.Diagnostics, fieldDiagnostic(e, "write"))
	}
	if minor := b.envs.minor.Minor(); minor < 32 {
		res.Diagnostics = append(res.Diagnostics, Diagnostic{Path: "apiVersion", Severity: "error", Phase: "lab",
			Message: fmt.Sprintf("MutatingAdmissionPolicy does not exist in Kubernetes 1.%d (alpha from 1.32, beta from 1.34, GA in 1.36)", minor)})
	} else if minor < 36 {
		res.Diagnostics = append(res.Diagnostics, Diagnostic{Path: "apiVersion", Severity: "warning", Phase: "lab",
			Message: fmt.Sprintf("on 1.%d MutatingAdmissionPolicy is off by default: it needs the MutatingAdmissionPolicy feature gate and --runtime-config=admissionregistration.k8s.io/%s=true", minor, map[bool]string{true: "v1alpha1", false: "v1beta1"}[minor < 34])})
	}

	var paramKind *schema.GroupVersionKind
	if pk := policy.Spec.ParamKind; pk != nil {
		gv, err := schema.ParseGroupVersion(pk.APIVersion)
		if err != nil {
			c.configError = fmt.Errorf("failed to parse paramKind APIVersion: %w", err)
		} else {
			gvk := gv.WithKind(pk.Kind)
			paramKind = &gvk
			if req.ParamResource == nil {
				c.configError = fmt.Errorf("failed to find resource referenced by paramKind: '%v'", gvk)
			}
		}
	}
	params, err := loadParams(req, paramKind)
	if err != nil {
		return err
	}
	b.params = params

	// Build the built-in type converter now, so compiling (not the first evaluation) pays for it.
	builtinTypeConverter()

	opts := plugincel.OptionalVariableDeclarations{HasParams: policy.Spec.ParamKind != nil, HasAuthorizer: true}
	cc, err := b.envs.runtimeCompiler(len(policy.Spec.Variables) > 0)
	if err != nil {
		c.compileErr = err
		b.mp = c
		return nil
	}
	c.cc = cc
	est := newEstimator(b.envs, true)
	est.hasParams = opts.HasParams
	defer est.estimateAll(res)
	for i, v := range policy.Spec.Variables {
		r := cc.CompileAndStoreVariable(&variableAccessor{Name: v.Name, Expression: v.Expression}, opts, runtimeMode)
		est.addVariable(v.Name, r.OutputType)
		res.Expressions = append(res.Expressions, expressionInfo(est, fmt.Sprintf("spec.variables[%d].expression", i), v.Expression, r, opts))
	}
	if len(policy.Spec.MatchConditions) > 0 {
		accessors := make([]plugincel.ExpressionAccessor, len(policy.Spec.MatchConditions))
		for i := range policy.Spec.MatchConditions {
			accessors[i] = (*matchconditions.MatchCondition)(&policy.Spec.MatchConditions[i])
			r := cc.CompileCELExpression(accessors[i], opts, runtimeMode)
			res.Expressions = append(res.Expressions, expressionInfoLimit(est, fmt.Sprintf("spec.matchConditions[%d].expression", i), policy.Spec.MatchConditions[i].Expression, r, opts, celconfig.RuntimeCELCostBudgetMatchConditions))
		}
		c.matcher = matchconditions.NewMatcher(cc.CompileCondition(accessors, opts, runtimeMode), policy.Spec.FailurePolicy, "policy", "validate", policy.Name)
	}
	patchOptions := opts
	patchOptions.HasPatchTypes = true
	for i, m := range policy.Spec.Mutations {
		var accessor plugincel.ExpressionAccessor
		var path string
		switch m.PatchType {
		case v1.PatchTypeJSONPatch:
			if m.JSONPatch == nil {
				continue
			}
			accessor = &patch.JSONPatchCondition{Expression: m.JSONPatch.Expression}
			path = fmt.Sprintf("spec.mutations[%d].jsonPatch.expression", i)
		case v1.PatchTypeApplyConfiguration:
			if m.ApplyConfiguration == nil {
				continue
			}
			accessor = &patch.ApplyConfigurationCondition{Expression: m.ApplyConfiguration.Expression}
			path = fmt.Sprintf("spec.mutations[%d].applyConfiguration.expression", i)
		default:
			continue
		}
		r := cc.CompileCELExpression(accessor, patchOptions, runtimeMode)
		res.Expressions = append(res.Expressions, expressionInfo(est, path, accessor.GetExpression(), r, patchOptions))
		mu := &mutator{index: i, patchType: m.PatchType, expr: accessor.GetExpression(), rec: &costRecorder{}}
		mu.result = withCostRecording([]plugincel.CompilationResult{r}, mu.rec)[0]
		c.mutators = append(c.mutators, mu)
		if m.PatchType == v1.PatchTypeJSONPatch {
			c.patchers = append(c.patchers, patch.NewJSONPatcher(mu))
		} else {
			c.patchers = append(c.patchers, patch.NewApplyConfigurationPatcher(mu))
		}
	}
	addRuntimeDiagnostics(res)
	b.mp = c
	return nil
}

func validateMAPSpec(envs *minorEnvs, p *v1.MutatingAdmissionPolicy) field.ErrorList {
	var allErrors field.ErrorList
	spec := &p.Spec
	fldPath := field.NewPath("spec")
	compiler := createWriteCompiler(envs, true)
	if spec.FailurePolicy == nil {
		allErrors = append(allErrors, field.Required(fldPath.Child("failurePolicy"), ""))
	} else if !supportedFailurePolicies.Has(string(*spec.FailurePolicy)) {
		allErrors = append(allErrors, field.NotSupported(fldPath.Child("failurePolicy"), *spec.FailurePolicy, supportedFailurePolicies.List()))
	}
	if spec.MatchConstraints == nil {
		allErrors = append(allErrors, field.Required(fldPath.Child("matchConstraints"), ""))
	} else {
		allErrors = append(allErrors, validateMatchResources(spec.MatchConstraints, fldPath.Child("matchConstraints"))...)
		if len(spec.MatchConstraints.ResourceRules) == 0 {
			allErrors = append(allErrors, field.Required(fldPath.Child("matchConstraints", "resourceRules"), ""))
		}
		for _, rule := range spec.MatchConstraints.ResourceRules {
			for _, op := range rule.RuleWithOperations.Operations {
				if !supportedMutatingOperations.Has(string(op)) {
					allErrors = append(allErrors, field.NotSupported(fldPath.Child("matchConstraints", "resourceRules", "operations"), op, supportedMutatingOperations.List()))
				}
			}
		}
	}
	allErrors = append(allErrors, validateMatchConditions(envs, spec.MatchConditions, spec.ParamKind != nil, fldPath.Child("matchConditions"))...)
	for i, variable := range spec.Variables {
		allErrors = append(allErrors, validateVariable(compiler, variable.Name, variable.Expression, spec.ParamKind != nil, fldPath.Child("variables").Index(i))...)
	}
	if len(spec.Mutations) == 0 {
		allErrors = append(allErrors, field.Required(fldPath.Child("mutations"), "mutations must contain at least one item"))
	}
	for i, m := range spec.Mutations {
		p := fldPath.Child("mutations").Index(i)
		if len(m.PatchType) == 0 {
			allErrors = append(allErrors, field.Required(p.Child("patchType"), ""))
			continue
		}
		var accessor plugincel.ExpressionAccessor
		var exprPath *field.Path
		switch m.PatchType {
		case v1.PatchTypeJSONPatch:
			if m.JSONPatch == nil {
				allErrors = append(allErrors, field.Required(p.Child("jsonPatch"), "must be specified when patchType is JSONPatch"))
			} else {
				exprPath = p.Child("jsonPatch").Child("expression")
				if t := strings.TrimSpace(m.JSONPatch.Expression); t != "" {
					accessor = &patch.JSONPatchCondition{Expression: t}
				}
			}
			if m.ApplyConfiguration != nil {
				allErrors = append(allErrors, field.Invalid(p.Child("applyConfiguration"), "{applyConfiguration}", "must not be specified when patchType is JSONPatch"))
			}
		case v1.PatchTypeApplyConfiguration:
			if m.ApplyConfiguration == nil {
				allErrors = append(allErrors, field.Required(p.Child("applyConfiguration"), "must be specified when patchType is ApplyConfiguration"))
			} else {
				exprPath = p.Child("applyConfiguration").Child("expression")
				if t := strings.TrimSpace(m.ApplyConfiguration.Expression); t != "" {
					accessor = &patch.ApplyConfigurationCondition{Expression: t}
				}
			}
			if m.JSONPatch != nil {
				allErrors = append(allErrors, field.Invalid(p.Child("jsonPatch"), "{jsonPatch}", "must not be specified when patchType is ApplyConfiguration"))
			}
		default:
			allErrors = append(allErrors, field.NotSupported(p.Child("patchType"), m.PatchType, supportedPatchType.List()))
		}
		if exprPath != nil && accessor == nil {
			allErrors = append(allErrors, field.Required(exprPath, ""))
		}
		if accessor != nil {
			o := plugincel.OptionalVariableDeclarations{HasParams: spec.ParamKind != nil, HasAuthorizer: true, HasPatchTypes: true}
			if r := compiler.CompileCELExpression(accessor, o, writeMode); r.Error != nil {
				allErrors = append(allErrors, convertCELErrorToValidationError(exprPath, accessor, r.Error))
			}
		}
	}
	if len(spec.ReinvocationPolicy) == 0 {
		allErrors = append(allErrors, field.Required(fldPath.Child("reinvocationPolicy"), ""))
	} else if !supportedReinvocationPolicies.Has(string(spec.ReinvocationPolicy)) {
		allErrors = append(allErrors, field.NotSupported(fldPath.Child("reinvocationPolicy"), spec.ReinvocationPolicy, supportedReinvocationPolicies.List()))
	}
	return allErrors
}

func validateMAPBinding(b *v1.MutatingAdmissionPolicyBinding) field.ErrorList {
	var allErrors field.ErrorList
	spec := field.NewPath("spec")
	if len(b.Spec.PolicyName) == 0 {
		allErrors = append(allErrors, field.Required(spec.Child("policyName"), ""))
	}
	allErrors = append(allErrors, validateParamRef(b.Spec.ParamRef, spec.Child("paramRef"))...)
	if b.Spec.MatchResources != nil {
		allErrors = append(allErrors, validateMatchResources(b.Spec.MatchResources, spec.Child("matchResources"))...)
		for _, rule := range b.Spec.MatchResources.ResourceRules {
			for _, op := range rule.RuleWithOperations.Operations {
				if !supportedMutatingOperations.Has(string(op)) {
					allErrors = append(allErrors, field.NotSupported(spec.Child("matchResources", "resourceRules", "operations"), op, supportedMutatingOperations.List()))
				}
			}
		}
	}
	return allErrors
}

// ---------------------------------------------------------------- results

type MutationStep struct {
	Pass      int    `json:"pass"` // 1, or 2 for the reinvocation
	Binding   string `json:"binding"`
	Param     string `json:"param,omitempty"`
	Index     int    `json:"index"`
	PatchType string `json:"patchType"`
	// The CEL result: a list of JSON patch operations or the apply configuration.
	Value   any    `json:"value,omitempty"`
	Error   string `json:"error,omitempty"`
	Cost    int64  `json:"cost"`
	Changed bool   `json:"changed"`
	Skipped string `json:"skipped,omitempty"`
}

type MutationResult struct {
	Before map[string]any  `json:"before,omitempty"`
	After  map[string]any  `json:"after,omitempty"`
	Steps  []MutationStep  `json:"steps"`
	Errors []string        `json:"errors,omitempty"`
	Passes int             `json:"passes"`
	Final  json.RawMessage `json:"-"`
}

type reinvokeKey struct {
	policy, binding, param types.NamespacedName
}

type reinvokeContext struct {
	lastOutput                runtime.Object
	previouslyInvoked         sets.Set[reinvokeKey]
	reinvoke                  sets.Set[reinvokeKey]
	isReinvoke, shouldReinvok bool
}

func (rc *reinvokeContext) requireReinvokingPreviouslyInvoked() {
	if len(rc.previouslyInvoked) > 0 {
		if rc.reinvoke == nil {
			rc.reinvoke = sets.New[reinvokeKey]()
		}
		for k := range rc.previouslyInvoked {
			rc.reinvoke.Insert(k)
		}
		rc.previouslyInvoked = sets.New[reinvokeKey]()
	}
}

type invocation struct {
	binding  *v1.MutatingAdmissionPolicyBinding
	kind     schema.GroupVersionKind
	resource schema.GroupVersionResource
	param    runtime.Object
}

type policyError struct {
	binding string
	err     error
	reason  metav1.StatusReason
}

func (b *compiledBundle) typeConverterFor(gvk schema.GroupVersionKind) managedfields.TypeConverter {
	if isBuiltin(gvk) {
		return builtinTypeConverter()
	}
	if c, ok := b.crds[gvk.GroupKind()]; ok {
		if tc := c.typeConverter(gvk.Version); tc != nil {
			return tc
		}
	}
	return nil
}

func (b *compiledBundle) evaluateMAP(ctx context.Context, a admission.Attributes, res *CaseResult) {
	c := b.mp
	verdict := &Verdict{Warnings: []string{}}
	res.Verdict = verdict
	pm := &PolicyMatch{}
	res.Policy = pm
	mr := &MutationResult{Steps: []MutationStep{}}
	res.Mutation = mr
	if a.GetObject() != nil {
		if m, err := toVersionedMap(a.GetObject(), a.GetKind()); err == nil {
			mr.Before = m
		}
	}
	if len(c.bindings) == 0 {
		pm.ConfigError = "no binding refers to this policy: the apiserver does not evaluate it"
		verdict.Allowed = true
		return
	}
	rc := &reinvokeContext{}
	var errs []policyError
	errs = b.dispatchMAP(ctx, a, rc, 1, res)
	if rc.shouldReinvok && len(errs) == 0 {
		rc.isReinvoke = true
		errs = append(errs, b.dispatchMAP(ctx, a, rc, 2, res)...)
		mr.Passes = 2
	} else {
		mr.Passes = 1
	}
	if a.GetObject() != nil {
		if m, err := toVersionedMap(a.GetObject(), a.GetKind()); err == nil {
			mr.After = m
		}
	}
	f := v1.Fail
	if c.policy.Spec.FailurePolicy != nil {
		f = *c.policy.Spec.FailurePolicy
	}
	var filtered []policyError
	for _, e := range errs {
		mr.Errors = append(mr.Errors, formatPolicyError(c.policy.Name, e))
		if f != v1.Ignore {
			filtered = append(filtered, e)
		}
	}
	if len(filtered) == 0 {
		verdict.Allowed = true
		return
	}
	forbiddenErr := admission.NewForbidden(a, fmt.Errorf("admission request denied by policy"))
	var se *k8serrors.StatusError
	if !errors.As(forbiddenErr, &se) {
		verdict.Status = &Status{Code: 500, Reason: string(metav1.StatusReasonInternalError), Message: "failed to create status error"}
		return
	}
	st := &Status{Code: se.ErrStatus.Code, Reason: string(se.ErrStatus.Reason)}
	for _, e := range filtered {
		msg := formatPolicyError(c.policy.Name, e)
		if st.Message == "" {
			st.Message = msg
			if e.reason != "" {
				st.Reason = string(e.reason)
			}
		}
		st.Causes = append(st.Causes, msg)
	}
	verdict.Status = st
}

func formatPolicyError(policy string, e policyError) string {
	if e.binding != "" {
		return fmt.Sprintf("policy '%s' with binding '%s' denied request: %s", policy, e.binding, e.err.Error())
	}
	return fmt.Sprintf("policy %q denied request: %s", policy, e.err.Error())
}

// dispatchMAP is one pass of generic Dispatch + mutating dispatchInvocations.
func (b *compiledBundle) dispatchMAP(ctx context.Context, a admission.Attributes, rc *reinvokeContext, pass int, res *CaseResult) []policyError {
	c := b.mp
	mr := res.Mutation
	var errs []policyError
	configError := func(err error, binding string) {
		errs = append(errs, policyError{binding: binding, err: fmt.Errorf("failed to configure %s: %w", map[bool]string{true: "binding", false: "policy"}[binding != ""], err)})
	}
	m := &matcher{namespaces: b.namespaces, rules: &b.ruleDescriptions}
	versioned := map[schema.GroupVersionKind]*admission.VersionedAttributes{}
	versionedAttribute := func(gvk schema.GroupVersionKind) (*admission.VersionedAttributes, error) {
		if v, ok := versioned[gvk]; ok {
			return v, nil
		}
		v, err := admission.NewVersionedAttributes(a, gvk, b.iface)
		if err != nil {
			return nil, err
		}
		versioned[gvk] = v
		return v, nil
	}
	matches, matchGVR, matchGVK, err, why := m.definitionMatches(a, b.iface, c.policy.Spec.MatchConstraints)
	if pass == 1 {
		res.Policy.Why = why
	}
	if err != nil {
		res.Policy.ConfigError = err.Error()
		configError(err, "")
		return errs
	} else if !matches {
		return errs
	} else if c.configError != nil {
		res.Policy.Matched = true
		res.Policy.ConfigError = c.configError.Error()
		configError(c.configError, "")
		return errs
	}
	res.Policy.Matched = true
	res.Policy.MatchedResource = matchGVR.String()
	res.Policy.MatchedKind = matchGVK.String()
	var invocations []invocation
	for _, binding := range c.bindings {
		br := BindingResult{Name: binding.Name, Actions: []string{}, Effects: []string{}}
		ok, err, bwhy := m.bindingMatches(a, b.iface, binding.Spec.MatchResources)
		br.Why = bwhy
		if err != nil {
			br.ConfigError = err.Error()
			configError(err, binding.Name)
		} else if ok {
			br.Matched = true
			if _, err := versionedAttribute(matchGVK); err != nil {
				configError(err, "")
			} else if params, err := b.params.collect(c.policy.Spec.ParamKind, binding.Spec.ParamRef, a.GetNamespace()); err != nil {
				br.ConfigError = "failed to configure binding: " + err.Error()
				configError(err, binding.Name)
			} else {
				for _, p := range params {
					invocations = append(invocations, invocation{binding: binding, kind: matchGVK, resource: matchGVR, param: p})
				}
			}
		}
		if pass == 1 {
			res.Bindings = append(res.Bindings, br)
		}
	}
	if len(invocations) == 0 {
		return errs
	}

	if rc.isReinvoke && !apiequality.Semantic.DeepEqual(rc.lastOutput, a.GetObject()) {
		rc.requireReinvokingPreviouslyInvoked()
	}
	defer func() {
		if a.GetObject() != nil {
			rc.lastOutput = a.GetObject().DeepCopyObject()
		}
	}()

	var namespace *corev1.Namespace
	namespaceName := a.GetNamespace()
	if gvk := a.GetKind(); gvk.Kind == "Namespace" && gvk.Version == "v1" && gvk.Group == "" {
		namespaceName = ""
	}
	if namespaceName != "" {
		ns, err := m.namespaces.Get(namespaceName)
		if err != nil {
			res.Verdict.Status = statusFromError(err)
			return append(errs, policyError{err: err})
		}
		namespace = ns
	}

	var lastVersionedAttr *admission.VersionedAttributes
	for _, inv := range invocations {
		vctx := ctx
		if c.cc != nil {
			vctx = c.cc.CreateContext(ctx)
		}
		versionedAttr, err := versionedAttribute(inv.kind)
		if err != nil {
			errs = append(errs, policyError{err: err})
			return errs
		}
		if c.matcher != nil {
			mres := c.matcher.Match(vctx, versionedAttr, inv.param, b.authz)
			if pass == 1 {
				setBindingMatchConditions(res, inv.binding.Name, paramName(inv.param), mres.Matches, mres.FailedConditionName, mres.Error)
			}
			if mres.Error != nil {
				errs = append(errs, policyError{binding: inv.binding.Name, err: mres.Error, reason: metav1.StatusReasonInvalid})
				continue
			}
			if !mres.Matches {
				continue
			}
		}
		key := reinvokeKey{
			policy:  types.NamespacedName{Name: c.policy.Name, Namespace: c.policy.Namespace},
			binding: types.NamespacedName{Name: inv.binding.Name, Namespace: inv.binding.Namespace},
		}
		if inv.param != nil {
			key.param = types.NamespacedName{Name: metaName(inv.param), Namespace: metaNamespace(inv.param)}
		}
		if rc.isReinvoke && !rc.reinvoke.Has(key) {
			continue
		}
		if c.compileErr != nil {
			errs = append(errs, policyError{binding: inv.binding.Name, err: c.compileErr, reason: metav1.StatusReasonInvalid})
			continue
		}
		objectBeforeMutations := versionedAttr.VersionedObject.Object()
		for i, patcher := range c.patchers {
			lastVersionedAttr = versionedAttr
			mu := c.mutators[i]
			step := MutationStep{Pass: pass, Binding: inv.binding.Name, Param: paramName(inv.param), Index: mu.index, PatchType: string(mu.patchType)}
			if versionedAttr.VersionedObject.Object() == nil {
				step.Skipped = "no object to patch (DELETE)"
				mr.Steps = append(mr.Steps, step)
				continue
			}
			mu.cost, mu.value, mu.evalError = 0, nil, ""
			before := versionedAttr.VersionedObject.Object()
			err := b.dispatchOne(vctx, patcher, versionedAttr, namespace, inv.resource, plugincel.OptionalVariableBindings{VersionedParams: inv.param, Authorizer: b.authz})
			step.Cost = mu.cost
			step.Value = mu.value
			if err != nil {
				step.Error = err.Error()
				mr.Steps = append(mr.Steps, step)
				var se *k8serrors.StatusError
				if errors.As(err, &se) {
					res.Verdict.Status = statusFromError(err)
					return append(errs, policyError{err: err})
				}
				errs = append(errs, policyError{binding: inv.binding.Name, err: err, reason: metav1.StatusReasonInvalid})
				continue
			}
			step.Changed = !apiequality.Semantic.DeepEqual(before, versionedAttr.VersionedObject.Object())
			mr.Steps = append(mr.Steps, step)
		}
		if !apiequality.Semantic.DeepEqual(objectBeforeMutations, versionedAttr.VersionedObject.Object()) {
			rc.requireReinvokingPreviouslyInvoked()
			rc.shouldReinvok = true
		}
		if c.policy.Spec.ReinvocationPolicy == v1.IfNeededReinvocationPolicy {
			if rc.previouslyInvoked == nil {
				rc.previouslyInvoked = sets.New[reinvokeKey]()
			}
			rc.previouslyInvoked.Insert(key)
		}
	}
	if lastVersionedAttr != nil && lastVersionedAttr.VersionedObject.Object() != nil && lastVersionedAttr.Dirty {
		rc.requireReinvokingPreviouslyInvoked()
		rc.shouldReinvok = true
		if err := b.iface.GetObjectConvertor().Convert(lastVersionedAttr.VersionedObject.Object(), lastVersionedAttr.Attributes.GetObject(), nil); err != nil {
			errs = append(errs, policyError{err: k8serrors.NewInternalError(fmt.Errorf("failed to convert object: %w", err))})
		}
	}
	return errs
}

func (b *compiledBundle) dispatchOne(ctx context.Context, patcher patch.Patcher, versionedAttributes *admission.VersionedAttributes, namespace *corev1.Namespace, resource schema.GroupVersionResource, optionalVariables plugincel.OptionalVariableBindings) error {
	typeConverter := b.typeConverterFor(versionedAttributes.VersionedKind)
	if typeConverter == nil {
		return k8serrors.NewServiceUnavailable(fmt.Sprintf("Resource kind %s not found. There can be a delay between when CustomResourceDefinitions are created and when they are available.", versionedAttributes.VersionedKind))
	}
	newVersionedObject, err := patcher.Patch(ctx, patch.Request{
		MatchedResource:     resource,
		VersionedAttributes: versionedAttributes,
		ObjectInterfaces:    b.iface,
		OptionalVariables:   optionalVariables,
		Namespace:           namespace,
		TypeConverter:       typeConverter,
	}, celconfig.RuntimeCELCostBudget)
	if err != nil {
		return err
	}
	switch versionedAttributes.VersionedObject.Object().(type) {
	case *unstructured.Unstructured:
	default:
		newVersionedObject, err = b.iface.GetObjectConvertor().ConvertToVersion(newVersionedObject, versionedAttributes.GetKind().GroupVersion())
		if err != nil {
			return err
		}
	}
	b.iface.GetObjectDefaulter().Default(newVersionedObject)
	versionedAttributes.UpdateObject(newVersionedObject)
	return nil
}

func setBindingMatchConditions(res *CaseResult, binding, param string, matches bool, failed string, err error) {
	for i := range res.Bindings {
		if res.Bindings[i].Name == binding {
			mc := &MatchConditionResult{Matches: matches, FailedCondition: failed}
			if err != nil {
				mc.Error = err.Error()
			}
			res.Bindings[i].Evaluations = append(res.Bindings[i].Evaluations, ParamEvaluation{Param: param, MatchConditions: mc})
		}
	}
}

func metaName(o runtime.Object) string {
	if a, err := meta.Accessor(o); err == nil {
		return a.GetName()
	}
	return ""
}

func metaNamespace(o runtime.Object) string {
	if a, err := meta.Accessor(o); err == nil {
		return a.GetNamespace()
	}
	return ""
}

var _ = apiservercel.ErrInternal
