import { optionsOf, type FilterField } from "@/components/ui/fields";
import { CATEGORIES, CATEGORY_LABELS, TIERS, TIER_LABELS } from "@/lib/domain/curriculum-labels";

/** The tier and category filters of every course list (HR's catalogue, the learner's electives). */
export const TIER_CATEGORY_FILTERS: FilterField[] = [
  { name: "tier", label: "层级", options: optionsOf(TIERS, TIER_LABELS) },
  { name: "category", label: "类别", options: optionsOf(CATEGORIES, CATEGORY_LABELS) },
];
