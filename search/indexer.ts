import type { Meilisearch } from "meilisearch";
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { baseDocument, courseDocument, postingDocument, type SearchDocument } from "./documents.ts";
import type { SearchConnection } from "./client.ts";
import { indexSettings, settingsHash } from "./settings.ts";
import { bumpSearchGeneration } from "./freshness.ts";
import { openWhere } from "../app/modules/opportunities/open.ts";

const BATCH = 5000;
const WAIT = { timeout: 600_000, interval: 50 };

async function* postingDocuments(prisma: PrismaClient, now: Date): AsyncGenerator<SearchDocument[]> {
  let cursor = 0;
  for (;;) {
    const rows = await prisma.posting.findMany({
      where: { ...openWhere.posting(now), id: { gt: cursor } },
      include: { organization: { select: { name: true } } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) return;
    cursor = rows[rows.length - 1]!.id;
    yield rows.map(postingDocument);
  }
}

/** The database row a document id stands for: the three posting kinds share one table. */
export function sourceKey(item: { kind: string; id: number }): string {
  const table = item.kind === "base" || item.kind === "course" ? item.kind : "posting";
  return `${table}:${item.id}`;
}

/**
 * The current documents for these ids, keyed by the row each was built from (sourceKey), so a
 * caller can tell which id a document answers even when the row's data makes an odd document.
 * Ids without a searchable row (closed, expired, deleted) are absent: the caller deletes them.
 */
export async function loadDocuments(prisma: PrismaClient, ids: { kind: string; id: number }[], now = new Date()): Promise<Map<string, SearchDocument>> {
  const byKind = (kinds: string[]) => ids.filter((d) => kinds.includes(d.kind)).map((d) => d.id);
  const postingIds = byKind(["job", "internship", "gig"]);
  const baseIds = byKind(["base"]);
  const courseIds = byKind(["course"]);
  const [postings, bases, courses] = await Promise.all([
    postingIds.length
      ? prisma.posting.findMany({ where: { id: { in: postingIds }, ...openWhere.posting(now) }, include: { organization: { select: { name: true } } } })
      : [],
    baseIds.length
      ? prisma.incubationBase.findMany({ where: { id: { in: baseIds }, ...openWhere.base() }, include: { organization: { select: { name: true } } } })
      : [],
    courseIds.length
      ? prisma.trainingCourse.findMany({
          where: { id: { in: courseIds }, ...openWhere.course(now) },
          include: { provider: { select: { name: true } }, brand: { select: { nameZh: true } } },
        })
      : [],
  ]);
  return new Map([
    ...postings.map((row) => [sourceKey({ kind: "posting", id: row.id }), postingDocument(row)] as const),
    ...bases.map((row) => [sourceKey({ kind: "base", id: row.id }), baseDocument(row)] as const),
    ...courses.map((row) => [sourceKey({ kind: "course", id: row.id }), courseDocument(row)] as const),
  ]);
}

async function* allDocuments(prisma: PrismaClient, now: Date): AsyncGenerator<SearchDocument[]> {
  yield* postingDocuments(prisma, now);
  const bases = await prisma.incubationBase.findMany({ where: openWhere.base(), include: { organization: { select: { name: true } } } });
  yield bases.map(baseDocument);
  const courses = await prisma.trainingCourse.findMany({
    where: openWhere.course(now),
    include: { provider: { select: { name: true } }, brand: { select: { nameZh: true } } },
  });
  yield courses.map(courseDocument);
}

/**
 * Every open item posted (published, or made when it has no publishing date) after `since`, as
 * documents: what the alerts' small index of recent posts holds. Same rows and builders as the
 * main index, so the same document for each.
 */
export async function documentsPostedSince(prisma: PrismaClient, since: Date, now: Date): Promise<SearchDocument[]> {
  const posted = { OR: [{ publishedAt: { gt: since } }, { publishedAt: null, createdAt: { gt: since } }] };
  const [postings, bases, courses] = await Promise.all([
    prisma.posting.findMany({ where: { ...openWhere.posting(now), ...posted }, include: { organization: { select: { name: true } } } }),
    prisma.incubationBase.findMany({ where: { ...openWhere.base(), ...posted }, include: { organization: { select: { name: true } } } }),
    prisma.trainingCourse.findMany({
      where: { ...openWhere.course(now), ...posted },
      include: { provider: { select: { name: true } }, brand: { select: { nameZh: true } } },
    }),
  ]);
  return [...postings.map(postingDocument), ...bases.map(baseDocument), ...courses.map(courseDocument)];
}

export async function applySettings(client: Meilisearch, indexUid: string) {
  await client.index(indexUid).updateSettings(indexSettings as never).waitTask(WAIT);
}

/**
 * Builds a fresh index beside the live one and swaps them, so searches never see a half-built
 * index. Returns the number of documents indexed.
 */
export async function rebuildIndex(
  prisma: PrismaClient,
  { client, indexUid }: SearchConnection,
  options: { now?: Date; onProgress?: (indexed: number) => void } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const freshUid = `${indexUid}_build_${Date.now()}`;
  await client.createIndex(freshUid, { primaryKey: "id" }).waitTask(WAIT);
  await applySettings(client, freshUid);
  const fresh = client.index<SearchDocument>(freshUid);
  let indexed = 0;
  const pending: Promise<unknown>[] = [];
  for await (const batch of allDocuments(prisma, now)) {
    if (batch.length === 0) continue;
    pending.push(fresh.addDocuments(batch).waitTask(WAIT));
    indexed += batch.length;
    options.onProgress?.(indexed);
    if (pending.length >= 4) await pending.shift();
  }
  const results = (await Promise.all(pending)) as { status: string; error?: { message: string } | null }[];
  const failed = results.find((t) => t.status !== "succeeded");
  if (failed) throw new Error(`Indexing failed: ${failed.error?.message ?? failed.status}`);

  const exists = await client.getIndex(indexUid).then(() => true, () => false);
  if (!exists) await client.createIndex(indexUid, { primaryKey: "id" }).waitTask(WAIT);
  await client.swapIndexes([{ indexes: [indexUid, freshUid], rename: false }]).waitTask(WAIT);
  bumpSearchGeneration();
  await client.deleteIndex(freshUid).waitTask(WAIT);
  await prisma.systemState.upsert({
    where: { key: "search.settingsHash" },
    create: { key: "search.settingsHash", value: settingsHash },
    update: { value: settingsHash },
  });
  return indexed;
}

/** At boot: rebuild when the index is missing, empty or built with other settings. */
export async function ensureIndex(prisma: PrismaClient, connection: SearchConnection, log = console.log): Promise<void> {
  const { client, indexUid } = connection;
  const stats = await client.index(indexUid).getStats().catch(() => null);
  const state = await prisma.systemState.findUnique({ where: { key: "search.settingsHash" } });
  if (stats && stats.numberOfDocuments > 0 && state?.value === settingsHash) {
    log(`search index "${indexUid}" ready (${stats.numberOfDocuments} documents)`);
    return;
  }
  const started = Date.now();
  const count = await rebuildIndex(prisma, connection);
  log(`search index "${indexUid}" rebuilt: ${count} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
