import { hasLocale } from "next-intl"
import { getRequestConfig } from "next-intl/server"
import * as rootParams from "next/root-params"

import { MESSAGES } from "@/messages"

import { routing } from "./routing"

// Reading the locale from the root param (not a request header) keeps pages static.
export default getRequestConfig(async ({ locale }) => {
  let resolved = locale
  if (!resolved) {
    const param = await rootParams.locale()
    resolved = hasLocale(routing.locales, param) ? param : routing.defaultLocale
  }
  return {
    locale: resolved,
    messages: MESSAGES[resolved],
  }
})
