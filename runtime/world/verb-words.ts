// How the verb bar words a verb: its label, and for a verb that takes two
// things the word between them ("Give sardine to Gulliver", "Use key with
// door"). A label may name that word after an ellipsis (`show: "Show … to"`);
// otherwise `use` and `give`, and any verb the game answers with `on VERB with`,
// take two things, joined by "to" for give and "with" for the rest.

import type { WorldDecls } from './read-declarations.js';

/** A verb as the player's interface shows it; `with` is set when the verb takes a second thing. */
export interface VerbWords {
  id: string;
  label: string;
  with?: string;
}

/** Verbs that take two things even when no handler says so, and the word that joins them. */
const TWO_THING_VERBS: Readonly<Record<string, string>> = { use: 'with', give: 'to' };

const cache = new WeakMap<WorldDecls, VerbWords[]>();

/** The game's verbs in order, with the joining word of those that take two things; `shown` gives a label in the current language. */
export function verbWords(decls: WorldDecls, shown?: (id: string, label: string) => string): VerbWords[] {
  let words = cache.get(decls);
  const translated = shown !== undefined && decls.verbs.some(({ id, label }) => shown(id, label) !== label);
  if (words === undefined || translated) {
    const withVerbs = new Set<string>();
    for (const key of decls.handlers.keys()) {
      const [, event, other] = key.split('\u0000');
      if (other !== '' && event !== undefined) withVerbs.add(event);
    }
    words = decls.verbs.map(({ id, label: source }) => {
      const label = shown === undefined ? source : shown(id, source);
      const split = /^(.*?)\s*(?:…|\.\.\.)\s*(.*)$/.exec(label);
      if (split !== null) return split[2] === '' ? { id, label: split[1]! } : { id, label: split[1]!, with: split[2]! };
      const joiner = TWO_THING_VERBS[id] ?? (withVerbs.has(id) ? 'with' : undefined);
      return joiner === undefined ? { id, label } : { id, label, with: joiner };
    });
    if (!translated) cache.set(decls, words);
  }
  return words;
}
