/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-symbol
 * alphabet (no I, O, S, V, Z). Positions 3–8 are the registering region's division code, 9–17 the
 * organization code (GB 11714, with its own check character) and 18 the check character.
 */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? "");
    if (value < 0) throw new Error(`invalid character at position ${i + 1}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET[(31 - (sum % 31)) % 31] ?? "0";
}

export type CreditCodeCheck = { ok: true } | { ok: false; reason: "format" | "checksum" };

/** Format and checksum. A checksum failure is a warning for staff, since some early codes are valid. */
export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = raw.trim().toUpperCase();
  if (!CREDIT_CODE_PATTERN.test(code)) return { ok: false, reason: "format" };
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? { ok: true } : { ok: false, reason: "checksum" };
}

/** GB 11714 organization code check character for 8 base characters (digits or capitals). */
export function orgCodeCheckChar(base8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = base8[i] ?? "0";
    const value = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

/**
 * A valid code for the given division: "91" (market regulator, enterprise) or "12" (public
 * institution) + region + organization code + check character. `serial` makes it unique.
 */
export function makeCreditCode(regionCode: string, serial: number, type: "91" | "12" | "52" = "91"): string {
  const base8 = String(serial % 100_000_000).padStart(8, "0");
  const first17 = `${type}${regionCode.slice(0, 6)}${base8}${orgCodeCheckChar(base8)}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}
