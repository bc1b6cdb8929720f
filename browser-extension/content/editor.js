/**
 * Reading and editing a compose box, textarea or contenteditable, in UTF-16 offsets. Edits go
 * through the browser's own editing command so the site's editor sees a normal, undoable input.
 */
import { locate } from './textmap.js';

const BLOCKS = new Set(['DIV', 'P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR']);

export const isTextField = (element) => element.tagName === 'TEXTAREA' || element.tagName === 'INPUT';

/** A contenteditable's text as the teacher sees it, and its text-node segments. */
export function walk(root) {
  const segments = [];
  let text = '';
  const lineBreak = () => {
    segments.push({ node: null, start: text.length, length: 1 });
    text += '\n';
  };
  const visit = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        segments.push({ node: child, start: text.length, length: child.data.length });
        text += child.data;
      } else if (child.nodeName === 'BR') {
        lineBreak();
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (BLOCKS.has(child.nodeName) && text.length && !text.endsWith('\n')) lineBreak();
        visit(child);
      }
    }
  };
  visit(root);
  return { text, segments };
}

export function readText(element) {
  return isTextField(element) ? element.value : walk(element).text;
}

/** A DOM Range over a span of a contenteditable's text. */
export function rangeFor(element, span) {
  const { segments } = walk(element);
  const start = locate(segments, span.start);
  const end = locate(segments, span.end);
  const range = element.ownerDocument.createRange();
  if (!start || !end) {
    range.selectNodeContents(element);
    range.collapse(false);
    return range;
  }
  range.setStart(segments[start.segment].node, start.offset);
  range.setEnd(segments[end.segment].node, end.offset);
  return range;
}

function select(element, span) {
  element.focus();
  if (isTextField(element)) {
    element.setSelectionRange(span.start, span.end);
    return;
  }
  const selection = element.ownerDocument.getSelection();
  selection.removeAllRanges();
  selection.addRange(rangeFor(element, span));
}

/**
 * Replace exactly `span` with `replacement`, as if the teacher typed it.
 * @returns {boolean} whether the text now reads as intended
 */
export function replaceSpan(element, span, replacement) {
  const before = readText(element);
  const expected = before.slice(0, span.start) + replacement + before.slice(span.end);
  select(element, span);
  element.ownerDocument.execCommand('insertText', false, replacement);
  if (isTextField(element) && element.value !== expected) {
    element.setRangeText(replacement, span.start, span.end, 'end');
    element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
  }
  return readText(element) === expected;
}
