import { useTranslations } from "next-intl"

export function SiteFooter() {
  const t = useTranslations("shell.footer")
  return (
    <footer className="mt-12 border-t border-[var(--border)] px-4 py-6 text-sm text-[var(--muted-foreground)]">
      <div className="mx-auto max-w-7xl space-y-1">
        <p>
          {t.rich("attribution", {
            docs: (chunks) => (
              <a
                className="underline"
                href="https://kubernetes.io/docs/concepts/extend-kubernetes/"
                rel="noreferrer"
              >
                {chunks}
              </a>
            ),
          })}
        </p>
        <p>{t("trademark")}</p>
      </div>
    </footer>
  )
}
