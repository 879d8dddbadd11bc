// The soak judges the heap without V8's compiled code: the sums it reads from a heap snapshot.
import { describe, expect, it } from 'vitest';
import { growth, heapKinds, objectBytes, programChanges, type Figures } from './soak.ts';

// a snapshot in Chromium's format: node fields, a type table, flat node rows, a string table
const snapshot = (rows: [type: number, name: number, size: number][]) =>
  JSON.stringify({
    snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'], node_types: [['hidden', 'array', 'string', 'object', 'code', 'closure']] } },
    nodes: rows.flatMap(([t, n, s], i) => [t, n, i + 1, s, 0]),
    strings: ['', 'Vector3', 'BufferGeometry', 'onClick', 'some text'],
  });

describe('soak heap figures', () => {
  it('sums self sizes by kind: objects by constructor, strings and code by type', () => {
    const kinds = heapKinds(snapshot([[3, 1, 40], [3, 1, 40], [3, 2, 200], [2, 4, 30], [4, 0, 5000], [5, 3, 64]]));
    expect(kinds.get('object:Vector3')).toBe(80);
    expect(kinds.get('object:BufferGeometry')).toBe(200);
    expect(kinds.get('string:')).toBe(30);
    expect(kinds.get('code:')).toBe(5000);
    expect(kinds.get('closure:onClick')).toBe(64);
  });

  it('leaves compiled code out of the judged heap, and only that', () => {
    const kinds = heapKinds(snapshot([[3, 1, 40], [4, 0, 5000], [2, 4, 30]]));
    expect(objectBytes(kinds)).toBe(70);
  });

  it('growth is relative to the value after the first cycle; a figure that was 0 and is not is infinite', () => {
    const a: Figures = { heapMB: 20, objectsMB: 10, domNodes: 300, listeners: 200, geometries: 40, textures: 0, programs: 10 };
    const b: Figures = { ...a, objectsMB: 10.4, geometries: 44, textures: 1 };
    const g = growth(a, b);
    expect(g.objectsMB).toBeCloseTo(0.04);
    expect(g.geometries).toBeCloseTo(0.1);
    expect(g.textures).toBe(Infinity);
    expect(g.domNodes).toBe(0);
  });

  it('names a new program by the settings that set it apart from its closest relative, and a program gone', () => {
    const before: [string, string][] = [['MeshLambertMaterial', 'a,1,fog,x'], ['MeshLambertMaterial', 'a,2,nofog,x'], ['ShaderMaterial', 's']];
    const after: [string, string][] = [['MeshLambertMaterial', 'a,1,fog,x'], ['MeshLambertMaterial', 'a,2,nofog,x'], ['MeshLambertMaterial', 'a,1,fog,y'], ['MeshBasicMaterial', 'b']];
    expect(programChanges(before, after)).toEqual(['+ MeshLambertMaterial: #3 x→y', '+ MeshBasicMaterial: no program of that name before', '- ShaderMaterial']);
  });
});
