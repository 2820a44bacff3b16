// The player script: registers <cairn-player>. PixiJS's unsafe-eval module
// swaps its generated shader and uniform code for fixed functions, so the
// player runs under a CSP without 'unsafe-eval'; it must load before Pixi
// creates a renderer. boot.ts comes first: it starts the game Worker before
// PixiJS evaluates.

import './boot.js';
import 'pixi.js/unsafe-eval';
import { CairnPlayer } from './element/cairn-player.js';

if (!customElements.get('cairn-player')) customElements.define('cairn-player', CairnPlayer);

export { CairnPlayer };
