package engine

// Built-in mutating admission plugins that are on by default and change Pods without needing
// cluster state, applied to the internal object before policies see it (as kube-apiserver's
// admission chain does):
//
//   - DefaultTolerationSeconds (k8s.io/kubernetes@v1.37.2 plugin/pkg/admission/defaulttolerationseconds,
//     Admit): not-ready and unreachable NoExecute tolerations of 300 s unless tolerated already.
//   - Priority (plugin/pkg/admission/priority, admitPod): on CREATE without priorityClassName and
//     with no global default class, priority 0 and preemptionPolicy PreemptLowerPriority; the two
//     system classes resolve to their values; on UPDATE the old values are kept. Other class
//     names need the cluster's PriorityClasses: the lab leaves those Pods unchanged and says so.

import (
	"fmt"

	v1 "k8s.io/api/core/v1"
	"k8s.io/apiserver/pkg/admission"
	api "k8s.io/kubernetes/pkg/apis/core"
	"k8s.io/kubernetes/pkg/apis/scheduling"
)

var systemPriorityClasses = map[string]int32{
	scheduling.SystemClusterCritical: scheduling.SystemCriticalPriority,
	scheduling.SystemNodeCritical:    scheduling.SystemCriticalPriority + 1000,
}

func applyBuiltinAdmission(op admission.Operation, res ResourceInfo, obj, old *decodedObject) []string {
	if res.Group != "" || res.Resource != "pods" || res.Subresource != "" || obj == nil {
		return nil
	}
	pod, ok := obj.obj.(*api.Pod)
	if !ok {
		return nil
	}
	var notes []string
	if op == admission.Create || op == admission.Update {
		defaultTolerationSeconds(pod)
	}
	switch op {
	case admission.Create:
		if pod.Spec.PriorityClassName == "" {
			priority := int32(scheduling.DefaultPriorityWhenNoDefaultClassExists)
			if pod.Spec.Priority != nil && *pod.Spec.Priority != priority {
				notes = append(notes, fmt.Sprintf("the Priority admission plugin would reject this Pod: the integer value of priority (%d) must not be provided in pod spec; priority admission controller computed %d from the given PriorityClass name", *pod.Spec.Priority, priority))
			}
			pod.Spec.Priority = &priority
			policy := api.PreemptionPolicy(v1.PreemptLowerPriority)
			if pod.Spec.PreemptionPolicy == nil {
				pod.Spec.PreemptionPolicy = &policy
			}
		} else if value, ok := systemPriorityClasses[pod.Spec.PriorityClassName]; ok {
			pod.Spec.Priority = &value
			policy := api.PreemptionPolicy(v1.PreemptLowerPriority)
			pod.Spec.PreemptionPolicy = &policy
		} else {
			notes = append(notes, fmt.Sprintf("PriorityClass %q is resolved by the cluster: spec.priority is left as sent", pod.Spec.PriorityClassName))
		}
	case admission.Update:
		if oldPod, ok := old.obj.(*api.Pod); ok {
			if pod.Spec.Priority == nil && oldPod.Spec.Priority != nil {
				pod.Spec.Priority = oldPod.Spec.Priority
			}
			if pod.Spec.PreemptionPolicy == nil && oldPod.Spec.PreemptionPolicy != nil {
				pod.Spec.PreemptionPolicy = oldPod.Spec.PreemptionPolicy
			}
		}
	}
	return notes
}

func defaultTolerationSeconds(pod *api.Pod) {
	toleratesNodeNotReady := false
	toleratesNodeUnreachable := false
	for _, toleration := range pod.Spec.Tolerations {
		if (toleration.Key == v1.TaintNodeNotReady || len(toleration.Key) == 0) &&
			(toleration.Effect == api.TaintEffectNoExecute || len(toleration.Effect) == 0) {
			toleratesNodeNotReady = true
		}
		if (toleration.Key == v1.TaintNodeUnreachable || len(toleration.Key) == 0) &&
			(toleration.Effect == api.TaintEffectNoExecute || len(toleration.Effect) == 0) {
			toleratesNodeUnreachable = true
		}
	}
	notReady, unreachable := int64(300), int64(300)
	if !toleratesNodeNotReady {
		pod.Spec.Tolerations = append(pod.Spec.Tolerations, api.Toleration{Key: v1.TaintNodeNotReady, Operator: api.TolerationOpExists, Effect: api.TaintEffectNoExecute, TolerationSeconds: &notReady})
	}
	if !toleratesNodeUnreachable {
		pod.Spec.Tolerations = append(pod.Spec.Tolerations, api.Toleration{Key: v1.TaintNodeUnreachable, Operator: api.TolerationOpExists, Effect: api.TaintEffectNoExecute, TolerationSeconds: &unreachable})
	}
}
