// `npm run db:seed` and first start: fill an empty database with the demo bank.
import { PrismaPg } from "@prisma/adapter-pg";
import bcrypt from "bcryptjs";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { seedDemo, DEMO_PASSWORD } from "./demo";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL 未设置");
  process.exit(2);
}
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
try {
  const existing = await db.user.count();
  if (existing > 0) {
    console.log(`数据库中已有 ${existing} 个用户，跳过演示数据。`);
  } else {
    const started = Date.now();
    const result = await seedDemo(db, { passwordHash: await bcrypt.hash(DEMO_PASSWORD, 10) });
    console.log(`演示数据已写入（${result.quarters[0]}–${result.lastQuarter}，用时 ${Date.now() - started} ms）。`);
  }
} finally {
  await db.$disconnect();
}
