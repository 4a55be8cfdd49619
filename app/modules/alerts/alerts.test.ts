import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePosting } from "../../../prisma/seed/factories.ts";
import { startSmtpServer } from "../../../server/mail-capture.ts";
import { rebuildIndex } from "../../../search/indexer.ts";
import { OutboxWorker } from "../../../search/outbox-worker.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/test-env.ts";
import { resetEnvForTests } from "../../env.server.ts";
import { setEmailSender, SmtpEmailSender } from "../auth/mail.server.ts";
import { MessageWorker } from "../messages/worker.server.ts";
import { forgetKeys } from "../security/secrets.server.ts";
import { AlertLimitError, alertFromForm, confirmAlert, createEmailAlert, listAlerts, MAX_ALERTS, unsubscribe } from "./alerts.server.ts";
import { RECENT_INDEX_FROM, runAlerts } from "./run.server.ts";
import { INSTANT_EVERY_MS, nextRunAfter } from "./schedule.ts";

/**
 * Saved searches end to end: real SQLite with the demo data, a real Meilisearch index, the message
 * outbox and a real SMTP server; the clock is passed in, so "daily" is tested without waiting.
 */
describe("saved searches and alerts", () => {
  let services: TestServices;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let dataDir: string;
  let serial = 0;
  const t0 = new Date();
  const at = (ms: number) => new Date(t0.getTime() + ms);

  const form = (fields: Record<string, string | string[]>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) for (const v of ([] as string[]).concat(value)) data.append(key, v);
    return data;
  };
  const person = async () => {
    serial += 1;
    return services.db.user.create({ data: { email: `alert${serial}@example.cn`, passwordHash: "x", role: "seeker", displayName: `提醒测试${serial}` } });
  };
  /** A post published at `when`, in the index as the outbox worker puts it there. */
  const publish = async (title: string, when: Date) => {
    const post = await makePosting(services.db, { title, publishedAt: when, regionCode: "610924100" }, when);
    await services.db.searchOutbox.create({ data: { docId: `job-${post.id}`, op: "sync" } });
    await new OutboxWorker(services.db, services.search).runOnce(when);
    return post;
  };
  /** Runs the alerts, then delivers the outbox; the mail that arrived for `to`. */
  const deliver = async (now: Date, to: string) => {
    const before = smtp.mails.length;
    await runAlerts(now);
    await new MessageWorker(services.db).runOnce(now);
    return smtp.mails.slice(before).filter((m) => m.to.includes(to));
  };
  /** Sends what is queued now (a confirmation is queued at the real time), without an alert pass. */
  const sendQueued = async (to: string) => {
    const before = smtp.mails.length;
    await new MessageWorker(services.db).runOnce(new Date(Date.now() + 1000));
    return smtp.mails.slice(before).filter((m) => m.to.includes(to));
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-test-data-"));
    process.env.DATA_DIR = dataDir;
    process.env.SITE_URL = "https://jobs.example.cn";
    resetEnvForTests();
    forgetKeys();
    services = await createTestServices("alerts", { seeded: true });
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

  it("a new post matching a saved search puts exactly one email in the inbox, with a site notice; never the same post twice", async () => {
    const user = await person();
    const saved = await alertFromForm(user.id, form({ intent: "create", query: "q=蒸面提醒甲&kind=job&page=3", frequency: "instant", channels: ["email", "site"] }), "zh-CN", t0);
    expect(saved).toMatchObject({ ok: true, done: "created" });
    const [alert] = await listAlerts(user.id);
    expect(alert).toMatchObject({ frequency: "instant", channels: ["email", "site"], search: { q: "蒸面提醒甲", kind: ["job"] } });
    expect(alert!.link).toBe("/search?q=%E8%92%B8%E9%9D%A2%E6%8F%90%E9%86%92%E7%94%B2&kind=job");

    const post = await publish("紫阳蒸面提醒甲师傅", at(10_000));
    // Not yet due (at once means the next pass): nothing.
    expect(await deliver(at(INSTANT_EVERY_MS / 2), user.email!)).toEqual([]);
    const mails = await deliver(at(INSTANT_EVERY_MS + 1), user.email!);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("您关注的搜索有 1 个新机会");
    expect(mails[0]!.text).toContain("紫阳蒸面提醒甲师傅");
    expect(mails[0]!.text).toContain(`https://jobs.example.cn/job/${post.id}`);
    expect(mails[0]!.text).toMatch(/退订这条提醒：https:\/\/jobs\.example\.cn\/alerts\/unsubscribe\/[\w-]{20,}/);
    const notice = await services.db.notification.findFirstOrThrow({ where: { userId: user.id, type: "alertNew" } });
    expect(JSON.parse(notice.params)).toMatchObject({ count: 1, title: "紫阳蒸面提醒甲师傅" });

    // The next passes find the same post again within their look-back, and send nothing.
    expect(await deliver(at(2 * INSTANT_EVERY_MS + 2), user.email!)).toEqual([]);
    expect(await deliver(at(3 * INSTANT_EVERY_MS + 3), user.email!)).toEqual([]);
    // A second new post is one more email, with that post only.
    await publish("旬阳蒸面提醒甲学徒", at(3 * INSTANT_EVERY_MS + 10_000));
    const second = await deliver(at(4 * INSTANT_EVERY_MS + 4), user.email!);
    expect(second).toHaveLength(1);
    expect(second[0]!.text).toContain("旬阳蒸面提醒甲学徒");
    expect(second[0]!.text).not.toContain("紫阳蒸面提醒甲师傅");
  });

  it("daily: nothing until the next 8:00 China time, then one email for everything new", async () => {
    const user = await person();
    await alertFromForm(user.id, form({ intent: "create", query: "q=蒸面提醒乙", frequency: "daily", channels: "email" }), "zh-CN", t0);
    await publish("汉滨蒸面提醒乙师傅", at(60_000));
    await publish("汉阴蒸面提醒乙帮工", at(120_000));
    const eight = nextRunAfter("daily", t0);
    expect(await deliver(new Date(eight.getTime() - 1000), user.email!)).toEqual([]);
    const mails = await deliver(eight, user.email!);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("您关注的搜索有 2 个新机会");
    expect(await deliver(new Date(eight.getTime() + INSTANT_EVERY_MS), user.email!)).toEqual([]);
  });

  it("the unsubscribe link in the mail stops the alert at once", async () => {
    const user = await person();
    await alertFromForm(user.id, form({ intent: "create", query: "q=蒸面提醒丙", frequency: "instant", channels: "email" }), "en", t0);
    await publish("白河蒸面提醒丙师傅", at(60_000));
    const [mail] = await deliver(at(INSTANT_EVERY_MS + 1), user.email!);
    expect(mail!.subject).toBe("1 new for your saved search");
    const token = /alerts\/unsubscribe\/([\w-]+)/.exec(mail!.text)![1]!;
    expect(await unsubscribe(token)).toBe(true);
    expect(await unsubscribe(token)).toBe(false);
    expect(await listAlerts(user.id)).toEqual([]);
    await publish("石泉蒸面提醒丙帮工", at(INSTANT_EVERY_MS + 60_000));
    expect(await deliver(at(2 * INSTANT_EVERY_MS + 2), user.email!)).toEqual([]);
  });

  it("answers bad input at the field and never touches another person's alert", async () => {
    const owner = await person();
    const other = await person();
    const made = await alertFromForm(owner.id, form({ intent: "create", query: "q=蒸面提醒丁", frequency: "weekly", channels: "site" }), "zh-CN", t0);
    const id = made.ok ? String(made.id) : "";
    expect(await alertFromForm(owner.id, form({ intent: "create", query: "q=蒸面", frequency: "hourly" }), "zh-CN", t0)).toMatchObject({
      ok: false, errors: { frequency: ["alerts.errors.frequency"], channels: ["alerts.errors.channelRequired"] }, values: { query: "q=蒸面" },
    });
    expect(await alertFromForm(other.id, form({ intent: "delete", id }), "zh-CN", t0)).toMatchObject({ ok: false, errors: { "": ["alerts.errors.notFound"] } });
    expect(await alertFromForm(other.id, form({ intent: "update", id, frequency: "instant", channels: "sms" }), "zh-CN", t0)).toMatchObject({ ok: false });
    expect(await listAlerts(owner.id)).toEqual([expect.objectContaining({ frequency: "weekly", channels: ["site"] })]);
    // Saving the same search twice keeps one alert.
    expect(await alertFromForm(owner.id, form({ intent: "create", query: "page=2&q=蒸面提醒丁", frequency: "daily", channels: "email" }), "zh-CN", t0)).toMatchObject({ ok: true, done: "updated" });
    expect(await listAlerts(owner.id)).toHaveLength(1);
    expect(await alertFromForm(owner.id, form({ intent: "delete", id }), "zh-CN", t0)).toMatchObject({ ok: true, done: "deleted" });
  });

  it("without an account: one confirmation mail, nothing before it is confirmed, then one alert mail to the address, and unsubscribe stops it", async () => {
    const email = "Visitor.Alert@Example.cn";
    const made = await services.db.$transaction((tx) => createEmailAlert(tx, { email, query: "q=蒸面提醒戊&page=2", frequency: "instant", lang: "zh-CN" }, { now: t0 }));
    const confirmations = await sendQueued("visitor.alert@example.cn");
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.subject).toBe("请确认您的职位提醒");
    expect(confirmations[0]!.text).toContain(`https://jobs.example.cn/alerts/confirm/${made.token}`);
    const row = await services.db.savedSearch.findUniqueOrThrow({ where: { id: made.id } });
    expect(row).toMatchObject({ userId: null, confirmedAt: null, query: "q=%E8%92%B8%E9%9D%A2%E6%8F%90%E9%86%92%E6%88%8A", channels: "email" });
    expect(row.emailEnc).not.toContain("example");

    await publish("岚皋蒸面提醒戊师傅", at(10_000));
    expect(await deliver(at(INSTANT_EVERY_MS + 1), "visitor.alert@example.cn")).toEqual([]);
    await services.db.$transaction((tx) => confirmAlert(tx, made.id, at(INSTANT_EVERY_MS + 2)));
    const mails = await deliver(at(2 * INSTANT_EVERY_MS + 3), "visitor.alert@example.cn");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("岚皋蒸面提醒戊师傅");
    expect(mails[0]!.text).toContain(`https://jobs.example.cn/alerts/manage/${made.token}`);
    expect(mails[0]!.text).toContain(`https://jobs.example.cn/alerts/unsubscribe/${made.token}`);
    expect(await unsubscribe(made.token)).toBe(true);
    await publish("镇坪蒸面提醒戊帮工", at(2 * INSTANT_EVERY_MS + 10_000));
    expect(await deliver(at(3 * INSTANT_EVERY_MS + 4), "visitor.alert@example.cn")).toEqual([]);
  });

  it("without an account: the same search again is the same alert; the registry may skip the mail; past the cap it refuses", async () => {
    const email = "again@example.cn";
    const first = await services.db.$transaction((tx) => createEmailAlert(tx, { email, query: "q=蒸面提醒己", frequency: "daily", lang: "en" }, { now: t0 }));
    const again = await services.db.$transaction((tx) => createEmailAlert(tx, { email: " AGAIN@example.cn ", query: "q=蒸面提醒己&sort=newest", frequency: "weekly", lang: "en" }, { now: t0 }));
    expect(again).toEqual(first);
    const silent = await services.db.$transaction((tx) => createEmailAlert(tx, { email, query: "q=蒸面提醒庚", frequency: "daily", lang: "en" }, { sendConfirmation: false, now: t0 }));
    const mails = await sendQueued(email);
    expect(mails.map((m) => m.subject)).toEqual(["Confirm your job alert", "Confirm your job alert"]);
    expect(mails[1]!.text).toContain("Once a week");
    expect(await services.db.savedSearch.count({ where: { id: { in: [first.id, silent.id] }, confirmedAt: null } })).toBe(2);
    for (let i = 2; i < MAX_ALERTS; i += 1) await services.db.$transaction((tx) => createEmailAlert(tx, { email, query: `q=上限${i}`, frequency: "daily", lang: "en" }, { sendConfirmation: false, now: t0 }));
    await expect(services.db.$transaction((tx) => createEmailAlert(tx, { email, query: "q=一个太多", frequency: "daily", lang: "en" }, { now: t0 }))).rejects.toBeInstanceOf(AlertLimitError);
  });

  it("following recommendations: a new post recommended for the profile is one email and one notice, never twice; listed with its rhythm", async () => {
    const user = await person();
    await services.db.seekerProfile.create({ data: { userId: user.id, name: "关注推荐", consentMatching: true, wishOccupations: ",4-10-03-05,", wishKinds: ",job,", hometownCode: "610924100", travelKm: 40 } });
    expect(await alertFromForm(user.id, form({ intent: "follow", frequency: "instant", channels: ["email", "site"] }), "zh-CN", t0)).toMatchObject({ ok: true, done: "followed" });
    // Following again keeps the one alert as it was.
    expect(await alertFromForm(user.id, form({ intent: "follow", frequency: "weekly", channels: "sms" }), "zh-CN", t0)).toMatchObject({ ok: true, done: "followed" });
    const [alert, ...more] = await listAlerts(user.id);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ source: "recommendations", link: "/me/recommendations", frequency: "instant", channels: ["email", "site"] });

    // What was already recommended before following is not news.
    expect(await deliver(at(INSTANT_EVERY_MS + 1), user.email!)).toEqual([]);
    const post = await makePosting(services.db, { title: "紫阳修脚师推荐提醒", occupationCode: "4-10-03-05", publishedAt: at(INSTANT_EVERY_MS + 10_000), regionCode: "610924100" }, at(INSTANT_EVERY_MS + 10_000));
    await services.db.searchOutbox.create({ data: { docId: `job-${post.id}`, op: "sync" } });
    await new OutboxWorker(services.db, services.search).runOnce(at(INSTANT_EVERY_MS + 10_000));
    const mails = await deliver(at(2 * INSTANT_EVERY_MS + 2), user.email!);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^为您推荐的机会有 \d+ 个新的$/);
    expect(mails[0]!.text).toContain("紫阳修脚师推荐提醒");
    expect(mails[0]!.text).toContain("https://jobs.example.cn/alerts/unsubscribe/");
    const notice = await services.db.notification.findFirstOrThrow({ where: { userId: user.id, type: "alertRecommended" } });
    expect(notice.link).toBe("/me/recommendations");
    expect(await deliver(at(3 * INSTANT_EVERY_MS + 3), user.email!)).toEqual([]);
    // Changed and removed like any alert.
    expect(await alertFromForm(user.id, form({ intent: "update", id: String(alert!.id), frequency: "daily", channels: "site" }), "zh-CN", t0)).toMatchObject({ ok: true });
    expect((await listAlerts(user.id))[0]).toMatchObject({ frequency: "daily", channels: ["site"] });
  });

  it("many due at once: checked against the index of recent posts, with the same one email for the search a new post matches and nothing for the rest", async () => {
    const user = await person();
    const start = at(10 * INSTANT_EVERY_MS);
    await alertFromForm(user.id, form({ intent: "create", query: "q=蒸面提醒辛&county=610924", frequency: "instant", channels: ["email", "site"] }), "zh-CN", start);
    // Many other people's searches due at the same moment, for things that are not new.
    const others = await person();
    await services.db.savedSearch.createMany({
      data: Array.from({ length: RECENT_INDEX_FROM }, (_, i) => ({
        userId: others.id, query: `q=没有这个${i}`, frequency: "daily", channels: "site", token: `many-due-token-${i}-aaaaaaaaaaa`, confirmedAt: start, lastCheckedAt: start, nextRunAt: start, createdAt: start,
      })),
    });
    await publish("紫阳蒸面提醒辛师傅", new Date(start.getTime() + 10_000));
    const when = new Date(start.getTime() + INSTANT_EVERY_MS + 1);
    const before = smtp.mails.length;
    const run = await runAlerts(when);
    expect(run.recentDocuments).not.toBeNull();
    expect(run.checked).toBeGreaterThan(RECENT_INDEX_FROM);
    await new MessageWorker(services.db).runOnce(when);
    const mails = smtp.mails.slice(before);
    expect(mails.filter((m) => m.to.includes(user.email!))).toHaveLength(1);
    expect(mails.find((m) => m.to.includes(user.email!))!.text).toContain("紫阳蒸面提醒辛师傅");
    expect(mails.filter((m) => m.to.includes(others.email!))).toEqual([]);
    // Every one of them was checked and is next due by its rhythm.
    expect(await services.db.savedSearch.count({ where: { nextRunAt: { lte: when } } })).toBe(0);
  });
});
