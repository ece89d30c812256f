/// <reference lib="dom" />
import type { Locator } from 'playwright-core';

// WCAG contrast of an element's text against its own background, as the browser computed them (for states axe does
// not see, e.g. under the pointer). Opaque colours only: the console's backgrounds are.

const channels = (css: string): number[] => {
  const match = /rgba?\(([^)]+)\)/.exec(css);
  if (!match) throw new Error(`not an rgb colour: ${css}`);
  return match[1]
    .split(',')
    .slice(0, 3)
    .map((v) => Number(v.trim()) / 255);
};

const luminance = (css: string): number => {
  const [r, g, b] = channels(css).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** The contrast ratio (1 to 21) of the element's text colour on its background colour. */
export async function textContrast(element: Locator): Promise<{ ratio: number; color: string; background: string }> {
  const { color, background } = await element.evaluate((el) => {
    const style = getComputedStyle(el);
    return { color: style.color, background: style.backgroundColor };
  });
  const [light, dark] = [luminance(color), luminance(background)].sort((a, b) => b - a);
  return { ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100, color, background };
}
