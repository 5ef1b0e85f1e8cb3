import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The portal bundle: built by `npm run build` (and so by `npm install`'s prepare) into
// dist/web, which `arclink up` serves under /portal (src/portal/static-files.ts).
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/portal/",
  logLevel: "warn",
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: fileURLToPath(new URL("../../../dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
