import { z } from "zod";

/** The recommendations page's one form: hide an item, or undo that. Server only (zod stays off the page). */
const feedbackSchema = z.object({
  intent: z.enum(["hide", "undo"]),
  item: z.string().regex(/^(job|internship|gig|base|course)-\d{1,12}$/),
  title: z.string().max(200).default(""),
});

export type FeedbackInput = z.infer<typeof feedbackSchema>;

export function parseFeedback(formData: FormData): FeedbackInput | null {
  const parsed = feedbackSchema.safeParse(Object.fromEntries(formData));
  return parsed.success ? parsed.data : null;
}
