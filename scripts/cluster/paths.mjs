// Shared paths for the test-cluster scripts. Everything generated lives under .cache/cluster/
// (gitignored); only the wrapper Go module in e2e/cluster/ is versioned.
import { fileURLToPath } from "node:url";
import path from "node:path";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const clusterModuleDir = path.join(repoRoot, "e2e/cluster");
export const cacheDir = path.join(repoRoot, ".cache/cluster");
export const binDir = path.join(cacheDir, "bin");
export const binaryPath = path.join(binDir, "kube-test-cluster");
/** Symlinks to the multi-call binary; the name picks the component. */
export const componentLinks = {
  kubectl: path.join(binDir, "kubectl"),
  "kube-scheduler": path.join(binDir, "kube-scheduler"),
  "kube-controller-manager": path.join(binDir, "kube-controller-manager"),
};
export const kubectlPath = componentLinks.kubectl;
export const buildStampPath = path.join(binDir, "build-stamp.json");
export const runDir = path.join(cacheDir, "run");
