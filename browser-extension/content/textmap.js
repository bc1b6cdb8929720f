/**
 * The text of a contenteditable editor as one string, and the way back from a UTF-16 offset in
 * that string to a DOM position. The walk produces segments; locating is pure.
 *
 * A segment is either {node, start, length} for a text node or {node: null, start, length: 1} for
 * a line break the editor shows with an element (<br>, a new block).
 * @typedef {{node: any, start: number, length: number}} Segment
 */

/**
 * The DOM position for an offset: inside a text node, or at a break (then the position just
 * before it, at the end of the previous text, or the start of the next).
 * @param {Segment[]} segments
 * @param {number} offset
 * @returns {{segment: number, offset: number}|null} index into segments and offset in that node
 */
export function locate(segments, offset) {
  const texts = segments.map((s, i) => ({ ...s, index: i })).filter((s) => s.node !== null);
  if (!texts.length) return null;
  const inside = texts.find((s) => offset >= s.start && offset <= s.start + s.length);
  if (inside) return { segment: inside.index, offset: offset - inside.start };
  const next = texts.find((s) => s.start > offset);
  if (next) return { segment: next.index, offset: 0 };
  const last = texts[texts.length - 1];
  return { segment: last.index, offset: last.length };
}

