// The report's shape lives in lib/cluster-report (browser code reads reports, and nothing from
// lib/inspector may reach a client bundle); re-exported here for the inspector's own modules.
export * from "@/lib/cluster-report/types"
