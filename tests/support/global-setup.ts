// Starts one throwaway PostgreSQL for the integration run and migrates a template database;
// every test file then gets its own copy (CREATE DATABASE … TEMPLATE), so files never share rows.
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedPostgres } from "../../scripts/lib/embedded-pg.mjs";
import { migrateDeploy } from "../../scripts/lib/prisma-cli.mjs";

export const TEMPLATE_DB = "eagle_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

export default async function setup(project: TestProject) {
  const port = await freePort();
  const server = await startEmbeddedPostgres({
    dataDir: `.data/test-pg-${process.pid}`,
    port,
    persistent: false,
    fast: true,
    database: TEMPLATE_DB,
  });
  try {
    migrateDeploy(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide("adminUrl", server.adminUrl);
  project.provide("templateDb", TEMPLATE_DB);
  return async () => {
    await server.stop();
  };
}
