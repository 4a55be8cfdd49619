import { z } from "zod";
import { POLICY_FACTS } from "./eligibility.ts";

const OPPORTUNITY_KINDS = ["job", "internship", "gig", "base", "course"] as const;

/** A text in both languages: the policy texts are data, not locale strings. */
const bilingual = (max: number) => z.object({ zh: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max * 3) }).strict();

const fact = z.enum(POLICY_FACTS, { errorMap: (_issue, ctx) => ({ message: `unknown fact ${JSON.stringify(ctx.data)} (one of: ${POLICY_FACTS.join(", ")})` }) });

export const policyRuleSchema = z
  .object({ all: z.array(fact).min(1).optional(), any: z.array(fact).min(1).optional() })
  .strict()
  .refine((r) => r.all || r.any, "a rule needs `all` or `any`");

export const policyEntrySchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,60}$/, "code: lower-case letters, digits and _"),
    name: bilingual(60),
    /** Who qualifies, what they get, how and where to claim, and the document it comes from. */
    who: bilingual(600),
    what: bilingual(600),
    how: bilingual(600),
    where: bilingual(300),
    source: bilingual(300),
    rule: policyRuleSchema,
    /** Opportunity kinds the entry goes with ("可申请…" on their detail pages). */
    kinds: z.array(z.enum(OPPORTUNITY_KINDS)).default([]),
  })
  .strict();
export type PolicyEntry = z.infer<typeof policyEntrySchema>;

/** A policy file under prisma/seed/policies: any region's list loads the same way. */
export const policyFileSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9-]{3,60}$/, "code: lower-case letters, digits and -"),
    regionCode: z.string().regex(/^\d{6}$/, "regionCode: a 6-digit division code"),
    policies: z.array(policyEntrySchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const codes = file.policies.map((p) => p.code);
    const dup = codes.find((c, i) => codes.indexOf(c) !== i);
    if (dup) ctx.addIssue({ code: "custom", path: ["policies"], message: `policy ${dup} appears twice` });
  });
export type PolicyFile = z.infer<typeof policyFileSchema>;

/** "ankang.json: policies.0.rule.all.1: unknown fact …": the file, the field and what is wrong. */
export function parsePolicyFile(name: string, input: unknown): PolicyFile {
  const parsed = policyFileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${name}: ${issue.path.join(".") || "(file)"}: ${issue.message}`);
  }
  return parsed.data;
}
