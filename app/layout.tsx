import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "鹰阶 · 对公客户经理成长平台", template: "%s · 鹰阶" },
  description: "对公客户经理等级晋升、季度考评、胜任力与培训管理",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
