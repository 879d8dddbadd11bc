import type { BufferGeometry } from 'three';
import { Color } from 'three';
import { describe, expect, it } from 'vitest';
import { PROP_IDS, SIGNS } from '../../content/props.ts';
import { isSignProp, PROP_MODELS, propGeometry } from './catalog.ts';
import { C } from './palette.ts';
import { triangleCount } from './parts.ts';
import { Prop } from './Prop.tsx';
import { canPaintSymbol, type Paint2D, paintSign, signFaceSize } from './signFace.ts';
import { SignPost } from './SignPost.tsx';

/** A 2D context that records calls and accepts any property: enough to run the painters in Node. */
function recordingContext() {
  const calls: string[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get(target, key: string) {
      if (key in target) return target[key];
      return (...args: unknown[]) => {
        for (const a of args) if (typeof a === 'number' && !Number.isFinite(a)) throw new Error(`${key} got ${a}`);
        calls.push(key);
      };
    },
    set(target, key: string, value) {
      target[key] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as Paint2D, calls };
}

function size(g: BufferGeometry) {
  const b = g.boundingBox!;
  return { x: b.max.x - b.min.x, y: b.max.y - b.min.y, z: b.max.z - b.min.z, box: b };
}

/** Vertices whose colour is `hex` (vertex colours are linear). */
function verticesOfColour(g: BufferGeometry, hex: string): { x: number; y: number; z: number }[] {
  const want = new Color(hex);
  const p = g.getAttribute('position');
  const c = g.getAttribute('color');
  const out = [];
  for (let i = 0; i < p.count; i++)
    if (Math.abs(c.getX(i) - want.r) < 1e-4 && Math.abs(c.getY(i) - want.g) < 1e-4 && Math.abs(c.getZ(i) - want.b) < 1e-4) out.push({ x: p.getX(i), y: p.getY(i), z: p.getZ(i) });
  return out;
}

describe('prop catalogue coverage', () => {
  it('has a model for every PROP_IDS entry and nothing else', () => {
    expect(Object.keys(PROP_MODELS).sort()).toEqual([...PROP_IDS].sort());
  });

  it.each(PROP_IDS)('%s builds a small vertex-coloured body standing on the ground', (id) => {
    const g = propGeometry(id)!;
    expect(g.getAttribute('color').count).toBe(g.getAttribute('position').count);
    expect(triangleCount(g)).toBeGreaterThan(10);
    expect(triangleCount(g)).toBeLessThan(4000);
    expect(g.boundingBox!.min.y).toBeGreaterThanOrEqual(-1e-6);
    expect(g.boundingBox!.min.y).toBeLessThan(0.05);
  });

  it('dispatches every id to its component, signs to SignPost', () => {
    for (const id of PROP_IDS) expect((Prop({ id }) as { type: unknown }).type).toBe(PROP_MODELS[id].Component);
    for (const sign of Object.keys(SIGNS)) {
      expect(isSignProp(`sign:${sign}`)).toBe(true);
      expect((Prop({ id: `sign:${sign}` }) as { type: unknown }).type).toBe(SignPost);
    }
    expect(Prop({ id: 'sign:nope' })).toBeNull();
    expect(Prop({ id: 'unicorn' })).toBeNull();
  });
});

describe('sign faces', () => {
  it.each(Object.keys(SIGNS))('%s has a painter and paints without errors', (id) => {
    const def = SIGNS[id]!;
    expect(canPaintSymbol(def.symbol)).toBe(true);
    const { ctx, calls } = recordingContext();
    const { w, h } = signFaceSize(def);
    paintSign(ctx, id, w > h ? 512 : 256, 256);
    expect(calls.filter((c) => c === 'fill' || c === 'fillRect' || c === 'fillText' || c === 'stroke').length).toBeGreaterThan(2);
    const g = propGeometry(`sign:${id}`)!;
    expect(size(g).y).toBeGreaterThan(2.5);
  });

  it('refuses a symbol it cannot paint', () => {
    expect(canPaintSymbol('unicorn')).toBe(false);
    expect(canPaintSymbol('pedestrian+sparkle')).toBe(false);
    const { ctx } = recordingContext();
    expect(() => paintSign(ctx, 'nope', 256, 256)).toThrow();
  });
});

describe('sizes and facing (front = +x at rotationY 0)', () => {
  it('people have their stated heights', () => {
    expect(size(propGeometry('pedestrian')!).y).toBeCloseTo(1.7, 1);
    expect(size(propGeometry('child')!).y).toBeGreaterThan(1.1);
    expect(size(propGeometry('child')!).y).toBeLessThan(1.3);
    expect(size(propGeometry('senior')!).y).toBeGreaterThan(1.5);
    expect(size(propGeometry('senior')!).y).toBeLessThan(1.72);
  });

  it('vehicles are longer along x than across, with their headlights at +x', () => {
    const lengths: Record<string, [number, number]> = { car: [4.3, 4.7], bus: [11.5, 12.5], truck: [8.5, 9.5], 'semi-trailer': [15.5, 17.5], van: [4.8, 5.3] };
    for (const [id, [lo, hi]] of Object.entries(lengths)) {
      const s = size(propGeometry(id)!);
      expect(s.x, id).toBeGreaterThan(lo);
      expect(s.x, id).toBeLessThan(hi);
      expect(s.x, id).toBeGreaterThan(s.z * 2);
      const lamps = verticesOfColour(propGeometry(id)!, C.headlight);
      expect(lamps.length, id).toBeGreaterThan(0);
      for (const v of lamps) expect(v.x, id).toBeGreaterThan(s.box.max.x - 0.3);
      const tail = verticesOfColour(propGeometry(id)!, C.taillight);
      for (const v of tail) expect(v.x, id).toBeLessThan(s.box.min.x + 0.3);
    }
    expect(size(propGeometry('truck')!).y).toBeGreaterThan(3.3);
    // e-bikes too: headlight at the front
    for (const id of ['ebike', 'ebike-rider']) for (const v of verticesOfColour(propGeometry(id)!, C.headlight)) expect(v.x).toBeGreaterThan(0.4);
  });

  it('a person faces +x: the face (nose) is the foremost part of the head', () => {
    for (const id of ['pedestrian', 'senior']) {
      const g = propGeometry(id)!;
      const top = g.boundingBox!.max.y;
      const p = g.getAttribute('position');
      let best = { x: -Infinity, i: -1 };
      for (let i = 0; i < p.count; i++) if (p.getY(i) > top - 0.25 && p.getX(i) > best.x) best = { x: p.getX(i), i };
      const skin = verticesOfColour(g, C.skin[0]);
      expect(skin.some((v) => Math.abs(v.x - best.x) < 1e-6), id).toBe(true);
    }
  });
});
