// Error text shown to browsers must never carry credentials, certificates, file paths, raw
// upstream bodies or a credential plugin's output. Every message from the inspector to a client
// passes through sanitizeMessage; the rules run in order, most specific first.

const PEM = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g
// JSON.parse quotes the start of its input ("Unexpected token 'x', "token=Zx81k"... is not valid
// JSON"; Node < 20: "Unexpected token x in JSON at position 0"). For a credential plugin that input
// is its stdout, so the quote (and even the single character) is dropped.
const JSON_PARSE_QUOTE = /Unexpected token [\s\S]*? is not valid JSON/g
const JSON_PARSE_CHAR = /Unexpected token [\s\S] in JSON at position (\d+)/g
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g
const BEARER = /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi
const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi
// key=value, key: value, "key": "value" for any key naming a secret (client_secret, id-token,
// tokenFile, Authorization, password, ...). Quoted values are removed up to their closing quote.
const KEY_VALUE = /\b([\w-]*?(?:token|password|passwd|secret|authorization|api[_-]?key|private[_-]?key|credential)[\w-]*)(["']?\s*[:=]\s*)("[^"]*"?|'[^']*'?|[^\s"',;&)\]}]+)/gi
const WINDOWS_PATH = /\b[A-Za-z]:\\[^\s"'<>|]+/g
// Absolute (or home-relative) paths after a delimiter: key files, kubeconfigs, plugin binaries.
const UNIX_PATH = /(^|[\s"'`(=:,[{])(~?\/(?:[\w.@%+-]+\/?)+)/g
// Base64 (or hex) runs of 16+ characters are likely tokens, keys or caBundles...
const BASE64_RUN = /[A-Za-z0-9+/]{16,}={0,2}/g
// ...and long base64url runs (with both digits and capitals; Kubernetes names are lowercase).
const BASE64URL_RUN = /[A-Za-z0-9_-]{40,}/g

/** Segments that are words, not secrets: lowercase resource names, CamelCase kinds, API versions, short numbers. */
const SAFE_SEGMENT = /^(?:|[a-z]{1,40}|(?:[A-Z][a-z]{2,})+|v\d+(?:(?:alpha|beta)\d+)?|\d{1,15})$/

function redactOpaque(run: string): string {
  const segments = run.replace(/=+$/, "").split("/")
  return segments.every((s) => SAFE_SEGMENT.test(s)) ? run : "[redacted]"
}

export function sanitizeMessage(input: unknown, maxLength = 300): string {
  let s = typeof input === "string" ? input : input instanceof Error ? input.message : String(input ?? "")
  s = s
    .replace(PEM, "[redacted certificate]")
    .replace(JSON_PARSE_QUOTE, "output is not valid JSON")
    .replace(JSON_PARSE_CHAR, "output is not valid JSON (position $1)")
    .replace(JWT, "[redacted token]")
    .replace(BEARER, "$1 [redacted]")
    .replace(URL, "[url]")
    .replace(KEY_VALUE, "$1$2[redacted]")
    .replace(WINDOWS_PATH, "[path]")
    .replace(UNIX_PATH, "$1[path]")
    .replace(BASE64_RUN, redactOpaque)
    .replace(BASE64URL_RUN, (run) => (/[A-Z]/.test(run) && /\d/.test(run) ? "[redacted]" : run))
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
  ENOENT: "file not found",
  EACCES: "permission denied",
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
