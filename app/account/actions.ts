"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { DEFAULT_TIME_ZONE, normalizeTimeZone } from "@/lib/domain/time-zone";
import { PreviousState, Text, formFields } from "@/server/actions/arguments";
import { defineAction } from "@/server/actions/define-action";
import { LoginLimiter } from "@/server/auth/login-limiter";
import { reissueSessionCookie } from "@/server/auth/session-cookie";
import { realtime } from "@/server/realtime/global";
import { changePassword } from "@/server/services/people/change-password";
import { renameAccount } from "@/server/services/people/rename-account";
import { setTimeZone } from "@/server/services/people/set-time-zone";
import { setLanguage } from "@/server/services/people/set-language";
import { signOutEverywhere } from "@/server/services/people/sign-out-everywhere";

// The caller's own account, and only that: every use case here takes the session's user id and
// nothing names another account.

/** The name shows in the header of every page. */
const everyPage = { paths: () => [{ path: "/", type: "layout" as const }] };

export const renameAccountAction = defineAction(
  { args: ["previous", "form"], input: z.object({ previous: PreviousState, form: formFields({ name: Text }) }), authorize: "signed-in", revalidate: everyPage },
  async ({ form }, { userId }) => renameAccount({ db: db(), userId, name: form.name }),
);

export const setTimeZoneAction = defineAction(
  { args: ["previous", "form"], input: z.object({ previous: PreviousState, form: formFields({ timeZone: Text }) }), authorize: "signed-in", revalidate: everyPage },
  async ({ form }, { userId }) => setTimeZone({ db: db(), userId, timeZone: form.timeZone }),
);

/** The interface language, kept on the account so every device it signs in on uses it. */
export const setLanguageAction = defineAction(
  { args: ["locale"], input: z.object({ locale: z.string().max(20) }), authorize: "signed-in", revalidate: everyPage },
  async ({ locale }, { userId }) => setLanguage({ db: db(), userId, locale }),
);

/**
 * The browser's zone, sent once after the first sign-in; never overrides a chosen one. A zone
 * this server does not know becomes UTC (the person can pick theirs on the account page) rather
 * than being asked for on every page.
 */
export const detectTimeZoneAction = defineAction(
  { args: ["timeZone"], input: z.object({ timeZone: z.string().max(100) }), authorize: "signed-in", revalidate: everyPage },
  async ({ timeZone }, { userId }) => {
    const { changed } = await setTimeZone({ db: db(), userId, timeZone: normalizeTimeZone(timeZone) ?? DEFAULT_TIME_ZONE, onlyIfUnset: true });
    return { changed };
  },
);

/** Wrong current passwords, slowed like failed sign-ins (per account, counted in the database). */
const passwordChecks = new LoginLimiter();

/** Every other session ends; this browser gets a token under the new epoch and stays signed in. */
export const changePasswordAction = defineAction(
  {
    args: ["previous", "form"],
    input: z.object({ previous: PreviousState, form: formFields({ currentPassword: Text, newPassword: Text }) }),
    authorize: "signed-in",
  },
  async ({ form }, { userId }) => {
    const { sessionEpoch } = await changePassword({ db: db(), live: realtime().live, userId, input: form, limiter: passwordChecks });
    await reissueSessionCookie(userId, sessionEpoch);
  },
);

export const signOutEverywhereAction = defineAction({ args: [], input: z.object({}), authorize: "signed-in" }, async (_input, { userId }) => {
  const { sessionEpoch } = await signOutEverywhere({ db: db(), live: realtime().live, userId });
  await reissueSessionCookie(userId, sessionEpoch);
});
