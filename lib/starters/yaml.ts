// YAML is always built from objects (never from strings), so option values can only ever become
// scalars: the yaml library quotes anything that would otherwise change the document's shape.
import { Document, isScalar, parseAllDocuments, Scalar, visit, type Pair } from "yaml"

export type YamlObject = Record<string, unknown>

const TO_STRING = { lineWidth: 0, minContentWidth: 0 } as const

/**
 * Strings the way people write them by hand: CEL expressions and other text containing double
 * quotes in single quotes ('"team" in object.metadata.labels') rather than double quotes with
 * escapes; multi-line text stays a literal block scalar.
 */
function humanQuoting(doc: Document): void {
  visit(doc, {
    Scalar(key, node) {
      if (key === "key" || typeof node.value !== "string") return
      const s = node.value
      // Multi-line text already becomes a literal block scalar (the library's default).
      if (s.includes('"') && !/[\n\t\\]/.test(s)) node.type = Scalar.QUOTE_SINGLE
    },
  })
}

/** One YAML document (no anchors/aliases, so repeated objects are written out in full). */
export function yamlDoc(obj: YamlObject): string {
  const doc = new Document(obj, { aliasDuplicateObjects: false })
  humanQuoting(doc)
  return doc.toString(TO_STRING)
}

/** A multi-document YAML stream, `---` between documents, newline at the end. */
export function yamlDocs(objs: readonly YamlObject[], header?: string): string {
  const body = objs.map(yamlDoc).join("---\n")
  return header ? `${header.split("\n").map((l) => `# ${l}`.trimEnd()).join("\n")}\n${body}` : body
}

// Strings YAML 1.1 (go-yaml) would read as something else: go-yaml double-quotes these.
const YAML11_NON_STRING = /^(?:[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/

/** go-yaml v2's map key order: runs of digits compare as numbers, other characters before letters. */
function goYamlKeyCompare(a: string, b: string): number {
  const ar = [...a]
  const br = [...b]
  const isLetter = (c: string) => /\p{L}/u.test(c)
  const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9"
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i]!)
    const bl = isLetter(br[i]!)
    if (al && bl) return ar[i]! < br[i]! ? -1 : 1
    if (al || bl) return bl ? -1 : 1
    let ai = i
    let bi = i
    let an = 0
    let bn = 0
    for (; isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai])
    for (; isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi])
    if (an !== bn) return an < bn ? -1 : 1
    if (ai !== bi) return ai < bi ? -1 : 1
    return ar[i]! < br[i]! ? -1 : 1
  }
  return ar.length - br.length
}

/**
 * One document exactly as sigs.k8s.io/yaml (go-yaml v2) writes it, which is what controller-gen
 * emits: "---" first, keys sorted, list items not indented, single quotes where quoting is needed
 * and double quotes for text YAML 1.1 would read as a bool, null or number.
 */
export function goYamlDoc(obj: YamlObject): string {
  const doc = new Document(obj, {
    aliasDuplicateObjects: false,
    sortMapEntries: (a: Pair, b: Pair) => goYamlKeyCompare(String(isScalar(a.key) ? a.key.value : a.key), String(isScalar(b.key) ? b.key.value : b.key)),
  })
  visit(doc, {
    Scalar(key, node) {
      if (key !== "key" && typeof node.value === "string" && YAML11_NON_STRING.test(node.value)) node.type = Scalar.QUOTE_DOUBLE
    },
  })
  return `---\n${doc.toString({ ...TO_STRING, indentSeq: false, singleQuote: true })}`
}

/** Parses a YAML stream back into plain objects (tests and the verifier use this). */
export function parseYamlDocs(text: string): unknown[] {
  return parseAllDocuments(text).map((d) => {
    if (d.errors.length > 0) throw new Error(d.errors.map((e) => e.message).join("; "))
    return d.toJS()
  })
}
