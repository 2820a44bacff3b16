// Editing mimeapps.list, the freedesktop.org file that says which application
// opens which file type: set Cairn as the default (when xdg-mime is not
// installed) and take Cairn out again on uninstall, which xdg-mime cannot do.
// Pure text in, text out; every other group and line is kept as it was.

const DEFAULTS = '[Default Applications]';
const ADDED = '[Added Associations]';

/** `text` with `desktopId` as the default for `mime`, and listed among its added associations. */
export function setDefaultApp(text: string, mime: string, desktopId: string): string {
  let lines = splitLines(text);
  lines = editGroup(lines, DEFAULTS, mime, () => [desktopId]);
  lines = editGroup(lines, ADDED, mime, (apps) => [desktopId, ...apps.filter((a) => a !== desktopId)]);
  return joinLines(lines);
}

/** `text` without `desktopId` for `mime`, in both groups; a line left with no application goes. */
export function removeApp(text: string, mime: string, desktopId: string): string {
  let lines = splitLines(text);
  for (const group of [DEFAULTS, ADDED]) lines = editGroup(lines, group, mime, (apps) => apps.filter((a) => a !== desktopId), false);
  return joinLines(lines);
}

/** The applications `text` lists for `mime` in its default group. */
export function defaultApps(text: string, mime: string): string[] {
  let found: string[] = [];
  editGroup(splitLines(text), DEFAULTS, mime, (apps) => ((found = apps), apps), false);
  return found;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function joinLines(lines: string[]): string {
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/**
 * Rewrites the `mime=` line of `group` with `change(apps)`: the line is
 * dropped when the list comes back empty, and added (with its group when
 * needed) only when `create` is set.
 */
function editGroup(lines: string[], group: string, mime: string, change: (apps: string[]) => string[], create = true): string[] {
  const out = [...lines];
  const start = out.findIndex((l) => l.trim() === group);
  if (start === -1) {
    const apps = change([]);
    if (!create || apps.length === 0) return out;
    if (out.length > 0 && out[out.length - 1]!.trim() !== '') out.push('');
    out.push(group, `${mime}=${apps.join(';')};`);
    return out;
  }
  let end = out.findIndex((l, i) => i > start && l.trim().startsWith('['));
  if (end === -1) end = out.length;
  const at = out.findIndex((l, i) => i > start && i < end && l.slice(0, l.indexOf('=')).trim() === mime && l.includes('='));
  const current = at === -1 ? [] : out[at]!.slice(out[at]!.indexOf('=') + 1).split(';').map((a) => a.trim()).filter((a) => a !== '');
  const apps = change(current);
  if (at !== -1) {
    if (apps.length === 0) out.splice(at, 1);
    else out[at] = `${mime}=${apps.join(';')};`;
  } else if (create && apps.length > 0) {
    // After the group's last non-blank line, so a blank line before the next group stays put.
    let insert = end;
    while (insert - 1 > start && out[insert - 1]!.trim() === '') insert--;
    out.splice(insert, 0, `${mime}=${apps.join(';')};`);
  }
  return out;
}
