/**
 * Passwords that appear at the top of every leaked list, Chinese and international, plus simple
 * patterns (one repeated character, a keyboard run, digits only under 12 characters).
 */
const COMMON = new Set([
  "password", "password1", "password123", "passw0rd", "p@ssw0rd", "12345678", "123456789", "1234567890", "87654321",
  "11111111", "00000000", "88888888", "66666666", "99999999", "12341234", "11223344", "123123123", "1qaz2wsx", "qwertyui",
  "qwerty123", "qwertyuiop", "asdfghjk", "asdfghjkl", "zxcvbnm123", "iloveyou", "abc12345", "abcd1234", "a1234567",
  "a12345678", "a123456789", "aa123456", "aa12345678", "qq123456", "qq1234567", "woaini1314", "woaini520", "5201314520",
  "1314520520", "wang1234", "zhang123", "li123456", "admin123", "admin1234", "administrator", "root1234", "welcome1",
  "sunshine", "princess", "football", "baseball", "superman", "dragon123", "monkey123", "letmein1", "trustno1",
  "ankang123", "ankang2026", "shaanxi123", "zhongguo", "china123", "huawei123", "xiaomi123", "abcdefgh", "zaq12wsx",
]);

export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (COMMON.has(p)) return true;
  if (/^(.)\1+$/.test(p)) return true;
  if (/^\d+$/.test(p) && p.length < 12) return true;
  const runs = ["0123456789", "1234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
  return runs.some((run) => run.includes(p) || run.split("").reverse().join("").includes(p));
}
