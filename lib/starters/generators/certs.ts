// Serving certificates for webhook-style servers: a self-signed script for local development
// (no cert-manager needed) shared by every starter that serves TLS.
import { text, token } from "../code"
import type { StarterFile } from "../types"

export type SelfSignedInput = {
  /** Service (and Secret prefix) name. */
  name: string
  namespace: string
  dnsNames: readonly string[]
  ips?: readonly string[]
  /** Create/replace the `<name>-tls` Secret in the cluster. */
  createSecret: boolean
  /** Patch the CA into these objects' webhooks[*].clientConfig.caBundle (admission webhooks). */
  patchWebhook?: { resource: "validatingwebhookconfiguration" | "mutatingwebhookconfiguration"; name: string; count: number }
}

/** hack/gen-certs.sh: CA + serving cert with openssl, written to ./certs (git-ignored). */
export function selfSignedScript(i: SelfSignedInput): StarterFile {
  const san = [...i.dnsNames.map((d) => `DNS:${d}`), ...(i.ips ?? []).map((ip) => `IP:${ip}`)].join(",")
  const secret = i.createSecret
    ? text`
        "$KUBECTL" create namespace ${token(i.namespace)} --dry-run=client -o yaml | "$KUBECTL" apply -f -
        "$KUBECTL" -n ${token(i.namespace)} create secret tls ${token(`${i.name}-tls`)} \\
          --cert=certs/tls.crt --key=certs/tls.key --dry-run=client -o yaml | "$KUBECTL" apply -f -
      `
    : ""
  const patch = i.patchWebhook
    ? text`
        CA_BUNDLE="$(base64 < certs/ca.crt | tr -d '\\n')"
        PATCH="["
        for idx in $(seq 0 ${token(String(i.patchWebhook.count - 1))}); do
          [ "$idx" -gt 0 ] && PATCH="$PATCH,"
          PATCH="$PATCH{\\"op\\":\\"add\\",\\"path\\":\\"/webhooks/$idx/clientConfig/caBundle\\",\\"value\\":\\"$CA_BUNDLE\\"}"
        done
        PATCH="$PATCH]"
        # Before make deploy the configuration does not exist yet: run this script again afterwards.
        if "$KUBECTL" get ${token(i.patchWebhook.resource)} ${token(i.patchWebhook.name)} >/dev/null 2>&1; then
          "$KUBECTL" patch ${token(i.patchWebhook.resource)} ${token(i.patchWebhook.name)} --type=json -p "$PATCH"
        else
          echo "${token(i.patchWebhook.resource)}/${token(i.patchWebhook.name)} does not exist yet: run $0 --apply again after make deploy to set its caBundle"
        fi
      `
    : ""
  return {
    path: "hack/gen-certs.sh",
    executable: true,
    content:
      text`
        #!/usr/bin/env bash
        # Local development without cert-manager: makes a throwaway CA and a serving certificate
        # for ${token(i.dnsNames[0] ?? i.name)}. Do not use these keys in production.
        # Usage: hack/gen-certs.sh [--apply]   (--apply also updates the cluster)
        set -euo pipefail
        cd "$(dirname "$0")/.."
        KUBECTL="\${KUBECTL:-kubectl}"
        mkdir -p certs
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 365 \\
          -subj "/CN=${token(i.name)}-ca" -keyout certs/ca.key -out certs/ca.crt 2>/dev/null
        openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \\
          -subj "/CN=${token(i.dnsNames[0] ?? i.name)}" -keyout certs/tls.key -out certs/tls.csr 2>/dev/null
        printf "subjectAltName=${token(san)}\\nextendedKeyUsage=serverAuth\\n" > certs/ext.cnf
        openssl x509 -req -in certs/tls.csr -CA certs/ca.crt -CAkey certs/ca.key -CAcreateserial \\
          -days 365 -extfile certs/ext.cnf -out certs/tls.crt 2>/dev/null
        echo "wrote certs/ca.crt certs/tls.crt certs/tls.key"
        [ "\${1:-}" = "--apply" ] || exit 0
      ` +
      secret +
      patch,
  }
}
