/**
 * Lists of codes kept in one text column (groups, benefits, wishes…), as ",a,b,": the commas at
 * both ends let a filter find one code with LIKE '%,a,%'. The one encoding, both ways.
 */
export const toCommaList = (codes: readonly string[]): string => (codes.length ? `,${codes.join(",")},` : ",");

export const fromCommaList = (value: string | null | undefined): string[] => (value ?? "").split(",").filter(Boolean);
