import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client.ts";

export type Db = PrismaClient;

export function createDb(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
}

// The server boot and the Remix build are separate module graphs: share the client via globalThis.
const holder = globalThis as typeof globalThis & { __appDb?: PrismaClient };

/** The app's one client; boot sets it before the first request. */
export function setDb(client: PrismaClient) {
  holder.__appDb = client;
}

export function getDb(): PrismaClient {
  if (!holder.__appDb) throw new Error("database not initialised: the server boot sets it");
  return holder.__appDb;
}
