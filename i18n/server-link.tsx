// A localized link for Server Components. next-intl's <Link> is a client component that reads the
// locale from NextIntlClientProvider, which would put the provider (and the ICU message runtime)
// into every page's JavaScript; this one resolves the locale on the server and renders next/link
// (prefetching when the user is about to follow it, see IntentLink).
import { getLocale } from "next-intl/server"

import { IntentLink } from "@/components/shell/intent-link"

import { localizedHref } from "./paths"

type Props = Omit<React.ComponentProps<typeof IntentLink>, "href"> & { href: string }

export async function Link({ href, ...rest }: Props) {
  const locale = await getLocale()
  return <IntentLink href={localizedHref(locale, href)} {...rest} />
}
