import { ClientMessages } from "@/components/shell/client-messages"

import { starterClientMessages } from "../../_pages/starter"

// Above the segment's error boundary (error.tsx), which formats messages too.
export default async function StarterLayout({ children, params }: LayoutProps<"/[locale]/starters/[mechanism]">) {
  const { mechanism } = await params
  return <ClientMessages paths={starterClientMessages(mechanism)}>{children}</ClientMessages>
}
