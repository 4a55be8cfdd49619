import type { Organization, Posting } from "~/generated/prisma/client.ts";
import { getEnv } from "../../env.server.ts";
import { responseFigures } from "../follow-up/figures.ts";
import { getBrands, getIndustries, getRegions } from "../regions/regions.server.ts";
import { occupationName, requirementNames } from "../postings/vocabulary.server.ts";
import { itemPlace, postingView, type PostingView } from "./posting-view.ts";
import { toPublicPosting, type PublicPosting } from "./public-item.ts";

type Row = Posting & { organization: Organization };
type CodeName = { code: string; nameZh: string; nameEn: string };

/**
 * A post's public shape and the view its pages draw, with the names they need (place, industry,
 * brand, occupation, certificates and skills: reference data, read once per process) in the
 * reader's language, so every page that shows a post names them the same way.
 */
export async function postingReader(lang: string): Promise<(row: Row) => { item: PublicPosting; view: PostingView }> {
  const [regions, industries, brands] = await Promise.all([getRegions(), getIndustries(), getBrands()]);
  const minApplications = getEnv().FOLLOW_UP_MIN_APPLICATIONS;
  const name = (list: CodeName[], code: string | null) => {
    const found = code ? list.find((x) => x.code === code) : undefined;
    return found ? (lang === "en" ? found.nameEn : found.nameZh) : null;
  };
  return (row) => {
    // The employer's figures ride on the organization row the post is read with: no query of their own.
    const responses = responseFigures(row.organization, minApplications);
    const item = toPublicPosting(row, row.organization, { place: itemPlace(regions, row, lang), industry: name(industries, row.industryCode), responses });
    const names = { brand: name(brands, row.brandCode), occupation: occupationName(item.occupationCode, lang) || null, needs: requirementNames(item.credentials, item.skillCodes, lang) };
    return { item, view: postingView(item, names) };
  };
}

/** Only the view: the employer's preview and the staff queue. */
export async function postingViewer(lang: string): Promise<(row: Row) => PostingView> {
  const read = await postingReader(lang);
  return (row) => read(row).view;
}
