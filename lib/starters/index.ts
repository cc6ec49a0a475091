// Public API of the starter generator (browser + server).
export * from "./types"
export {
  STARTERS,
  defaultOptions,
  fieldSpecs,
  generate,
  getStarter,
  hasStarter,
  optionsFromQuery,
  optionsJsonSchema,
  parseOptions,
  starterIds,
  startersMetadata,
  type FieldSpec,
  type GenerateResult,
} from "./registry"
export { zipStarter, unzipStarter, zipFileName } from "./zip"
export { isLocale, type GenerateContext } from "./context"
export { STARTER_NOTICES, starterNotice, type StarterNotice } from "./notices"
