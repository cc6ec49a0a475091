// The client, node, network, storage, device and scheduler starters (issue 7), in display order.
// registry.ts appends them to STARTERS.
import type { AnyStarterGenerator } from "../types"
import { cniPluginStarter } from "./cni-plugin"
import { csiDriverStarter } from "./csi-driver"
import { devicePluginStarter } from "./device-plugin"
import { draDriverStarter } from "./dra-driver"
import { execCredentialPluginStarter } from "./exec-credential-plugin"
import { imageCredentialProviderStarter } from "./image-credential-provider"
import { kubectlPluginStarter } from "./kubectl-plugin"
import { multipleSchedulersStarter, schedulerConfigurationStarter, schedulerExtenderStarter, schedulerPluginStarter } from "./scheduler"

export const NODE_STARTERS: readonly AnyStarterGenerator[] = [
  kubectlPluginStarter,
  execCredentialPluginStarter,
  imageCredentialProviderStarter,
  devicePluginStarter,
  draDriverStarter,
  cniPluginStarter,
  csiDriverStarter,
  schedulerConfigurationStarter,
  multipleSchedulersStarter,
  schedulerPluginStarter,
  schedulerExtenderStarter,
]
