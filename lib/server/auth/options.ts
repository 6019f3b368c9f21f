import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { verifyPassword } from "./password";

const Credentials = z.object({
  identifier: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

/** Finds an active user by employee number or e-mail and checks the password; null otherwise. */
export async function authenticate(identifier: string, password: string) {
  const user = await db.user.findFirst({
    where: {
      OR: [{ employeeNo: identifier }, { email: { equals: identifier, mode: "insensitive" } }],
    },
    select: { id: true, name: true, email: true, role: true, status: true, passwordHash: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok || user.status !== "ACTIVE") return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "工号或邮箱",
      credentials: {
        identifier: { label: "工号或邮箱", type: "text" },
        password: { label: "密码", type: "password" },
      },
      async authorize(raw) {
        const parsed = Credentials.safeParse(raw);
        if (!parsed.success) return null;
        return authenticate(parsed.data.identifier, parsed.data.password);
      },
    }),
  ],
  callbacks: {
    // The role in the token is only used for optimistic redirects; every request re-reads the
    // user row (lib/server/auth/viewer.ts) before deciding what the caller may see or do.
    async jwt({ token, user }) {
      if (user) token.role = (user as { role?: string }).role;
      return token;
    },
    async session({ session, token }) {
      if (session.user) {
        (session.user as { id?: string }).id = token.sub;
        (session.user as { role?: unknown }).role = token.role;
      }
      return session;
    },
  },
};
