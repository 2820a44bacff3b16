// The save-compatibility rule, with the real compiler: a save from an earlier
// build loads when every function a suspended thread stands in is unchanged
// (new globals take their declared value, gone ones are dropped, consts take
// the new build's value, other code may change and declarations move);
// otherwise it is SAVE_INCOMPATIBLE naming what changed, and nothing changes.

import { describe, expect, it } from 'vitest';
import { functionHash } from '../../../interpreter/bytecode/hash.js';
import type { Module } from '../../../interpreter/bytecode/module.js';
import { compile } from '../../../interpreter/compiler/compile.js';
import { FnRef } from '../../../interpreter/vm/values.js';
import { VM } from '../../../interpreter/vm/vm.js';
import { errorOf } from './support/harness.js';

const BUILD_1 = `const GREETING = "hi"
var count = 0
var log = []
var old_only = 7
var callback = nil

fn noisy() {
  print "init ran"
  return 1
}
var made_by_init = noisy()

fn step() { return 1 }

fn unused() { return "one" }

fn loop() {
  while count < 5 {
    count += step()
    push(log, count * 10)
    wait 2 ticks
  }
  print "done {count} {log}"
}

on start {
  callback = unused
  loop()
}
`;

// Declarations reordered (so every index moves), a new global and a new
// function, \`unused\` changed, \`old_only\` gone, the const changed.
const BUILD_2 = `var extra = 5
fn added() { return extra * 2 }

fn loop() {
  while count < 5 {
    count += step()
    push(log, count * 10)
    wait 2 ticks
  }
  print "done {count} {log}"
}

var log = []
var callback = nil
on start {
  callback = unused
  loop()
}
fn unused() { return "two" }
const GREETING = "hello"
var count = 0
fn step() { return 1 }
fn noisy() {
  print "init ran"
  return 1
}
var made_by_init = noisy()
`;

const BUILD_3 = BUILD_1.replace('wait 2 ticks', 'wait 3 ticks');

const build = (text: string): Module => compile([{ file: 'scripts/game.adv', text }]).module;
const fnIndex = (m: Module, name: string): number => m.functions.findIndex((f) => f.name === name);

function startVm(module: Module, lines: string[]): VM {
  const vm = new VM(module, { seed: 3, print: (l) => lines.push(l) });
  vm.init();
  vm.startHandlers('start');
  return vm;
}

function finish(vm: VM): void {
  for (let i = 0; i < 1000 && vm.threadCount > 0; i++) vm.tick();
}

/** Build 1 run until its thread waits inside `loop`: the save, and the lines the run prints after it. */
function saveInLoop(): { bytes: Uint8Array; rest: string[]; tick: number } {
  const lines: string[] = [];
  const vm = startVm(build(BUILD_1), lines);
  for (let i = 0; i < 3; i++) vm.tick();
  expect(vm.threads().map((t) => t.function)).toEqual(['loop']);
  const bytes = vm.snapshot();
  const seen = lines.length;
  finish(vm);
  return { bytes, rest: lines.slice(seen), tick: vm.tickCount };
}

describe('restoring a save into another build', () => {
  const b1 = build(BUILD_1);
  const b2 = build(BUILD_2);
  const save = saveInLoop();

  it('hashes functions by meaning: `loop` moved in every table, yet hashes the same', () => {
    const [i1, i2] = [fnIndex(b1, 'loop'), fnIndex(b2, 'loop')];
    expect(Array.from(b2.functions[i2]!.code)).not.toEqual(Array.from(b1.functions[i1]!.code));
    expect(functionHash(b2, i2)).toBe(functionHash(b1, i1));
    expect(functionHash(b2, fnIndex(b2, 'unused'))).not.toBe(functionHash(b1, fnIndex(b1, 'unused')));
    // The build fingerprint tells a save of this very build from one of another.
    expect(new VM(build(BUILD_1)).program.fingerprint).toBe(new VM(b1).program.fingerprint);
    expect(new VM(b2).program.fingerprint).not.toBe(new VM(b1).program.fingerprint);
  });

  it('loads into build 2: new globals take their declared value, the waiting thread finishes as it would have', () => {
    const lines: string[] = [];
    const vm = VM.fromSnapshot(b2, save.bytes, { seed: 3, print: (l) => lines.push(l) });
    expect(vm.getGlobal('extra')).toBe(5);
    expect(vm.getGlobal('count')).toBe(2);
    expect(vm.getGlobal('made_by_init')).toBe(1);
    // A const belongs to the build (its code folded the new value).
    expect(vm.getGlobal('GREETING')).toBe('hello');
    expect(errorOf(() => vm.getGlobal('old_only')).code).toBe('USAGE');
    // A function value names its function; a changed one is fine.
    expect(vm.getGlobal('callback')).toEqual(new FnRef(fnIndex(b2, 'unused')));
    expect(vm.call((vm.getGlobal('callback') as FnRef).index)).toBe('two');
    finish(vm);
    // Init ran aside for `extra`, printing nothing.
    expect(save.rest).toEqual(['done 5 [10, 20, 30, 40, 50]']);
    expect(lines).toEqual(save.rest);
    expect(vm.tickCount).toBe(save.tick);
  });

  it('gives new globals their declared value, not the value of the game it loads into', () => {
    const vm = startVm(b2, []);
    vm.setGlobal('extra', 99);
    vm.restore(save.bytes);
    expect(vm.getGlobal('extra')).toBe(5);
  });

  it('a save of the same build restores everything without running init', () => {
    const lines: string[] = [];
    const vm = startVm(b1, lines);
    vm.tick();
    vm.setGlobal('made_by_init', 42);
    const bytes = vm.snapshot();
    const again = VM.fromSnapshot(b1, bytes, { seed: 3, print: (l) => lines.push(l) });
    expect(again.getGlobal('made_by_init')).toBe(42);
    expect(again.snapshot()).toEqual(bytes);
    expect(lines).toEqual(['init ran']);
  });

  it('refuses a build whose `loop` changed, naming it', () => {
    const err = errorOf(() => VM.fromSnapshot(build(BUILD_3), save.bytes));
    expect(err.code).toBe('SAVE_INCOMPATIBLE');
    expect(err.message).toBe('This save was made with an earlier version of the game and cannot be loaded: the script `loop` changed.');
  });

  it('refuses a build that lacks a function a value names, and one a frame stands in', () => {
    const noUnused = BUILD_1.replace('fn unused() { return "one" }', '').replace('callback = unused', 'callback = step');
    const err = errorOf(() => VM.fromSnapshot(build(noUnused), save.bytes));
    expect(err.message).toBe('This save was made with an earlier version of the game and cannot be loaded: the script `on start` changed, and the script `unused` no longer exists.');
  });

  it('leaves the VM untouched when it refuses', () => {
    const lines: string[] = [];
    const vm = startVm(build(BUILD_3), lines);
    vm.tick();
    const before = vm.snapshot();
    expect(errorOf(() => vm.restore(save.bytes)).code).toBe('SAVE_INCOMPATIBLE');
    expect(vm.snapshot()).toEqual(before);
    finish(vm);
    expect(lines).toEqual(['init ran', 'done 5 [10, 20, 30, 40, 50]']);
  });
});
