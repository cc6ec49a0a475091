// YAML is always built from objects (never from strings), so option values can only ever become
// scalars: the yaml library quotes anything that would otherwise change the document's shape.
import { Document, parseAllDocuments } from "yaml"

export type YamlObject = Record<string, unknown>

const TO_STRING = { lineWidth: 0, minContentWidth: 0 } as const

/** One YAML document (no anchors/aliases, so repeated objects are written out in full). */
export function yamlDoc(obj: YamlObject): string {
  return new Document(obj, { aliasDuplicateObjects: false }).toString(TO_STRING)
}

/** A multi-document YAML stream, `---` between documents, newline at the end. */
export function yamlDocs(objs: readonly YamlObject[], header?: string): string {
  const body = objs.map(yamlDoc).join("---\n")
  return header ? `${header.split("\n").map((l) => `# ${l}`.trimEnd()).join("\n")}\n${body}` : body
}

/** Parses a YAML stream back into plain objects (tests and the verifier use this). */
export function parseYamlDocs(text: string): unknown[] {
  return parseAllDocuments(text).map((d) => {
    if (d.errors.length > 0) throw new Error(d.errors.map((e) => e.message).join("; "))
    return d.toJS()
  })
}
