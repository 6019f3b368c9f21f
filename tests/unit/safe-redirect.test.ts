import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeRedirectPath } from "../../lib/domain/safe-redirect";

const ORIGIN = "http://localhost:3000";

describe("safeRedirectPath: only paths on this site are followed after sign-in", () => {
  it.each([
    ["/me", "/me"],
    ["/hr/review/2026Q3?tab=list#top", "/hr/review/2026Q3?tab=list#top"],
    ["/people/abc?x=%2F%2Fevil", "/people/abc?x=%2F%2Fevil"],
    ["http://localhost:3000/branch", "/branch"],
    ["me", "/me"],
  ])("keeps %s as %s", (value, expected) => {
    expect(safeRedirectPath(value, ORIGIN)).toBe(expected);
  });

  it.each([
    // the two payloads of the probe (finding 1), as they arrive after URL decoding and raw
    "/\\evil.example",
    "/%5Cevil.example",
    "/\t/evil.example",
    "/%09/evil.example",
    "/\n/evil.example",
    "/%0a/evil.example",
    "/%0d%0a/evil.example",
    "//evil.example",
    "///evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "http://localhost:3000@evil.example/",
    "http://user:pass@localhost:3000/me",
    "http://localhost:3001/me",
    "https://localhost:3000/me",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/%",
    "",
    "\u0000/me",
    "/me\u007f",
  ])("refuses %j", (value) => {
    expect(safeRedirectPath(value, ORIGIN)).toBeNull();
  });

  it("refuses non-strings and takes the first of repeated parameters", () => {
    expect(safeRedirectPath(undefined, ORIGIN)).toBeNull();
    expect(safeRedirectPath(42, ORIGIN)).toBeNull();
    expect(safeRedirectPath(["/me", "//evil.example"], ORIGIN)).toBe("/me");
    expect(safeRedirectPath(["//evil.example", "/me"], ORIGIN)).toBeNull();
    expect(safeRedirectPath("/" + "a".repeat(3000), ORIGIN)).toBeNull();
  });

  it("whatever it returns, a browser resolving it stays on the origin (property)", () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom("/", "\\", "\t", "\n", "%", "5", "C", "0", "9", ":", "@", ".", "e", "v", "l", "?", "#", " ") }),
      fc.webUrl(),
      fc.webPath(),
    );
    fc.assert(
      fc.property(hostile, (value) => {
        const path = safeRedirectPath(value, ORIGIN);
        if (path === null) return true;
        // A browser also strips tabs/newlines and reads "\" as "/": neither may remain.
        expect(path).toMatch(/^\/(?!\/)/);
        expect(path).not.toMatch(/[\\\u0000-\u001f\u007f]/);
        expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
        return true;
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it("is idempotent: a kept path is kept unchanged (property)", () => {
    fc.assert(
      fc.property(fc.webPath(), (value) => {
        const once = safeRedirectPath(value, ORIGIN);
        if (once !== null) expect(safeRedirectPath(once, ORIGIN)).toBe(once);
      }),
    );
  });
});
