"use client"

import { useTranslations } from "next-intl"

import { RISK_IDS } from "@/lib/inspector/types"

// Sample values so the explanations read naturally without a concrete finding.
const SAMPLE: Record<(typeof RISK_IDS)[number], Record<string, string>> = {
  "fail-broad-match": { apiGroups: "*", resources: "*" },
  "timeout-over-10s": { timeoutSeconds: "30" },
  "no-kube-system-exclusion": { namespace: "kube-system" },
  "matches-own-namespace": { namespace: "webhook-system" },
  "apiservice-unavailable": { reason: "ServiceNotFound" },
  "apiservice-insecure-tls": {},
  "context-insecure-tls": { setting: "insecure-skip-tls-verify: true" },
}

export function RiskLegend() {
  const t = useTranslations("cluster")
  return (
    <details className="rounded-lg border border-[var(--border)] p-3" data-testid="risk-legend">
      <summary className="cursor-pointer font-semibold">{t("riskTitle")}</summary>
      <dl className="mt-2 space-y-2 text-sm">
        {RISK_IDS.map((id) => (
          <div key={id}>
            <dt className="font-medium">{t(`risks.${id}.title`)}</dt>
            <dd className="text-[var(--muted-foreground)]">{t(`risks.${id}.explain`, SAMPLE[id])}</dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
