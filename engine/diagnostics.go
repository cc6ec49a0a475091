package engine

import (
	"encoding/json"
	"regexp"
	"strconv"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/checker"
	"github.com/google/cel-go/common/types/traits"

	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/apimachinery/pkg/util/version"
	plugincel "k8s.io/apiserver/pkg/admission/plugin/cel"
	celconfig "k8s.io/apiserver/pkg/apis/cel"
	apiservercel "k8s.io/apiserver/pkg/cel"
	"k8s.io/apiserver/pkg/cel/common"
	"k8s.io/apiserver/pkg/cel/environment"
	"k8s.io/apiserver/pkg/cel/library"
	"k8s.io/apiserver/pkg/cel/mutation"
)

type celType = cel.Type

var (
	celBoolType   = cel.BoolType
	celStringType = cel.StringType
	celNullType   = cel.NullType
	celAnyType    = cel.AnyType
	celDynType    = cel.DynType
)

func labelSet(m map[string]string) labels.Set { return labels.Set(m) }

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }

// CEL reports positions as "ERROR: <input>:LINE:COLUMN: message".
var celPosition = regexp.MustCompile(`<input>:(\d+):(\d+):`)

func positionOf(msg string) (int, int) {
	m := celPosition.FindStringSubmatch(msg)
	if m == nil {
		return 0, 0
	}
	line, _ := strconv.Atoi(m[1])
	col, _ := strconv.Atoi(m[2])
	// cel-go columns are 0-based in the text; editors count from 1.
	return line, col + 1
}

func fieldDiagnostic(e *field.Error, phase string) Diagnostic {
	line, col := positionOf(e.Detail)
	return Diagnostic{Path: e.Field, Severity: "error", Message: e.Error(), Line: line, Column: col, Phase: phase}
}

// addRuntimeDiagnostics turns runtime compile errors (expressions that compile at write time of
// an older minor but not in this one's runtime environment, or vice versa) into diagnostics.
func addRuntimeDiagnostics(res *CompileResult) {
	writePaths := map[string]bool{}
	for _, d := range res.Diagnostics {
		writePaths[d.Path] = true
	}
	for _, e := range res.Expressions {
		if e.RuntimeError == "" || writePaths[e.Path] {
			continue
		}
		line, col := positionOf(e.RuntimeError)
		res.Diagnostics = append(res.Diagnostics, Diagnostic{Path: e.Path, Severity: "error", Message: e.RuntimeError, Line: line, Column: col, Phase: "runtime"})
	}
}

// ---------------------------------------------------------------- cost estimates

// estimator computes static cost estimates with cel-go's checker and Kubernetes' cost model
// (library.CostEstimator). kube-apiserver does not estimate policy expressions (it only enforces the
// runtime limits), so for policies the estimate is the lab's: values of unknown size are assumed to
// be as large as a 3 MiB request allows, which bounds the worst case.
type estimator struct {
	envs      *minorEnvs
	patch     bool
	hasParams bool
	variables map[string]*apiservercel.DeclType
	pending   []pendingEstimate
}

type pendingEstimate struct {
	info *ExpressionInfo
	opts plugincel.OptionalVariableDeclarations
	idx  int
}

func newEstimator(envs *minorEnvs, patch bool) *estimator {
	return &estimator{envs: envs, patch: patch, variables: map[string]*apiservercel.DeclType{}}
}

func (e *estimator) addVariable(name string, t *cel.Type) {
	e.variables[name] = convertCelTypeToDeclType(t)
}

func expressionInfo(est *estimator, path, expr string, r plugincel.CompilationResult, opts plugincel.OptionalVariableDeclarations) ExpressionInfo {
	return expressionInfoLimit(est, path, expr, r, opts, celconfig.PerCallLimit)
}

func expressionInfoLimit(est *estimator, path, expr string, r plugincel.CompilationResult, opts plugincel.OptionalVariableDeclarations, limit int64) ExpressionInfo {
	info := ExpressionInfo{Path: path, Expression: expr, Limit: limit}
	if r.Error != nil {
		info.RuntimeError = r.Error.Error()
	} else if r.OutputType != nil {
		info.OutputType = r.OutputType.String()
	}
	return info
}

// estimateAll fills EstimatedMin/Max of every expression that compiled.
func (e *estimator) estimateAll(res *CompileResult) {
	envsByOpts := map[plugincel.OptionalVariableDeclarations]*cel.Env{}
	for i := range res.Expressions {
		info := &res.Expressions[i]
		if info.RuntimeError != "" || info.Expression == "" {
			continue
		}
		opts := plugincel.OptionalVariableDeclarations{HasParams: e.hasParams, HasAuthorizer: true, HasPatchTypes: e.patch}
		env, ok := envsByOpts[opts]
		if !ok {
			var err error
			env, err = e.cachedEnv(opts)
			if err != nil {
				return
			}
			envsByOpts[opts] = env
		}
		ast, iss := env.Compile(info.Expression)
		if iss.Err() != nil {
			continue
		}
		est, err := env.EstimateCost(ast, &library.CostEstimator{SizeEstimator: requestSizeEstimator{}})
		if err != nil {
			continue
		}
		info.EstimatedMin = ptr(est.Min)
		info.EstimatedMax = ptr(est.Max)
	}
}

// cachedEnv is buildEnv, kept per minor for policies without variables (the environment then
// depends only on the declarations).
func (e *estimator) cachedEnv(opts plugincel.OptionalVariableDeclarations) (*cel.Env, error) {
	if len(e.variables) > 0 {
		return e.buildEnv(opts)
	}
	e.envs.estimateMu.Lock()
	defer e.envs.estimateMu.Unlock()
	if env, ok := e.envs.estimateEnvs[opts]; ok {
		return env, nil
	}
	env, err := e.buildEnv(opts)
	if err != nil {
		return nil, err
	}
	if e.envs.estimateEnvs == nil {
		e.envs.estimateEnvs = map[plugincel.OptionalVariableDeclarations]*cel.Env{}
	}
	e.envs.estimateEnvs[opts] = env
	return env, nil
}

// buildEnv mirrors plugin/cel compile.go createEnvForOpts plus the composition "variables" type,
// so the estimate is computed on the same declarations the program was compiled with.
func (e *estimator) buildEnv(opts plugincel.OptionalVariableDeclarations) (*cel.Env, error) {
	varsType := apiservercel.NewObjectType("kubernetes.variables", map[string]*apiservercel.DeclField{})
	for name, t := range e.variables {
		varsType.Fields[name] = apiservercel.NewDeclField(name, t, true, nil, nil)
	}
	requestType := plugincel.BuildRequestType()
	namespaceType := plugincel.BuildNamespaceType()
	envOpts := []cel.EnvOption{
		cel.Variable("variables", varsType.CelType()),
		cel.Variable(plugincel.ObjectVarName, cel.DynType),
		cel.Variable(plugincel.OldObjectVarName, cel.DynType),
		cel.Variable(plugincel.NamespaceVarName, namespaceType.CelType()),
		cel.Variable(plugincel.RequestVarName, requestType.CelType()),
	}
	if opts.HasParams {
		envOpts = append(envOpts, cel.Variable(plugincel.ParamsVarName, cel.DynType))
	}
	if opts.HasAuthorizer {
		envOpts = append(envOpts,
			cel.Variable(plugincel.AuthorizerVarName, library.AuthorizerType),
			cel.Variable(plugincel.RequestResourceAuthorizerVarName, library.ResourceCheckType))
	}
	extended, err := e.envs.runtime.Extend(environment.VersionedOptions{
		IntroducedVersion: version.MajorMinor(1, 0),
		EnvOptions:        envOpts,
		DeclTypes:         []*apiservercel.DeclType{varsType, namespaceType, requestType},
	}, environment.StrictCostOpt)
	if err != nil {
		return nil, err
	}
	if opts.HasPatchTypes {
		extended, err = extended.Extend(environment.VersionedOptions{
			IntroducedVersion: version.MajorMinor(1, 0),
			EnvOptions: []cel.EnvOption{
				common.ResolverEnvOption(&mutation.DynamicTypeResolver{}),
				environment.UnversionedLib(library.JSONPatch),
			},
		})
		if err != nil {
			return nil, err
		}
	}
	return extended.Env(runtimeMode)
}

// requestSizeEstimator bounds values of unknown size by the apiserver's request size limit.
type requestSizeEstimator struct{}

func (requestSizeEstimator) EstimateSize(element checker.AstNode) *checker.SizeEstimate {
	if element.ComputedSize() != nil {
		return nil
	}
	if len(element.Path()) == 0 {
		return nil
	}
	return &checker.SizeEstimate{Min: 0, Max: uint64(celconfig.MaxRequestSizeBytes)}
}

func (requestSizeEstimator) EstimateCallCost(function, overloadID string, target *checker.AstNode, args []checker.AstNode) *checker.CallEstimate {
	return nil
}

// convertCelTypeToDeclType is plugin/cel composition.go's unexported helper of the same name.
func convertCelTypeToDeclType(celType *cel.Type) *apiservercel.DeclType {
	if celType == nil {
		return apiservercel.DynType
	}
	switch celType {
	case cel.AnyType:
		return apiservercel.AnyType
	case cel.BoolType:
		return apiservercel.BoolType
	case cel.BytesType:
		return apiservercel.BytesType
	case cel.DoubleType:
		return apiservercel.DoubleType
	case cel.DurationType:
		return apiservercel.DurationType
	case cel.IntType:
		return apiservercel.IntType
	case cel.NullType:
		return apiservercel.NullType
	case cel.StringType:
		return apiservercel.StringType
	case cel.TimestampType:
		return apiservercel.TimestampType
	case cel.UintType:
		return apiservercel.UintType
	default:
		if celType.HasTrait(traits.ContainerType) && celType.HasTrait(traits.IndexerType) {
			parameters := celType.Parameters()
			switch len(parameters) {
			case 1:
				return apiservercel.NewListType(convertCelTypeToDeclType(parameters[0]), -1)
			case 2:
				return apiservercel.NewMapType(convertCelTypeToDeclType(parameters[0]), convertCelTypeToDeclType(parameters[1]), -1)
			}
		}
		return apiservercel.DynType
	}
}
