import "server-only";
import { headers } from "next/headers";
import QRCode from "qrcode";

/** The absolute self check-in link of a session: the address people open the app with. */
export async function checkInUrl(token: string): Promise<string> {
  let origin = process.env.NEXTAUTH_URL?.replace(/\/+$/, "");
  if (!origin) {
    const h = await headers();
    origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000"}`;
  }
  return `${origin}/checkin/${encodeURIComponent(token)}`;
}

/** The link as an SVG QR code (rendered on the server by the qrcode package). */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#0f172a", light: "#ffffff" } });
}
