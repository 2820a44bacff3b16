// The files `cairn new` writes: a one-room game that builds, runs and passes
// its walkthrough at once, so an author starts from something that works.
// Art is SVG text so the scaffold needs no binary files.

/** The scaffold's files, path → content, for a game titled `title` with id `id`. */
export function scaffoldFiles(title: string, id: string): Record<string, string> {
  return {
    'cairn.json': `${JSON.stringify({ id, title, version: '0.1.0', author: 'You', resolution: [640, 360], pixelArt: false }, null, 2)}\n`,
    'scripts/main.adv': MAIN_SCRIPT,
    'tests/lamp.walk': WALKTHROUGH,
    'assets/art/study.svg': svg(640, 360, '<rect width="640" height="280" fill="#3b2f4a"/><rect y="280" width="640" height="80" fill="#6b4f3a"/><rect x="60" y="60" width="120" height="90" fill="#8fb8de" stroke="#1d1a26" stroke-width="4"/>'),
    'assets/art/lamp.svg': svg(40, 60, '<rect x="16" y="20" width="8" height="36" fill="#b08d57"/><path d="M4 22 L20 2 L36 22 Z" fill="#e8c170" stroke="#1d1a26" stroke-width="2"/><rect x="8" y="54" width="24" height="6" fill="#7a5c33"/>'),
    'assets/art/hero.svg': svg(32, 48, '<circle cx="16" cy="10" r="8" fill="#f1c27d" stroke="#1d1a26" stroke-width="2"/><rect x="8" y="18" width="16" height="20" fill="#4f7cac" stroke="#1d1a26" stroke-width="2"/><rect x="9" y="38" width="5" height="10" fill="#333"/><rect x="18" y="38" width="5" height="10" fill="#333"/>'),
  };
}

function svg(w: number, h: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>\n`;
}

const MAIN_SCRIPT = `// Your first Cairn game: one room, one object, one actor.
// Try it:  npx cairn test .     (plays tests/*.walk headless)
//          npx cairn build .    (packs game.cairn)

verbs { look: "Look at", pickup: "Pick up", use: "Use", talk: "Talk to" }

actor hero {
  name: "You"
  costume: "hero"
  color: "#f0e68c"
  speed: 120
}

costume hero {
  sheet: "art/hero.svg"
  frame: (32, 48)
  idle: [0]
  walk: [0] fps 8
  talk: [0] fps 6
}

room study {
  background: "art/study.svg"
  walkable: [(0, 280), (640, 280), (640, 360), (0, 360)]

  object lamp {
    name: "lamp"
    sprite: "art/lamp.svg"
    at: (420, 250)
    stand: (400, 300)
    lit: false

    on look { say "An old brass lamp." }
    on use {
      walk hero to lamp
      lamp.lit = not lamp.lit
      if lamp.lit { say "Let there be light." } else { say "Dark again." }
    }
  }
}

on start {
  put hero in study at (120, 320)
  go study
  say "Where did I leave that lamp?"
}

on unhandled(verb, target) { say "I can't do that." }
`;

const WALKTHROUGH = `# Turning the lamp on and off.
expect room study
expect said "Where did I leave that lamp?"
do look lamp
expect said "An old brass lamp."
do use lamp
expect lamp.lit == true
expect said "Let there be light."
do use lamp
expect lamp.lit == false
do pickup lamp
expect said "I can't do that."
`;
