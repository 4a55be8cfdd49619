import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../tests/setup/test-env.ts";
import { createSession } from "~/modules/auth/session.server.ts";
import type { Db } from "~/modules/db.server.ts";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "./alerts.unsubscribe.$token.tsx";
import { action as alertsAction, loader as alertsLoader } from "./me.alerts.tsx";

const context = { clientAddress: "10.12.0.1" };
const req = (url: string, cookie: string | null, body?: [string, string][]) =>
  new Request(`http://localhost${url}`, { method: body ? "POST" : "GET", body: body ? new URLSearchParams(body) : undefined, headers: cookie ? { Cookie: cookie } : {} });

/** /me/alerts and the unsubscribe link, as the browser calls them, on a real SQLite copy of the demo data. */
describe("alert pages", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let seeker: { id: number; cookie: string };
  let other: { id: number; cookie: string };
  const signIn = async (userId: number) => (await createSession(userId, new Request("http://localhost/"))).split(";")[0]!;
  const person = async (n: number) => {
    const user = await db.user.create({ data: { email: `alerts-page${n}@routes.test`, passwordHash: "x", role: "seeker", displayName: `提醒页${n}` } });
    return { id: user.id, cookie: await signIn(user.id) };
  };
  const post = (who: { cookie: string }, body: [string, string][]) => alertsAction({ request: req("/me/alerts", who.cookie, body), params: {}, context });

  beforeAll(async () => {
    ({ db, cleanup } = openSeededDatabase());
    seeker = await person(1);
    other = await person(2);
  });
  afterAll(() => cleanup());

  it("saves the search from the results page and lists it with how often and how", async () => {
    const res = (await post(seeker, [["intent", "create"], ["query", "q=修脚师&county=610924&page=4&sort=newest"], ["frequency", "daily"], ["channels", "site"], ["channels", "email"]])) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/me\/alerts\?done=created#alert-\d+$/);
    const page = await alertsLoader({ request: req("/me/alerts", seeker.cookie), params: {}, context });
    expect(page).toMatchObject({ hasEmail: true, hasPhone: false });
    expect(page.alerts).toEqual([expect.objectContaining({ frequency: "daily", channels: ["site", "email"], search: expect.objectContaining({ q: "修脚师", county: "610924" }) })]);
    // Page and order are not part of what is followed.
    expect(page.alerts[0]!.link).not.toMatch(/page=|sort=/);
  });

  it("a search saved without a channel comes back with the search and the chosen rhythm kept, the message at the field", async () => {
    const bad = (await post(seeker, [["intent", "create"], ["query", "q=保育师&kind=job"], ["frequency", "weekly"]])) as { ok: false; errors: Record<string, string[]>; values: Record<string, unknown> };
    expect(bad.errors).toEqual({ channels: ["alerts.errors.channelRequired"] });
    expect(bad.values).toMatchObject({ intent: "create", query: "q=保育师&kind=job", frequency: "weekly", channels: [] });
    expect((await alertsLoader({ request: req("/me/alerts", seeker.cookie), params: {}, context })).alerts).toHaveLength(1);
  });

  it("answers a form without a channel at the field, keeping what was chosen; another person's alert is not found", async () => {
    const id = String((await alertsLoader({ request: req("/me/alerts", seeker.cookie), params: {}, context })).alerts[0]!.id);
    const bad = (await post(seeker, [["intent", "update"], ["id", id], ["frequency", "weekly"]])) as { ok: false; errors: Record<string, string[]>; values: Record<string, unknown> };
    expect(bad.errors).toEqual({ channels: ["alerts.errors.channelRequired"] });
    expect(bad.values).toMatchObject({ id, frequency: "weekly" });
    const theirs = (await post(other, [["intent", "delete"], ["id", id]])) as { ok: false; errors: Record<string, string[]> };
    expect(theirs.errors[""]).toEqual(["alerts.errors.notFound"]);
    const changed = (await post(seeker, [["intent", "update"], ["id", id], ["frequency", "weekly"], ["channels", "sms"]])) as Response;
    expect(changed.headers.get("Location")).toBe(`/me/alerts?done=updated#alert-${id}`);
    expect((await alertsLoader({ request: req("/me/alerts", seeker.cookie), params: {}, context })).alerts[0]).toMatchObject({ frequency: "weekly", channels: ["sms"] });
  });

  it("the unsubscribe link shows a button, changes nothing when merely opened, and one press ends the alert", async () => {
    const { token } = await db.savedSearch.findFirstOrThrow({ where: { userId: seeker.id } });
    const open = () => unsubscribeLoader({ request: req(`/alerts/unsubscribe/${token}`, null), params: { token }, context });
    expect(await open()).toEqual({ exists: true });
    expect(await open()).toEqual({ exists: true });
    expect(await unsubscribeAction({ request: req(`/alerts/unsubscribe/${token}`, null, []), params: { token }, context })).toEqual({ done: true });
    expect(await open()).toEqual({ exists: false });
    expect((await alertsLoader({ request: req("/me/alerts", seeker.cookie), params: {}, context })).alerts).toEqual([]);
    expect(await unsubscribeAction({ request: req("/alerts/unsubscribe/not-a-real-token", null, []), params: { token: "not-a-real-token" }, context })).toEqual({ done: false });
  });

  it("follows the person's recommendations from /me/alerts (or the recommendations page's button) and lists them like a search", async () => {
    const follower = await person(3);
    const bad = (await post(follower, [["intent", "follow"], ["frequency", "instant"]])) as { ok: false; errors: Record<string, string[]>; values: Record<string, unknown> };
    expect(bad.errors).toEqual({ channels: ["alerts.errors.channelRequired"] });
    expect(bad.values).toMatchObject({ intent: "follow", frequency: "instant" });
    const before = await alertsLoader({ request: req("/me/alerts", follower.cookie), params: {}, context });
    expect(before.followsRecommendations).toBe(false);
    const quick: [string, string][] = [["intent", "follow"], ["frequency", "daily"], ["channels", "site"], ["channels", "email"]];
    const res = (await post(follower, quick)) as Response;
    expect(res.headers.get("Location")).toMatch(/^\/me\/alerts\?done=followed#alert-\d+$/);
    const page = await alertsLoader({ request: req("/me/alerts", follower.cookie), params: {}, context });
    expect(page.followsRecommendations).toBe(true);
    expect(page.alerts).toEqual([expect.objectContaining({ source: "recommendations", link: "/me/recommendations", frequency: "daily", channels: ["site", "email"] })]);
    // The button again: the same alert, untouched.
    expect(((await post(follower, quick)) as Response).headers.get("Location")).toBe(res.headers.get("Location"));
    expect((await alertsLoader({ request: req("/me/alerts", follower.cookie), params: {}, context })).alerts).toHaveLength(1);
  });
});
