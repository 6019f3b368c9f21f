// Where a sign-in may send the browser afterwards: only a path on this site, never another host.
// Browsers treat "\" like "/" and drop tabs and newlines inside URLs, so "/\evil.example" and
// "/\t/evil.example" look like paths but open another host; both are refused outright.

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\\\u0000-\u001f\u007f]/;

/**
 * A same-origin path (with query and hash) to follow after sign-in, or null when `value` could lead
 * anywhere else. `value` may be a path or an absolute URL on `origin`; it is checked both as given
 * and after percent-decoding, and the result is always a path starting with exactly one "/".
 */
export function safeRedirectPath(value: unknown, origin: string): string | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (FORBIDDEN.test(raw) || FORBIDDEN.test(decoded)) return null;
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  if (url.username || url.password) return null;
  const path = url.pathname + url.search + url.hash;
  // "//host" would be read as another host by whoever follows it next.
  if (!path.startsWith("/") || path.startsWith("//")) return null;
  if (FORBIDDEN.test(path)) return null;
  return path;
}
