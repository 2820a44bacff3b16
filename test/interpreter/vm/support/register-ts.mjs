// `node --import ./register-ts.mjs script.ts` runs a TypeScript file (test support).
import { register } from 'node:module';
register('./ts-hooks.mjs', import.meta.url);
