// The player imports Howler's core build straight from its source file (no
// spatial plugin, and the build strips its window globals); its types are
// @types/howler's.
declare module 'howler/src/howler.core.js' {
  export { Howl, Howler } from 'howler';
}
