// Every page of a workshop: client components below (notifications, vote records) write times
// in the viewer's zone, read once here from the account.
import { ViewerZoneProvider } from "@/components/ui/viewer-zone";
import { viewerTimeZone } from "@/server/auth/viewer-time-zone";

export default async function WorkshopLayout({ children }: { children: React.ReactNode }) {
  return <ViewerZoneProvider zone={await viewerTimeZone()}>{children}</ViewerZoneProvider>;
}
