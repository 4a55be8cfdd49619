import "i18next";
import type { Translations } from "~/locales/zh-CN.ts";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Translations };
    returnNull: false;
  }
}
