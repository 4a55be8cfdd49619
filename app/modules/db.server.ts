import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlQueryable, Transaction } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { withLikeEscape } from "./like.ts";

export type Db = PrismaClient;

/** Every statement, in or out of a transaction, gets its LIKE escape clause (see like.ts). */
function escapingQueries<T extends SqlQueryable>(target: T): T {
  const fix = (query: SqlQuery): SqlQuery => ({ ...query, sql: withLikeEscape(query.sql) });
  return new Proxy(target, {
    get(object, key, receiver) {
      if (key === "queryRaw") return (query: SqlQuery) => object.queryRaw(fix(query));
      if (key === "executeRaw") return (query: SqlQuery) => object.executeRaw(fix(query));
      if (key === "startTransaction") {
        return async (...args: unknown[]) => escapingQueries(await (object as unknown as SqlDriverAdapter).startTransaction(...(args as [])) as Transaction);
      }
      const value: unknown = Reflect.get(object, key, receiver);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(object) : value;
    },
  });
}

function escapingAdapter(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => escapingQueries(await factory.connect()),
  };
}

export function createDb(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: escapingAdapter(new PrismaBetterSQLite3({ url: databaseUrl })) });
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
