// Semantic versions and the small range language a manifest's `runtime` field
// uses (`^0.1.0`, `~0.1.2`, `>=0.1.0 <0.2.0`, `0.1.0`, alternatives with `||`),
// and the sentence a player reads when a game needs another Cairn. Imports nothing.

/** A parsed semantic version (semver.org 2.0.0); build metadata is dropped. */
export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: Array<string | number>;
}

/** One comparison: `>=0.1.0`. */
interface Comparator {
  op: '<' | '<=' | '>' | '>=' | '=';
  version: Version;
}

/** A range: any of several comparator sets, each of which must all hold. */
export type VersionRange = Comparator[][];

const NUMBER = '(0|[1-9]\\d{0,8})';
const IDENT = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const VERSION_PATTERN = new RegExp(`^${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-(${IDENT}(?:\\.${IDENT})*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`);

/** Parses `1.2.3`, `1.2.3-beta.1`, `1.2.3+build`; undefined when it is not semver. */
export function parseVersion(text: string): Version | undefined {
  const m = VERSION_PATTERN.exec(text);
  if (!m) return undefined;
  const prerelease = m[4] === undefined ? [] : m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease };
}

/** Orders versions by semver precedence: negative, zero or positive. */
export function compareVersions(a: Version, b: Version): number {
  if (a.major !== b.major) return a.major - b.major;
  if (a.minor !== b.minor) return a.minor - b.minor;
  if (a.patch !== b.patch) return a.patch - b.patch;
  // A pre-release sorts before its release; identifiers compare field by field.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i]!;
    const y = b.prerelease[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return a.prerelease.length - b.prerelease.length;
}

/** `major.minor.patch[-pre]` of a version. */
export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}${v.prerelease.length ? `-${v.prerelease.join('.')}` : ''}`;
}

const release = (major: number, minor: number, patch: number): Version => ({ major, minor, patch, prerelease: [] });

/** Expands one term (`^0.1.0`, `>=1.0.0`) into comparators; undefined if malformed. */
function parseTerm(term: string): Comparator[] | undefined {
  const m = /^(\^|~|>=|<=|>|<|=)?(.*)$/.exec(term)!;
  const v = parseVersion(m[2]!);
  if (!v) return undefined;
  const op = m[1] ?? '=';
  if (op === '^') {
    // ^1.2.3 := >=1.2.3 <2.0.0; ^0.2.3 := >=0.2.3 <0.3.0; ^0.0.3 := >=0.0.3 <0.0.4
    const upper = v.major > 0 ? release(v.major + 1, 0, 0) : v.minor > 0 ? release(0, v.minor + 1, 0) : release(0, 0, v.patch + 1);
    return [{ op: '>=', version: v }, { op: '<', version: upper }];
  }
  if (op === '~') return [{ op: '>=', version: v }, { op: '<', version: release(v.major, v.minor + 1, 0) }];
  return [{ op: op as Comparator['op'], version: v }];
}

/** Parses a range; undefined when it is malformed or empty. */
export function parseRange(text: string): VersionRange | undefined {
  if (text.length > 256) return undefined;
  const sets: VersionRange = [];
  for (const alternative of text.split('||')) {
    const terms = alternative.trim().split(/\s+/).filter((t) => t !== '');
    if (terms.length === 0) return undefined;
    const set: Comparator[] = [];
    for (const term of terms) {
      const comparators = parseTerm(term);
      if (!comparators) return undefined;
      set.push(...comparators);
    }
    sets.push(set);
  }
  return sets;
}

function holds(c: Comparator, v: Version): boolean {
  const d = compareVersions(v, c.version);
  switch (c.op) {
    case '<': return d < 0;
    case '<=': return d <= 0;
    case '>': return d > 0;
    case '>=': return d >= 0;
    case '=': return d === 0;
  }
}

/** True when `version` is in `range`. Pre-releases follow plain semver precedence. */
export function satisfies(version: Version, range: VersionRange): boolean {
  return range.some((set) => set.every((c) => holds(c, version)));
}

/**
 * The sentence for a player whose Cairn is outside `range`, e.g.
 * "This game needs Cairn 0.3.0 or newer; this is Cairn 0.1.0."
 */
export function describeMismatch(rangeText: string, range: VersionRange, current: string): string {
  const v = parseVersion(current)!;
  const isLower = (c: Comparator) => c.op === '>=' || c.op === '>';
  const isUpper = (c: Comparator) => c.op === '<' || c.op === '<=';
  // Every alternative starts above us: name the lowest version that would do.
  if (range.every((set) => set.some((c) => isLower(c) && !holds(c, v)))) {
    const lowest = range.flatMap((set) => set.filter(isLower)).sort((a, b) => compareVersions(a.version, b.version))[0]!;
    const bound = lowest.op === '>=' ? `${formatVersion(lowest.version)} or newer` : `newer than ${formatVersion(lowest.version)}`;
    return `This game needs Cairn ${bound}; this is Cairn ${current}.`;
  }
  // Every alternative ends below us: the game was made for an older Cairn.
  if (range.every((set) => set.some((c) => isUpper(c) && !holds(c, v)))) {
    return `This game was made for an older Cairn (${rangeText}) and does not run on Cairn ${current}.`;
  }
  return `This game needs Cairn ${rangeText}; this is Cairn ${current}.`;
}
