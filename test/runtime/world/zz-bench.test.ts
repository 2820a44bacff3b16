import { it } from 'vitest';
import { benchPathfinding } from '../../../bench/pathfinding.js';
it('bench', async () => { for (let i = 0; i < 2; i++) console.log(JSON.stringify(await benchPathfinding(), null, 1)); });
