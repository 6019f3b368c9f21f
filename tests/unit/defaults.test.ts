import { describe, it, expect } from "vitest";
import { DEFAULT_COMPETENCIES } from "@/lib/domain/defaults/competency-model";
import { DEFAULT_COURSES } from "@/lib/domain/defaults/course-catalogue";
import { BRANCH_NAMES, GIVEN_NAMES, SURNAMES } from "@/lib/domain/defaults/people-names";

// The nine codes of DOMAIN §6, spelled out: the defaults must use exactly these.
const CODES = "CLIENT_FOCUS INFLUENCE BUSINESS_ACUMEN TEAMWORK COMMUNICATION RISK_CONTROL PRODUCT_EXPERTISE MARKET_DEVELOPMENT SELF_DRIVE".split(" ");
const TIERS = ["FOUNDATION", "ADVANCED", "EXPERT"] as const;
const CATEGORIES = ["PROFESSIONALISM", "KNOWLEDGE", "SKILLS"] as const;
const TIER_LETTER = { FOUNDATION: "F", ADVANCED: "A", EXPERT: "E" };
const CATEGORY_ABBR = { PROFESSIONALISM: "PRO", KNOWLEDGE: "KNO", SKILLS: "SKI" };
const HOURS = {
  ONLINE: [2, 4],
  FACE_TO_FACE: [4, 16],
  CASE_STUDY: [6, 12],
  PRACTICE: [8, 16],
} as const;

describe("default competency model", () => {
  it("has the nine competencies in order with definitions", () => {
    expect(DEFAULT_COMPETENCIES.map((c) => c.code)).toEqual(CODES);
    for (const c of DEFAULT_COMPETENCIES) {
      expect(c.name.trim()).not.toBe("");
      expect(c.definition.trim()).not.toBe("");
    }
  });

  it("has 2–3 non-empty indicators at each of the five levels, none repeated", () => {
    for (const c of DEFAULT_COMPETENCIES) {
      expect(c.indicators).toHaveLength(5);
      for (const level of c.indicators) {
        expect(level.length).toBeGreaterThanOrEqual(2);
        expect(level.length).toBeLessThanOrEqual(3);
        for (const text of level) expect(text.trim()).not.toBe("");
      }
      const all = c.indicators.flat();
      expect(new Set(all).size).toBe(all.length);
    }
  });
});

describe("default course catalogue", () => {
  it("has at least 33 courses with unique, well-formed codes", () => {
    expect(DEFAULT_COURSES.length).toBeGreaterThanOrEqual(33);
    const codes = DEFAULT_COURSES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of DEFAULT_COURSES) {
      expect(c.code).toMatch(new RegExp(`^${TIER_LETTER[c.tier]}-${CATEGORY_ABBR[c.category]}-\\d{2}$`));
    }
  });

  it("gives every course 1–3 valid competencies, realistic hours and a description", () => {
    for (const c of DEFAULT_COURSES) {
      expect(c.competencies.length).toBeGreaterThanOrEqual(1);
      expect(c.competencies.length).toBeLessThanOrEqual(3);
      for (const code of c.competencies) expect(CODES).toContain(code);
      const [min, max] = HOURS[c.delivery];
      expect(c.hours).toBeGreaterThanOrEqual(min);
      expect(c.hours).toBeLessThanOrEqual(max);
      expect(c.title.trim()).not.toBe("");
      expect(c.description.trim()).not.toBe("");
      const length = [...c.description].length;
      expect(length).toBeGreaterThanOrEqual(60);
      expect(length).toBeLessThanOrEqual(150);
    }
  });

  it("develops every competency in at least two courses", () => {
    for (const code of CODES) {
      const developing = DEFAULT_COURSES.filter((c) => c.competencies.includes(code));
      expect(developing.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("has required and elective courses in every tier and category", () => {
    for (const tier of TIERS) {
      for (const category of CATEGORIES) {
        const cell = DEFAULT_COURSES.filter((c) => c.tier === tier && c.category === category);
        expect(cell.some((c) => c.required)).toBe(true);
        expect(cell.some((c) => !c.required)).toBe(true);
      }
    }
  });
});

describe("people names", () => {
  it("has the expected pools", () => {
    expect(new Set(SURNAMES).size).toBe(60);
    expect(GIVEN_NAMES).toHaveLength(150);
    expect(new Set(GIVEN_NAMES).size).toBe(150);
    expect(BRANCH_NAMES).toHaveLength(6);
  });
});

describe("the five customer needs (source 000: 采购、销售、财务、管理、融资)", () => {
  const texts = [...DEFAULT_COMPETENCIES.flatMap((c) => [c.definition, ...c.indicators.flat()]), ...DEFAULT_COURSES.map((c) => c.description)];
  it("every list of the five aspects names 财务, never 理财", () => {
    const lists = texts.flatMap((t) => t.match(/采购、销售、[^、]+、管理、融资/g) ?? []);
    expect(lists.length).toBeGreaterThanOrEqual(3);
    for (const list of lists) expect(list).toBe("采购、销售、财务、管理、融资");
  });
});
