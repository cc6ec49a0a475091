import { getLocale, getMessages } from "next-intl/server"

import type { Locale } from "@/lib/catalog/types"

import { SearchLauncher } from "./search-launcher"

/** The header search: its strings come from the server, its index and formatter load on first use. */
export async function MechanismSearch() {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()])
  return <SearchLauncher locale={locale as Locale} messages={messages.search} />
}
