package engine

import (
	"context"
	"fmt"

	"k8s.io/apiserver/pkg/authentication/user"
	"k8s.io/apiserver/pkg/authorization/authorizer"
)

// AuthorizerConfig stands in for the cluster's authorizer, which the lab cannot ask (a
// SubjectAccessReview is a write). Members of system:masters are always allowed with an empty
// reason, exactly like kube-apiserver's privileged-group authorizer; every other check is decided
// by the first matching rule, else by Default.
type AuthorizerConfig struct {
	Default string      `json:"default,omitempty"` // "allow" | "deny" | "" (no opinion → denied)
	Rules   []AuthzRule `json:"rules,omitempty"`
}

type AuthzRule struct {
	Users       []string `json:"users,omitempty"`
	Groups      []string `json:"groups,omitempty"`
	Verbs       []string `json:"verbs,omitempty"`
	APIGroups   []string `json:"apiGroups,omitempty"`
	Resources   []string `json:"resources,omitempty"`
	Subresource string   `json:"subresource,omitempty"`
	Namespaces  []string `json:"namespaces,omitempty"`
	Names       []string `json:"names,omitempty"`
	Paths       []string `json:"paths,omitempty"`
	Decision    string   `json:"decision"` // "allow" | "deny"
	Reason      string   `json:"reason,omitempty"`
}

type labAuthorizer struct {
	cfg AuthorizerConfig
}

func matchList(list []string, v string) bool {
	if len(list) == 0 {
		return true
	}
	for _, x := range list {
		if x == "*" || x == v {
			return true
		}
	}
	return false
}

func (a *labAuthorizer) Authorize(_ context.Context, attrs authorizer.Attributes) (authorizer.Decision, string, error) {
	u := attrs.GetUser()
	if u != nil {
		for _, g := range u.GetGroups() {
			if g == user.SystemPrivilegedGroup {
				return authorizer.DecisionAllow, "", nil
			}
		}
	}
	for _, r := range a.cfg.Rules {
		if u != nil && len(r.Users) > 0 && !matchList(r.Users, u.GetName()) {
			continue
		}
		if len(r.Groups) > 0 {
			found := false
			if u != nil {
				for _, g := range u.GetGroups() {
					if matchList(r.Groups, g) {
						found = true
					}
				}
			}
			if !found {
				continue
			}
		}
		if !matchList(r.Verbs, attrs.GetVerb()) {
			continue
		}
		if attrs.IsResourceRequest() {
			if len(r.Paths) > 0 || !matchList(r.APIGroups, attrs.GetAPIGroup()) || !matchList(r.Resources, attrs.GetResource()) ||
				(r.Subresource != "" && r.Subresource != attrs.GetSubresource()) || !matchList(r.Namespaces, attrs.GetNamespace()) || !matchList(r.Names, attrs.GetName()) {
				continue
			}
		} else if !matchList(r.Paths, attrs.GetPath()) || len(r.Resources) > 0 {
			continue
		}
		switch r.Decision {
		case "allow":
			return authorizer.DecisionAllow, r.Reason, nil
		case "deny":
			return authorizer.DecisionDeny, r.Reason, nil
		default:
			return authorizer.DecisionNoOpinion, r.Reason, nil
		}
	}
	switch a.cfg.Default {
	case "allow":
		return authorizer.DecisionAllow, "allowed by the policy lab's default", nil
	case "deny":
		return authorizer.DecisionDeny, "denied by the policy lab's default", nil
	case "", "noOpinion":
		return authorizer.DecisionNoOpinion, "", nil
	}
	return authorizer.DecisionNoOpinion, "", fmt.Errorf("unknown default decision %q", a.cfg.Default)
}
