/**
 * Where things go on screen. Rects are viewport coordinates {left, top, right, bottom}; results are
 * {left, top, width, height} for fixed-position elements. Pure.
 */

/** The part of `rect` inside `clip`, or null. */
export function clipRect(rect, clip) {
  const left = Math.max(rect.left, clip.left);
  const top = Math.max(rect.top, clip.top);
  const right = Math.min(rect.right, clip.right);
  const bottom = Math.min(rect.bottom, clip.bottom);
  return right > left && bottom > top ? { left, top, right, bottom } : null;
}

/**
 * One mark per line box of a span, clipped to the editor's visible box: the caller tints it and
 * draws the underline along its bottom edge.
 */
export function spanMarks(rects, clip) {
  const marks = [];
  for (const rect of rects) {
    const visible = rect.right - rect.left > 0.5 ? clipRect(rect, clip) : null;
    if (!visible) continue;
    const same = marks.find((m) => Math.abs(m.top - visible.top) < 1 && Math.abs(m.top + m.height - visible.bottom) < 1);
    if (same) {
      const right = Math.max(same.left + same.width, visible.right);
      same.left = Math.min(same.left, visible.left);
      same.width = right - same.left;
    } else {
      marks.push({ left: visible.left, top: visible.top, width: visible.right - visible.left, height: visible.bottom - visible.top });
    }
  }
  return marks;
}

/** The badge sits inside the editor's bottom-right corner. */
export function badgePosition(box, badge, inset = 6) {
  return { left: box.right - badge.width - inset, top: box.bottom - badge.height - inset };
}

/**
 * The panel opens beside the editor when the viewport has room (so the site's Post button stays
 * visible), else below it, else above it; it always stays inside the viewport.
 */
export function panelPosition(box, panel, viewport, gap = 8) {
  const clamp = (value, min, max) => Math.max(min, Math.min(value, max));
  const clampTop = (top) => clamp(top, gap, Math.max(gap, viewport.height - panel.height - gap));
  if (box.right + gap + panel.width <= viewport.width - gap) return { left: box.right + gap, top: clampTop(box.top) };
  if (box.left - gap - panel.width >= gap) return { left: box.left - gap - panel.width, top: clampTop(box.top) };
  const below = box.bottom + gap;
  const above = box.top - gap - panel.height;
  return {
    left: clamp(box.right - panel.width, gap, viewport.width - panel.width - gap),
    top: clampTop(below + panel.height <= viewport.height - gap || above < gap ? below : above),
  };
}
