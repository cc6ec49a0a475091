// Global setup of the policy-lab tier: one real kube-apiserver 1.37 (e2e/cluster) with an audit log
// of every request, and a read-only user for live mode. Its kubeconfigs and the audit log path are
// exported to the test files (which run after this, in forked workers).
import { writeFileSync } from "node:fs"
import path from "node:path"
import { startControlPlane, type ControlPlane } from "../cluster/control-plane"
import { ensureBuilt } from "../../scripts/cluster/build.mjs"
import { pruneStaleRunDirs } from "../../scripts/cluster/cluster.mjs"
import { cacheDir } from "../../scripts/cluster/paths.mjs"

export const READER_USER = "policy-lab-reader"
export const READER_GROUP = "policy-lab:readers"

const AUDIT_POLICY = `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: ["RequestReceived"]
rules:
- level: Metadata
`

// What a read-only ServiceAccount for live mode gets (README "Policy lab" section): get/list on
// everything except Secrets. RBAC cannot subtract, so core resources are listed one by one.
const READER_RBAC = [
  {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRole",
    metadata: { name: "policy-lab-reader" },
    rules: [
      {
        apiGroups: [""],
        resources: ["pods", "services", "configmaps", "namespaces", "serviceaccounts", "persistentvolumeclaims", "persistentvolumes", "nodes", "endpoints", "events", "limitranges", "resourcequotas", "replicationcontrollers", "podtemplates"],
        verbs: ["get", "list"],
      },
      {
        apiGroups: ["apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io", "apiextensions.k8s.io", "admissionregistration.k8s.io", "scheduling.k8s.io", "discovery.k8s.io", "coordination.k8s.io", "node.k8s.io", "example.com"],
        resources: ["*"],
        verbs: ["get", "list"],
      },
    ],
  },
  {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: { name: "policy-lab-reader" },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "policy-lab-reader" },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: READER_GROUP }],
  },
]

let cp: ControlPlane | undefined

export default async function setup() {
  const log = (m: string) => process.stderr.write(`${m}\n`)
  await ensureBuilt({ log })
  await pruneStaleRunDirs(cacheDir, "cp-")
  cp = await startControlPlane({
    files: { "audit-policy.yaml": AUDIT_POLICY },
    apiserverArgs: ({ filesDir, runDir }) => [
      `--audit-policy-file=${filesDir}/audit-policy.yaml`,
      `--audit-log-path=${path.join(runDir, "audit.log")}`,
      "--audit-log-format=json",
      "--audit-log-mode=blocking",
    ],
    users: [{ name: READER_USER, groups: [READER_GROUP] }],
  })
  const rbacFile = path.join(cp.runDir, "policy-lab-reader.json")
  writeFileSync(rbacFile, JSON.stringify({ apiVersion: "v1", kind: "List", items: READER_RBAC }))
  const applied = await cp.kubectl(["apply", "-f", rbacFile])
  if (applied.code !== 0) throw new Error(`policy-lab reader RBAC: ${applied.stderr}`)
  process.env.POLICY_LAB_ADMIN_KUBECONFIG = cp.adminKubeconfig
  process.env.POLICY_LAB_READER_KUBECONFIG = cp.kubeconfigFor(READER_USER)
  process.env.POLICY_LAB_AUDIT_LOG = path.join(cp.runDir, "audit.log")
  process.env.POLICY_LAB_KUBECTL = path.join(cp.binDir, "kubectl")
  log(`[policy-lab] kube-apiserver ready at ${cp.server}; audit log ${process.env.POLICY_LAB_AUDIT_LOG}`)
  return async () => {
    await cp?.stop()
  }
}
