import { z } from "zod";

export const SERVICE_POINT_KINDS = ["county_centre", "town_station", "community_station"] as const;
export type ServicePointKind = (typeof SERVICE_POINT_KINDS)[number];

/** What a service point offers (公共就业服务事项); the codes are stored, the names are strings. */
export const SERVICE_CODES = [
  "job_registration",
  "unemployment_registration",
  "job_referral",
  "vocational_guidance",
  "training_signup",
  "startup_services",
  "policy_advice",
  "employment_assistance",
  "social_insurance",
  "rights_advice",
] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

const id = z.coerce.number({ invalid_type_error: "forms.invalid" }).int("forms.invalid").positive("forms.invalid").max(2_147_483_647, "forms.invalid");
const text = (max: number) => z.string({ required_error: "forms.required" }).trim().min(1, "forms.required").max(max, "forms.tooLong");
/** A landline (0915-3212345), a mobile or the 12333 hotline: digits, with at most a dash or a space between groups. */
const phone = z
  .string({ required_error: "forms.required" })
  .trim()
  .regex(/^(?:\d{5}|\d{3,4}[- ]?\d{7,8}(?:[- ]\d{1,5})?|1\d{10})$/, "servicePoints.errors.phone");
/** Optional precise coordinates; inside China's bounding box, else the field says so. */
const coordinate = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : v),
    z.coerce.number({ invalid_type_error: "servicePoints.errors.coordinate" }).min(min, "servicePoints.errors.coordinate").max(max, "servicePoints.errors.coordinate").optional(),
  );

const fields = {
  kind: z.enum(SERVICE_POINT_KINDS, { errorMap: () => ({ message: "forms.chooseOne" }) }),
  name: text(60),
  // The region picker's two fields: a county centre takes the county alone, a station its town too.
  county: z.string({ required_error: "forms.chooseOne" }).regex(/^\d{6}$/, "forms.chooseOne"),
  town: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{6}(\d{3})?$/, "forms.chooseOne").optional()),
  address: text(120),
  hours: text(80),
  phone,
  services: z.array(z.enum(SERVICE_CODES, { errorMap: () => ({ message: "forms.chooseOne" }) })).min(1, "servicePoints.errors.services"),
  lat: coordinate(18, 54),
  lng: coordinate(73, 135),
};

function bothOrNeither(v: { lat?: number; lng?: number }, ctx: z.RefinementCtx) {
  if ((v.lat === undefined) !== (v.lng === undefined)) ctx.addIssue({ code: "custom", path: [v.lat === undefined ? "lat" : "lng"], message: "servicePoints.errors.bothCoordinates" });
}

/** The place a point serves: its town, or for a county centre (no town chosen, or the county itself) its county. */
const withRegion = <T extends { county: string; town?: string }>(v: T) => ({ ...v, regionCode: v.town && v.town.length > 6 ? v.town : v.county });

/** One form for adding and editing a point (the edit form carries its id). */
export const servicePointCreateSchema = z.object({ intent: z.literal("create"), ...fields }).superRefine(bothOrNeither).transform(withRegion);
export const servicePointUpdateSchema = z.object({ intent: z.literal("update"), id, ...fields }).superRefine(bothOrNeither).transform(withRegion);
export const servicePointCloseSchema = z.object({ intent: z.literal("close"), id });
export type ServicePointInput = Omit<z.output<typeof servicePointCreateSchema>, "intent">;
