// The default course catalogue (DOMAIN §7) into an empty database.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { DEFAULT_COURSES } from "../../lib/domain/defaults/course-catalogue";

export async function seedCourses(db: PrismaClient) {
  await db.course.createMany({
    data: DEFAULT_COURSES.map((c) => ({
      code: c.code,
      title: c.title,
      description: c.description,
      tier: c.tier,
      category: c.category,
      hours: c.hours,
      delivery: c.delivery,
      competencies: c.competencies,
      required: c.required,
    })),
  });
}
