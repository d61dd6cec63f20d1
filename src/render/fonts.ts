/**
 * Fonts for every picture. DejaVu Sans covers Latin and Cyrillic; it is registered from its
 * files under a family name of our own, so the output does not change with whatever system
 * fonts appear later (and labels never render as boxes when fontconfig finds nothing).
 */
import { existsSync } from 'node:fs';
import { registerFont } from 'canvas';

/** The family name every picture uses. */
export const FONT_FAMILY = 'Gradbot Sans';

const DIR = '/usr/share/fonts/truetype/dejavu';

let registered = false;

/** Registers DejaVu Sans regular and bold once per process (before the first canvas). */
export function ensureFonts(): void {
  if (registered) return;
  registered = true;
  const regular = `${DIR}/DejaVuSans.ttf`;
  const bold = `${DIR}/DejaVuSans-Bold.ttf`;
  // A machine without fonts-dejavu-core still renders (with fontconfig's fallback) rather
  // than failing every picture; SETUP.md says which package to install.
  if (existsSync(regular)) registerFont(regular, { family: FONT_FAMILY });
  if (existsSync(bold)) registerFont(bold, { family: FONT_FAMILY, weight: 'bold' });
}

/** A CSS font string in our family, e.g. `font(18, true)` -> "bold 18px 'Gradbot Sans'". */
export function font(sizePx: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${sizePx}px '${FONT_FAMILY}'`;
}
