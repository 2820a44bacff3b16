// The part of gettext-parser (which ships no types) that `cairn translate` uses.

declare module 'gettext-parser' {
  /** The comments of one PO entry, each a newline-joined string. */
  export interface PoComments {
    translator?: string;
    extracted?: string;
    reference?: string;
    flag?: string;
    previous?: string;
  }
  /** One PO entry. */
  export interface PoEntry {
    msgctxt?: string;
    msgid: string;
    msgid_plural?: string;
    msgstr: string[];
    comments?: PoComments;
  }
  /** A whole PO file: entries by context, then by msgid. */
  export interface PoTable {
    charset: string;
    headers: Record<string, string>;
    translations: Record<string, Record<string, PoEntry>>;
    obsolete?: Record<string, Record<string, PoEntry>>;
  }
  export const po: {
    parse(text: string | Uint8Array, defaultCharset?: string): PoTable;
    compile(table: PoTable, options?: { foldLength?: number; sort?: boolean }): Uint8Array;
  };
}
