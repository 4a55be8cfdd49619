import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePosting } from "../../prisma/seed/factories.ts";
import { startSmtpServer } from "../../server/mail-capture.ts";
import { rebuildIndex } from "../../search/indexer.ts";
import { OutboxWorker } from "../../search/outbox-worker.ts";
import { createTestServices, type TestServices } from "../../tests/setup/test-env.ts";
import { resetEnvForTests } from "~/env.server.ts";
import { MAX_ALERTS } from "~/modules/alerts/alerts.server.ts";
import { EMAIL_ALERT_LIMITS, purgeUnconfirmedAlerts, UNCONFIRMED_DAYS } from "~/modules/alerts/email-alerts.server.ts";
import { runAlerts } from "~/modules/alerts/run.server.ts";
import { INSTANT_EVERY_MS } from "~/modules/alerts/schedule.ts";
import { setEmailSender, SmtpEmailSender } from "~/modules/auth/mail.server.ts";
import { MessageWorker } from "~/modules/messages/worker.server.ts";
import { forgetKeys } from "~/modules/security/secrets.server.ts";
import { action as confirmAction, loader as confirmLoader } from "./alerts.confirm.$token.tsx";
import { action as manageAction, loader as manageLoader } from "./alerts.manage.$token.tsx";
import { action as newAction, loader as newLoader } from "./alerts.new.tsx";
import { action as unsubscribeAction } from "./alerts.unsubscribe.$token.tsx";

type Failed = { ok: false; errors: Record<string, string[]>; values: Record<string, unknown> };

/**
 * A visitor's alert through its pages, as the browser posts them: real SQLite with the demo data,
 * a real Meilisearch index, the message outbox and a real SMTP server.
 */
describe("alerts without an account", () => {
  let services: TestServices;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let dataDir: string;
  let ip = 0;
  const t0 = new Date();
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const req = (url: string, body?: [string, string][]) =>
    new Request(`http://localhost${url}`, { method: body ? "POST" : "GET", body: body ? new URLSearchParams(body) : undefined });
  /** Each save from its own network unless told otherwise (the per-network limit has its own test). */
  const save = (body: [string, string][], clientAddress = `10.40.0.${++ip}`) => newAction({ request: req("/alerts/new", body), params: {}, context: { clientAddress } });
  const tokenArgs = (route: string, token: string, body?: [string, string][]) => ({ request: req(`/alerts/${route}/${token}`, body), params: { token }, context: { clientAddress: "10.40.1.1" } });
  const publish = async (title: string, when: Date) => {
    const post = await makePosting(services.db, { title, publishedAt: when, regionCode: "610924100" }, when);
    await services.db.searchOutbox.create({ data: { docId: `job-${post.id}`, op: "sync" } });
    await new OutboxWorker(services.db, services.search).runOnce(when);
    return post;
  };
  /** An alert pass at `now` (none when null), then the outbox sent; the mail that reached `to`. */
  const inbox = async (to: string, now: Date | null = null) => {
    const before = smtp.mails.length;
    if (now) await runAlerts(now);
    await new MessageWorker(services.db).runOnce(new Date(Math.max(Date.now(), now?.getTime() ?? 0) + 1000));
    return smtp.mails.slice(before).filter((m) => m.to.includes(to));
  };
  const tokenIn = (text: string, route: string) => new RegExp(`/alerts/${route}/([\\w-]+)`).exec(text)?.[1] ?? "";

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-test-data-"));
    process.env.DATA_DIR = dataDir;
    process.env.SITE_URL = "https://jobs.example.cn";
    resetEnvForTests();
    forgetKeys();
    services = await createTestServices("email-alerts", { seeded: true });
    await rebuildIndex(services.db, services.search.connection, { now: t0 });
    smtp = await startSmtpServer();
    setEmailSender(new SmtpEmailSender(smtp.url, "no-reply@example.cn"));
  });
  afterAll(async () => {
    setEmailSender(undefined);
    delete process.env.SITE_URL;
    resetEnvForTests();
    await smtp.close();
    await services.cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("save → one confirmation mail → nothing before it is confirmed (opening the link is not confirming) → confirm → one alert mail → unsubscribe stops it", async () => {
    const to = "guiyan@example.cn";
    const res = (await save([["query", "q=魔芋访客提醒&kind=job&page=2"], ["frequency", "instant"], ["email", to]])) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/alerts/new?sent=1");
    expect(await newLoader({ request: req("/alerts/new?sent=1"), params: {}, context: { clientAddress: "10.40.1.1" } })).toMatchObject({ sent: true });

    const [confirmation, ...others] = await inbox(to);
    expect(others).toEqual([]);
    expect(confirmation!.subject).toBe("请确认您的职位提醒");
    expect(confirmation!.text).toContain("魔芋访客提醒");
    const token = tokenIn(confirmation!.text, "confirm");
    expect(token).toMatch(/^[\w-]{20,}$/);

    await publish("平利魔芋访客提醒加工员", at(10_000));
    // A mail scanner opening the link twice confirms nothing.
    expect((await confirmLoader(tokenArgs("confirm", token))).alert).toMatchObject({ confirmed: false, frequency: "instant", account: false });
    expect((await confirmLoader(tokenArgs("confirm", token))).alert).toMatchObject({ confirmed: false });
    expect(await inbox(to, at(INSTANT_EVERY_MS + 1))).toEqual([]);

    expect(await confirmAction(tokenArgs("confirm", token, []))).toEqual({ done: "confirmed" });
    expect(await confirmAction(tokenArgs("confirm", token, []))).toEqual({ done: "already" });
    const alerts = await inbox(to, at(2 * INSTANT_EVERY_MS + 2));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.text).toContain("平利魔芋访客提醒加工员");
    expect(await inbox(to, at(3 * INSTANT_EVERY_MS + 3))).toEqual([]);

    const unsubscribe = tokenIn(alerts[0]!.text, "unsubscribe");
    expect(unsubscribe).toBe(token);
    expect(await unsubscribeAction(tokenArgs("unsubscribe", unsubscribe, []))).toEqual({ done: true });
    await publish("汉滨魔芋访客提醒销售", at(3 * INSTANT_EVERY_MS + 10_000));
    expect(await inbox(to, at(4 * INSTANT_EVERY_MS + 4))).toEqual([]);
    expect(await confirmLoader(tokenArgs("confirm", token))).toMatchObject({ alert: null });
  });

  it("a bad address comes back at its field with what was typed, and nothing is saved or sent", async () => {
    const before = await services.db.savedSearch.count();
    for (const email of ["not-an-address", "", "a@b"]) {
      const bad = (await save([["query", "q=茶艺师&county=610924"], ["frequency", "weekly"], ["email", email]])) as Failed;
      expect(bad.errors).toEqual({ email: ["alerts.errors.email"] });
      expect(bad.values).toEqual({ query: "q=茶艺师&county=610924", frequency: "weekly", email });
    }
    const noRhythm = (await save([["query", "q=茶艺师"], ["email", "tea@example.cn"]])) as Failed;
    expect(noRhythm.errors).toEqual({ frequency: ["alerts.errors.frequency"] });
    expect(await services.db.savedSearch.count()).toBe(before);
    expect(await inbox("tea@example.cn")).toEqual([]);
  });

  it("never tells whether an address has alerts: a repeat, a confirmed one and one past the cap all answer 'check your inbox'; only the mailbox learns which", async () => {
    const to = "known@example.cn";
    const answer = async (query: string) => {
      const res = (await save([["query", query], ["frequency", "daily"], ["email", to]])) as Response;
      return [res.status, res.headers.get("Location")];
    };
    const fresh = await answer("q=绞股蓝");
    expect(await answer("q=绞股蓝")).toEqual(fresh);
    const mails = await inbox(to);
    expect(mails.map((m) => m.subject)).toEqual(["请确认您的职位提醒", "请确认您的职位提醒"]);
    expect(tokenIn(mails[0]!.text, "confirm")).toBe(tokenIn(mails[1]!.text, "confirm"));
    await confirmAction(tokenArgs("confirm", tokenIn(mails[0]!.text, "confirm"), []));
    // Once confirmed, a stranger saving it again cannot change it: the owner gets the manage link.
    expect(await answer("q=绞股蓝&sort=newest")).toEqual(fresh);
    const [already] = await inbox(to);
    expect(already!.subject).toBe("您已经关注了这个搜索");
    expect(tokenIn(already!.text, "manage")).toBe(tokenIn(mails[0]!.text, "confirm"));

    // At the cap: the same answer, and a mail saying what to do.
    const hash = (await services.db.savedSearch.findFirstOrThrow({ where: { token: tokenIn(mails[0]!.text, "confirm") } })).emailHash!;
    await services.db.savedSearch.createMany({
      data: Array.from({ length: MAX_ALERTS - 1 }, (_, i) => ({ emailHash: hash, emailEnc: "v1.x", query: `q=cap${i}`, frequency: "daily", channels: "email", token: `cap-token-${i}-aaaaaaaaaaaaaaa`, lastCheckedAt: t0, nextRunAt: t0 })),
    });
    expect(await answer("q=一个太多")).toEqual(fresh);
    const [limit, ...rest] = await inbox(to);
    expect(rest).toEqual([]);
    expect(limit!.subject).toBe("没有保存新的提醒");
    expect(await services.db.savedSearch.count({ where: { emailHash: hash } })).toBe(MAX_ALERTS);

    // Past the address's hourly limit: still the same answer, and no more mail.
    for (let i = 0; i < EMAIL_ALERT_LIMITS.perEmail.max; i += 1) expect(await answer(`q=再来${i}`)).toEqual(fresh);
    expect((await inbox(to)).length).toBeLessThan(EMAIL_ALERT_LIMITS.perEmail.max);
  });

  it("one network saving too many is told to wait, with what it typed kept", async () => {
    const address = "10.41.0.1";
    for (let i = 0; i < EMAIL_ALERT_LIMITS.perClient.max; i += 1) await save([["query", `q=限流${i}`], ["frequency", "daily"], ["email", `flood${i}@example.cn`]], address);
    const refused = (await save([["query", "q=限流"], ["frequency", "daily"], ["email", "one-more@example.cn"]], address)) as Failed;
    expect(refused.errors[""]![0]).toMatch(/^alerts\.errors\.tooFast\?minutes=\d+$/);
    expect(refused.values).toMatchObject({ email: "one-more@example.cn" });
  });

  it("the manage link changes the rhythm or stops the alert; it never touches an account's alert; unconfirmed ones go after a few days", async () => {
    const to = "manage@example.cn";
    await save([["query", "q=富硒茶"], ["frequency", "daily"], ["email", to]]);
    const [mail] = await inbox(to);
    const token = tokenIn(mail!.text, "confirm");
    expect((await manageLoader(tokenArgs("manage", token))).alert).toMatchObject({ confirmed: false, frequency: "daily" });
    const bad = (await manageAction(tokenArgs("manage", token, [["intent", "update"], ["frequency", "hourly"]]))) as Failed;
    expect(bad.errors).toEqual({ frequency: ["alerts.errors.frequency"] });
    expect(await manageAction(tokenArgs("manage", token, [["intent", "update"], ["frequency", "weekly"]]))).toEqual({ ok: true, done: "updated" });
    expect((await manageLoader(tokenArgs("manage", token))).alert).toMatchObject({ frequency: "weekly" });

    const user = await services.db.user.create({ data: { email: "owner@example.cn", passwordHash: "x", role: "seeker", displayName: "有账号" } });
    const theirs = await services.db.savedSearch.create({ data: { userId: user.id, query: "q=x", frequency: "daily", channels: "site", token: "account-alert-token-aaaaaaaa", confirmedAt: t0, lastCheckedAt: t0, nextRunAt: t0 } });
    expect((await manageLoader(tokenArgs("manage", theirs.token))).alert).toMatchObject({ account: true });
    expect(await manageAction(tokenArgs("manage", theirs.token, [["intent", "delete"]]))).toEqual({ ok: true, done: "gone" });
    expect(await services.db.savedSearch.count({ where: { id: theirs.id } })).toBe(1);

    // Never confirmed: removed with its address after UNCONFIRMED_DAYS; a confirmed one stays.
    const row = await services.db.savedSearch.findUniqueOrThrow({ where: { token } });
    expect(await purgeUnconfirmedAlerts(new Date(row.createdAt.getTime() + UNCONFIRMED_DAYS * 86_400_000 - 60_000))).toBe(0);
    expect(await purgeUnconfirmedAlerts(new Date(Date.now() + UNCONFIRMED_DAYS * 86_400_000 + 60_000))).toBeGreaterThan(0);
    expect(await services.db.savedSearch.count({ where: { token } })).toBe(0);
    expect(await services.db.savedSearch.count({ where: { id: theirs.id } })).toBe(1);
    expect(await manageAction(tokenArgs("manage", token, [["intent", "delete"]]))).toEqual({ ok: true, done: "gone" });
  });
});
