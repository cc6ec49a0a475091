package engine

import (
	"fmt"

	"github.com/google/cel-go/cel"
	"strconv"
	"strings"
	"sync"

	"k8s.io/apimachinery/pkg/util/version"
	plugincel "k8s.io/apiserver/pkg/admission/plugin/cel"
	"k8s.io/apiserver/pkg/cel/environment"
)

// The minors the lab emulates. The engine is built from 1.37's libraries; older minors are
// emulated with the libraries' own versioning (see envsFor).
var supportedMinors = []string{"1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36", "1.37"}

// minorEnvs are the two CEL environments that matter for a server of one minor:
//
//   - write: what a create/update of a policy (or CRD) is checked against: the NewExpressions
//     environment at the server's default compatibility version, which is minor−1 (1.30 pins
//     1.29; 1.31+ use the effective version's MinCompatibilityVersion = emulation − 1).
//   - runtime: what admission evaluates with: StoredExpressions of that server, i.e. every
//     library its own base.go contains. With 1.37's base.go this is exactly the set of options
//     whose IntroducedVersion ≤ minor and RemovedVersion (if any) > minor, which is what
//     NewExpressions at compatibility version = minor selects. For 1.37 itself this gives
//     Lists v1 (includes) instead of v0, as the real 1.37 StoredExpressions does.
//
// Both are returned as EnvSets plus the mode to compile with, so the official compilers
// (k8s.io/apiserver/pkg/admission/plugin/cel) can be used unchanged.
type minorEnvs struct {
	minor   *version.Version
	write   *environment.EnvSet
	runtime *environment.EnvSet

	statelessOnce sync.Once
	stateless     plugincel.Compiler

	sharedOnce sync.Once
	shared     *plugincel.CompositedCompiler
	sharedErr  error

	// Cost-estimation environments of policies without variables, by their declarations.
	estimateMu   sync.Mutex
	estimateEnvs map[plugincel.OptionalVariableDeclarations]*cel.Env
}

// writeStateless is the stateless write-time compiler (no variable composition), built once per
// minor like KKval's getStrictStatelessCELCompiler.
func (e *minorEnvs) writeStateless() plugincel.Compiler {
	e.statelessOnce.Do(func() { e.stateless = plugincel.NewCompiler(e.write) })
	return e.stateless
}

// Both environments are selected with NewExpressions (see above).
const (
	writeMode   = environment.NewExpressions
	runtimeMode = environment.NewExpressions
)

var (
	envCacheMu sync.Mutex
	envCache   = map[string]*minorEnvs{}
)

func parseMinor(s string) (*version.Version, error) {
	if s == "" {
		s = "1.37"
	}
	for _, m := range supportedMinors {
		if m == s {
			parts := strings.SplitN(s, ".", 2)
			minor, _ := strconv.Atoi(parts[1])
			return version.MajorMinor(1, uint(minor)), nil
		}
	}
	return nil, fmt.Errorf("unsupported Kubernetes minor %q (supported: %s)", s, strings.Join(supportedMinors, ", "))
}

func envsFor(minorStr string) (*minorEnvs, error) {
	minor, err := parseMinor(minorStr)
	if err != nil {
		return nil, err
	}
	key := minor.String()
	envCacheMu.Lock()
	defer envCacheMu.Unlock()
	if e, ok := envCache[key]; ok {
		return e, nil
	}
	compat := version.MajorMinor(1, minor.Minor()-1)
	e := &minorEnvs{
		minor:   minor,
		write:   environment.MustBaseEnvSet(compat),
		runtime: environment.MustBaseEnvSet(minor),
	}
	envCache[key] = e
	return e, nil
}

// newRuntimeCompiler returns a fresh composited compiler (stateful: it stores variables) for the
// runtime environment of the minor, as the plugins build one per policy.
func (e *minorEnvs) newRuntimeCompiler() (*plugincel.CompositedCompiler, error) {
	return plugincel.NewCompositedCompiler(e.runtime)
}

// runtimeCompiler is the compiler a policy is compiled with. Only CompileAndStoreVariable changes
// a composited compiler (it adds the variable to the "variables" type), so policies without
// variables share one per minor: the same compilation results as a fresh one, without extending
// the environment eight times again (about 30 % of compiling a 10-rule policy).
func (e *minorEnvs) runtimeCompiler(hasVariables bool) (*plugincel.CompositedCompiler, error) {
	if hasVariables {
		return e.newRuntimeCompiler()
	}
	e.sharedOnce.Do(func() { e.shared, e.sharedErr = e.newRuntimeCompiler() })
	return e.shared, e.sharedErr
}
