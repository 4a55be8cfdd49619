/**
 * The alert pass's own thread (started by startAlertRunner): its own event loop, database
 * connection and Meilisearch client, at the lowest CPU priority. A pass over 100,000 saved searches
 * is tens of seconds of JavaScript; here it never stands between a visitor and their page, and on
 * a busy machine the pages' thread and Meilisearch get the cores first (Linux keeps nice values per
 * thread). Each message "run" is one pass; the answer is its AlertRun, or its error. The alert
 * messages the passes queue are sent from here as well (the pages' thread sends everything else):
 * measured, sending 10,000 mails from the pages' thread tripled their p95 during a pass.
 */
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { SearchService, setSearchService } from "../../../search/service.ts";
import { getEnv } from "../../env.server.ts";
import { setEmailSender, SmtpEmailSender } from "../auth/mail.server.ts";
import { createDb, setDb } from "../db.server.ts";
import { MessageWorker, setMessageWorker } from "../messages/worker.server.ts";
import { THREAD_PURPOSES } from "./codes.ts";
import { purgeUnconfirmedAlerts } from "./email-alerts.server.ts";
import { runAlerts } from "./run.server.ts";

export interface RunnerThreadData {
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string | undefined;
  indexUid: string;
  /** Where mail goes (SMTP_URL, or the development capture server); none: the log. */
  smtpUrl: string | undefined;
}

const data = workerData as RunnerThreadData;
/**
 * Even at the lowest priority the pass pauses half as long as each piece of work took: V8's
 * garbage collection for this thread runs on the process's shared helper threads at the usual
 * priority, and the pass has the time (half a core brings 100,000 searches well under a minute).
 */
const THREAD_GIVE_WAY = 0.5;
try {
  os.setPriority(19);
} catch {
  // Not allowed here: the pass still runs, at the usual priority.
}
const db = createDb(data.databaseUrl);
setDb(db);
setSearchService(new SearchService(data.meiliUrl, data.meiliKey, data.indexUid));
if (data.smtpUrl) setEmailSender(new SmtpEmailSender(data.smtpUrl, getEnv().MAIL_FROM));
const messages = new MessageWorker(db, (line) => console.log(line), { only: THREAD_PURPOSES });
setMessageWorker(messages);
messages.start();
parentPort!.postMessage({ ready: true });

parentPort!.on("message", (message: unknown) => {
  if (message !== "run") return;
  purgeUnconfirmedAlerts()
    .then(() => runAlerts(new Date(), { giveWay: THREAD_GIVE_WAY }))
    .then(
      (run) => parentPort!.postMessage({ ok: true, run }),
      (error: unknown) => parentPort!.postMessage({ ok: false, error: String(error) }),
    );
});
