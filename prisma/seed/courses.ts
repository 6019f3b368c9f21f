// The default course catalogue (DOMAIN §7) into an empty database.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { DEFAULT_COURSES } from "../../lib/domain/defaults/course-catalogue";

export async function seedCourses(db: PrismaClient) {
  // Each default course is a Course row as it stands (code, title, tier, category, hours, delivery, competencies, required, description).
  await db.course.createMany({ data: DEFAULT_COURSES });
}
