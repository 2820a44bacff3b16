// Finds the examples in the Markdown documentation (docs/*.md): every fenced
// block marked ```cairn, ```cairn-adventure or ```walk, with its place and the
// section it sits in, so that test/docs/language-examples.test.ts can run them.
// A ```walk block that is the next fenced block after a ```cairn-adventure one
// belongs to it: it is played against that game.

/** The kinds of example blocks; every other fence (```sh, ```text, …) is prose. */
export type ExampleKind = 'cairn' | 'cairn-adventure' | 'walk';

/** One example block. */
export interface Example {
  kind: ExampleKind;
  /** The block's text, without its fences. */
  text: string;
  /** The document's path (as given) and the 1-based line of the opening fence. */
  doc: string;
  line: number;
  /** The nearest heading above the block. */
  section: string;
  /** For a ```cairn-adventure block: the ```walk block that follows it, if any. */
  walk?: Example;
}

const KINDS: ReadonlySet<string> = new Set(['cairn', 'cairn-adventure', 'walk']);

/** The example blocks of a Markdown document, in order; walk blocks also stay in the list. */
export function findExamples(markdown: string, doc: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  let section = '(top)';
  let previousFence: Example | 'other' | null = null;
  for (let i = 0; i < lines.length; i++) {
    const heading = /^#{1,6}\s+(.*)$/.exec(lines[i]!);
    if (heading) {
      section = heading[1]!.trim();
      continue;
    }
    const open = /^```\s*([\w-]*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    if (i >= lines.length) throw new Error(`${doc}:${start + 1}: this code block is never closed`);
    const kind = open[1]!;
    if (!KINDS.has(kind)) {
      previousFence = 'other';
      continue;
    }
    const example: Example = { kind: kind as ExampleKind, text: `${body.join('\n')}\n`, doc, line: start + 1, section };
    if (kind === 'walk' && previousFence !== null && previousFence !== 'other' && previousFence.kind === 'cairn-adventure') previousFence.walk = example;
    examples.push(example);
    previousFence = example;
  }
  return examples;
}
