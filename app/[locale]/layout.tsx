import "../globals.css"

import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { hasLocale, NextIntlClientProvider } from "next-intl"
import { getTranslations } from "next-intl/server"

import { MechanismSearch } from "@/components/search/mechanism-search"
import { shareMetadata } from "@/components/share/share-metadata"
import { Providers } from "@/components/shell/providers"
import { SiteFooter } from "@/components/shell/site-footer"
import { SiteHeader } from "@/components/shell/site-header"
import { routing } from "@/i18n/routing"
import { siteOrigin } from "@/lib/http/site"

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }))
}

export async function generateMetadata({
  params,
}: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) return {}
  const t = await getTranslations({ locale, namespace: "shell.meta" })
  return {
    // Absolute URLs in previews (og:image, og:url) come from SITE_URL, never from the request's host.
    metadataBase: siteOrigin(),
    // Defaults for every page; pages whose link means something (advisor answers, starter options) set their own.
    ...shareMetadata(locale, { title: t("title"), description: t("description") }, `/${locale}`),
    title: { default: t("title"), template: `%s · ${t("title")}` },
    icons: { icon: { url: "/icon.svg", type: "image/svg+xml" }, apple: "/apple-touch-icon.png" },
  }
}

export default async function LocaleLayout({
  children,
  params,
}: LayoutProps<"/[locale]">) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  return (
    <html lang={locale} suppressHydrationWarning>
      <body className="flex min-h-screen flex-col antialiased">
        <NextIntlClientProvider>
          <Providers>
            <SiteHeader search={<MechanismSearch />} />
            <main id="main" className="flex-1">
              {children}
            </main>
            <SiteFooter />
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  )
}
