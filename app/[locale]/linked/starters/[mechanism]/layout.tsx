import { ClientMessages } from "@/components/shell/client-messages"

import { STARTER_CLIENT_MESSAGES } from "../../../_pages/starter"

export default function LinkedStarterLayout({ children }: LayoutProps<"/[locale]/linked/starters/[mechanism]">) {
  return <ClientMessages paths={STARTER_CLIENT_MESSAGES}>{children}</ClientMessages>
}
