import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../../../tests/setup/test-env.ts";
import type { Db } from "../db.server.ts";
import { factsFromProfile, policyHints, runCheck } from "./check.server.ts";
import { loadPolicyFile, policiesFor, policyFiles, readPolicyFile } from "./policies.server.ts";

const text = (zh: string) => ({ zh, en: zh });

describe("policies as data per region (real SQLite, demo data)", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(() => {
    ({ db, cleanup } = openSeededDatabase());
  });
  afterAll(() => cleanup());

  it("the seed loads each region's file; a town reads its city's list, another region its own", async () => {
    expect(policyFiles().map((f) => path.basename(f))).toEqual(["ankang.json", "henan.json", "shangluo.json"]);
    const ziyangTown = await policiesFor("610924100");
    expect(ziyangTown.region).toBe("610900");
    expect(ziyangTown.policies.map((p) => p.name.zh)).toContain("跨省就业一次性交通补贴");
    expect((await policiesFor("611000")).policies.map((p) => p.code)).toEqual(["training_subsidy", "social_insurance_subsidy", "startup_loan"]);
    expect((await policiesFor("410000")).policies[0]!.source.zh).toContain("豫政办〔2017〕162号");
  });

  it("a second region's file loads without code changes, twice without change, and an entry taken out is removed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policies-"));
    const file = path.join(dir, "hanzhong.json");
    const entry = (code: string) => ({ code, name: text(`汉中${code}`), who: text("谁"), what: text("按当地标准"), how: text("怎么"), where: text("哪里"), source: text("某文件"), rule: { all: ["starting_business"] }, kinds: ["base"] });
    fs.writeFileSync(file, JSON.stringify({ code: "hanzhong-test", regionCode: "610700", policies: [entry("loan"), entry("reward")] }));
    await loadPolicyFile(db, readPolicyFile(file), "hanzhong.json");
    await loadPolicyFile(db, readPolicyFile(file), "hanzhong.json");
    expect(await db.policy.count({ where: { regionCode: "610700" } })).toBe(2);
    const { results } = await runCheck("610700", { starting_business: true });
    expect(results.map((r) => [r.policy.name.zh, r.result.verdict])).toEqual([["汉中loan", "applies"], ["汉中reward", "applies"]]);
    fs.writeFileSync(file, JSON.stringify({ code: "hanzhong-test", regionCode: "610700", policies: [entry("loan")] }));
    await loadPolicyFile(db, readPolicyFile(file), "hanzhong.json");
    expect((await policiesFor("610700")).policies.map((p) => p.code)).toEqual(["loan"]);
    // Ankang's list is untouched.
    expect((await policiesFor("610900")).policies).toHaveLength(7);
    fs.writeFileSync(file, "{ not json");
    expect(() => readPolicyFile(file)).toThrow(/^hanzhong\.json: not valid JSON/);
  });

  it("a profile gives facts from declared groups and situations only; the hints name what it meets", async () => {
    const facts = factsFromProfile({ groups: ",lifted_from_poverty,", wishKinds: ",job,", awayCityCode: "440100" }, "610900");
    expect(facts).toEqual({ lifted_from_poverty: true, works_other_province: true });
    expect(factsFromProfile({ groups: ",", wishKinds: ",base,", awayCityCode: "610100" }, "610900")).toEqual({ works_other_province: false, starting_business: true });
    const hints = await policyHints({ groups: ",lifted_from_poverty,", wishKinds: ",", awayCityCode: "440100" }, "610900", "zh-CN");
    expect(hints.map((h) => h.name)).toEqual(["跨省就业一次性交通补贴", "求职创业补贴"]);
  });
});
