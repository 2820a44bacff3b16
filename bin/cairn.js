#!/usr/bin/env node
// The `cairn` command. The CLI is TypeScript compiled to dist/ by `npm install`
// (the `prepare` script); this file only starts it.
import { main } from '../dist/player/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
