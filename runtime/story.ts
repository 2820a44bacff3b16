// What a player would read, in order, as plain lines: the transcript `cairn
// run` prints and `--record`/`--replay` reproduce. The engine logs events as
// they happen (a driver log, never game state); this file words them:
//   Robin: Where is that lamp?      a spoken line, by the actor's `name`
//   The fog lifts.                   narration and `print` lines
//   -- lighthouse --                 the room changed
//   [options] 1. "Hello"  2. "Bye"  a dialog offers options
//   > Bye                            the option chosen
//   -- the end --                    the game ended

/** One thing that happened that a player would see. */
export type StoryEvent =
  | { kind: 'print'; text: string }
  | { kind: 'say'; actor: string; name: string; text: string; /** A translatable line's id. */ id?: string }
  | { kind: 'room'; room: string }
  | { kind: 'options'; options: string[] }
  | { kind: 'chose'; text: string }
  | { kind: 'end' };

/** The transcript line of one event. */
export function storyLine(event: StoryEvent): string {
  switch (event.kind) {
    case 'print':
      return event.text;
    case 'say':
      return event.actor === '' ? event.text : `${event.name}: ${event.text}`;
    case 'room':
      return `-- ${event.room} --`;
    case 'options':
      return `[options] ${event.options.map((o, i) => `${i + 1}. "${o}"`).join('  ')}`;
    case 'chose':
      return `> ${event.text}`;
    case 'end':
      return '-- the end --';
  }
}
