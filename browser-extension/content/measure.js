/**
 * Where a span of a compose box's text is on screen: Range rects for contenteditable, and for a
 * textarea a hidden mirror (in our own shadow root, never in the page's editor) laid out the same.
 */
import { isTextField, rangeFor } from './editor.js';

const MIRRORED = [
  'boxSizing', 'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontSize', 'fontFamily', 'lineHeight',
  'letterSpacing', 'wordSpacing', 'textAlign', 'textTransform', 'textIndent', 'tabSize', 'direction',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
];

function textareaRects(textarea, span, scratch) {
  const style = getComputedStyle(textarea);
  const box = textarea.getBoundingClientRect();
  const mirror = document.createElement('div');
  for (const property of MIRRORED) mirror.style[property] = style[property];
  Object.assign(mirror.style, {
    position: 'fixed', visibility: 'hidden', left: `${box.left}px`, top: `${box.top}px`,
    boxSizing: 'content-box', borderStyle: 'solid', borderColor: 'transparent',
    width: `${textarea.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)}px`,
    whiteSpace: 'pre-wrap', overflowWrap: 'break-word', wordBreak: style.wordBreak, overflow: 'hidden',
  });
  const mark = document.createElement('span');
  mark.textContent = textarea.value.slice(span.start, span.end);
  mirror.append(textarea.value.slice(0, span.start), mark, `${textarea.value.slice(span.end)}\u200b`);
  scratch.append(mirror);
  const origin = mirror.getBoundingClientRect();
  const dx = box.left - origin.left - textarea.scrollLeft;
  const dy = box.top - origin.top - textarea.scrollTop;
  const rects = [...mark.getClientRects()].map((r) => ({ left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy }));
  mirror.remove();
  return rects;
}

/** The viewport rects of a span, one per line box. */
export function spanRects(element, span, scratch) {
  return isTextField(element) ? textareaRects(element, span, scratch) : [...rangeFor(element, span).getClientRects()];
}

/** The part of the compose box where text shows (inside its borders). */
export function visibleBox(element) {
  const box = element.getBoundingClientRect();
  return { left: box.left + element.clientLeft, top: box.top + element.clientTop, right: box.left + element.clientLeft + element.clientWidth, bottom: box.top + element.clientTop + element.clientHeight };
}
