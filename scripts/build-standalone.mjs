// `npm run build:standalone`: the production build for a server or an
// image. Next writes a self-contained `server.js` with the few node_modules
// it needs under <dist>/standalone; the static files are copied in beside
// it, where that server looks for them. Run it with
// `node <dist>/standalone/server.js` after `npm run db:migrate`.

import {
  cpSync,
  existsSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { bin, generateClient, root, run } from "./lib/setup.mjs";

const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const dist = path.join(root, distDir);
const standalone = path.join(dist, "standalone");

generateClient();
// A build into another dist dir adds it to tsconfig.json; that edit is not
// part of the project.
const tsconfig = path.join(root, "tsconfig.json");
const tsconfigBefore = readFileSync(tsconfig, "utf8");
rmSync(standalone, { recursive: true, force: true });
try {
  run(bin("next"), ["build"], {
    env: { NEXT_OUTPUT: "standalone" },
    label: "next build (standalone)",
  });
} finally {
  writeFileSync(tsconfig, tsconfigBefore);
}
cpSync(path.join(dist, "static"), path.join(standalone, distDir, "static"), {
  recursive: true,
});
if (existsSync(path.join(root, "public"))) {
  cpSync(path.join(root, "public"), path.join(standalone, "public"), {
    recursive: true,
  });
}
console.log(`standalone server: ${path.relative(root, standalone)}/server.js`);
