import type { Prisma } from "~/generated/prisma/client.ts";
import { createI18n } from "~/i18n/i18n.server.ts";
import { audit } from "../audit/audit.server.ts";
import { getDb } from "../db.server.ts";
import { personKeyOf } from "../indicators/counting.server.ts";
import { afterMessageWrite, enqueueMessages, type OutgoingMessage } from "../messages/outbox.server.ts";
import { siteUrl } from "../follow-up/messages.server.ts";
import { notify } from "../notifications/notifications.server.ts";
import { afterSearchWrite, enqueueSearchSync } from "../search/outbox.server.ts";
import { decrypt } from "../security/secrets.server.ts";
import { chinaToday, parseDay } from "../applications/schemas.ts";
import { fromCommaList, toCommaList } from "../../utils/comma-list.ts";
import { OPERATOR_TRANSITIONS, type BaseApplicationStatus, type OperatorStep } from "./codes.ts";
import { parseChinaDateTime, type ReviewInput } from "./schemas.ts";
import { operatorBases } from "./scope.server.ts";

type Tx = Prisma.TransactionClient;

export type ReviewResult = { ok: true; intent: ReviewInput["intent"]; placementId: number | null } | { ok: false; reason: "not_found" | "illegal" | "full" };

/** Thrown inside the transaction to undo what it wrote (a place taken by someone else meanwhile). */
class Rollback extends Error {
  constructor(readonly reason: "illegal" | "full") {
    super(reason);
  }
}

const NEXT: Record<Exclude<OperatorStep, never>, BaseApplicationStatus> = { interview: "interview", admit: "admitted", decline: "declined" };
const NOTICE: Record<OperatorStep, string> = { interview: "baseInterview", admit: "baseAdmitted", decline: "baseDeclined" };

/** The email and SMS that go with the notice, to whichever the founder has, in the language they applied in. */
function founderMessages(lang: string, founder: { id: number; email: string | null; phoneEnc: string | null }, key: OperatorStep, params: Record<string, string>): OutgoingMessage[] {
  const { t } = createI18n(lang === "en" ? "en" : "zh-CN");
  const link = `${siteUrl()}/me/base-applications`;
  const text = t(`baseMessages.${key}`, { ...params, link });
  const out: OutgoingMessage[] = [];
  if (founder.email) out.push({ channel: "email", to: founder.email, subject: t("baseMessages.subject", { base: params.base }), text: [text, "", t("authMessages.mailFooter")].join("\n"), purpose: "base_application", userId: founder.id });
  if (founder.phoneEnc) out.push({ channel: "sms", to: decrypt(founder.phoneEnc), text: `${t("authMessages.smsSign")}${text}`, purpose: "base_application", userId: founder.id });
  return out;
}

/**
 * The operator moves an application: an interview (a time and a note), an admission or a decline
 * with a reason; or, once admitted, records the business's name and jobs created. Admission is one
 * transaction: the status and its event, the base's free places less one (refused when none are
 * left, never below 0), the base's search document queued, the founding recorded as a placement
 * pending staff verification, and the founder told (notice, email, SMS).
 */
export async function reviewBaseApplication(actorId: number, applicationId: number, input: ReviewInput, now = new Date()): Promise<ReviewResult> {
  let result: ReviewResult;
  try {
    result = await getDb().$transaction(async (tx): Promise<ReviewResult> => {
      const where = await operatorBases(actorId, tx);
      const a = await tx.baseApplication.findFirst({
        where: { id: applicationId, base: where },
        select: {
          id: true, status: true, founderId: true, groups: true, lang: true,
          base: { select: { id: true, name: true, regionCode: true, countyCode: true, organizationId: true, organization: { select: { name: true } } } },
          founder: { select: { id: true, email: true, phoneEnc: true, displayName: true, profile: true } },
        },
      });
      if (!a) return { ok: false, reason: "not_found" };
      const from = a.status as BaseApplicationStatus;
      if (input.intent === "record") {
        if (from !== "admitted") return { ok: false, reason: "illegal" };
        await tx.baseApplication.update({ where: { id: a.id }, data: { businessName: input.businessName, jobsCreated: input.jobsCreated, updatedAt: now } });
        await tx.baseApplicationEvent.create({ data: { applicationId: a.id, status: "recorded", actorId, note: `${input.businessName} · ${input.jobsCreated}`, createdAt: now } });
        return { ok: true, intent: "record", placementId: null };
      }
      if (!OPERATOR_TRANSITIONS[from].includes(input.intent)) return { ok: false, reason: "illegal" };
      const to = NEXT[input.intent];
      const params: Record<string, string> = { base: a.base.name };
      let data: Prisma.BaseApplicationUpdateManyMutationInput = { status: to, updatedAt: now };
      let note: string | null = null;
      if (input.intent === "interview") {
        const at = parseChinaDateTime(input.interviewAt)!;
        data = { ...data, interviewAt: at, interviewNote: input.note || null };
        note = [input.interviewAt.replace("T", " "), input.note].filter(Boolean).join(" · ");
        params.when = input.interviewAt.replace("T", " ");
        params.note = input.note ?? "";
      } else if (input.intent === "decline") {
        data = { ...data, declineReason: input.reason };
        note = input.reason;
        params.reason = input.reason;
      } else {
        data = { ...data, admittedAt: now, businessName: input.businessName || null, jobsCreated: input.jobsCreated ?? 0 };
        const { count } = await tx.incubationBase.updateMany({ where: { id: a.base.id, freePlaces: { gt: 0 } }, data: { freePlaces: { decrement: 1 } } });
        if (count !== 1) return { ok: false, reason: "full" };
      }
      const { count } = await tx.baseApplication.updateMany({ where: { id: a.id, status: from }, data });
      if (count !== 1) throw new Rollback("illegal");
      await tx.baseApplicationEvent.create({ data: { applicationId: a.id, status: to, actorId, note, createdAt: now } });
      let placementId: number | null = null;
      if (input.intent === "admit") {
        await enqueueSearchSync(tx, [{ kind: "base", id: a.base.id }]);
        placementId = await recordFounding(tx, actorId, a, now);
      }
      await notify(tx, a.founderId, NOTICE[input.intent], params, `/me/base-applications#base-application-${a.id}`);
      await enqueueMessages(tx, founderMessages(a.lang, a.founder, input.intent, params));
      return { ok: true, intent: input.intent, placementId };
    });
  } catch (error) {
    if (error instanceof Rollback) return { ok: false, reason: error.reason };
    throw error;
  }
  if (result.ok && result.intent === "admit") afterSearchWrite();
  if (result.ok && result.intent !== "record") afterMessageWrite();
  return result;
}

type Admitted = {
  id: number;
  founderId: number;
  groups: string;
  base: { name: string; regionCode: string; countyCode: string; organizationId: number | null; organization: { name: string } | null };
  founder: { displayName: string; profile: { name: string; groups: string; idHash: string | null; idNumberEnc: string | null; idNumberMasked: string | null; returneeKind: string | null } | null };
};

/**
 * The founding as a placement: new urban employment started as a new business (so a later year
 * counts it again only on a real change), the founder's groups from the profile and the form, the
 * base's place; pending, for staff to verify like any other.
 */
async function recordFounding(tx: Tx, actorId: number, a: Admitted, now: Date): Promise<number> {
  const profile = a.founder.profile;
  const groups = [...new Set([...fromCommaList(profile?.groups ?? ","), ...fromCommaList(a.groups)])];
  const startDay = chinaToday(now);
  const placement = await tx.placement.create({
    data: {
      personUserId: a.founderId,
      personName: profile?.name ?? a.founder.displayName,
      idHash: profile?.idHash ?? null,
      personKey: personKeyOf({ idHash: profile?.idHash ?? null, personUserId: a.founderId }),
      idNumberEnc: profile?.idNumberEnc ?? null,
      idNumberMasked: profile?.idNumberMasked ?? null,
      groups: toCommaList(groups),
      returneeKind: profile?.returneeKind ?? null,
      organizationId: a.base.organizationId,
      employerName: a.base.name,
      kind: "new_urban",
      continuity: "new_business",
      regionCode: a.base.regionCode,
      countyCode: a.base.countyCode,
      startDate: parseDay(startDay)!,
      source: "site",
      status: "pending",
      createdById: actorId,
    },
  });
  await tx.baseApplication.update({ where: { id: a.id }, data: { placementId: placement.id } });
  await audit(tx, {
    actorId,
    action: "placement.create_from_admission",
    entityType: "placement",
    entityId: placement.id,
    regionCode: a.base.regionCode,
    after: { baseApplicationId: a.id, kind: "new_urban", continuity: "new_business", startDate: startDay, status: "pending" },
  });
  return placement.id;
}
