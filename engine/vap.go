package engine

// ValidatingAdmissionPolicy: compilation (write-time checks of the chosen minor and the runtime
// program) and evaluation. Evaluation follows k8s.io/apiserver@v0.37.2
// pkg/admission/plugin/policy/validating: plugin.go compilePolicy, validator.go Validate and
// dispatcher.go Dispatch, with the same messages and the same order; it additionally records every
// decision (not only the first denial) and per-expression costs for display.

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	celtypes "github.com/google/cel-go/common/types"
	"github.com/google/cel-go/common/types/ref"

	v1 "k8s.io/api/admissionregistration/v1"
	corev1 "k8s.io/api/core/v1"
	k8serrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/sets"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/apiserver/pkg/admission"
	plugincel "k8s.io/apiserver/pkg/admission/plugin/cel"
	"k8s.io/apiserver/pkg/admission/plugin/webhook/matchconditions"
	celconfig "k8s.io/apiserver/pkg/apis/cel"
	"k8s.io/apiserver/pkg/authorization/authorizer"
	apiservercel "k8s.io/apiserver/pkg/cel"
)

// ---------------------------------------------------------------- accessors (validating/interface.go, message.go)

type validationCondition struct {
	Expression string
	Message    string
	Reason     *metav1.StatusReason
}

func (v *validationCondition) GetExpression() string { return v.Expression }
func (v *validationCondition) ReturnTypes() []*celType {
	return []*celType{celBoolType}
}

type messageExpressionCondition struct{ MessageExpression string }

func (m *messageExpressionCondition) GetExpression() string { return m.MessageExpression }
func (m *messageExpressionCondition) ReturnTypes() []*celType {
	return []*celType{celStringType}
}

type auditAnnotationCondition struct {
	Key             string
	ValueExpression string
}

func (v *auditAnnotationCondition) GetExpression() string { return v.ValueExpression }
func (v *auditAnnotationCondition) ReturnTypes() []*celType {
	return []*celType{celStringType, celNullType}
}

type variableAccessor struct {
	Name       string
	Expression string
}

func (v *variableAccessor) GetExpression() string { return v.Expression }
func (v *variableAccessor) ReturnTypes() []*celType {
	return []*celType{celAnyType, celDynType}
}
func (v *variableAccessor) GetName() string { return v.Name }

// ---------------------------------------------------------------- compiled policy

type compiledVAP struct {
	policy      *v1.ValidatingAdmissionPolicy
	bindings    []*v1.ValidatingAdmissionPolicyBinding
	configError error
	cc          *plugincel.CompositedCompiler
	matcher     matchconditions.Matcher
	validations []plugincel.CompilationResult
	messages    []plugincel.CompilationResult
	audits      []plugincel.CompilationResult
	// hasMessages: some validation has a messageExpression (else the message pass is skipped).
	hasMessages bool
	valRec      *costRecorder
	msgRec      *costRecorder
	audRec      *costRecorder
	compileErr  error
}

func compileVAP(b *compiledBundle, req *CompileRequest, res *CompileResult) error {
	policy := &v1.ValidatingAdmissionPolicy{}
	if err := decodeV1(req.Policy, policy); err != nil {
		return fmt.Errorf("policy: %v", err)
	}
	res.Name = policy.Name
	c := &compiledVAP{policy: policy, valRec: &costRecorder{}, msgRec: &costRecorder{}, audRec: &costRecorder{}}
	for i, raw := range req.Bindings {
		binding := &v1.ValidatingAdmissionPolicyBinding{}
		if err := decodeV1(raw, binding); err != nil {
			return fmt.Errorf("bindings[%d]: %v", i, err)
		}
		info := BindingInfo{Name: binding.Name, PolicyName: binding.Spec.PolicyName, Applies: binding.Spec.PolicyName == policy.Name}
		for _, e := range validateVAPBinding(binding) {
			info.Diagnostics = append(info.Diagnostics, fieldDiagnostic(e, "write"))
		}
		res.Bindings = append(res.Bindings, info)
		if info.Applies {
			c.bindings = append(c.bindings, binding)
		}
	}

	// Write-time checks at the minor's compatibility version.
	for _, e := range validateVAPSpec(b.envs, policy) {
		res.Diagnostics = append(res.Diagnostics, fieldDiagnostic(e, "write"))
	}

	// Runtime program, as plugin.go compilePolicy builds it, on the minor's runtime environment.
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

	hasParam := policy.Spec.ParamKind != nil
	optionalVars := plugincel.OptionalVariableDeclarations{HasParams: hasParam, HasAuthorizer: true}
	expressionOptionalVars := plugincel.OptionalVariableDeclarations{HasParams: hasParam, HasAuthorizer: false}
	cc, err := b.envs.runtimeCompiler(len(policy.Spec.Variables) > 0)
	if err != nil {
		c.compileErr = err
	} else {
		c.cc = cc
		est := newEstimator(b.envs, false)
		est.hasParams = hasParam
		defer est.estimateAll(res)
		for i, v := range policy.Spec.Variables {
			r := cc.CompileAndStoreVariable(&variableAccessor{Name: v.Name, Expression: v.Expression}, optionalVars, runtimeMode)
			est.addVariable(v.Name, r.OutputType)
			res.Expressions = append(res.Expressions, expressionInfo(est, fmt.Sprintf("spec.variables[%d].expression", i), v.Expression, r, optionalVars))
		}
		if len(policy.Spec.MatchConditions) > 0 {
			accessors := make([]plugincel.ExpressionAccessor, len(policy.Spec.MatchConditions))
			for i := range policy.Spec.MatchConditions {
				accessors[i] = (*matchconditions.MatchCondition)(&policy.Spec.MatchConditions[i])
				r := cc.CompileCELExpression(accessors[i], optionalVars, runtimeMode)
				res.Expressions = append(res.Expressions, expressionInfoLimit(est, fmt.Sprintf("spec.matchConditions[%d].expression", i), policy.Spec.MatchConditions[i].Expression, r, optionalVars, celconfig.RuntimeCELCostBudgetMatchConditions))
			}
			c.matcher = matchconditions.NewMatcher(cc.CompileCondition(accessors, optionalVars, runtimeMode), policy.Spec.FailurePolicy, "policy", "validate", policy.Name)
		}
		c.validations = make([]plugincel.CompilationResult, len(policy.Spec.Validations))
		c.messages = make([]plugincel.CompilationResult, len(policy.Spec.Validations))
		for i, v := range policy.Spec.Validations {
			c.validations[i] = cc.CompileCELExpression(&validationCondition{Expression: v.Expression, Message: v.Message, Reason: v.Reason}, optionalVars, runtimeMode)
			res.Expressions = append(res.Expressions, expressionInfo(est, fmt.Sprintf("spec.validations[%d].expression", i), v.Expression, c.validations[i], optionalVars))
			if v.MessageExpression != "" {
				c.hasMessages = true
				c.messages[i] = cc.CompileCELExpression(&messageExpressionCondition{MessageExpression: v.MessageExpression}, expressionOptionalVars, runtimeMode)
				res.Expressions = append(res.Expressions, expressionInfo(est, fmt.Sprintf("spec.validations[%d].messageExpression", i), v.MessageExpression, c.messages[i], expressionOptionalVars))
			}
		}
		c.audits = make([]plugincel.CompilationResult, len(policy.Spec.AuditAnnotations))
		for i, a := range policy.Spec.AuditAnnotations {
			c.audits[i] = cc.CompileCELExpression(&auditAnnotationCondition{Key: a.Key, ValueExpression: a.ValueExpression}, optionalVars, runtimeMode)
			res.Expressions = append(res.Expressions, expressionInfo(est, fmt.Sprintf("spec.auditAnnotations[%d].valueExpression", i), a.ValueExpression, c.audits[i], optionalVars))
		}
		c.validations = withCostRecording(c.validations, c.valRec)
		c.messages = withCostRecording(c.messages, c.msgRec)
		c.audits = withCostRecording(c.audits, c.audRec)
	}
	addRuntimeDiagnostics(res)
	b.vap = c
	return nil
}

// ---------------------------------------------------------------- write-time validation

var (
	supportedFailurePolicies        = sets.NewString(string(v1.Fail), string(v1.Ignore))
	supportedMatchPolicies          = sets.NewString(string(v1.Equivalent), string(v1.Exact))
	supportedValidationPolicyReason = sets.NewString(string(metav1.StatusReasonForbidden), string(metav1.StatusReasonInvalid), string(metav1.StatusReasonRequestEntityTooLarge))
	validValidationActions          = sets.NewString(string(v1.Deny), string(v1.Warn), string(v1.Audit))
)

const maxAuditAnnotations = 20
const maxAuditAnnotationValueExpressionLength = 5 * 1024

// validateVAPSpec is the CEL-related part of k8s.io/kubernetes@v1.37.2
// pkg/apis/admissionregistration/validation (validateValidatingAdmissionPolicySpec and helpers):
// compilers, environments, field paths and messages are the same.
func validateVAPSpec(envs *minorEnvs, p *v1.ValidatingAdmissionPolicy) field.ErrorList {
	var allErrors field.ErrorList
	spec := &p.Spec
	fldPath := field.NewPath("spec")
	var compiler plugincel.Compiler
	getCompiler := func() plugincel.Compiler {
		if compiler == nil {
			compiler = createWriteCompiler(envs, len(spec.Variables) > 0)
		}
		return compiler
	}
	if spec.FailurePolicy == nil {
		allErrors = append(allErrors, field.Required(fldPath.Child("failurePolicy"), ""))
	} else if !supportedFailurePolicies.Has(string(*spec.FailurePolicy)) {
		allErrors = append(allErrors, field.NotSupported(fldPath.Child("failurePolicy"), *spec.FailurePolicy, supportedFailurePolicies.List()))
	}
	allowParamsInMatchConditions := spec.ParamKind != nil
	if spec.MatchConstraints == nil {
		allErrors = append(allErrors, field.Required(fldPath.Child("matchConstraints"), ""))
	} else {
		allErrors = append(allErrors, validateMatchResources(spec.MatchConstraints, fldPath.Child("matchConstraints"))...)
		if len(spec.MatchConstraints.ResourceRules) == 0 {
			allErrors = append(allErrors, field.Required(fldPath.Child("matchConstraints", "resourceRules"), ""))
		}
	}
	allErrors = append(allErrors, validateMatchConditions(envs, spec.MatchConditions, allowParamsInMatchConditions, fldPath.Child("matchConditions"))...)
	for i, variable := range spec.Variables {
		allErrors = append(allErrors, validateVariable(getCompiler(), variable.Name, variable.Expression, spec.ParamKind != nil, fldPath.Child("variables").Index(i))...)
	}
	if len(spec.Validations) == 0 && len(spec.AuditAnnotations) == 0 {
		allErrors = append(allErrors, field.Required(fldPath.Child("validations"), "validations or auditAnnotations must contain at least one item"))
		allErrors = append(allErrors, field.Required(fldPath.Child("auditAnnotations"), "validations or auditAnnotations must contain at least one item"))
	} else {
		for i, validation := range spec.Validations {
			allErrors = append(allErrors, validateValidation(getCompiler(), &validation, spec.ParamKind != nil, allowParamsInMatchConditions, fldPath.Child("validations").Index(i))...)
		}
		if spec.AuditAnnotations != nil {
			keys := sets.NewString()
			if len(spec.AuditAnnotations) > maxAuditAnnotations {
				allErrors = append(allErrors, field.Invalid(fldPath.Child("auditAnnotations"), spec.AuditAnnotations, fmt.Sprintf("must not have more than %d auditAnnotations", maxAuditAnnotations)))
			}
			for i, auditAnnotation := range spec.AuditAnnotations {
				allErrors = append(allErrors, validateAuditAnnotation(getCompiler(), p.Name, &auditAnnotation, spec.ParamKind != nil, fldPath.Child("auditAnnotations").Index(i))...)
				if keys.Has(auditAnnotation.Key) {
					allErrors = append(allErrors, field.Duplicate(fldPath.Child("auditAnnotations").Index(i).Child("key"), auditAnnotation.Key))
				}
				keys.Insert(auditAnnotation.Key)
			}
		}
	}
	return allErrors
}

func createWriteCompiler(envs *minorEnvs, allowComposition bool) plugincel.Compiler {
	if !allowComposition {
		return envs.writeStateless()
	}
	compiler, err := plugincel.NewCompositedCompiler(envs.write)
	if err != nil {
		return plugincel.NewCompiler(envs.write)
	}
	return compiler
}

func validateMatchResources(mc *v1.MatchResources, fldPath *field.Path) field.ErrorList {
	var allErrors field.ErrorList
	if mc.MatchPolicy == nil {
		allErrors = append(allErrors, field.Required(fldPath.Child("matchPolicy"), ""))
	} else if !supportedMatchPolicies.Has(string(*mc.MatchPolicy)) {
		allErrors = append(allErrors, field.NotSupported(fldPath.Child("matchPolicy"), *mc.MatchPolicy, supportedMatchPolicies.List()))
	}
	if mc.NamespaceSelector == nil {
		allErrors = append(allErrors, field.Required(fldPath.Child("namespaceSelector"), ""))
	} else if _, err := metav1.LabelSelectorAsSelector(mc.NamespaceSelector); err != nil {
		allErrors = append(allErrors, field.Invalid(fldPath.Child("namespaceSelector"), mc.NamespaceSelector, err.Error()))
	}
	if mc.ObjectSelector == nil {
		allErrors = append(allErrors, field.Required(fldPath.Child("objectSelector"), ""))
	} else if _, err := metav1.LabelSelectorAsSelector(mc.ObjectSelector); err != nil {
		allErrors = append(allErrors, field.Invalid(fldPath.Child("objectSelector"), mc.ObjectSelector, err.Error()))
	}
	return allErrors
}

func validateMatchConditions(envs *minorEnvs, m []v1.MatchCondition, allowParams bool, fldPath *field.Path) field.ErrorList {
	var allErrors field.ErrorList
	conditionNames := sets.NewString()
	if len(m) > 64 {
		allErrors = append(allErrors, field.TooMany(fldPath, len(m), 64))
	}
	if len(m) == 0 {
		return allErrors
	}
	compiler := envs.writeStateless()
	for i, mc := range m {
		p := fldPath.Index(i)
		trimmed := strings.TrimSpace(mc.Expression)
		if len(trimmed) == 0 {
			allErrors = append(allErrors, field.Required(p.Child("expression"), ""))
		} else {
			allErrors = append(allErrors, validateCELCondition(compiler, &matchconditions.MatchCondition{Expression: trimmed}, plugincel.OptionalVariableDeclarations{HasParams: allowParams, HasAuthorizer: true}, p.Child("expression"))...)
		}
		if len(mc.Name) == 0 {
			allErrors = append(allErrors, field.Required(p.Child("name"), ""))
		}
		if len(mc.Name) > 0 {
			if conditionNames.Has(mc.Name) {
				allErrors = append(allErrors, field.Duplicate(p.Child("name"), mc.Name))
			} else {
				conditionNames.Insert(mc.Name)
			}
		}
	}
	return allErrors
}

var celReserved = sets.NewString("true", "false", "null", "in", "as", "break", "const", "continue", "else",
	"for", "function", "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while")

func isCELIdentifier(name string) bool {
	if name == "" || celReserved.Has(name) {
		return false
	}
	for i, r := range name {
		if !(r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9')) {
			return false
		}
	}
	return true
}

func validateVariable(compiler plugincel.Compiler, name, expression string, hasParams bool, fldPath *field.Path) field.ErrorList {
	var allErrors field.ErrorList
	if len(name) == 0 || strings.TrimSpace(name) == "" {
		allErrors = append(allErrors, field.Required(fldPath.Child("name"), "name is not specified"))
	} else if !isCELIdentifier(name) {
		allErrors = append(allErrors, field.Invalid(fldPath.Child("name"), name, "must be a valid CEL identifier"))
	}
	if len(expression) == 0 || strings.TrimSpace(expression) == "" {
		allErrors = append(allErrors, field.Required(fldPath.Child("expression"), "expression is not specified"))
	} else if cc, ok := compiler.(*plugincel.CompositedCompiler); ok {
		variable := &variableAccessor{Name: name, Expression: expression}
		result := cc.CompileAndStoreVariable(variable, plugincel.OptionalVariableDeclarations{HasParams: hasParams, HasAuthorizer: true}, writeMode)
		if result.Error != nil {
			allErrors = append(allErrors, convertCELErrorToValidationError(fldPath.Child("expression"), variable, result.Error))
		}
	} else {
		allErrors = append(allErrors, field.InternalError(fldPath, fmt.Errorf("variable composition is not allowed")))
	}
	return allErrors
}

func hasNewlines(s string) bool { return strings.ContainsAny(s, "\n\r") }

func validateValidation(compiler plugincel.Compiler, v *v1.Validation, hasParams, allowParamsInMessage bool, fldPath *field.Path) field.ErrorList {
	var allErrors field.ErrorList
	trimmedExpression := strings.TrimSpace(v.Expression)
	trimmedMsg := strings.TrimSpace(v.Message)
	trimmedMessageExpression := strings.TrimSpace(v.MessageExpression)
	if len(trimmedExpression) == 0 {
		allErrors = append(allErrors, field.Required(fldPath.Child("expression"), "expression is not specified"))
	} else {
		allErrors = append(allErrors, validateCELCondition(compiler, &validationCondition{Expression: v.Expression}, plugincel.OptionalVariableDeclarations{HasParams: hasParams, HasAuthorizer: true}, fldPath.Child("expression"))...)
	}
	if len(v.MessageExpression) > 0 && len(trimmedMessageExpression) == 0 {
		allErrors = append(allErrors, field.Invalid(fldPath.Child("messageExpression"), v.MessageExpression, "must be non-empty if specified"))
	} else if len(trimmedMessageExpression) != 0 {
		allErrors = append(allErrors, validateCELCondition(compiler, &messageExpressionCondition{MessageExpression: v.MessageExpression}, plugincel.OptionalVariableDeclarations{HasParams: allowParamsInMessage, HasAuthorizer: false}, fldPath.Child("messageExpression"))...)
	}
	if len(v.Message) > 0 && len(trimmedMsg) == 0 {
		allErrors = append(allErrors, field.Invalid(fldPath.Child("message"), v.Message, "must be non-empty if specified"))
	} else if hasNewlines(trimmedMsg) {
		allErrors = append(allErrors, field.Invalid(fldPath.Child("message"), v.Message, "must not contain line breaks"))
	}
	if v.Reason != nil && !supportedValidationPolicyReason.Has(string(*v.Reason)) {
		allErrors = append(allErrors, field.NotSupported(fldPath.Child("reason"), *v.Reason, supportedValidationPolicyReason.List()))
	}
	return allErrors
}

func validateCELCondition(compiler plugincel.Compiler, expression plugincel.ExpressionAccessor, variables plugincel.OptionalVariableDeclarations, fldPath *field.Path) field.ErrorList {
	result := compiler.CompileCELExpression(expression, variables, writeMode)
	if result.Error != nil {
		return field.ErrorList{convertCELErrorToValidationError(fldPath, expression, result.Error)}
	}
	return nil
}

func convertCELErrorToValidationError(fldPath *field.Path, expression plugincel.ExpressionAccessor, err error) *field.Error {
	var celErr *apiservercel.Error
	if errors.As(err, &celErr) {
		switch celErr.Type {
		case apiservercel.ErrorTypeRequired:
			return field.Required(fldPath, celErr.Detail)
		case apiservercel.ErrorTypeInvalid:
			return field.Invalid(fldPath, expression.GetExpression(), celErr.Detail)
		case apiservercel.ErrorTypeInternal:
			return field.InternalError(fldPath, celErr)
		}
	}
	return field.InternalError(fldPath, fmt.Errorf("unsupported error type: %w", err))
}

func validateAuditAnnotation(compiler plugincel.Compiler, policyName string, v *v1.AuditAnnotation, hasParams bool, fldPath *field.Path) field.ErrorList {
	var allErrors field.ErrorList
	if len(policyName) == 0 {
		allErrors = append(allErrors, field.Invalid(fldPath.Child("key"), v.Key, "requires metadata.name be non-empty"))
	}
	trimmed := strings.TrimSpace(v.ValueExpression)
	if len(trimmed) == 0 {
		allErrors = append(allErrors, field.Required(fldPath.Child("valueExpression"), "valueExpression is not specified"))
	} else if len(trimmed) > maxAuditAnnotationValueExpressionLength {
		allErrors = append(allErrors, field.Required(fldPath.Child("valueExpression"), fmt.Sprintf("must not exceed %d bytes in length", maxAuditAnnotationValueExpressionLength)))
	} else {
		result := compiler.CompileCELExpression(&auditAnnotationCondition{ValueExpression: trimmed}, plugincel.OptionalVariableDeclarations{HasParams: hasParams, HasAuthorizer: true}, writeMode)
		if result.Error != nil {
			switch result.Error.Type {
			case apiservercel.ErrorTypeRequired:
				allErrors = append(allErrors, field.Required(fldPath.Child("valueExpression"), result.Error.Detail))
			case apiservercel.ErrorTypeInvalid:
				allErrors = append(allErrors, field.Invalid(fldPath.Child("valueExpression"), v.ValueExpression, result.Error.Detail))
			default:
				allErrors = append(allErrors, field.InternalError(fldPath.Child("valueExpression"), result.Error))
			}
		}
	}
	return allErrors
}

func validateValidationActions(va []v1.ValidationAction, fldPath *field.Path) field.ErrorList {
	var allErrors field.ErrorList
	actions := sets.NewString()
	for i, action := range va {
		if !validValidationActions.Has(string(action)) {
			allErrors = append(allErrors, field.NotSupported(fldPath.Index(i), action, validValidationActions.List()))
		}
		if actions.Has(string(action)) {
			allErrors = append(allErrors, field.Duplicate(fldPath.Index(i), action))
		}
		actions.Insert(string(action))
	}
	if actions.Has(string(v1.Deny)) && actions.Has(string(v1.Warn)) {
		allErrors = append(allErrors, field.Invalid(fldPath, va, "must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)"))
	}
	if len(actions) == 0 {
		allErrors = append(allErrors, field.Required(fldPath, "at least one validation action is required"))
	}
	return allErrors
}

func validateVAPBinding(b *v1.ValidatingAdmissionPolicyBinding) field.ErrorList {
	var allErrors field.ErrorList
	spec := field.NewPath("spec")
	if len(b.Spec.PolicyName) == 0 {
		allErrors = append(allErrors, field.Required(spec.Child("policyName"), ""))
	}
	if b.Spec.MatchResources != nil {
		allErrors = append(allErrors, validateMatchResources(b.Spec.MatchResources, spec.Child("matchResouces"))...)
	}
	allErrors = append(allErrors, validateParamRef(b.Spec.ParamRef, spec.Child("paramRef"))...)
	allErrors = append(allErrors, validateValidationActions(b.Spec.ValidationActions, spec.Child("validationActions"))...)
	return allErrors
}

func validateParamRef(pr *v1.ParamRef, fldPath *field.Path) field.ErrorList {
	var allErrors field.ErrorList
	if pr == nil {
		return allErrors
	}
	if len(pr.Name) > 0 && pr.Selector != nil {
		allErrors = append(allErrors, field.Forbidden(fldPath.Child("name"), `name and selector are mutually exclusive`))
	}
	if len(pr.Name) == 0 && pr.Selector == nil {
		allErrors = append(allErrors, field.Required(fldPath, `one of name or selector must be specified`))
	}
	if pr.ParameterNotFoundAction == nil || len(*pr.ParameterNotFoundAction) == 0 {
		allErrors = append(allErrors, field.Required(fldPath.Child("parameterNotFoundAction"), ""))
	} else if *pr.ParameterNotFoundAction != v1.DenyAction && *pr.ParameterNotFoundAction != v1.AllowAction {
		allErrors = append(allErrors, field.NotSupported(fldPath.Child("parameterNotFoundAction"), *pr.ParameterNotFoundAction, []string{string(v1.DenyAction), string(v1.AllowAction)}))
	}
	return allErrors
}

// ---------------------------------------------------------------- evaluation results

type ExpressionResult struct {
	Index      int    `json:"index"`
	Expression string `json:"expression"`
	// pass | fail | error | skipped
	Outcome string `json:"outcome"`
	Value   string `json:"value,omitempty"`
	Message string `json:"message,omitempty"`
	Reason  string `json:"reason,omitempty"`
	Error   string `json:"error,omitempty"`
	// Actual cost charged for this expression, including composited variables it evaluated first.
	Cost *int64 `json:"cost,omitempty"`
	// For validations: what the messageExpression produced (or why it was not used).
	MessageExpression       string `json:"messageExpression,omitempty"`
	MessageExpressionResult string `json:"messageExpressionResult,omitempty"`
	MessageExpressionError  string `json:"messageExpressionError,omitempty"`
	MessageExpressionCost   *int64 `json:"messageExpressionCost,omitempty"`
}

type AuditAnnotationResult struct {
	Key    string `json:"key"`
	Action string `json:"action"` // publish | exclude | error
	Value  string `json:"value,omitempty"`
	Error  string `json:"error,omitempty"`
	Cost   *int64 `json:"cost,omitempty"`
}

type MatchConditionResult struct {
	Matches         bool   `json:"matches"`
	FailedCondition string `json:"failedCondition,omitempty"`
	Error           string `json:"error,omitempty"`
}

type ParamEvaluation struct {
	Param            string                  `json:"param,omitempty"`
	MatchConditions  *MatchConditionResult   `json:"matchConditions,omitempty"`
	Validations      []ExpressionResult      `json:"validations,omitempty"`
	AuditAnnotations []AuditAnnotationResult `json:"auditAnnotations,omitempty"`
	Error            string                  `json:"error,omitempty"`
	// Budget accounting of the validation pass (shared 10M budget) and the audit pass.
	ValidationCost int64 `json:"validationCost"`
	MessageCost    int64 `json:"messageCost"`
	AuditCost      int64 `json:"auditCost"`
}

type BindingResult struct {
	Name        string            `json:"name"`
	Matched     bool              `json:"matched"`
	Why         []MatchStep       `json:"why,omitempty"`
	ConfigError string            `json:"configError,omitempty"`
	Actions     []string          `json:"actions"`
	Evaluations []ParamEvaluation `json:"evaluations,omitempty"`
	// Effective outcome of this binding: admit | deny | warn | audit (several may apply).
	Effects []string `json:"effects"`
}

type Status struct {
	Code    int32    `json:"code"`
	Reason  string   `json:"reason"`
	Message string   `json:"message"`
	Causes  []string `json:"causes,omitempty"`
}

type Verdict struct {
	Allowed          bool              `json:"allowed"`
	Status           *Status           `json:"status,omitempty"`
	Warnings         []string          `json:"warnings"`
	AuditAnnotations map[string]string `json:"auditAnnotations,omitempty"`
}

type PolicyMatch struct {
	Matched         bool        `json:"matched"`
	Why             []MatchStep `json:"why,omitempty"`
	MatchedResource string      `json:"matchedResource,omitempty"`
	MatchedKind     string      `json:"matchedKind,omitempty"`
	ConfigError     string      `json:"configError,omitempty"`
}

// ---------------------------------------------------------------- evaluation

type policyDecision struct {
	action     string // admit | deny
	evaluation string // admit | deny | error
	message    string
	reason     metav1.StatusReason
}

type deniedDecision struct {
	policyDecision
	binding string
}

func (c *compiledVAP) validate(ctx context.Context, matchedResource schema.GroupVersionResource, versionedAttr *admission.VersionedAttributes, versionedParams runtime.Object, namespace *corev1.Namespace, authz authorizer.UnconditionalAuthorizer, pe *ParamEvaluation) ([]policyDecision, []AuditAnnotationResult) {
	f := v1.Fail
	if c.policy.Spec.FailurePolicy != nil {
		f = *c.policy.Spec.FailurePolicy
	}
	errorAction := "deny"
	if f == v1.Ignore {
		errorAction = "admit"
	}
	if c.compileErr != nil {
		return []policyDecision{{action: errorAction, evaluation: "error", message: c.compileErr.Error()}}, nil
	}
	if c.matcher != nil {
		m := c.matcher.Match(ctx, versionedAttr, versionedParams, authz)
		pe.MatchConditions = &MatchConditionResult{Matches: m.Matches, FailedCondition: m.FailedConditionName}
		if m.Error != nil {
			pe.MatchConditions.Error = m.Error.Error()
			return []policyDecision{{action: errorAction, evaluation: "error", message: m.Error.Error()}}, nil
		}
		if !m.Matches {
			return nil, nil
		}
	}

	optionalVars := plugincel.OptionalVariableBindings{VersionedParams: versionedParams, Authorizer: authz}
	expressionOptionalVars := plugincel.OptionalVariableBindings{VersionedParams: versionedParams}
	admissionRequest := plugincel.CreateAdmissionRequest(versionedAttr.Attributes, metav1.GroupVersionResource(matchedResource), metav1.GroupVersionKind(versionedAttr.VersionedKind))
	ns := plugincel.CreateNamespaceObject(namespace)

	c.valRec.reset(len(c.validations))
	vctx := &recordingContext{CompositionContext: c.cc.CreateContext(ctx), rec: c.valRec}
	evalResults, remainingBudget, err := plugincel.NewCondition(c.validations).ForInput(vctx, versionedAttr, admissionRequest, optionalVars, ns, celconfig.RuntimeCELCostBudget)
	if err != nil {
		pe.Error = err.Error()
		pe.ValidationCost = sum(c.valRec.costs)
		return []policyDecision{{action: errorAction, evaluation: "error", message: err.Error()}}, nil
	}
	pe.ValidationCost = celconfig.RuntimeCELCostBudget - remainingBudget
	decisions := make([]policyDecision, len(evalResults))
	c.msgRec.reset(len(c.messages))
	var messageResults []plugincel.EvaluationResult
	var msgRemaining int64
	var msgErr error
	if c.hasMessages {
		mctx := &recordingContext{CompositionContext: c.cc.CreateContext(ctx), rec: c.msgRec}
		messageResults, msgRemaining, msgErr = plugincel.NewCondition(c.messages).ForInput(mctx, versionedAttr, admissionRequest, expressionOptionalVars, ns, remainingBudget)
	} else {
		// No messageExpression at all: ForInput would build an activation and skip every
		// placeholder, returning empty results and the budget unchanged.
		messageResults, msgRemaining = make([]plugincel.EvaluationResult, len(c.messages)), remainingBudget
	}
	if msgErr == nil {
		pe.MessageCost = remainingBudget - msgRemaining
	} else {
		pe.MessageCost = sum(c.msgRec.costs)
	}
	pe.Validations = make([]ExpressionResult, len(evalResults))
	for i, evalResult := range evalResults {
		decision := &decisions[i]
		v := c.policy.Spec.Validations[i]
		er := &pe.Validations[i]
		er.Index = i
		er.Expression = v.Expression
		er.Cost = ptr(c.valRec.costs[i])
		er.MessageExpression = v.MessageExpression
		if i < len(c.msgRec.costs) && c.messages[i].ExpressionAccessor != nil {
			er.MessageExpressionCost = ptr(c.msgRec.costs[i])
		}
		var messageResult *plugincel.EvaluationResult
		if len(messageResults) > i {
			messageResult = &messageResults[i]
		}
		if messageResult != nil {
			if messageResult.Error != nil {
				er.MessageExpressionError = messageResult.Error.Error()
			} else if messageResult.EvalResult != nil {
				er.MessageExpressionResult = fmt.Sprint(messageResult.EvalResult.Value())
			}
		} else if msgErr != nil && v.MessageExpression != "" {
			er.MessageExpressionError = msgErr.Error()
		}
		if evalResult.Error != nil {
			decision.action = errorAction
			decision.evaluation = "error"
			decision.message = evalResult.Error.Error()
		} else if errors.Is(msgErr, apiservercel.ErrInternal) || errors.Is(msgErr, apiservercel.ErrOutOfBudget) {
			decision.action = errorAction
			decision.evaluation = "error"
			decision.message = fmt.Sprintf("failed messageExpression: %s", msgErr)
		} else if evalResult.EvalResult != celtypes.True {
			decision.action = "deny"
			decision.evaluation = "deny"
			if v.Reason == nil {
				decision.reason = metav1.StatusReasonInvalid
			} else {
				decision.reason = *v.Reason
			}
			var message string
			if messageResult != nil && messageResult.Error == nil && messageResult.EvalResult != nil {
				if s, ok := messageResult.EvalResult.Value().(string); ok {
					message = strings.TrimSpace(s)
					if len(message) > celconfig.MaxEvaluatedMessageExpressionSizeBytes {
						er.MessageExpressionError = fmt.Sprintf("messageExpression result is longer than %d bytes and was not used", celconfig.MaxEvaluatedMessageExpressionSizeBytes)
						message = ""
					}
					if strings.ContainsAny(message, "\n") {
						er.MessageExpressionError = "messageExpression result contains a line break and was not used"
						message = ""
					}
				}
			}
			if message == "" && len(v.Message) > 0 {
				message = strings.TrimSpace(v.Message)
			}
			if message == "" {
				message = fmt.Sprintf("failed expression: %v", strings.TrimSpace(v.Expression))
			}
			decision.message = message
		} else {
			decision.action = "admit"
			decision.evaluation = "admit"
		}
		switch decision.evaluation {
		case "admit":
			er.Outcome = "pass"
		case "deny":
			er.Outcome = "fail"
			er.Message = decision.message
			er.Reason = string(decision.reason)
		default:
			er.Outcome = "error"
			er.Error = decision.message
		}
		if evalResult.EvalResult != nil {
			er.Value = valueString(evalResult.EvalResult)
		}
	}

	// Audit annotations get a fresh budget and the namespace object unfiltered (validator.go).
	options := plugincel.OptionalVariableBindings{VersionedParams: versionedParams}
	c.audRec.reset(len(c.audits))
	if len(c.audits) == 0 {
		// ForInput returns at once for an empty list (no activation, the budget unchanged).
		return decisions, []AuditAnnotationResult{}
	}
	actx := &recordingContext{CompositionContext: c.cc.CreateContext(ctx), rec: c.audRec}
	auditResults, audRemaining, err := plugincel.NewCondition(c.audits).ForInput(actx, versionedAttr, admissionRequest, options, namespace, celconfig.RuntimeCELCostBudget)
	if err != nil {
		pe.AuditCost = sum(c.audRec.costs)
		return []policyDecision{{action: errorAction, evaluation: "error", message: err.Error()}}, nil
	}
	pe.AuditCost = celconfig.RuntimeCELCostBudget - audRemaining
	audits := make([]AuditAnnotationResult, 0, len(auditResults))
	for i, evalResult := range auditResults {
		if evalResult.ExpressionAccessor == nil {
			continue
		}
		a := AuditAnnotationResult{Key: c.policy.Spec.AuditAnnotations[i].Key, Cost: ptr(c.audRec.costs[i])}
		errAction := "error"
		if f == v1.Ignore {
			errAction = "exclude"
		}
		if evalResult.Error != nil {
			a.Action = errAction
			a.Error = evalResult.Error.Error()
		} else {
			switch evalResult.EvalResult.Type() {
			case celtypes.StringType:
				value := strings.TrimSpace(evalResult.EvalResult.Value().(string))
				if len(value) == 0 {
					a.Action = "exclude"
				} else {
					a.Action = "publish"
					a.Value = value
				}
			case celtypes.NullType:
				a.Action = "exclude"
			default:
				a.Action = "error"
				a.Error = fmt.Sprintf("valueExpression '%v' resulted in unsupported return type: %v. "+
					"Return type must be either string or null.", c.policy.Spec.AuditAnnotations[i].ValueExpression, evalResult.EvalResult.Type())
			}
		}
		audits = append(audits, a)
	}
	return decisions, audits
}

// valueString is fmt.Sprint of the result's Go value, without fmt for the usual booleans.
func valueString(v ref.Val) string {
	if b, ok := v.(celtypes.Bool); ok {
		return strconv.FormatBool(bool(b))
	}
	return fmt.Sprint(v.Value())
}

func sum(xs []int64) int64 {
	var s int64
	for _, x := range xs {
		s += x
	}
	return s
}

func ptr[T any](v T) *T { return &v }

// wrappedParam is validating/dispatcher.go's wrappedParam: typed params get TypeMeta from paramKind.
type wrappedParam struct {
	metav1.TypeMeta
	nested runtime.Object
}

func (w *wrappedParam) MarshalJSON() ([]byte, error) {
	return nil, errors.New("MarshalJSON unimplemented for wrappedParam")
}
func (w *wrappedParam) UnmarshalJSON(data []byte) error {
	return errors.New("UnmarshalJSON unimplemented for wrappedParam")
}
func (w *wrappedParam) ToUnstructured() interface{} {
	res, err := runtime.DefaultUnstructuredConverter.ToUnstructured(w.nested)
	if err != nil {
		return nil
	}
	metaRes, err := runtime.DefaultUnstructuredConverter.ToUnstructured(&w.TypeMeta)
	if err != nil {
		return nil
	}
	for k, v := range metaRes {
		res[k] = v
	}
	return res
}
func (w *wrappedParam) DeepCopyObject() runtime.Object {
	return &wrappedParam{TypeMeta: w.TypeMeta, nested: w.nested.DeepCopyObject()}
}
func (w *wrappedParam) GetObjectKind() schema.ObjectKind { return w }

func paramName(p runtime.Object) string {
	if p == nil {
		return ""
	}
	a, err := meta.Accessor(p)
	if err != nil {
		return ""
	}
	if a.GetNamespace() != "" {
		return a.GetNamespace() + "/" + a.GetName()
	}
	return a.GetName()
}

// collectParams is generic.CollectParams over the lab's static param list.
func (ps *paramStore) collect(paramKind *v1.ParamKind, paramRef *v1.ParamRef, namespace string) ([]runtime.Object, error) {
	if paramKind != nil && paramRef != nil && (ps == nil || !ps.known) {
		return nil, fmt.Errorf("paramKind kind `%v` not known", paramKind.String())
	}
	switch {
	case paramKind == nil:
		return []runtime.Object{nil}, nil
	case paramRef == nil:
		return []runtime.Object{nil}, nil
	}
	paramsNamespace := ""
	if ps.namespaced {
		paramsNamespace = namespace
		if len(paramRef.Namespace) > 0 {
			paramsNamespace = paramRef.Namespace
		} else if len(paramsNamespace) == 0 {
			return nil, fmt.Errorf("cannot use namespaced paramRef in policy binding that matches cluster-scoped resources")
		}
	}
	inScope := func(o runtime.Object) (metav1.Object, bool) {
		a, err := meta.Accessor(o)
		if err != nil {
			return nil, false
		}
		if ps.namespaced && a.GetNamespace() != paramsNamespace {
			return nil, false
		}
		return a, true
	}
	var params []runtime.Object
	switch {
	case len(paramRef.Namespace) > 0 && !ps.namespaced:
		return nil, fmt.Errorf("paramRef.namespace must not be provided for a cluster-scoped `paramKind`")
	case len(paramRef.Name) > 0:
		if paramRef.Selector != nil {
			return nil, fmt.Errorf("paramRef.name and paramRef.selector are mutually exclusive")
		}
		for _, o := range ps.objects {
			if a, ok := inScope(o); ok && a.GetName() == paramRef.Name {
				params = []runtime.Object{o}
				break
			}
		}
	case paramRef.Selector != nil:
		selector, err := metav1.LabelSelectorAsSelector(paramRef.Selector)
		if err != nil {
			return nil, err
		}
		for _, o := range ps.objects {
			if a, ok := inScope(o); ok && selector.Matches(labelSet(a.GetLabels())) {
				params = append(params, o)
			}
		}
	default:
		return nil, fmt.Errorf("one of name or selector must be provided")
	}
	if len(params) == 0 && paramRef.ParameterNotFoundAction != nil && *paramRef.ParameterNotFoundAction == v1.DenyAction {
		return nil, errors.New("no params found for policy binding with `Deny` parameterNotFoundAction")
	}
	return params, nil
}

// evaluateVAP runs dispatcher.go's Dispatch for one request against this policy and its bindings.
func (b *compiledBundle) evaluateVAP(ctx context.Context, a admission.Attributes, res *CaseResult) {
	c := b.vap
	verdict := &Verdict{Warnings: []string{}}
	res.Verdict = verdict
	var denied []deniedDecision
	f := v1.Fail
	if c.policy.Spec.FailurePolicy != nil {
		f = *c.policy.Spec.FailurePolicy
	}
	addConfigError := func(err error, binding string) {
		switch f {
		case v1.Ignore:
			return
		case v1.Fail:
			msg := fmt.Errorf("failed to configure policy: %w", err).Error()
			if binding != "" {
				msg = fmt.Errorf("failed to configure binding: %w", err).Error()
			}
			denied = append(denied, deniedDecision{policyDecision: policyDecision{action: "deny", message: msg}, binding: binding})
		default:
			denied = append(denied, deniedDecision{policyDecision: policyDecision{action: "deny", message: fmt.Errorf("unrecognized failure policy: '%v'", f).Error()}, binding: binding})
		}
	}
	m := &matcher{namespaces: b.namespaces, rules: &b.ruleDescriptions}
	pm := &PolicyMatch{}
	res.Policy = pm
	if len(c.bindings) == 0 {
		// The policy source only builds hooks for policies that have bindings.
		pm.ConfigError = "no binding refers to this policy: the apiserver does not evaluate it"
		verdict.Allowed = true
		return
	}
	matches, matchResource, matchKind, err, why := m.definitionMatches(a, b.iface, c.policy.Spec.MatchConstraints)
	pm.Why = why
	auditCollector := map[string][]string{}
	var validationFailures []validationFailureValue
	if err != nil {
		pm.ConfigError = err.Error()
		addConfigError(err, "")
	} else if matches && c.configError != nil {
		pm.Matched = true
		pm.ConfigError = c.configError.Error()
		addConfigError(c.configError, "")
	} else if matches {
		pm.Matched = true
		pm.MatchedResource = matchResource.String()
		pm.MatchedKind = matchKind.String()
		var versionedAttr *admission.VersionedAttributes
		for _, binding := range c.bindings {
			br := BindingResult{Name: binding.Name, Actions: actionStrings(binding.Spec.ValidationActions), Effects: []string{}}
			ok, err, bwhy := m.bindingMatches(a, b.iface, binding.Spec.MatchResources)
			br.Why = bwhy
			if err != nil {
				br.ConfigError = err.Error()
				addConfigError(err, binding.Name)
				res.Bindings = append(res.Bindings, br)
				continue
			}
			if !ok {
				res.Bindings = append(res.Bindings, br)
				continue
			}
			br.Matched = true
			params, err := b.params.collect(c.policy.Spec.ParamKind, binding.Spec.ParamRef, a.GetNamespace())
			if err != nil {
				br.ConfigError = "failed to configure binding: " + err.Error()
				addConfigError(err, binding.Name)
				res.Bindings = append(res.Bindings, br)
				continue
			}
			if versionedAttr == nil && len(params) > 0 {
				va, err := admission.NewVersionedAttributes(a, matchKind, b.iface)
				if err != nil {
					wrapped := fmt.Errorf("failed to convert object version: %w", err)
					br.ConfigError = wrapped.Error()
					addConfigError(wrapped, binding.Name)
					res.Bindings = append(res.Bindings, br)
					continue
				}
				versionedAttr = va
			}
			var namespace *corev1.Namespace
			namespaceName := a.GetNamespace()
			if gvk := a.GetKind(); gvk.Kind == "Namespace" && gvk.Version == "v1" && gvk.Group == "" {
				namespaceName = ""
			}
			if namespaceName != "" {
				namespace, err = m.namespaces.Get(namespaceName)
				if err != nil {
					// The dispatcher returns this error as the response (e.g. NotFound).
					res.Bindings = append(res.Bindings, br)
					verdict.Allowed = false
					verdict.Status = statusFromError(err)
					return
				}
			}
			for _, param := range params {
				var p runtime.Object = param
				if p != nil && p.GetObjectKind().GroupVersionKind().Empty() {
					p = &wrappedParam{TypeMeta: metav1.TypeMeta{APIVersion: c.policy.Spec.ParamKind.APIVersion, Kind: c.policy.Spec.ParamKind.Kind}, nested: param}
				}
				pe := ParamEvaluation{Param: paramName(param)}
				decisions, audits := c.validate(ctx, matchResource, versionedAttr, p, namespace, b.authz, &pe)
				pe.AuditAnnotations = audits
				if len(pe.Validations) == 0 && len(decisions) == 1 && decisions[0].evaluation == "error" && pe.Error == "" {
					pe.Error = decisions[0].message
				}
				br.Evaluations = append(br.Evaluations, pe)
				for i, d := range decisions {
					if d.action != "deny" {
						continue
					}
					for _, action := range binding.Spec.ValidationActions {
						switch action {
						case v1.Deny:
							denied = append(denied, deniedDecision{policyDecision: d, binding: binding.Name})
							br.Effects = appendUnique(br.Effects, "deny")
						case v1.Audit:
							validationFailures = append(validationFailures, validationFailureValue{ExpressionIndex: i, Message: d.message, ValidationActions: binding.Spec.ValidationActions, Binding: binding.Name, Policy: binding.Spec.PolicyName})
							br.Effects = appendUnique(br.Effects, "audit")
						case v1.Warn:
							verdict.Warnings = append(verdict.Warnings, fmt.Sprintf("Validation failed for ValidatingAdmissionPolicy '%s' with binding '%s': %s", c.policy.Name, binding.Name, d.message))
							br.Effects = appendUnique(br.Effects, "warn")
						}
					}
				}
				for _, aa := range audits {
					switch aa.Action {
					case "publish":
						value := aa.Value
						if len(value) > maxAuditAnnotationValueLength {
							value = value[:maxAuditAnnotationValueLength]
						}
						if !contains(auditCollector[aa.Key], value) {
							auditCollector[aa.Key] = append(auditCollector[aa.Key], value)
						}
					case "error":
						denied = append(denied, deniedDecision{policyDecision: policyDecision{action: "deny", evaluation: "error", message: aa.Error}, binding: binding.Name})
						br.Effects = appendUnique(br.Effects, "deny")
					}
				}
			}
			if len(br.Effects) == 0 {
				br.Effects = append(br.Effects, "admit")
			}
			res.Bindings = append(res.Bindings, br)
		}
	}
	if len(auditCollector) > 0 || len(validationFailures) > 0 {
		verdict.AuditAnnotations = map[string]string{}
		for key, values := range auditCollector {
			verdict.AuditAnnotations[c.policy.Name+"/"+key] = strings.Join(values, ", ")
		}
		if len(validationFailures) > 0 {
			if len(validationFailures) > maxValidationFailures {
				validationFailures = validationFailures[:maxValidationFailures]
			}
			if b, err := jsonMarshal(validationFailures); err == nil {
				verdict.AuditAnnotations["validation.policy.admission.k8s.io/validation_failure"] = string(b)
			}
		}
	}
	if len(denied) == 0 {
		verdict.Allowed = true
		return
	}
	d := denied[0]
	var message string
	if d.binding != "" {
		message = fmt.Sprintf("ValidatingAdmissionPolicy '%s' with binding '%s' denied request: %s", c.policy.Name, d.binding, d.message)
	} else {
		message = fmt.Sprintf("ValidatingAdmissionPolicy '%s' denied request: %s", c.policy.Name, d.message)
	}
	err = admission.NewForbidden(a, errors.New(message))
	se, ok := err.(*k8serrors.StatusError)
	if !ok {
		verdict.Status = &Status{Code: 500, Reason: string(metav1.StatusReasonInternalError), Message: err.Error()}
		return
	}
	reason := d.reason
	if len(reason) == 0 {
		reason = metav1.StatusReasonInvalid
	}
	se.ErrStatus.Reason = reason
	se.ErrStatus.Code = reasonToCode(reason)
	verdict.Status = &Status{Code: se.ErrStatus.Code, Reason: string(reason), Message: se.ErrStatus.Message, Causes: []string{message}}
}

const maxValidationFailures = 50
const maxAuditAnnotationValueLength = 10 * 1024

type validationFailureValue struct {
	Message           string                `json:"message"`
	Policy            string                `json:"policy"`
	Binding           string                `json:"binding"`
	ExpressionIndex   int                   `json:"expressionIndex"`
	ValidationActions []v1.ValidationAction `json:"validationActions"`
}

func reasonToCode(r metav1.StatusReason) int32 {
	switch r {
	case metav1.StatusReasonForbidden:
		return 403
	case metav1.StatusReasonUnauthorized:
		return 401
	case metav1.StatusReasonRequestEntityTooLarge:
		return 413
	default:
		return 422
	}
}

func statusFromError(err error) *Status {
	var se *k8serrors.StatusError
	if errors.As(err, &se) {
		return &Status{Code: se.ErrStatus.Code, Reason: string(se.ErrStatus.Reason), Message: se.ErrStatus.Message}
	}
	return &Status{Code: 500, Reason: string(metav1.StatusReasonInternalError), Message: err.Error()}
}

func actionStrings(a []v1.ValidationAction) []string {
	out := make([]string, len(a))
	for i, x := range a {
		out[i] = string(x)
	}
	return out
}

func appendUnique(list []string, s string) []string {
	if contains(list, s) {
		return list
	}
	return append(list, s)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
