/**
 * Mainland mobile numbers and resident ID numbers (GB 11643-1999): validation, derived facts and
 * masking. Pure functions, shared by forms on the client and the server.
 */

export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, "").replace(/^(\+?86)/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}***@${domain}`;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? "?";
}

export interface IdNumberFacts {
  normalized: string;
  birthDate: Date; // UTC midnight of the birth date
  sex: "male" | "female";
  regionCode: string;
}

export type IdNumberResult = { ok: true; facts: IdNumberFacts } | { ok: false; reason: "format" | "date" | "checksum" };

export function parseIdNumber(raw: string): IdNumberResult {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: "format" };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birthDate = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birthDate.getUTCMonth() !== month - 1 || birthDate.getUTCDate() !== day || birthDate.getTime() > Date.now()) {
    return { ok: false, reason: "date" };
  }
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: "checksum" };
  return {
    ok: true,
    facts: { normalized: value, birthDate, sex: Number(value[16]) % 2 === 1 ? "male" : "female", regionCode: value.slice(0, 6) },
  };
}

/** 6109**********123X: region kept for staff reading at a glance, the rest hidden. */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 4)}${"*".repeat(10)}${id.slice(-4)}`;
}
