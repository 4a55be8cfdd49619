import { describe, expect, it } from "vitest";
import { idNumberCheckChar, maskIdNumber, maskPhone, normalizePhone, parseIdNumber } from "./identity.ts";

describe("mainland mobile numbers", () => {
  it("accepts the ways people type them and refuses the rest", () => {
    for (const raw of ["13812345678", "138 1234 5678", "+86 138-1234-5678", "8613812345678"]) expect(normalizePhone(raw)).toBe("13812345678");
    for (const raw of ["12812345678", "1381234567", "138123456789", "0915-3212345", "phone"]) expect(normalizePhone(raw)).toBeNull();
  });
  it("masks the middle four digits", () => expect(maskPhone("13812345678")).toBe("138****5678"));
});

describe("resident ID numbers (GB 11643)", () => {
  it("checks the check character with the standard's weights", () => {
    // The standard's own example: 11010519491231002X.
    expect(idNumberCheckChar("11010519491231002")).toBe("X");
    const result = parseIdNumber("11010519491231002x");
    expect(result).toEqual({ ok: true, facts: { normalized: "11010519491231002X", birthDate: new Date(Date.UTC(1949, 11, 31)), sex: "female", regionCode: "110105" } });
  });
  it("derives sex from the 17th digit", () => {
    const base = "61092419900101001";
    expect(parseIdNumber(base + idNumberCheckChar(base))).toMatchObject({ ok: true, facts: { sex: "male" } });
  });
  it("refuses bad formats, impossible dates and wrong check characters", () => {
    expect(parseIdNumber("6109241990010100")).toEqual({ ok: false, reason: "format" });
    const feb30 = "61092419900230001";
    expect(parseIdNumber(feb30 + idNumberCheckChar(feb30))).toEqual({ ok: false, reason: "date" });
    expect(parseIdNumber("110105194912310021")).toEqual({ ok: false, reason: "checksum" });
  });
  it("masks all but the first four and last four characters", () => expect(maskIdNumber("11010519491231002X")).toBe("1101**********002X"));
});
