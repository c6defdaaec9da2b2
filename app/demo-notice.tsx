// The demonstration notice, where the instance is one: pages include <DemoInstanceNotice />.
// The check is cached per process (a password verification is slow), so including it is cheap.
import { db } from "@/lib/db";
import { isDemoInstance } from "@/server/services/people/is-demo-instance";
import { DemoNotice } from "@/components/ui/demo-notice";

export async function DemoInstanceNotice({ className }: { className?: string }) {
  if (!(await isDemoInstance(db()))) return null;
  return (
    <div className={className}>
      <DemoNotice />
    </div>
  );
}
