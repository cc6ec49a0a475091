import { ClientMessages } from "@/components/shell/client-messages"

import { starterClientMessages } from "../../../_pages/starter"

export default async function LinkedStarterLayout({ children, params }: LayoutProps<"/[locale]/linked/starters/[mechanism]">) {
  const { mechanism } = await params
  return <ClientMessages paths={starterClientMessages(mechanism)}>{children}</ClientMessages>
}
