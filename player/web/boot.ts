// The player script's first module, evaluated before PixiJS: starts the game
// Worker while the rest of the script loads (element/worker-start.ts).

import { startWorkerEarly } from './element/worker-start.js';

startWorkerEarly();
