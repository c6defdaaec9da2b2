import type { Db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";
import { isLocale, type Locale } from "../../../lib/i18n/locales.ts";

/** The interface language of the caller's own account: remembered on every device they sign in on. */
export async function setLanguage(opts: { db: Db; userId: string | null; locale: string }): Promise<{ locale: Locale }> {
  if (!opts.userId) throw new AppError("UNAUTHENTICATED");
  if (!isLocale(opts.locale)) throw new AppError("INVALID_INPUT", "Choose a language from the list.");
  await opts.db.user.update({ where: { id: opts.userId }, data: { locale: opts.locale } });
  return { locale: opts.locale };
}
