import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl"
import { getLocale, getMessages } from "next-intl/server"

/**
 * NextIntlClientProvider with only the messages a page's client components format, given as
 * paths ("map", "cluster.demoLabel"): the rest stays on the server instead of being inlined into
 * every page's HTML.
 */
export async function ClientMessages({ paths, children }: { paths: readonly string[]; children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()])
  return (
    <NextIntlClientProvider locale={locale} messages={pickMessages(messages, paths)}>
      {children}
    </NextIntlClientProvider>
  )
}

export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const out: AbstractIntlMessages = {}
  for (const path of paths) {
    const keys = path.split(".")
    let from: AbstractIntlMessages | string | undefined = messages
    let to = out
    keys.forEach((key, i) => {
      from = typeof from === "object" ? from[key] : undefined
      if (from === undefined) throw new Error(`No messages at "${path}"`)
      if (i === keys.length - 1) to[key] = from
      else to = (to[key] ??= {}) as AbstractIntlMessages
    })
  }
  return out
}
