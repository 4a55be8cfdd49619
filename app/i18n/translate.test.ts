import { describe, expect, it } from "vitest";
import { createTranslator } from "./translate.ts";

describe("the pages' translator", () => {
  const t = createTranslator("zh-CN", { audit: { actions: { placement_verify: "核实就业登记" } }, hello: "你好，{{name}}" }).t as unknown as (key: string, options?: Record<string, unknown>) => string;

  it("fills variables, and a code without a label shows the value its caller gave (as i18next does)", () => {
    expect(t("hello", { name: "王小红" })).toBe("你好，王小红");
    expect(t("audit.actions.placement_verify")).toBe("核实就业登记");
    expect(t("audit.actions.identity_confirm", { defaultValue: "identity.confirm" })).toBe("identity.confirm");
    expect(t("audit.actions.unknown")).toBe("audit.actions.unknown");
  });
});
