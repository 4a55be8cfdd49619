import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const NO_FOCUSED_TESTS = { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']", message: "No focused tests." };
const LIKE_KEYS = "key.name=/^(contains|startsWith|endsWith)$/";
const LIKE_MESSAGE = "Prisma's contains/startsWith/endsWith are SQL LIKE: pass the value through likeText() from app/modules/like.ts.";
const LIKE_FILTERS = [
  { selector: `Property[${LIKE_KEYS}][value.type!='CallExpression']`, message: LIKE_MESSAGE },
  { selector: `Property[${LIKE_KEYS}][value.type='CallExpression'][value.callee.name!='likeText']`, message: LIKE_MESSAGE },
];

export default tseslint.config(
  { ignores: ["tmp/**", "build/**", "public/build/**", "app/generated/**", "node_modules/**", "data/**", "bench/results/**", "test-results/**", "playwright-report/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", NO_FOCUSED_TESTS],
    },
  },
  {
    // Prisma's text filters are SQL LIKE: every value goes through likeText (app/modules/like.ts).
    files: ["app/**/*.{ts,tsx}", "search/**/*.ts", "prisma/**/*.ts", "scripts/**/*.ts", "server/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", NO_FOCUSED_TESTS, ...LIKE_FILTERS] },
  },
);
