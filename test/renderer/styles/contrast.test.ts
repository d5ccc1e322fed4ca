import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Colours live in one file, tokens.css, so that every text/background pair the screens use can be
 * checked against WCAG AA here: 4.5:1 for text, 3:1 for the edges and rings of controls.
 */

const RENDERER_SRC = join(import.meta.dirname, '../../../renderer/src');
const TOKENS = join(RENDERER_SRC, 'styles/tokens.css');

function withoutComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

function readTokens(): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const match of withoutComments(readFileSync(TOKENS, 'utf8')).matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
    tokens.set(match[1], match[2].trim());
  }
  return tokens;
}

function rgbOf(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour);
  if (!hex) throw new Error(`${colour} is not a solid #rgb or #rrggbb colour`);
  const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance(colour: string): number {
  const [r, g, b] = rgbOf(colour).map((channel) => {
    const v = channel / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** [foreground, background] as the stylesheets pair them. */
const TEXT_PAIRS: [string, string][] = [
  ['--ink', '--bg'], ['--ink', '--panel'], ['--ink', '--surface-subtle'], ['--ink', '--surface-hover'],
  ['--ink', '--surface-highlight'], ['--ink', '--accent-soft'],
  ['--muted', '--bg'], ['--muted', '--panel'], ['--muted', '--surface-subtle'], ['--muted', '--neutral-soft'],
  ['--neutral-ink', '--neutral-soft'],
  // Links and back links sit on the page and on panels.
  ['--accent', '--bg'], ['--accent', '--panel'], ['--accent-hover', '--panel'], ['--accent-ink', '--accent'], ['--accent-ink', '--accent-hover'],
  ['--ok', '--panel'], ['--ok', '--ok-soft'], ['--ok-strong', '--ok-soft'],
  ['--warn', '--panel'], ['--warn', '--warn-soft'], ['--warn-strong', '--warn-soft'],
  ['--bad', '--panel'], ['--bad', '--bg'], ['--bad', '--bad-soft'], ['--bad', '--bad-faint'], ['--bad-strong', '--bad-soft'],
  ['--bad-ink', '--bad'], ['--bad-ink', '--bad-strong'],
  ['--info', '--panel'], ['--info', '--info-soft'], ['--info-strong', '--info-soft'],
  ['--sidebar-ink', '--sidebar-bg'], ['--sidebar-ink', '--sidebar-hover'], ['--sidebar-ink-strong', '--sidebar-current'],
  ['--sidebar-ink-strong', '--sidebar-hover'], ['--sidebar-ink-strong', '--sidebar-bg'],
];

/** Edges of controls and the focus ring must be seen against what is around them. */
const UI_PAIRS: [string, string][] = [
  ['--control-border', '--panel'], ['--control-border', '--surface-subtle'],
  ['--focus-ring', '--bg'], ['--focus-ring', '--panel'],
  ['--focus-ring-inverse', '--sidebar-bg'], ['--focus-ring-inverse', '--sidebar-current'],
  ['--accent', '--panel'], ['--bad', '--panel'],
];

describe('design tokens meet WCAG AA contrast', () => {
  const tokens = readTokens();
  const colour = (name: string) => {
    const value = tokens.get(name);
    if (!value) throw new Error(`tokens.css has no ${name}`);
    return value;
  };

  it('keeps the custom property names other screens already use', () => {
    for (const name of ['--bg', '--panel', '--ink', '--muted', '--line', '--accent', '--accent-ink', '--ok', '--warn', '--bad', '--info', '--radius']) {
      expect(tokens.has(name), name).toBe(true);
    }
  });

  it.each(TEXT_PAIRS)('text %s on %s reads at 4.5:1 or more', (fg, bg) => {
    expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(UI_PAIRS)('control edge %s on %s shows at 3:1 or more', (fg, bg) => {
    expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(3);
  });

  it('measures back links at more than the 4.28:1 they had', () => {
    expect(contrast('#1f6feb', '#f5f6f8')).toBeLessThan(4.5);
    expect(contrast(colour('--accent'), colour('--bg'))).toBeGreaterThan(5);
  });
});

const NAMED_COLOURS = new Set(
  `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown
burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred
darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink
deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold
goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush
lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey
lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow
lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin
navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise
palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue
saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow
springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen`.split(/\s+/),
);

function stylesheets(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return stylesheets(path);
    return name.endsWith('.css') ? [path] : [];
  });
}

/** The literal colours a stylesheet writes in its declaration values (selectors such as #root are not values). */
function literalColours(css: string): string[] {
  const found: string[] = [];
  for (const declaration of withoutComments(css).matchAll(/[\w-]+\s*:\s*([^;{}]+)[;}]/g)) {
    const value = declaration[1].replace(/'[^']*'|"[^"]*"/g, '');
    for (const m of value.matchAll(/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/gi)) found.push(m[0]);
    for (const m of value.matchAll(/(?<![\w-])[a-z]+(?![\w-])/gi)) if (NAMED_COLOURS.has(m[0].toLowerCase())) found.push(m[0]);
  }
  return found;
}

describe('colours are written only in tokens.css', () => {
  it('finds literal colours the way the check below does', () => {
    expect(literalColours('a { color: #fff; background: rgba(0,0,0,.2); border: 1px solid white; }')).toEqual(['#fff', 'rgba(', 'white']);
    expect(literalColours('#root .x { color: var(--ink); font-family: "Red Hat"; grid-area: main; }')).toEqual([]);
  });

  it('has no stylesheet under renderer/src other than tokens.css writing a literal colour', () => {
    const offenders = stylesheets(RENDERER_SRC)
      .filter((path) => path !== TOKENS)
      .map((path) => ({ file: relative(RENDERER_SRC, path), colours: literalColours(readFileSync(path, 'utf8')) }))
      .filter((entry) => entry.colours.length > 0);
    expect(offenders).toEqual([]);
  });
});
