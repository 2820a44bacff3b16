// The few globals every JavaScript host Cairn runs on has — Node, a browser
// page, a Worker — that the ECMAScript library does not declare. The layer
// tsconfigs of interpreter/ and runtime/ add only these instead of the DOM
// library, so any other browser or Node global there is a type error.

/** Where the VM's default `print` writes. */
declare const console: { log(...data: unknown[]): void; error(...data: unknown[]): void };

/** UTF-8 out. */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

/** UTF-8 in; `fatal` refuses malformed input. */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

/** Base64 of a binary string, and back (Node 16+, every browser and Worker). */
declare function btoa(data: string): string;
declare function atob(data: string): string;
