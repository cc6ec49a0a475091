package engine

import (
	"context"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/types/ref"

	plugincel "k8s.io/apiserver/pkg/admission/plugin/cel"
)

// costRecorder captures the actual cost of each expression of one evaluation pass exactly as
// kube-apiserver charges it: the program's own cost (EvalDetails.ActualCost) plus the cost of the
// composited variables it evaluated first (reported through CompositionContext.GetAndResetCost,
// which the upstream activation calls right after each program).
type costRecorder struct {
	current int
	costs   []int64
	ran     []bool
}

func (r *costRecorder) reset(n int) {
	r.current = -1
	if cap(r.costs) < n {
		r.costs = make([]int64, n)
		r.ran = make([]bool, n)
	}
	r.costs = r.costs[:n]
	r.ran = r.ran[:n]
	for i := range r.costs {
		r.costs[i] = 0
		r.ran[i] = false
	}
}

type costProgram struct {
	cel.Program
	rec   *costRecorder
	index int
}

func (p *costProgram) ContextEval(ctx context.Context, vars any) (ref.Val, *cel.EvalDetails, error) {
	p.rec.current = p.index
	v, details, err := p.Program.ContextEval(ctx, vars)
	if p.index < len(p.rec.costs) {
		p.rec.ran[p.index] = true
		if details != nil && details.ActualCost() != nil {
			p.rec.costs[p.index] += int64(*details.ActualCost())
		}
	}
	return v, details, err
}

func (p *costProgram) Eval(vars any) (ref.Val, *cel.EvalDetails, error) {
	return p.ContextEval(context.Background(), vars)
}

// recordingContext forwards to the real composition context and attributes variable costs to the
// expression that triggered them.
type recordingContext struct {
	plugincel.CompositionContext
	rec *costRecorder
}

func (c *recordingContext) GetAndResetCost() int64 {
	cost := c.CompositionContext.GetAndResetCost()
	if c.rec.current >= 0 && c.rec.current < len(c.rec.costs) {
		c.rec.costs[c.rec.current] += cost
	}
	return cost
}

// withCostRecording wraps compiled programs so a pass over them records per-expression costs.
func withCostRecording(results []plugincel.CompilationResult, rec *costRecorder) []plugincel.CompilationResult {
	out := make([]plugincel.CompilationResult, len(results))
	for i, r := range results {
		out[i] = r
		if r.Program != nil {
			out[i].Program = &costProgram{Program: r.Program, rec: rec, index: i}
		}
	}
	return out
}
