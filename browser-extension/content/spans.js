/**
 * Findings and their spans, in UTF-16 code units (JavaScript string indices): the service's
 * `span_utf16`. Pure functions; the editor applies the results.
 */

const RANK = { suggestion: 0, warning: 1, error: 2 };

/** @param {import('../shared/protocol.js').Finding} finding */
export const spanOf = (finding) => finding.span_utf16;

export function replaceSpan(text, span, replacement) {
  return text.slice(0, span.start) + replacement + text.slice(span.end);
}

/** The flagged words with a little context either side, for the panel. */
export function excerpt(text, span, radius = 40) {
  const from = Math.max(0, span.start - radius);
  const to = Math.min(text.length, span.end + radius);
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, span.start).trimStart(),
    text: text.slice(span.start, span.end),
    after: text.slice(span.end, to).trimEnd() + (to < text.length ? '…' : ''),
  };
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/**
 * The findings left after `span` was replaced by `length` code units: overlapping ones are gone,
 * later ones move by the change in length.
 */
export function shiftFindings(findings, span, length) {
  const delta = length - (span.end - span.start);
  return findings
    .filter((f) => !overlaps(spanOf(f), span))
    .map((f) => {
      const s = spanOf(f);
      return s.start >= span.end ? { ...f, span_utf16: { start: s.start + delta, end: s.end + delta } } : f;
    });
}

/**
 * Carry findings over an edit from `before` to `after`: the changed region is found by common
 * prefix and suffix; findings inside it are dropped, findings after it move.
 */
export function rebase(findings, before, after) {
  if (before === after) return findings;
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before[prefix] === after[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < shortest - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix += 1;
  return shiftFindings(findings, { start: prefix, end: before.length - suffix }, after.length - suffix - prefix);
}

/** Findings with a fix, last span first, skipping any that overlap one already chosen. */
export function fixesInApplyOrder(findings) {
  const chosen = [];
  const sorted = findings.filter((f) => f.fix).sort((a, b) => spanOf(b).start - spanOf(a).start);
  for (const finding of sorted) {
    if (!chosen.some((c) => overlaps(spanOf(c), spanOf(finding)))) chosen.push(finding);
  }
  return chosen;
}

/** Apply every non-overlapping fix to the text at once. */
export function applyAllFixes(text, findings) {
  return fixesInApplyOrder(findings).reduce((t, f) => replaceSpan(t, spanOf(f), f.fix.replacement), text);
}

export function maxLevel(findings) {
  return findings.reduce((max, f) => (max === null || RANK[f.level] > RANK[max] ? f.level : max), null);
}

/** Findings at warning or error hold a post until the teacher decides. */
export function holdsPost(findings) {
  return findings.some((f) => RANK[f.level] >= RANK.warning);
}

/** Findings in reading order. */
export function inTextOrder(findings) {
  return [...findings].sort((a, b) => spanOf(a).start - spanOf(b).start || RANK[b.level] - RANK[a.level]);
}

/** Rule codes the teacher edited away: in the last report, not in this one, not removed by Apply. */
export function editedCodes(beforeCodes, afterCodes, appliedCodes) {
  return [...new Set(beforeCodes)].filter((code) => !afterCodes.includes(code) && !appliedCodes.has(code));
}
