// Sign faces painted with the 2D canvas API from a SIGNS entry (src/content/props.ts): the family
// (category + shape) decides background, border and symbol colour; the symbol is drawn with simple
// paths. Pure drawing on a context: no DOM access here (signTexture.ts owns canvases and textures),
// so every sign can be painted in tests against a recording context.
import { SIGNS, type SignDef } from '../../content/props.ts';

/** The CSS font family the page loads from /fonts/hall-sc.woff (CJK sign text: 停, 让). */
export const SIGN_FONT_FAMILY = 'Hall Sans';
const FONT_STACK = `"${SIGN_FONT_FAMILY}", sans-serif`;

export const GB = {
  red: '#d2232a',
  yellow: '#f6c700',
  blue: '#1c55b5',
  green: '#137b3c',
  black: '#141414',
  white: '#ffffff',
} as const;

/** The subset of CanvasRenderingContext2D the painters use (a recording fake satisfies it in tests). */
export type Paint2D = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'closePath'
  | 'moveTo'
  | 'lineTo'
  | 'arc'
  | 'ellipse'
  | 'rect'
  | 'fill'
  | 'stroke'
  | 'fillRect'
  | 'clearRect'
  | 'fillText'
  | 'translate'
  | 'scale'
  | 'rotate'
  | 'clip'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineCap'
  | 'lineJoin'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
>;

/** A symbol painter draws in a 100 × 100 box centred on the origin (y down), in `ink`. */
export type SymbolPainter = (ctx: Paint2D, ink: string) => void;

/** Face size in metres (width, height) per shape: GB 5768 sizes for urban roads, rounded. */
export function signFaceSize(def: SignDef): { w: number; h: number } {
  switch (def.shape) {
    case 'triangle':
    case 'inverted-triangle':
      return { w: 0.9, h: 0.9 };
    case 'rectangle':
      return def.category === 'guide' ? { w: 1.6, h: 1.0 } : { w: 0.8, h: 0.8 };
    default:
      return { w: 0.8, h: 0.8 };
  }
}

/** Canvas pixel size for a face: 256 px per 0.8 m, powers of two (mipmaps). */
export function signCanvasSize(def: SignDef): { w: number; h: number } {
  const { w, h } = signFaceSize(def);
  return w > h ? { w: 512, h: 256 } : { w: 256, h: 256 };
}

// ---------------------------------------------------------------- outline paths (canvas px)
/** Vertices of the face outline in canvas px; circles return null (drawn with arc). */
export function outline(shape: SignDef['shape'], w: number, h: number): [number, number][] | null {
  const cx = w / 2;
  const cy = h / 2;
  const r = Math.min(w, h) / 2 - 2;
  switch (shape) {
    case 'circle':
      return null;
    case 'octagon':
      return Array.from({ length: 8 }, (_, i) => {
        const a = Math.PI / 8 + (i * Math.PI) / 4;
        return [cx + Math.cos(a) * r, cy + Math.sin(a) * r];
      });
    case 'triangle': {
      // equilateral, apex up, spanning the width
      const side = w - 4;
      const th = (side * Math.sqrt(3)) / 2;
      const top = (h - th) / 2;
      return [
        [cx, top],
        [w - 2, top + th],
        [2, top + th],
      ];
    }
    case 'inverted-triangle': {
      const side = w - 4;
      const th = (side * Math.sqrt(3)) / 2;
      const top = (h - th) / 2;
      return [
        [2, top],
        [w - 2, top],
        [cx, top + th],
      ];
    }
    case 'rectangle':
      return [
        [2, 2],
        [w - 2, 2],
        [w - 2, h - 2],
        [2, h - 2],
      ];
  }
}

function pathPoly(ctx: Paint2D, pts: [number, number][]) {
  ctx.beginPath();
  pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.closePath();
}

/** Polygon shrunk towards its centroid by `inset` px (good enough for convex sign outlines). */
function inset(pts: [number, number][], by: number): [number, number][] {
  const cx = pts.reduce((a, p) => a + p[0], 0) / pts.length;
  const cy = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  // distance from centroid to the nearest edge (inradius for regular shapes)
  let rin = Infinity;
  for (let i = 0; i < pts.length; i++) {
    const [x1, y1] = pts[i]!;
    const [x2, y2] = pts[(i + 1) % pts.length]!;
    const d = Math.abs((x2 - x1) * (y1 - cy) - (x1 - cx) * (y2 - y1)) / Math.hypot(x2 - x1, y2 - y1);
    rin = Math.min(rin, d);
  }
  const k = (rin - by) / rin;
  return pts.map(([x, y]) => [cx + (x - cx) * k, cy + (y - cy) * k]);
}

function centroid(pts: [number, number][]): [number, number] {
  return [pts.reduce((a, p) => a + p[0], 0) / pts.length, pts.reduce((a, p) => a + p[1], 0) / pts.length];
}

// ---------------------------------------------------------------- symbols (100 × 100 box, y down)
function stroke(ctx: Paint2D, ink: string, width: number, pts: [number, number][]) {
  ctx.strokeStyle = ink;
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.stroke();
}

function dot(ctx: Paint2D, ink: string, x: number, y: number, r: number) {
  ctx.fillStyle = ink;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
}

function fillPoly(ctx: Paint2D, ink: string, pts: [number, number][]) {
  ctx.fillStyle = ink;
  pathPoly(ctx, pts);
  ctx.fill();
}

/** A walking figure facing right, `s` = scale (1 = 100 px tall), feet at y = 50·s below its origin. */
function walker(ctx: Paint2D, ink: string, ox = 0, oy = 0, s = 1) {
  const P = (x: number, y: number): [number, number] => [ox + x * s, oy + y * s];
  dot(ctx, ink, ...P(4, -38), 9 * s);
  stroke(ctx, ink, 11 * s, [P(2, -24), P(-2, 6)]); // torso
  stroke(ctx, ink, 8 * s, [P(-2, 6), P(14, 22), P(16, 44)]); // front leg
  stroke(ctx, ink, 8 * s, [P(-2, 6), P(-10, 26), P(-22, 42)]); // back leg
  stroke(ctx, ink, 7 * s, [P(2, -20), P(16, -6), P(24, 4)]); // front arm
  stroke(ctx, ink, 7 * s, [P(0, -20), P(-12, -6), P(-18, 6)]); // back arm
}

function wheelPair(ctx: Paint2D, ink: string, r: number, lx: number, rx: number, y: number, w: number) {
  ctx.strokeStyle = ink;
  ctx.lineWidth = w;
  for (const x of [lx, rx]) {
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.stroke();
  }
}

function arrow(ctx: Paint2D, ink: string, angle: number, len = 70, shaft = 14) {
  ctx.save();
  ctx.rotate(angle);
  // pointing up (−y) before rotation
  const head = 24;
  fillPoly(ctx, ink, [
    [-shaft / 2, len / 2],
    [-shaft / 2, -len / 2 + head],
    [-head, -len / 2 + head],
    [0, -len / 2],
    [head, -len / 2 + head],
    [shaft / 2, -len / 2 + head],
    [shaft / 2, len / 2],
  ]);
  ctx.restore();
}

export const SYMBOLS: Record<string, SymbolPainter> = {
  pedestrian: (ctx, ink) => walker(ctx, ink, 0, 2, 1.05),
  children: (ctx, ink) => {
    walker(ctx, ink, -14, 2, 1.0);
    walker(ctx, ink, 22, 16, 0.7);
  },
  bicycle: (ctx, ink) => {
    wheelPair(ctx, ink, 19, -26, 26, 18, 6);
    stroke(ctx, ink, 6, [
      [-26, 18],
      [-6, -10],
      [20, -10],
      [26, 18],
    ]);
    stroke(ctx, ink, 6, [
      [-6, -10],
      [2, 18],
      [20, -10],
    ]);
    stroke(ctx, ink, 6, [
      [-10, -20],
      [-6, -10],
    ]); // seat post
    stroke(ctx, ink, 7, [
      [-18, -21],
      [-2, -21],
    ]); // saddle
    stroke(ctx, ink, 6, [
      [20, -10],
      [16, -26],
      [26, -28],
    ]); // stem + bar
  },
  ebike: (ctx, ink) => {
    wheelPair(ctx, ink, 16, -28, 28, 22, 6);
    // step-through body with the battery under the seat
    fillPoly(ctx, ink, [
      [-34, 8],
      [-6, 8],
      [8, 16],
      [18, -22],
      [24, -20],
      [14, 22],
      [-6, 22],
      [-30, 18],
    ]);
    fillPoly(ctx, ink, [
      [-30, -4],
      [-6, -4],
      [-8, 4],
      [-28, 4],
    ]); // seat
    stroke(ctx, ink, 6, [
      [21, -22],
      [12, -32],
      [30, -34],
    ]); // handlebar
  },
  'arrow-up': (ctx, ink) => arrow(ctx, ink, 0, 76, 16),
  'arrow-left': (ctx, ink) => {
    // turn-left arrow: a stem coming up from below, bending to the left, head pointing left
    stroke(ctx, ink, 15, [
      [16, 40],
      [16, -4],
      [-8, -4],
    ]);
    fillPoly(ctx, ink, [
      [-6, -24],
      [-36, -4],
      [-6, 16],
    ]);
  },
  arrows: (ctx, ink) => {
    // junction guide (drawn in a 2:1 face, the box stretched by the caller): a road from below
    // that reaches a cross street, arrows straight on, left and right
    ctx.fillStyle = ink;
    ctx.fillRect(-7, -6, 14, 46);
    ctx.fillRect(-44, -6, 88, 14);
    fillPoly(ctx, ink, [
      [-16, -6],
      [0, -34],
      [16, -6],
    ]);
    fillPoly(ctx, ink, [
      [-42, -15],
      [-60, 1],
      [-42, 17],
    ]);
    fillPoly(ctx, ink, [
      [42, -15],
      [60, 1],
      [42, 17],
    ]);
  },
  horn: (ctx, ink) => {
    fillPoly(ctx, ink, [
      [-30, -8],
      [-14, -8],
      [22, -30],
      [22, 30],
      [-14, 8],
      [-30, 8],
    ]);
    stroke(ctx, ink, 5, [
      [30, -16],
      [36, 0],
      [30, 16],
    ]);
  },
  signal: (ctx, ink) => {
    ctx.fillStyle = ink;
    ctx.beginPath();
    ctx.rect(-14, -36, 28, 72);
    ctx.fill();
    dot(ctx, GB.red, 0, -22, 9);
    dot(ctx, GB.yellow, 0, 0, 9);
    dot(ctx, '#1fa34a', 0, 22, 9);
  },
  'cross-junction': (ctx, ink) => {
    fillPoly(ctx, ink, [
      [-8, -40],
      [8, -40],
      [8, -8],
      [40, -8],
      [40, 8],
      [8, 8],
      [8, 40],
      [-8, 40],
      [-8, 8],
      [-40, 8],
      [-40, -8],
      [-8, -8],
    ]);
  },
  'pedestrian-crossing': (ctx) => {
    // white triangle, black figure crossing over zebra stripes
    fillPoly(ctx, GB.white, [
      [0, -44],
      [44, 36],
      [-44, 36],
    ]);
    ctx.fillStyle = GB.black;
    for (let i = 0; i < 5; i++) ctx.fillRect(-30 + i * 13, 26, 8, 7);
    walker(ctx, GB.black, 0, 2, 0.5);
  },
  bar: (ctx, ink) => {
    ctx.fillStyle = ink;
    ctx.fillRect(-36, -9, 72, 18);
  },
  cross: (ctx, ink) => {
    stroke(ctx, ink, 9, [
      [-28, -28],
      [28, 28],
    ]);
    stroke(ctx, ink, 9, [
      [28, -28],
      [-28, 28],
    ]);
  },
};

/** Modifiers after '+' in a symbol name. */
const MODIFIERS = ['slash'] as const;

export interface ParsedSymbol {
  base: string;
  text: string | null;
  slash: boolean;
}

export function parseSymbol(symbol: string): ParsedSymbol {
  const [base = '', ...mods] = symbol.split('+');
  return { base, text: base.startsWith('text:') ? base.slice(5) : null, slash: mods.includes('slash') };
}

/** Whether the kit can paint `symbol`: a known painter or text, and only known modifiers. */
export function canPaintSymbol(symbol: string): boolean {
  const [base = '', ...mods] = symbol.split('+');
  if (!mods.every((m) => (MODIFIERS as readonly string[]).includes(m))) return false;
  if (base.startsWith('text:')) return base.length > 5;
  return base in SYMBOLS;
}

/** Text that needs the page's CJK font (anything beyond ASCII). */
export function needsCjkFont(def: SignDef): boolean {
  const { text } = parseSymbol(def.symbol);
  return text != null && /[^\x20-\x7e]/.test(text);
}

interface Scheme {
  /** background inside the border */
  fill: string;
  /** border band colour and width (fraction of the face's smaller side) */
  border: string;
  borderWidth: number;
  /** thin rim outside the border (white rim on coloured signs) */
  rim?: string;
  ink: string;
  slash: string;
}

function scheme(def: SignDef): Scheme {
  const s = parseSymbol(def.symbol);
  if (def.shape === 'octagon') return { fill: GB.red, border: GB.white, borderWidth: 0.035, rim: GB.red, ink: GB.white, slash: GB.red };
  if (def.shape === 'inverted-triangle') return { fill: GB.white, border: GB.red, borderWidth: 0.09, ink: GB.black, slash: GB.red };
  switch (def.category) {
    case 'warning':
      return { fill: GB.yellow, border: GB.black, borderWidth: 0.06, rim: GB.yellow, ink: GB.black, slash: GB.red };
    case 'prohibition':
      if (s.base === 'bar') return { fill: GB.red, border: GB.red, borderWidth: 0.02, rim: GB.white, ink: GB.white, slash: GB.red };
      if (s.base === 'cross') return { fill: GB.blue, border: GB.red, borderWidth: 0.1, rim: GB.white, ink: GB.red, slash: GB.red };
      return { fill: GB.white, border: GB.red, borderWidth: 0.1, ink: GB.black, slash: GB.red };
    case 'indication':
      return { fill: GB.blue, border: GB.white, borderWidth: 0.025, rim: GB.blue, ink: GB.white, slash: GB.red };
    case 'guide':
      return { fill: GB.blue, border: GB.white, borderWidth: 0.025, rim: GB.blue, ink: GB.white, slash: GB.red };
  }
}

/**
 * Paints `def` onto a `w` × `h` px context (transparent outside the outline). Throws for a symbol
 * the kit cannot paint, so a new SIGNS entry without a painter fails the unit test.
 */
export function paintSignFace(ctx: Paint2D, def: SignDef, w: number, h: number): void {
  if (!canPaintSymbol(def.symbol)) throw new Error(`sign symbol "${def.symbol}" has no painter (src/three/props/signFace.ts)`);
  const sc = scheme(def);
  const sym = parseSymbol(def.symbol);
  const side = Math.min(w, h);
  const bw = sc.borderWidth * side;
  ctx.clearRect(0, 0, w, h);
  ctx.save();
  const pts = outline(def.shape, w, h);
  let cx = w / 2;
  let cy = h / 2;
  let inner = side / 2;
  if (pts) {
    // rim, border band, background
    const layers: [string, [number, number][]][] = [];
    if (sc.rim) layers.push([sc.rim, pts], [sc.border, inset(pts, 4)], [sc.fill, inset(pts, 4 + bw)]);
    else layers.push([sc.border, pts], [sc.fill, inset(pts, bw)]);
    for (const [color, p] of layers) fillPoly(ctx, color, p);
    [cx, cy] = centroid(pts);
    if (def.shape === 'triangle') cy += side * 0.04;
    if (def.shape === 'inverted-triangle') cy -= side * 0.06;
    inner = def.shape === 'rectangle' ? side / 2 - bw : def.shape === 'octagon' ? side / 2 - bw - 4 : side * 0.26;
  } else {
    const r = side / 2 - 2;
    const ring = (color: string, radius: number) => {
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.arc(cx, cy, radius, 0, Math.PI * 2);
      ctx.fill();
    };
    if (sc.rim) {
      ring(sc.rim, r);
      ring(sc.border, r - 3);
      ring(sc.fill, r - 3 - bw);
      inner = r - 3 - bw;
    } else {
      ring(sc.border, r);
      ring(sc.fill, r - bw);
      inner = r - bw;
    }
  }

  // symbol, in a box scaled so that 100 units fill ~80 % of the space inside the border
  ctx.save();
  ctx.translate(cx, cy);
  if (sym.text != null) {
    const n = [...sym.text].length;
    const px = Math.round(inner * (n > 1 ? 1.1 : 1.3));
    ctx.fillStyle = sc.ink;
    ctx.font = `bold ${px}px ${FONT_STACK}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(sym.text, 0, px * 0.04);
  } else {
    const k = (inner * 1.6) / 100;
    if (sym.base === 'arrows' && w > h) ctx.scale(k * 1.25, k);
    else ctx.scale(k, k);
    SYMBOLS[sym.base]!(ctx, sc.ink);
  }
  ctx.restore();

  if (sym.slash) {
    // red slash from upper left to lower right (GB 5768), inside the ring
    ctx.save();
    ctx.translate(cx, cy);
    ctx.rotate(Math.PI / 4);
    ctx.fillStyle = sc.slash;
    ctx.fillRect(-inner, -bw * 0.42, inner * 2, bw * 0.84);
    ctx.restore();
  }
  ctx.restore();
}

/** Paint by sign id (from SIGNS). */
export function paintSign(ctx: Paint2D, signId: string, w: number, h: number): void {
  const def = SIGNS[signId];
  if (!def) throw new Error(`unknown sign "${signId}"`);
  paintSignFace(ctx, def, w, h);
}
