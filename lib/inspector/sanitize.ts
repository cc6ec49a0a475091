// Error text shown to browsers must never carry credentials, certificates or raw upstream bodies.

const PEM = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g
const BEARER = /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi
const URL_CREDENTIALS = /(\w+:\/\/)[^/\s:@]+:[^/\s@]+@/g
const QUERY_SECRET = /([?&](?:token|access_token|password|secret|key)=)[^&\s]+/gi
// Long base64/hex runs are likely keys, caBundles or tokens.
const LONG_OPAQUE = /[A-Za-z0-9+/=_-]{40,}/g

export function sanitizeMessage(input: unknown, maxLength = 300): string {
  let s = typeof input === "string" ? input : input instanceof Error ? input.message : String(input ?? "")
  s = s
    .replace(PEM, "[redacted certificate]")
    .replace(JWT, "[redacted token]")
    .replace(BEARER, "$1 [redacted]")
    .replace(URL_CREDENTIALS, "$1[redacted]@")
    .replace(QUERY_SECRET, "$1[redacted]")
    .replace(LONG_OPAQUE, "[redacted]")
    .replace(/\s+/g, " ")
    .trim()
  return s.length > maxLength ? `${s.slice(0, maxLength - 1)}…` : s
}

/** Kubernetes Status bodies are JSON; keep only reason + message, sanitised. */
export function statusReason(httpStatus: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { kind?: string; reason?: string; message?: string }
    if (parsed && parsed.kind === "Status") {
      return sanitizeMessage(`${httpStatus} ${parsed.reason ?? ""}: ${parsed.message ?? ""}`)
    }
  } catch {
    // not JSON: never echo an unknown upstream body
  }
  return `HTTP ${httpStatus}`
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ENOTFOUND: "host name not found",
  EAI_AGAIN: "host name lookup failed",
  CERT_HAS_EXPIRED: "server certificate expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "server certificate not trusted",
  SELF_SIGNED_CERT_IN_CHAIN: "server certificate not trusted",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "server certificate not trusted",
  ERR_TLS_CERT_ALTNAME_INVALID: "server certificate does not match the host",
}

/** Maps a transport error to a short fixed phrase; unknown errors get a sanitised message. */
export function networkReason(err: unknown): string {
  const code = (err as { code?: unknown })?.code
  if (typeof code === "string" && NETWORK_CODES[code]) return NETWORK_CODES[code]
  if (typeof code === "string" && /^[A-Z_]+$/.test(code)) return `network error (${code})`
  return sanitizeMessage(err)
}
