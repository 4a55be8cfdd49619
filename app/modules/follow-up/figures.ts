/**
 * An employer's response figures as a post's page shows them, from the counts kept on its
 * Organization row (stats.server.ts refreshes them). Pure: the view model and the tests use it.
 */
export interface ResponseFigures {
  /** Applications of the last year that count: answered, or waiting past the reminder. */
  applications: number;
  answered: number;
  /** Whole percent of those answered. */
  answeredPercent: number;
  /** The median time to the first answer, in whole days rounded up (at least 1); null when none was answered. */
  usualDays: number | null;
}

export interface ResponseCounts {
  responseCounted: number;
  responseAnswered: number;
  responseMedianHours: number | null;
}

/** Null below `minApplications`: a rate from two or three applications would say more about chance than about the employer. */
export function responseFigures(org: ResponseCounts, minApplications: number): ResponseFigures | null {
  if (org.responseCounted < Math.max(1, minApplications)) return null;
  return {
    applications: org.responseCounted,
    answered: org.responseAnswered,
    answeredPercent: Math.round((org.responseAnswered / org.responseCounted) * 100),
    usualDays: org.responseAnswered > 0 && org.responseMedianHours !== null ? Math.max(1, Math.ceil(org.responseMedianHours / 24)) : null,
  };
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
