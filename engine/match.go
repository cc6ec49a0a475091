package engine

// Matching of policies and bindings against a request. The decision logic is
// k8s.io/apiserver@v0.37.2 pkg/admission/plugin/policy/matching/matching.go (Matches,
// matchesResourceRules), policy/generic/policy_matcher.go (DefinitionMatches, BindingMatches) and
// webhook/predicates/{namespace,object}, kept line for line; the only change is that each step
// also records why it decided, for the lab's "matched or not and why". The upstream packages
// cannot be imported without client-go's clientset and informers (tens of MB of WebAssembly).

import (
	"fmt"
	"strings"
	"sync"

	v1 "k8s.io/api/admissionregistration/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apiserver/pkg/admission"
	"k8s.io/apiserver/pkg/admission/plugin/webhook/predicates/rules"
)

const errNilSelector = "a nil %s selector was passed, please ensure selectors are initialized properly"

// MatchStep is one criterion of a match decision, for display.
type MatchStep struct {
	Criterion string `json:"criterion"` // namespaceSelector | objectSelector | excludeResourceRules | resourceRules | resourceNames | matchPolicy
	Matched   bool   `json:"matched"`
	Detail    string `json:"detail,omitempty"`
}

type namespaceSource interface {
	Get(name string) (*corev1.Namespace, error)
}

type matcher struct {
	namespaces namespaceSource
	rules      *ruleDescriptions
}

func (m *matcher) getNamespaceLabels(attr admission.Attributes) (map[string]string, error) {
	if attr.GetResource().Resource == "namespaces" &&
		len(attr.GetSubresource()) == 0 &&
		(attr.GetOperation() == admission.Create || attr.GetOperation() == admission.Update) {
		accessor, err := meta.Accessor(attr.GetObject())
		if err != nil {
			return nil, err
		}
		return accessor.GetLabels(), nil
	}
	ns, err := m.namespaces.Get(attr.GetNamespace())
	if err != nil {
		return nil, err
	}
	return ns.Labels, nil
}

func (m *matcher) matchNamespaceSelector(sel *metav1.LabelSelector, attr admission.Attributes) (bool, *apierrors.StatusError, string) {
	namespaceName := attr.GetNamespace()
	if len(namespaceName) == 0 && attr.GetResource().Resource != "namespaces" {
		return true, nil, "cluster-scoped resources are never excluded by a namespace selector"
	}
	selector, err := metav1.LabelSelectorAsSelector(sel)
	if err != nil {
		return false, apierrors.NewInternalError(err), ""
	}
	if selector.Empty() {
		return true, nil, "empty selector selects every namespace"
	}
	namespaceLabels, err := m.getNamespaceLabels(attr)
	if apierrors.IsNotFound(err) {
		status, ok := err.(apierrors.APIStatus)
		if !ok {
			return false, apierrors.NewInternalError(err), ""
		}
		return false, &apierrors.StatusError{ErrStatus: status.Status()}, ""
	}
	if err != nil {
		return false, apierrors.NewInternalError(err), ""
	}
	ok := selector.Matches(labels.Set(namespaceLabels))
	return ok, nil, fmt.Sprintf("%q against namespace labels %s", selector.String(), labels.Set(namespaceLabels).String())
}

func matchObject(obj runtime.Object, selector labels.Selector) bool {
	if obj == nil {
		return false
	}
	accessor, err := meta.Accessor(obj)
	if err != nil {
		return false
	}
	return selector.Matches(labels.Set(accessor.GetLabels()))
}

func (m *matcher) matchObjectSelector(sel *metav1.LabelSelector, attr admission.Attributes) (bool, *apierrors.StatusError, string) {
	selector, err := metav1.LabelSelectorAsSelector(sel)
	if err != nil {
		return false, apierrors.NewInternalError(err), ""
	}
	if selector.Empty() {
		return true, nil, "empty selector selects every object"
	}
	ok := matchObject(attr.GetObject(), selector) || matchObject(attr.GetOldObject(), selector)
	return ok, nil, fmt.Sprintf("%q against the labels of the object and the old object", selector.String())
}

// matches is matching.Matcher.Matches with reasons.
func (m *matcher) matches(attr admission.Attributes, o admission.ObjectInterfaces, mr *v1.MatchResources) (bool, schema.GroupVersionResource, schema.GroupVersionKind, error, []MatchStep) {
	var why []MatchStep
	matches, matchNsErr, nsDetail := m.matchNamespaceSelector(mr.NamespaceSelector, attr)
	why = append(why, MatchStep{Criterion: "namespaceSelector", Matched: matches && matchNsErr == nil, Detail: errOr(matchNsErr, nsDetail)})
	if !matches && matchNsErr == nil {
		return false, schema.GroupVersionResource{}, schema.GroupVersionKind{}, nil, why
	}

	matches, matchObjErr, objDetail := m.matchObjectSelector(mr.ObjectSelector, attr)
	why = append(why, MatchStep{Criterion: "objectSelector", Matched: matches && matchObjErr == nil, Detail: errOr(matchObjErr, objDetail)})
	if !matches && matchObjErr == nil {
		return false, schema.GroupVersionResource{}, schema.GroupVersionKind{}, nil, why
	}

	matchPolicy := mr.MatchPolicy
	if isExcluded, _, _, err, detail := matchesResourceRules(mr.ExcludeResourceRules, matchPolicy, attr, o, m.rules); isExcluded || err != nil {
		why = append(why, MatchStep{Criterion: "excludeResourceRules", Matched: false, Detail: errOr(err, "excluded by "+detail)})
		return false, schema.GroupVersionResource{}, schema.GroupVersionKind{}, err, why
	} else if len(mr.ExcludeResourceRules) > 0 {
		why = append(why, MatchStep{Criterion: "excludeResourceRules", Matched: true, Detail: "no exclude rule matches"})
	}

	var (
		isMatch       bool
		matchResource schema.GroupVersionResource
		matchKind     schema.GroupVersionKind
		matchErr      error
		detail        string
	)
	if len(mr.ResourceRules) == 0 {
		isMatch = true
		matchKind = attr.GetKind()
		matchResource = attr.GetResource()
		detail = "no resource rules: every resource"
	} else {
		isMatch, matchResource, matchKind, matchErr, detail = matchesResourceRules(mr.ResourceRules, matchPolicy, attr, o, m.rules)
	}
	why = append(why, MatchStep{Criterion: "resourceRules", Matched: isMatch && matchErr == nil, Detail: errOr(matchErr, detail)})
	if matchErr != nil {
		return false, schema.GroupVersionResource{}, schema.GroupVersionKind{}, matchErr, why
	}
	if !isMatch {
		return false, schema.GroupVersionResource{}, schema.GroupVersionKind{}, nil, why
	}
	if matchNsErr != nil {
		return false, schema.GroupVersionResource{}, schema.GroupVersionKind{}, matchNsErr, why
	}
	if matchObjErr != nil {
		return false, schema.GroupVersionResource{}, schema.GroupVersionKind{}, matchObjErr, why
	}
	return true, matchResource, matchKind, nil, why
}

func errOr(err error, s string) string {
	if err != nil {
		if se, ok := err.(*apierrors.StatusError); ok && se == nil {
			return s
		}
		return err.Error()
	}
	return s
}

// ruleDescriptions caches describeRule per rule of one compiled bundle (the detail of every
// matched request). Keyed by the rule's address, stable while the bundle lives.
type ruleDescriptions struct{ m sync.Map } // *v1.NamedRuleWithOperations → string

func (c *ruleDescriptions) at(rules []v1.NamedRuleWithOperations, i int) string {
	if c == nil {
		return describeRule(i, rules[i])
	}
	if d, ok := c.m.Load(&rules[i]); ok {
		return d.(string)
	}
	d := describeRule(i, rules[i])
	c.m.Store(&rules[i], d)
	return d
}

func describeRule(i int, r v1.NamedRuleWithOperations) string {
	scope := "*"
	if r.Scope != nil {
		scope = string(*r.Scope)
	}
	ops := make([]string, len(r.Operations))
	for j, op := range r.Operations {
		ops[j] = string(op)
	}
	s := fmt.Sprintf("rule %d (%s %s/%s %s, scope %s)", i, strings.Join(ops, ","), strings.Join(r.APIGroups, ","), strings.Join(r.APIVersions, ","), strings.Join(r.Resources, ","), scope)
	if len(r.ResourceNames) > 0 {
		s += " names " + strings.Join(r.ResourceNames, ",")
	}
	return s
}

func matchesResourceRules(namedRules []v1.NamedRuleWithOperations, matchPolicy *v1.MatchPolicyType, attr admission.Attributes, o admission.ObjectInterfaces, descriptions *ruleDescriptions) (bool, schema.GroupVersionResource, schema.GroupVersionKind, error, string) {
	if len(namedRules) == 0 {
		// No rule can match, directly or through an equivalent resource (the usual empty
		// excludeResourceRules); callers show no detail for a non-match without error.
		return false, schema.GroupVersionResource{}, schema.GroupVersionKind{}, nil, ""
	}
	matchKind := attr.GetKind()
	matchResource := attr.GetResource()

	for i, namedRule := range namedRules {
		rule := v1.RuleWithOperations(namedRule.RuleWithOperations)
		ruleMatcher := rules.Matcher{Rule: rule, Attr: attr}
		if !ruleMatcher.Matches() {
			continue
		}
		if len(namedRule.ResourceNames) == 0 {
			return true, matchResource, matchKind, nil, descriptions.at(namedRules, i)
		}
		name := attr.GetName()
		for _, matchedName := range namedRule.ResourceNames {
			if name == matchedName {
				return true, matchResource, matchKind, nil, descriptions.at(namedRules, i)
			}
		}
	}

	if matchPolicy == nil || *matchPolicy == v1.Exact {
		return false, schema.GroupVersionResource{}, schema.GroupVersionKind{}, nil, fmt.Sprintf("no rule matches %s %s (matchPolicy Exact)", attr.GetOperation(), describeGVR(attr))
	}

	attrWithOverride := &attrWithResourceOverride{Attributes: attr}
	equivalents := o.GetEquivalentResourceMapper().EquivalentResourcesFor(attr.GetResource(), attr.GetSubresource())
	for i, namedRule := range namedRules {
		for _, equivalent := range equivalents {
			if equivalent == attr.GetResource() {
				continue
			}
			attrWithOverride.resource = equivalent
			rule := v1.RuleWithOperations(namedRule.RuleWithOperations)
			m := rules.Matcher{Rule: rule, Attr: attrWithOverride}
			if !m.Matches() {
				continue
			}
			matchKind = o.GetEquivalentResourceMapper().KindFor(equivalent, attr.GetSubresource())
			if matchKind.Empty() {
				return false, schema.GroupVersionResource{}, schema.GroupVersionKind{}, fmt.Errorf("unable to convert to %v: unknown kind", equivalent), ""
			}
			if len(namedRule.ResourceNames) == 0 {
				return true, equivalent, matchKind, nil, descriptions.at(namedRules, i) + " via equivalent " + equivalent.String()
			}
			name := attr.GetName()
			for _, matchedName := range namedRule.ResourceNames {
				if name == matchedName {
					return true, equivalent, matchKind, nil, descriptions.at(namedRules, i) + " via equivalent " + equivalent.String()
				}
			}
		}
	}
	return false, schema.GroupVersionResource{}, schema.GroupVersionKind{}, nil, fmt.Sprintf("no rule matches %s %s", attr.GetOperation(), describeGVR(attr))
}

func describeGVR(attr admission.Attributes) string {
	r := attr.GetResource()
	s := r.Resource
	if r.Group != "" {
		s = r.Group + "/" + r.Version + " " + r.Resource
	} else {
		s = r.Version + " " + r.Resource
	}
	if sub := attr.GetSubresource(); sub != "" {
		s += "/" + sub
	}
	return s
}

type attrWithResourceOverride struct {
	admission.Attributes
	resource schema.GroupVersionResource
}

func (a *attrWithResourceOverride) GetResource() schema.GroupVersionResource { return a.resource }

// definitionMatches is generic.matcher.DefinitionMatches.
func (m *matcher) definitionMatches(a admission.Attributes, o admission.ObjectInterfaces, constraints *v1.MatchResources) (bool, schema.GroupVersionResource, schema.GroupVersionKind, error, []MatchStep) {
	if constraints == nil {
		return false, schema.GroupVersionResource{}, schema.GroupVersionKind{}, fmt.Errorf("policy contained no match constraints, a required field"), nil
	}
	if constraints.NamespaceSelector == nil {
		return false, schema.GroupVersionResource{}, schema.GroupVersionKind{}, fmt.Errorf(errNilSelector, "namespace"), nil
	}
	if constraints.ObjectSelector == nil {
		return false, schema.GroupVersionResource{}, schema.GroupVersionKind{}, fmt.Errorf(errNilSelector, "object"), nil
	}
	return m.matches(a, o, constraints)
}

// bindingMatches is generic.matcher.BindingMatches.
func (m *matcher) bindingMatches(a admission.Attributes, o admission.ObjectInterfaces, mr *v1.MatchResources) (bool, error, []MatchStep) {
	if mr == nil {
		return true, nil, []MatchStep{{Criterion: "matchResources", Matched: true, Detail: "binding has no matchResources"}}
	}
	if mr.NamespaceSelector == nil {
		return false, fmt.Errorf(errNilSelector, "namespace"), nil
	}
	if mr.ObjectSelector == nil {
		return false, fmt.Errorf(errNilSelector, "object"), nil
	}
	ok, _, _, err, why := m.matches(a, o, mr)
	return ok, err, why
}

// namespaceMap is the lab's namespace lister.
type namespaceMap map[string]*corev1.Namespace

func (n namespaceMap) Get(name string) (*corev1.Namespace, error) {
	if ns, ok := n[name]; ok {
		return ns, nil
	}
	return nil, apierrors.NewNotFound(schema.GroupResource{Resource: "namespaces"}, name)
}
