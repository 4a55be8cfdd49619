import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { getEnv, type Env } from "../app/env.server.ts";
import { createDb, setDb, type Db } from "../app/modules/db.server.ts";
import { startHousekeeping } from "../app/modules/auth/housekeeping.server.ts";
import { startAlertRunner } from "../app/modules/alerts/run.server.ts";
import { startFollowUpRunner } from "../app/modules/follow-up/run.server.ts";
import { startLagWarningRunner } from "../app/modules/indicators/lag-warnings.server.ts";
import { setEmailSender, SmtpEmailSender } from "../app/modules/auth/mail.server.ts";
import { setMailCapture } from "../app/modules/messages/capture.server.ts";
import { MessageWorker, setMessageWorker } from "../app/modules/messages/worker.server.ts";
import { startExpirySweep } from "../app/modules/postings/expiry.server.ts";
import { seedDemo } from "../prisma/seed/seed.ts";
import { ensureIndex } from "../search/indexer.ts";
import { startMeili, type RunningMeili } from "../search/launcher.ts";
import { OutboxWorker, setOutboxWorker } from "../search/outbox-worker.ts";
import { SearchService, setSearchService } from "../search/service.ts";

const run = promisify(execFile);

export interface Services {
  env: Env;
  db: Db;
  search: SearchService;
  meili: RunningMeili | null;
  stop(): Promise<void>;
}

export async function migrate(databaseUrl: string): Promise<void> {
  const prismaBin = path.resolve("node_modules", ".bin", "prisma");
  await run(prismaBin, ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: databaseUrl } }).catch((error: { stderr?: string; stdout?: string }) => {
    throw new Error(`Database migration failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
  });
}

/**
 * Without SMTP_URL the demo still sends real mail: to a local SMTP server on a free loopback port,
 * kept for /dev/mail. Its packages are development dependencies; without them mail goes to the log.
 */
async function startMailCapture(env: Env, log: (line: string) => void): Promise<{ url: string; close(): Promise<void> } | null> {
  if (env.SMTP_URL || env.MAIL_CAPTURE !== "true") return null;
  try {
    const { startSmtpServer } = await import("./mail-capture.ts");
    const smtp = await startSmtpServer({ keep: 500 });
    setEmailSender(new SmtpEmailSender(smtp.url, env.MAIL_FROM));
    setMailCapture(smtp.mails);
    log(`mail goes to a local SMTP server at ${smtp.url}; read it at /dev/mail on this machine`);
    return smtp;
  } catch (error) {
    log(`local SMTP server not started (${String(error)}); mail goes to the log`);
    return null;
  }
}

/** Starts everything the site needs: database (migrated, seeded when empty), Meilisearch, index. */
export async function bootServices(log: (line: string) => void = console.log): Promise<Services> {
  const env = getEnv();
  fs.mkdirSync(env.DATA_DIR, { recursive: true });

  const started = Date.now();
  await migrate(env.DATABASE_URL);
  const db = createDb(env.DATABASE_URL);
  setDb(db);
  if (env.SEED_DEMO === "true" && (await db.region.count()) === 0) {
    log("empty database: loading demo data…");
    const summary = await seedDemo(db, { now: new Date() });
    log(`demo data loaded: ${JSON.stringify(summary)}`);
  }

  let meili: RunningMeili | null = null;
  let url = env.MEILI_URL;
  let key = env.MEILI_MASTER_KEY;
  if (!url) {
    meili = await startMeili({ dataDir: env.DATA_DIR, bin: env.MEILI_BIN, log: (line) => log(`[meilisearch] ${line}`) });
    url = meili.url;
    key = meili.masterKey;
    log(`meilisearch started at ${url}`);
  }
  const search = new SearchService(url, key, env.MEILI_INDEX);
  setSearchService(search);
  try {
    await ensureIndex(db, search.connection, log);
  } catch (error) {
    // The site still answers from the database; the index is rebuilt at the next start.
    log(`search index not ready (${String(error)}); searches will use the database until it is`);
  }
  try {
    // Public reads use a search-only key made with the master key; without it they use the database.
    await search.searchConnection();
  } catch (error) {
    log(`search-only key not ready (${String(error)}); searches will use the database until it is (MEILI_MASTER_KEY must be the server's master key)`);
  }
  const worker = new OutboxWorker(db, search, log);
  setOutboxWorker(worker);
  worker.start();
  const capture = await startMailCapture(env, log);
  const messages = new MessageWorker(db, log);
  setMessageWorker(messages);
  messages.start();
  // The alert passes in their own low-priority thread (docs/decisions/2026-12-02-alerts-recent-index.md).
  const alerts = startAlertRunner(log, env.ALERT_PASS_MS, { databaseUrl: env.DATABASE_URL, meiliUrl: url, meiliKey: key, indexUid: env.MEILI_INDEX,
    smtpUrl: env.SMTP_URL ?? capture?.url,
  }, messages);
  const followUp = startFollowUpRunner(log);
  const lagWarnings = startLagWarningRunner(log);
  const expirySweep = startExpirySweep(db, log);
  const housekeeping = startHousekeeping(db, log);
  log(`services ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  return {
    env,
    db,
    search,
    meili,
    async stop() {
      await alerts.stop();
      await followUp.stop();
      await lagWarnings.stop();
      expirySweep.stop();
      housekeeping.stop();
      await worker.stop();
      setOutboxWorker(undefined);
      await messages.stop();
      setMessageWorker(undefined);
      if (capture) {
        setMailCapture(null);
        setEmailSender(undefined);
        await capture.close();
      }
      await meili?.stop();
      await db.$disconnect();
    },
  };
}
