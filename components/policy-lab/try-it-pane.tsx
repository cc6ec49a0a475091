"use client"

// The "Try it" tab of the VAP, MAP and CRD starters: the policy lab opened on the starter's
// current files (policy, binding, params or CRD, and its test objects). Loaded on demand, so the
// starter page's JavaScript does not grow until the tab is opened.
import { useTranslations } from "next-intl"
import { useMemo } from "react"

import { Link } from "@/i18n/navigation"
import type { Minor } from "@/lib/policy-lab/protocol"
import { KUBERNETES_MINORS } from "@/lib/policy-lab/protocol"
import { labInputFromStarter, type LabStarter, type StarterFile } from "@/lib/policy-lab/starter-input"

import { PolicyLab } from "./policy-lab"

export default function TryItPane({ mechanism, files, minor, locale }: { mechanism: LabStarter; files: StarterFile[]; minor?: string; locale: "en" | "zh-CN" }) {
  const t = useTranslations("policyLab.tryIt")
  const input = useMemo(() => labInputFromStarter(mechanism, files), [mechanism, files])
  const initialMinor = (KUBERNETES_MINORS as readonly string[]).includes(minor ?? "") ? (minor as Minor) : "1.37"
  return (
    <div className="mt-3 grid gap-3" data-testid="try-it">
      <p className="text-sm text-[var(--muted-foreground)]">
        {t("intro")}{" "}
        <Link href={`/policy-lab?from=${mechanism}`} className="underline hover:no-underline">
          {t("openLab")}
        </Link>
      </p>
      <PolicyLab key={`${input.policy}\u0000${input.objects}\u0000${initialMinor}`} locale={locale} embedded initialPolicy={input.policy} initialObjects={input.objects} initialMinor={initialMinor} />
    </div>
  )
}
