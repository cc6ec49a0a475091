// All mechanism entries, in MECHANISM_IDS order (the test enforces both coverage and order).
import type { Mechanism } from "../types"
import { API_ACCESS_MECHANISMS } from "./api-access"
import { API_MECHANISMS } from "./api"
import { AUTOMATION_MECHANISMS } from "./automation"
import { CLIENT_MECHANISMS } from "./client"
import { CONFIGURATION_MECHANISMS } from "./configuration"
import { INFRASTRUCTURE_MECHANISMS } from "./infrastructure"
import { SCHEDULING_MECHANISMS } from "./scheduling"

export const ALL_MECHANISMS: readonly Mechanism[] = [
  ...CLIENT_MECHANISMS,
  ...API_ACCESS_MECHANISMS,
  ...API_MECHANISMS,
  ...SCHEDULING_MECHANISMS,
  ...AUTOMATION_MECHANISMS,
  ...INFRASTRUCTURE_MECHANISMS,
  ...CONFIGURATION_MECHANISMS,
]
