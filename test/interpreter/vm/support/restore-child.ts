// Run in a separate node process by the snapshot test: restores the snapshot
// in the file named by argv[2] into a fresh VM, runs it to the end and prints
// {lines, final} as JSON, final being the end state's snapshot in base64.

import { readFileSync } from 'node:fs';
import { VM } from '../../../../interpreter/vm/vm.js';
import { finish, programOptions, snapshotProgram } from './programs.js';

const bytes = new Uint8Array(readFileSync(process.argv[2]!));
const lines: string[] = [];
const vm = VM.fromSnapshot(snapshotProgram(), bytes, programOptions(lines));
finish(vm);
process.stdout.write(JSON.stringify({ lines, final: Buffer.from(vm.snapshot()).toString('base64') }));
