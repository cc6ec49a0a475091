import { ClientMessages } from "@/components/shell/client-messages"

import { STARTER_CLIENT_MESSAGES } from "../../_pages/starter"

// Above the segment's error boundary (error.tsx), which formats messages too.
export default function StarterLayout({ children }: LayoutProps<"/[locale]/starters/[mechanism]">) {
  return <ClientMessages paths={STARTER_CLIENT_MESSAGES}>{children}</ClientMessages>
}
