import type { Prisma } from "~/generated/prisma/client.ts";
import { getEnv } from "../../env.server.ts";
import { fromCommaList, toCommaList } from "../../utils/comma-list.ts";
import { confirmAlert, createEmailAlert, normalisedQuery } from "../alerts/alerts.server.ts";
import type { AlertChannel, Frequency } from "../alerts/codes.ts";
import { nextRunAfter } from "../alerts/schedule.ts";
import { randomToken } from "../security/secrets.server.ts";
import { kindsFor } from "./codes.ts";

type Tx = Prisma.TransactionClient;

/** The search a registrant follows: new posts in the home county, of the kinds that would bring them home. */
export function homeQuery(registration: { homeCounty: string; intentions: string; returneeKind: string }): string {
  const params = new URLSearchParams({ county: registration.homeCounty });
  for (const kind of kindsFor(fromCommaList(registration.intentions), registration.returneeKind)) params.append("kind", kind);
  return normalisedQuery(params.toString());
}

interface Follow {
  registration: { homeCounty: string; intentions: string; returneeKind: string; lang: string; savedSearchId: number | null };
  frequency: Frequency;
  channels: AlertChannel[];
}

/**
 * The registrant's alert on the home county, made or brought up to date with the registration: an
 * account's, confirmed at once, or an address's, waiting for the registration's own link. Its id.
 */
export async function followHome(tx: Tx, follow: Follow & ({ userId: number } | { email: string }), now: Date): Promise<number> {
  const query = homeQuery(follow.registration);
  if ("email" in follow) {
    const { id } = await createEmailAlert(tx, { email: follow.email, query, frequency: follow.frequency, lang: follow.registration.lang }, { sendConfirmation: false, now });
    return id;
  }
  const data = { query, frequency: follow.frequency, channels: toCommaList(follow.channels), lang: follow.registration.lang, nextRunAt: nextRunAfter(follow.frequency, now, getEnv().ALERT_PASS_MS) };
  const own = follow.registration.savedSearchId
    ? await tx.savedSearch.findFirst({ where: { id: follow.registration.savedSearchId, userId: follow.userId }, select: { id: true } })
    : await tx.savedSearch.findFirst({ where: { userId: follow.userId, source: "search", query }, select: { id: true } });
  if (own) {
    await tx.savedSearch.update({ where: { id: own.id }, data });
    return own.id;
  }
  const created = await tx.savedSearch.create({ data: { ...data, userId: follow.userId, token: randomToken(24), lastCheckedAt: now, confirmedAt: now }, select: { id: true } });
  return created.id;
}

export async function confirmFollow(tx: Tx, savedSearchId: number, now: Date): Promise<void> {
  await confirmAlert(tx, savedSearchId, now);
}

export async function stopFollowing(tx: Tx, savedSearchId: number | null): Promise<void> {
  if (savedSearchId) await tx.savedSearch.deleteMany({ where: { id: savedSearchId } });
}
