// Who may do what on the instance itself (outside any workshop): create workshops, create
// accounts, issue password-reset links for any account. Pure: the caller passes the user's
// flag and the configured setting (ACCORD_WORKSHOP_CREATORS).

export const WORKSHOP_CREATORS = ["admins", "everyone"] as const;
/** Who may create a workshop: only instance administrators, or every signed-in account. */
export type WorkshopCreators = (typeof WORKSHOP_CREATORS)[number];

export type InstanceUser = { isAdmin: boolean };

/** Whether this account may create a new workshop under the instance's setting. */
export function mayCreateWorkshop(user: InstanceUser | null, setting: WorkshopCreators): boolean {
  if (!user) return false;
  return user.isAdmin || setting === "everyone";
}

/** Whether this account may administer the instance: create accounts, reset any password. */
export function mayAdminister(user: InstanceUser | null): boolean {
  return user?.isAdmin === true;
}
