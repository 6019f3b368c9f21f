// ESLint flat config: Next.js rules (core web vitals, TypeScript) plus the layer rules of STYLE.md,
// enforced by import restrictions per folder.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const PRISMA_CLIENT = ["@/lib/generated/*", "@/lib/generated/**", "@prisma/client", "@prisma/client/*", "@/lib/server/db"];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "test-reports/**",
      "bench-results/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // Pure rules: nothing outside lib/domain, no frameworks, no I/O.
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/*", "!@/lib/domain", "!@/lib/domain/**"], message: "lib/domain is pure: import only from lib/domain." },
            {
              group: ["next", "next/*", "react", "react-*", "@prisma/*", "node:*", "fs", "path", "server-only"],
              message: "lib/domain is pure: no frameworks and no I/O.",
            },
          ],
        },
      ],
    },
  },
  {
    // Components never load the data access layer or the database at run time (types only).
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/server/dal/**"], allowTypeImports: true, message: "Components take data as props; import DAL types only (import type …)." },
            { group: PRISMA_CLIENT, message: "Only lib/server touches the Prisma client." },
          ],
        },
      ],
    },
  },
  {
    // Only lib/server (and the seed, scripts and tests that build databases) touch the Prisma client.
    files: ["app/**/*.{ts,tsx}", "lib/actions/**/*.ts", "lib/schemas/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: PRISMA_CLIENT, allowTypeImports: true, message: "Only lib/server touches the Prisma client: call the DAL." }] },
      ],
    },
  },
  {
    // A CommonJS preload hook (node --require) cannot use import statements.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];

export default config;
