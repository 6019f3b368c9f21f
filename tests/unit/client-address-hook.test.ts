// The start script preloads this hook into Next.js: every request carries its real TCP peer in
// x-eagle-client-address, whatever the client wrote there (sign-in throttling relies on it).
import { createRequire } from "node:module";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
require("../../scripts/lib/client-address-hook.cjs");

describe("client-address hook", () => {
  it("overwrites a forged x-eagle-client-address with the socket's address", async () => {
    const server = http.createServer((request, response) => {
      response.end(JSON.stringify({ address: request.headers["x-eagle-client-address"], forwarded: request.headers["x-forwarded-for"] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-eagle-client-address": "6.6.6.6", "x-forwarded-for": "7.7.7.7" } });
      const body = (await response.json()) as { address: string; forwarded: string };
      expect(body.address).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
      // X-Forwarded-For is left alone: it only counts with TRUST_PROXY (lib/domain/sign-in-throttle.ts).
      expect(body.forwarded).toBe("7.7.7.7");
    } finally {
      server.close();
    }
  });
});
