// next-intl's request configuration: which language this request is answered in (the account's
// setting, else the visitor's cookie, else Accept-Language, else English; lib/i18n/locales.ts),
// its messages, and the viewer's time zone for dates and times. URLs carry no locale, so a link
// one delegation shares opens in the other's own language.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { currentUser } from "@/server/auth/session";
import { viewerTimeZone } from "@/server/auth/viewer-time-zone";

export default getRequestConfig(async () => {
  const [user, jar, head] = await Promise.all([currentUser(), cookies(), headers()]);
  const locale = resolveLocale({ account: user?.locale, cookie: jar.get(LOCALE_COOKIE)?.value, acceptLanguage: head.get("accept-language") });
  return { locale, messages: loadMessages(locale), timeZone: await viewerTimeZone() };
});
