// Speaker colours: a colour-blind-safe palette (Okabe-Ito, plus two), then golden-angle hues for more speakers.
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8E6C8A', '#7F7F00'];
const UNATTRIBUTED = '#8a8f98';

export function colorAt(index) {
  return index < PALETTE.length ? PALETTE[index] : `hsl(${Math.round((index * 137.508) % 360)} 60% 42%)`;
}

/** Assigns each distinct speaker id a colour in order of first appearance; null (no speaker) is grey. */
export function speakerColors(speakerIds) {
  const colors = new Map([[null, UNATTRIBUTED]]);
  for (const id of speakerIds) {
    if (!colors.has(id ?? null)) {
      colors.set(id, colorAt(colors.size - 1));
    }
  }
  return colors;
}
