// `npm run db:seed`: demo data into the configured (or embedded) database, if it is empty.
import path from "node:path";
import { prepareDatabase, root } from "./lib/app-env.mjs";

const database = await prepareDatabase({ dataDir: path.resolve(root, process.env.EAGLE_DATA_DIR ?? ".data"), pgPort: Number(process.env.PG_PORT ?? 54329) });
await database.stop();
