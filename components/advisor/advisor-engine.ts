// The advisor's decision model in the browser: the graph, the catalog and evaluate(). Loaded with
// import() by engine-loader.ts when the user is about to answer (or the state changes), never with
// the page: the server renders the first state (lib/advisor/snapshot.ts).
export { evaluate } from "@/lib/advisor/evaluate"
export { parseAdvisorParams } from "@/lib/advisor/params"
export { snapshotForState } from "@/lib/advisor/snapshot"
