/** The codes of an alert, shared by its form, its schema and its runner. */
export const FREQUENCIES = ["instant", "daily", "weekly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const ALERT_CHANNELS = ["site", "email", "sms"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

/** The message purposes the alert thread sends itself: tens of thousands after a daily pass, none urgent. */
export const THREAD_PURPOSES = ["alert"];
