// Turns a flat, sorted file list into a directory tree for the Explore pane.
export type TreeNode = { name: string; path: string; children?: TreeNode[] }

export function buildTree(paths: readonly string[]): TreeNode[] {
  const root: TreeNode = { name: "", path: "", children: [] }
  for (const p of paths) {
    const parts = p.split("/")
    let node = root
    parts.forEach((part, i) => {
      const isFile = i === parts.length - 1
      const path = parts.slice(0, i + 1).join("/")
      node.children ??= []
      let child = node.children.find((c) => c.name === part && !!c.children === !isFile)
      if (!child) {
        child = isFile ? { name: part, path } : { name: part, path, children: [] }
        node.children.push(child)
      }
      node = child
    })
  }
  const sort = (nodes: TreeNode[]): TreeNode[] =>
    nodes
      .map((n) => (n.children ? { ...n, children: sort(n.children) } : n))
      // Directories first, then files, each alphabetically (like most editors).
      .sort((a, b) => (!!a.children === !!b.children ? a.name.localeCompare(b.name) : a.children ? -1 : 1))
  return sort(root.children ?? [])
}

/** The file shown first: README.md if present, else the first file. */
export function defaultFile(paths: readonly string[]): string | undefined {
  return paths.includes("README.md") ? "README.md" : paths[0]
}
