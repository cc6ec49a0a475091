package engine

// The answer of "evaluate" written without reflection. encoding/json spent about 7 % of an
// evaluation of 1,000 Pods (more in WebAssembly, where its per-field indirect calls are slow)
// encoding the same few structs over and over. appendEvaluateResult writes exactly the bytes
// json.Marshal writes for these types (same field order, omitempty, HTML-safe string escaping);
// encode_test.go compares both on every field. The rarer MutatingAdmissionPolicy and CRD parts
// are still written by encoding/json.

import (
	"encoding/json"
	"sort"
	"strconv"
	"unicode/utf8"
)

func appendEvaluateResult(dst []byte, r *EvaluateResult) ([]byte, error) {
	dst = append(dst, `{"results":`...)
	if r.Results == nil {
		return append(dst, "null}"...), nil
	}
	dst = append(dst, '[')
	for i := range r.Results {
		if i > 0 {
			dst = append(dst, ',')
		}
		var err error
		if dst, err = appendCaseResult(dst, &r.Results[i]); err != nil {
			return nil, err
		}
	}
	return append(dst, "]}"...), nil
}

func appendCaseResult(dst []byte, r *CaseResult) ([]byte, error) {
	dst = append(dst, `{"id":`...)
	dst = appendJSONString(dst, r.ID)
	if r.InputError != "" {
		dst = append(dst, `,"inputError":`...)
		dst = appendJSONString(dst, r.InputError)
	}
	if len(r.Warnings) > 0 {
		dst = append(dst, `,"inputWarnings":`...)
		dst = appendStrings(dst, r.Warnings)
	}
	if r.Policy != nil {
		dst = append(dst, `,"policy":`...)
		dst = appendPolicyMatch(dst, r.Policy)
	}
	if len(r.Bindings) > 0 {
		dst = append(dst, `,"bindings":[`...)
		for i := range r.Bindings {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendBindingResult(dst, &r.Bindings[i])
		}
		dst = append(dst, ']')
	}
	if r.Verdict != nil {
		dst = append(dst, `,"verdict":`...)
		dst = appendVerdict(dst, r.Verdict)
	}
	if r.Mutation != nil {
		b, err := json.Marshal(r.Mutation)
		if err != nil {
			return nil, err
		}
		dst = append(append(dst, `,"mutation":`...), b...)
	}
	if r.CRD != nil {
		b, err := json.Marshal(r.CRD)
		if err != nil {
			return nil, err
		}
		dst = append(append(dst, `,"crd":`...), b...)
	}
	dst = append(dst, `,"elapsedUs":`...)
	dst = strconv.AppendInt(dst, r.ElapsedUs, 10)
	return append(dst, '}'), nil
}

func appendPolicyMatch(dst []byte, p *PolicyMatch) []byte {
	dst = append(dst, `{"matched":`...)
	dst = strconv.AppendBool(dst, p.Matched)
	if len(p.Why) > 0 {
		dst = append(dst, `,"why":`...)
		dst = appendMatchSteps(dst, p.Why)
	}
	if p.MatchedResource != "" {
		dst = append(dst, `,"matchedResource":`...)
		dst = appendJSONString(dst, p.MatchedResource)
	}
	if p.MatchedKind != "" {
		dst = append(dst, `,"matchedKind":`...)
		dst = appendJSONString(dst, p.MatchedKind)
	}
	if p.ConfigError != "" {
		dst = append(dst, `,"configError":`...)
		dst = appendJSONString(dst, p.ConfigError)
	}
	return append(dst, '}')
}

func appendMatchSteps(dst []byte, steps []MatchStep) []byte {
	dst = append(dst, '[')
	for i := range steps {
		if i > 0 {
			dst = append(dst, ',')
		}
		s := &steps[i]
		dst = append(dst, `{"criterion":`...)
		dst = appendJSONString(dst, s.Criterion)
		dst = append(dst, `,"matched":`...)
		dst = strconv.AppendBool(dst, s.Matched)
		if s.Detail != "" {
			dst = append(dst, `,"detail":`...)
			dst = appendJSONString(dst, s.Detail)
		}
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

func appendBindingResult(dst []byte, b *BindingResult) []byte {
	dst = append(dst, `{"name":`...)
	dst = appendJSONString(dst, b.Name)
	dst = append(dst, `,"matched":`...)
	dst = strconv.AppendBool(dst, b.Matched)
	if len(b.Why) > 0 {
		dst = append(dst, `,"why":`...)
		dst = appendMatchSteps(dst, b.Why)
	}
	if b.ConfigError != "" {
		dst = append(dst, `,"configError":`...)
		dst = appendJSONString(dst, b.ConfigError)
	}
	dst = append(dst, `,"actions":`...)
	dst = appendStrings(dst, b.Actions)
	if len(b.Evaluations) > 0 {
		dst = append(dst, `,"evaluations":[`...)
		for i := range b.Evaluations {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendParamEvaluation(dst, &b.Evaluations[i])
		}
		dst = append(dst, ']')
	}
	dst = append(dst, `,"effects":`...)
	dst = appendStrings(dst, b.Effects)
	return append(dst, '}')
}

func appendParamEvaluation(dst []byte, e *ParamEvaluation) []byte {
	// The optional fields come before validationCost, which is always written: each is followed
	// by a comma.
	dst = append(dst, '{')
	if e.Param != "" {
		dst = append(dst, `"param":`...)
		dst = append(appendJSONString(dst, e.Param), ',')
	}
	if m := e.MatchConditions; m != nil {
		dst = append(dst, `"matchConditions":{"matches":`...)
		dst = strconv.AppendBool(dst, m.Matches)
		if m.FailedCondition != "" {
			dst = append(dst, `,"failedCondition":`...)
			dst = appendJSONString(dst, m.FailedCondition)
		}
		if m.Error != "" {
			dst = append(dst, `,"error":`...)
			dst = appendJSONString(dst, m.Error)
		}
		dst = append(dst, "},"...)
	}
	if len(e.Validations) > 0 {
		dst = append(dst, `"validations":[`...)
		for i := range e.Validations {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendExpressionResult(dst, &e.Validations[i])
		}
		dst = append(dst, "],"...)
	}
	if len(e.AuditAnnotations) > 0 {
		dst = append(dst, `"auditAnnotations":[`...)
		for i := range e.AuditAnnotations {
			if i > 0 {
				dst = append(dst, ',')
			}
			a := &e.AuditAnnotations[i]
			dst = append(dst, `{"key":`...)
			dst = appendJSONString(dst, a.Key)
			dst = append(dst, `,"action":`...)
			dst = appendJSONString(dst, a.Action)
			if a.Value != "" {
				dst = append(dst, `,"value":`...)
				dst = appendJSONString(dst, a.Value)
			}
			if a.Error != "" {
				dst = append(dst, `,"error":`...)
				dst = appendJSONString(dst, a.Error)
			}
			if a.Cost != nil {
				dst = append(dst, `,"cost":`...)
				dst = strconv.AppendInt(dst, *a.Cost, 10)
			}
			dst = append(dst, '}')
		}
		dst = append(dst, "],"...)
	}
	if e.Error != "" {
		dst = append(dst, `"error":`...)
		dst = append(appendJSONString(dst, e.Error), ',')
	}
	dst = append(dst, `"validationCost":`...)
	dst = strconv.AppendInt(dst, e.ValidationCost, 10)
	dst = append(dst, `,"messageCost":`...)
	dst = strconv.AppendInt(dst, e.MessageCost, 10)
	dst = append(dst, `,"auditCost":`...)
	dst = strconv.AppendInt(dst, e.AuditCost, 10)
	return append(dst, '}')
}

func appendExpressionResult(dst []byte, x *ExpressionResult) []byte {
	dst = append(dst, `{"index":`...)
	dst = strconv.AppendInt(dst, int64(x.Index), 10)
	dst = append(dst, `,"expression":`...)
	dst = appendJSONString(dst, x.Expression)
	dst = append(dst, `,"outcome":`...)
	dst = appendJSONString(dst, x.Outcome)
	for _, f := range [...]struct{ name, value string }{{"value", x.Value}, {"message", x.Message}, {"reason", x.Reason}, {"error", x.Error}} {
		if f.value != "" {
			dst = append(append(append(dst, `,"`...), f.name...), `":`...)
			dst = appendJSONString(dst, f.value)
		}
	}
	if x.Cost != nil {
		dst = append(dst, `,"cost":`...)
		dst = strconv.AppendInt(dst, *x.Cost, 10)
	}
	for _, f := range [...]struct{ name, value string }{{"messageExpression", x.MessageExpression}, {"messageExpressionResult", x.MessageExpressionResult}, {"messageExpressionError", x.MessageExpressionError}} {
		if f.value != "" {
			dst = append(append(append(dst, `,"`...), f.name...), `":`...)
			dst = appendJSONString(dst, f.value)
		}
	}
	if x.MessageExpressionCost != nil {
		dst = append(dst, `,"messageExpressionCost":`...)
		dst = strconv.AppendInt(dst, *x.MessageExpressionCost, 10)
	}
	return append(dst, '}')
}

func appendVerdict(dst []byte, v *Verdict) []byte {
	dst = append(dst, `{"allowed":`...)
	dst = strconv.AppendBool(dst, v.Allowed)
	if s := v.Status; s != nil {
		dst = append(dst, `,"status":{"code":`...)
		dst = strconv.AppendInt(dst, int64(s.Code), 10)
		dst = append(dst, `,"reason":`...)
		dst = appendJSONString(dst, s.Reason)
		dst = append(dst, `,"message":`...)
		dst = appendJSONString(dst, s.Message)
		if len(s.Causes) > 0 {
			dst = append(dst, `,"causes":`...)
			dst = appendStrings(dst, s.Causes)
		}
		dst = append(dst, '}')
	}
	dst = append(dst, `,"warnings":`...)
	dst = appendStrings(dst, v.Warnings)
	if len(v.AuditAnnotations) > 0 {
		// encoding/json writes map keys sorted.
		keys := make([]string, 0, len(v.AuditAnnotations))
		for k := range v.AuditAnnotations {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		dst = append(dst, `,"auditAnnotations":{`...)
		for i, k := range keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONString(dst, k)
			dst = append(dst, ':')
			dst = appendJSONString(dst, v.AuditAnnotations[k])
		}
		dst = append(dst, '}')
	}
	return append(dst, '}')
}

// appendStrings writes a []string as encoding/json does: null when nil.
func appendStrings(dst []byte, ss []string) []byte {
	if ss == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, s)
	}
	return append(dst, ']')
}

const hexDigits = "0123456789abcdef"

// jsonSafe: the ASCII bytes a JSON string holds as they are (encoding/json's htmlSafeSet).
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\' && b != '<' && b != '>' && b != '&'
	}
	return t
}()

// appendJSONString is encoding/json's string encoding with HTML escaping (its default): <, > and
// & as \u003c, \u003e, \u0026, control characters escaped, invalid UTF-8 as \ufffd, and U+2028
// and U+2029 escaped.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if jsonSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
