// Parts of the product shown in the header. A part is listed only once its page exists.
export const NAV_ITEMS = [
  { key: "map", href: "/" },
  { key: "guides", href: "/mechanisms" },
  { key: "advisor", href: "/advisor" },
  { key: "starters", href: "/starters" },
  { key: "policyLab", href: "/policy-lab" },
  { key: "cluster", href: "/cluster" },
] as const

export type NavKey = (typeof NAV_ITEMS)[number]["key"]
