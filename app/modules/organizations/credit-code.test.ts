import { describe, expect, it } from "vitest";
import { checkCreditCode, makeCreditCode, orgCodeCheckChar } from "./credit-code.ts";

describe("unified social credit code", () => {
  it("accepts published real codes", () => {
    // Codes printed on public business licences.
    expect(checkCreditCode("91350100M000100Y43")).toEqual({ ok: true }); // the standard's sample
    expect(checkCreditCode("91440300708461136T")).toEqual({ ok: true }); // a Shenzhen company
  });

  it("computes the GB 11714 organization check character", () => {
    // 70846113-6 is the organization code inside 91440300708461136T.
    expect(orgCodeCheckChar("70846113")).toBe("6");
  });

  it("generates codes that pass, for the region given", () => {
    for (let serial = 1; serial < 500; serial++) {
      const code = makeCreditCode("610924", serial);
      expect(code).toHaveLength(18);
      expect(code.slice(2, 8)).toBe("610924");
      expect(checkCreditCode(code)).toEqual({ ok: true });
    }
  });

  it("flags a changed character as a checksum failure and garbage as a format error", () => {
    const code = makeCreditCode("610902", 42);
    const tampered = code.slice(0, 10) + (code[10] === "1" ? "2" : "1") + code.slice(11);
    expect(checkCreditCode(tampered)).toEqual({ ok: false, reason: "checksum" });
    for (const bad of ["", "123", "91610902MA0000000I", "9161090200000000000", "ZZ6109020000000000"]) {
      expect(checkCreditCode(bad)).toEqual({ ok: false, reason: "format" });
    }
  });

  it("ignores case and surrounding spaces as people type them", () => {
    expect(checkCreditCode(` ${makeCreditCode("610981", 7).toLowerCase()} `)).toEqual({ ok: true });
  });
});
