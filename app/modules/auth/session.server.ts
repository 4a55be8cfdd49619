import { createCookie } from "@remix-run/node";
import { getEnv } from "../../env.server.ts";
import { getDb } from "../db.server.ts";
import { deriveKey, randomToken, sha256 } from "../security/secrets.server.ts";

export const SESSION_ABSOLUTE_MS = 30 * 24 * 3_600_000;
export const SESSION_IDLE_MS = 7 * 24 * 3_600_000;
export const STAFF_IDLE_MS = 8 * 3_600_000;
const TOUCH_EVERY_MS = 60_000;

const SESSION_COOKIE = "__session";

/** Whether a Cookie header carries a session (signed in, or was): what shared caches must never keep. */
export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
  return (cookieHeader ?? "").split(";").some((pair) => pair.split("=")[0]!.trim() === SESSION_COOKIE);
}

let cookie: ReturnType<typeof createCookie> | undefined;

/** The cookie holds only a random session id, signed; everything else is in the database. */
function sessionCookie() {
  cookie ??= createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().NODE_ENV === "production" && getEnv().COOKIE_SECURE !== "false",
    path: "/",
    maxAge: SESSION_ABSOLUTE_MS / 1000,
    secrets: [deriveKey("cookie-signing").toString("hex")],
  });
  return cookie;
}

export interface SessionUser {
  id: number;
  role: "seeker" | "employer" | "staff" | "admin";
  displayName: string;
  staffRegionCode: string | null;
  sessionId: string;
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 ? value : null;
}

/** Starts a new session (a new id at every login) and returns the Set-Cookie header. */
export async function createSession(userId: number, request: Request, replace = true): Promise<string> {
  const db = getDb();
  const old = await tokenFrom(request);
  if (replace && old) await db.session.deleteMany({ where: { id: sha256(old) } });
  const token = randomToken();
  const now = new Date();
  await db.session.create({
    data: { id: sha256(token), userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS), userAgent: request.headers.get("User-Agent")?.slice(0, 200) ?? null },
  });
  await db.user.update({ where: { id: userId }, data: { lastLoginAt: now } });
  return sessionCookie().serialize(token);
}

export async function getSessionUser(request: Request, now = new Date()): Promise<SessionUser | null> {
  const token = await tokenFrom(request);
  if (!token) return null;
  const db = getDb();
  const id = sha256(token);
  const session = await db.session.findUnique({
    where: { id },
    include: { user: { select: { id: true, role: true, displayName: true, staffRegionCode: true } } },
  });
  if (!session) return null;
  const idle = session.user.role === "staff" || session.user.role === "admin" ? STAFF_IDLE_MS : SESSION_IDLE_MS;
  if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > idle) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id }, data: { lastSeenAt: now } });
  }
  return { ...session.user, role: session.user.role as SessionUser["role"], sessionId: id };
}

/** Ends this session; returns the Set-Cookie header that clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
  const token = await tokenFrom(request);
  if (token) await getDb().session.deleteMany({ where: { id: sha256(token) } });
  return sessionCookie().serialize("", { maxAge: 0 });
}

export async function destroyAllSessions(userId: number): Promise<number> {
  const { count } = await getDb().session.deleteMany({ where: { userId } });
  return count;
}

export async function listSessions(userId: number) {
  return getDb().session.findMany({ where: { userId }, orderBy: { lastSeenAt: "desc" }, select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true } });
}
