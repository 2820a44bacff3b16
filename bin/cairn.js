#!/usr/bin/env node
// The `cairn` command. The CLI is TypeScript compiled to dist/ by `npm install`
// in a checkout (the `prepare` script) and shipped compiled in the npm package
// (`npm pack`), so installing that builds nothing; this file only starts it.
import { main } from '../dist/player/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
