// Cuts an article's text into segments at every span boundary, so overlapping spans (a speaker mention inside
// a statement, the cue beside it) can be drawn without nesting rules.

/**
 * @param text  the article text (span offsets are UTF-16 code units, as JavaScript strings count)
 * @param spans [{start, end, ...}] in any order; out-of-range offsets are clamped, empty spans ignored
 * @returns [{start, end, text, spans}] covering the whole text in order; `spans` are those covering the segment
 */
export function segments(text, spans) {
  const valid = spans
    .map((span) => ({ ...span, start: clamp(span.start, text.length), end: clamp(span.end, text.length) }))
    .filter((span) => span.end > span.start);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b);
  const result = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    result.push({ start, end, text: text.slice(start, end), spans: valid.filter((s) => s.start <= start && s.end >= end) });
  }
  return result;
}

const clamp = (offset, length) => Math.max(0, Math.min(length, offset ?? 0));
