// UI strings per locale, one JSON file per feature namespace so features evolve independently.
import enAdvisor from "./en/advisor.json"
import enCluster from "./en/cluster.json"
import enGuide from "./en/guide.json"
import enMap from "./en/map.json"
import enSearch from "./en/search.json"
import enShell from "./en/shell.json"
import enPolicyLab from "./en/policyLab.json"
import enStarters from "./en/starters.json"
import zhAdvisor from "./zh-CN/advisor.json"
import zhCluster from "./zh-CN/cluster.json"
import zhGuide from "./zh-CN/guide.json"
import zhMap from "./zh-CN/map.json"
import zhSearch from "./zh-CN/search.json"
import zhShell from "./zh-CN/shell.json"
import zhPolicyLab from "./zh-CN/policyLab.json"
import zhStarters from "./zh-CN/starters.json"

const en = {
  shell: enShell,
  map: enMap,
  guide: enGuide,
  search: enSearch,
  advisor: enAdvisor,
  starters: enStarters,
  cluster: enCluster,
  policyLab: enPolicyLab,
}

export type Messages = typeof en

export const MESSAGES: Record<"en" | "zh-CN", Messages> = {
  en,
  "zh-CN": {
    shell: zhShell,
    map: zhMap,
    guide: zhGuide,
    search: zhSearch,
    advisor: zhAdvisor,
    starters: zhStarters,
    cluster: zhCluster,
    policyLab: zhPolicyLab,
  },
}
