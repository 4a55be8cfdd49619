import { parseWithZod } from "@conform-to/zod";
import { redirect } from "@remix-run/node";
import { getLanguage } from "../../i18n/language.server.ts";
import { sendCode, targetFor } from "./accounts.server.ts";
import type { CodePurpose } from "./codes.server.ts";
import { replyErrors } from "./form-errors.ts";
import { getOptionalUser, safeRedirect } from "./guards.server.ts";
import { homeFor } from "./home.ts";
import type { Role } from "./permissions.ts";
import { requestCodeSchema } from "./schemas.ts";
import { createSession } from "./session.server.ts";

/** The steps the sign-in pages share: visitors only, signing in, and "send me a code". */

/** A page for visitors only: someone signed in goes on to redirectTo or their home. */
export async function redirectSignedIn(request: Request): Promise<null> {
  const user = await getOptionalUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), homeFor(user.role)));
  return null;
}

/** A fresh session for the account, then on to redirectTo (a page of this site) or its home. */
export async function signedIn(request: Request, account: { userId: number; role: Role }, redirectTo: unknown): Promise<Response> {
  const cookie = await createSession(account.userId, request);
  return redirect(safeRedirect(redirectTo, homeFor(account.role)), { headers: { "Set-Cookie": cookie } });
}

/**
 * Step 1 of a code flow (code login, password reset): sends a code when the phone or email has an
 * account, and answers the same either way; the next step shows the code field.
 */
export async function sendCodeStep(formData: FormData, purpose: Extract<CodePurpose, "login" | "reset">, request: Request, clientAddress: string) {
  const submission = parseWithZod(formData, { schema: requestCodeSchema });
  if (submission.status !== "success") return { step: "start" as const, identifier: "", reply: submission.reply() };
  const sent = await sendCode(targetFor(submission.value.identifier), purpose, await getLanguage(request), clientAddress);
  if (!sent.ok) return { step: "start" as const, identifier: "", reply: submission.reply(replyErrors(sent.errors, sent.retryAfterSeconds)) };
  return { step: "code" as const, identifier: submission.value.identifier, reply: submission.reply({ resetForm: true }) };
}
