// Fails early, with the exact fix, when the Debian Chromium that Playwright drives is missing.
import { existsSync } from "node:fs"

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
if (!existsSync(chromiumPath)) {
  console.error(
    [
      `Chromium not found at ${chromiumPath}.`,
      "Browser tests drive Debian's Chromium (Playwright cannot download a browser here). Install it with:",
      "  sudo apt-get update && sudo apt-get install -y chromium",
      "or point CHROMIUM_PATH at another Chromium/Chrome binary.",
    ].join("\n")
  )
  process.exit(1)
}
