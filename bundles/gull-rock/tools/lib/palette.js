// The game's sixteen colours. Every drawing takes its colours from here
// (mixing two of them for a shade), which keeps the rooms, people and items
// of a piece. Dawn on a northern island: peach and rose sky, teal sea, fog.

export const P = {
  ink: '#241c2c', // outlines
  plum: '#4a3a5c', // deep shadow
  lilac: '#8a7aa6', // distance, shadow
  fog: '#d8d0e2', // fog, highlights
  cream: '#f6eedc', // whitewash, paper
  peach: '#f7c59f', // dawn sky
  rose: '#e98a7e', // sky, cheeks
  red: '#c0463f', // lighthouse stripes, hats
  gold: '#f5c84c', // lamplight, brass, oilskins
  brown: '#9a6440', // wood
  bark: '#5e3d2e', // dark wood, hair
  teal: '#4f8f92', // sea
  navy: '#2e4a6b', // deep sea, wool jumpers
  moss: '#7f9c5c', // grass
  stone: '#8c8c96', // rock
  skin: '#f2c7a0',
};
