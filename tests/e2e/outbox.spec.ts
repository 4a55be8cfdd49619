import type Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { demoLogin, logIn, withDemoDb } from "./fixtures.ts";

/** The e2e site's own database: park rows as the worker would after Meilisearch refused them. */
function withDb<T>(run: (db: Database.Database) => T): T {
  return withDemoDb(run, { write: true });
}

test("staff see parked search rows with Meilisearch's reason and send them back to the queue, with and without JavaScript", async ({ browser }) => {
  // Prisma keeps dates in SQLite as ISO text with an explicit offset.
  const now = new Date().toISOString().replace("Z", "+00:00");
  const docIds = withDb((db) => {
    const posts = db.prepare("SELECT id, kind FROM Posting WHERE status = 'published' AND validUntil > ? ORDER BY id DESC LIMIT 2").all(now) as { id: number; kind: string }[];
    const insert = db.prepare("INSERT INTO SearchOutbox (docId, op, attempts, lastError, nextAttempt, deadAt, createdAt) VALUES (?, 'sync', 8, ?, ?, ?, ?)");
    for (const p of posts) insert.run(`${p.kind}-${p.id}`, "invalid_document_id: Document identifier `\"job posting-1\"` is invalid.", now, now, now);
    return posts.map((p) => `${p.kind}-${p.id}`);
  });
  const [first, second] = docIds as [string, string];

  const page = await logIn(browser, demoLogin("cityStaff"));
  await page.goto("/staff/outbox");
  await expect(page.getByTestId("outbox-health")).toContainText("2 条被搜索服务拒收");
  const dead = page.getByTestId("outbox-dead");
  await expect(dead.getByRole("row", { name: new RegExp(first) })).toContainText("invalid_document_id");
  await dead.getByRole("row", { name: new RegExp(first) }).getByRole("button", { name: /重新排队/ }).click();
  await expect(page.getByTestId("outbox-retried")).toContainText("已将 1 条重新排队");
  await expect(dead.getByRole("row", { name: new RegExp(first) })).toHaveCount(0);
  // The worker takes it and Meilisearch accepts it: the row leaves the queue altogether.
  await expect.poll(() => withDb((db) => db.prepare("SELECT COUNT(*) AS n FROM SearchOutbox WHERE docId = ?").get(first) as { n: number }).n, { timeout: 10_000 }).toBe(0);

  // Without JavaScript the same page posts a plain form.
  const plain = await logIn(browser, demoLogin("ziyangStaff"), { javaScriptEnabled: false });
  await plain.goto("/staff/outbox");
  await expect(plain.getByTestId("outbox-dead")).toContainText(second);
  await plain.getByRole("button", { name: "全部重新排队" }).click();
  await expect(plain.getByTestId("outbox-retried")).toContainText("已将 1 条重新排队");
  await expect(plain.getByTestId("outbox-dead")).toHaveCount(0);
  const audit = withDb((db) => db.prepare("SELECT COUNT(*) AS n FROM AuditLog WHERE action IN ('outbox.retry', 'outbox.retry_all')").get() as { n: number });
  expect(audit.n).toBe(2);
});
