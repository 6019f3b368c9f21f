import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "鹰阶 · 对公客户经理成长平台", template: "%s · 鹰阶" },
  description: "对公客户经理等级晋升、季度考评、胜任力与培训管理",
  // The mark (an eagle above three rising steps) lives in public/, drawn without fonts.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/favicon.svg", type: "image/svg+xml" },
      { url: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { url: "/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
