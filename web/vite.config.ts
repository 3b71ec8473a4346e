// The web UI is built into dist/web, which the Limes server serves at `/` (src/http/web.ts).
/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here("."),
  plugins: [react()],
  build: {
    outDir: here("../dist/web"),
    emptyOutDir: true,
    // The booth terminal may be offline from the internet: everything the UI needs is in the bundle.
    assetsInlineLimit: 0,
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development, with the API on the usual port.
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
  test: {
    include: ["src/**/*.test.ts"],
  },
});
