// Demo RORAC business lines (DOMAIN §4, source 003): a few account managers of 城东支行 have
// their lines and target entered for the open quarter, so the sheet and the scorecard show a
// RORAC completion rate computed from its parts. Amounts in 万元.
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";

type Part = [income: number, direct: number, mgmt: number, fixed: number, risk: number, tax: number];
type DemoLine = { line: string; stock: Part; fresh: Part; age: number };

const columns = (prefix: "stock" | "new", p: Part) => ({
  [`${prefix}Income`]: p[0],
  [`${prefix}DirectCost`]: p[1],
  [`${prefix}MgmtCost`]: p[2],
  [`${prefix}FixedCost`]: p[3],
  [`${prefix}RiskCost`]: p[4],
  [`${prefix}Tax`]: p[5],
});

// am1: 存款 0.9 × 120 + 38 = 146, 贷款 0.85 × 180 + 47 = 200 → 346 against 320 = 108.13 %.
// am2: 存款 0.95 × 80 + 24 = 100, 中间业务 1 × 30 + 20 = 50 → 150 against 160 = 93.75 %.
// am4: 贷款 0.8 × 150 + 30 = 150 against 150 = 100 %.
const DEMO: { userId: string; target: number; lines: DemoLine[] }[] = [
  {
    userId: "demo-am-00001",
    target: 320,
    lines: [
      { line: "存款", stock: [200, 40, 20, 10, 0, 10], fresh: [60, 10, 5, 2, 0, 5], age: 2 },
      { line: "贷款", stock: [320, 60, 30, 20, 20, 10], fresh: [80, 15, 6, 4, 5, 3], age: 3 },
    ],
  },
  {
    userId: "demo-am-00002",
    target: 160,
    lines: [
      { line: "存款", stock: [120, 20, 10, 5, 0, 5], fresh: [40, 8, 4, 2, 0, 2], age: 1 },
      { line: "中间业务", stock: [40, 5, 3, 2, 0, 0], fresh: [30, 5, 3, 2, 0, 0], age: 0 },
    ],
  },
  {
    userId: "demo-am-00004",
    target: 150,
    lines: [{ line: "贷款", stock: [250, 50, 20, 10, 20, 0], fresh: [60, 12, 6, 4, 6, 2], age: 6 }],
  },
];

export async function seedDemoRorac(db: PrismaClient, quarter: string): Promise<void> {
  await db.roracTarget.createMany({ data: DEMO.map((p) => ({ userId: p.userId, quarter, target: p.target, updatedById: "demo-head-00001" })) });
  await db.roracLine.createMany({
    data: DEMO.flatMap((p) =>
      p.lines.map((l, position) => ({
        userId: p.userId,
        quarter,
        line: l.line,
        position,
        stockAgeYears: l.age,
        ...columns("stock", l.stock),
        ...columns("new", l.fresh),
      })),
    ) as Prisma.RoracLineCreateManyInput[],
  });
}
