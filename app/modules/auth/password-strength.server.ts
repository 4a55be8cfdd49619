import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/**
 * Password strength by zxcvbn-ts with its common-password and word lists, plus the passwords and
 * words Chinese users pick most (pinyin, love numbers, the site's own name), which the English-first
 * lists miss. Server only: the lists are ~200 KB gzipped, too heavy for the sign-up page on an old
 * phone (see docs/decisions/2026-12-01-password-strength-on-the-server-only.md). Built once at module load; a check takes a few milliseconds.
 */
const CHINESE_COMMON = [
  "woaini", "woaini1314", "woaini520", "aini1314", "5201314", "1314520", "520520", "1314", "woaiwojia", "wodemima",
  "mima", "mima123", "zhongguo", "zhonghua", "china", "beijing", "shanghai", "shaanxi", "shanxi", "xian",
  "wang", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "sun", "zhu", "guo", "lin",
  "qq123456", "baidu", "taobao", "weixin", "huawei", "xiaomi", "admin", "administrator", "root", "ceshi", "test",
  "123qwe", "qwe123", "1qaz2wsx", "zaq12wsx", "a123456", "aa123456", "abc123", "woshishui", "nihao", "wocao", "haha",
  "fuck", "love", "iloveyou", "zxc123", "asd123", "caonima", "yangyang", "xiaoxiao", "dandan", "tingting", "lili",
];
const SITE_WORDS = ["ankang", "安康", "ankangjob", "ankangjiuye", "jiuye", "就业", "zhaopin", "招聘", "shaanxi", "陕西", "hanjiang", "汉江", "ziyang", "紫阳", "hanbin", "汉滨", "xunyang", "旬阳"];

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...dictionary, "cn-common": CHINESE_COMMON, site: SITE_WORDS },
  graphs: adjacencyGraphs,
  // Levenshtein matching costs ~40 ms a check for little gain over the l33t and dictionary matchers.
  useLevenshteinDistance: false,
});

/** zxcvbn's bruteforce estimate assumes 10 symbols a character; a Chinese character is one of ~3,500 in daily use. */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const CJK_EXTRA_LOG10 = Math.log10(3_500) - 1;

/** At least zxcvbn's score 3 ("safely unguessable: moderate protection from offline slow-hash attacks"). */
const MIN_GUESSES_LOG10 = 8;

export const WARNINGS = ["straightRow", "keyPattern", "simpleRepeat", "extendedRepeat", "sequences", "recentYears", "dates", "topTen", "topHundred", "common", "similarToCommon", "wordByItself", "namesByThemselves", "commonNames", "userInputs", "pwned"] as const;
export const SUGGESTIONS = ["l33t", "reverseWords", "allUppercase", "capitalization", "dates", "recentYears", "associatedYears", "sequences", "repeated", "longerKeyboardPattern", "anotherWord", "useWords", "noNeed", "pwned"] as const;

function adjustedGuessesLog10(result: ZxcvbnResult): number {
  const extra = result.sequence
    .filter((match) => match.pattern === "bruteforce")
    .reduce((sum, match) => sum + (match.token.match(CJK)?.length ?? 0) * CJK_EXTRA_LOG10, 0);
  return result.guessesLog10 + extra;
}

/** Words the user typed elsewhere in the form, split so that a phone, an email's name or a display name each count. */
function userDictionary(inputs: (string | undefined | null)[]): string[] {
  const words = new Set<string>(SITE_WORDS);
  for (const input of inputs) {
    const text = input?.trim().toLowerCase();
    if (!text) continue;
    words.add(text);
    for (const part of text.split(/[@.\s_+-]+/)) if (part.length >= 3) words.add(part);
    const digits = text.replace(/\D/g, "");
    if (digits.length >= 4) words.add(digits);
  }
  return [...words];
}

/**
 * Field errors (i18n keys under forms.*) for a password that is easy to guess: why (zxcvbn's
 * warning) and what to do (its suggestions), or an empty list when it is strong enough.
 */
export function passwordStrengthErrors(password: string, userInputs: (string | undefined | null)[]): string[] {
  const result = zxcvbn.check(password, userDictionary(userInputs));
  if (adjustedGuessesLog10(result) >= MIN_GUESSES_LOG10) return [];
  const warning = result.feedback.warning;
  const suggestions = result.feedback.suggestions.filter((s): s is (typeof SUGGESTIONS)[number] => (SUGGESTIONS as readonly string[]).includes(s));
  return [
    warning && (WARNINGS as readonly string[]).includes(warning) ? `forms.passwordWarning.${warning}` : "forms.passwordWeak",
    ...suggestions.map((s) => `forms.passwordSuggestion.${s}`),
    "forms.passwordTry",
  ];
}
