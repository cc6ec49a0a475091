// The lab's input from a generated starter (VAP, MAP, CRD): the policy file set and the starter's
// own test objects. Used by the lab page (?from=<starter>) and the starters' "Try it" tab.
export type StarterFile = { path: string; content: string }

export const LAB_STARTERS = ["validating-admission-policy", "mutating-admission-policy", "custom-resource-definition"] as const
export type LabStarter = (typeof LAB_STARTERS)[number]

export function isLabStarter(id: string): id is LabStarter {
  return (LAB_STARTERS as readonly string[]).includes(id)
}

const join = (files: StarterFile[]) => files.map((f) => f.content.trim()).filter(Boolean).join("\n---\n") + "\n"

/** Policy documents first (policy, bindings, params, CRDs), then test objects. */
export function labInputFromStarter(id: LabStarter, files: StarterFile[]): { policy: string; objects: string } {
  const byPath = (re: RegExp) => files.filter((f) => re.test(f.path)).sort((a, b) => a.path.localeCompare(b.path))
  if (id === "custom-resource-definition") {
    return { policy: join(byPath(/^deploy\/crd\.yaml$/)), objects: join([...byPath(/^deploy\/samples\//), ...byPath(/^test\/invalid\//)]) }
  }
  const policy = [...byPath(/^deploy\/policy\.yaml$/), ...byPath(/^deploy\/binding\.yaml$/), ...byPath(/^deploy\/params(-crd)?\.yaml$/)]
  return { policy: join(policy), objects: join(byPath(/^test\/policy\//)) }
}
