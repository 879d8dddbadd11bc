// The panel batch places every member where its anchor is relative to the panel, draws nothing for
// hidden anchors, and keeps faces' colours with their buttons when one is removed.
import { Color, Group, Matrix4, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { PanelBatch } from './panelBatch.ts';

const style = { text: 'OK', font: '/fonts/hall-sc.woff', fontSize: 0.03, maxWidth: 0.2, color: '#ffffff', anchorX: 'center', anchorY: 'middle', textAlign: 'center', lineHeight: 'normal', outlineWidth: 0, outlineColor: '#000000' } as const;

function panel() {
  const base = new Group();
  base.position.set(5, 1, -2); // the panel's own placement must not enter the members' matrices
  const batch = new PanelBatch(4);
  // typesetting needs troika's worker (a browser): the placement is what is tested here
  batch.labels.sync = () => {};
  base.add(batch.root);
  return { base, batch };
}

const at = (m: Matrix4) => new Vector3().setFromMatrixPosition(m);

describe('PanelBatch', () => {
  it('puts a label at its anchor relative to the panel, through nested groups', () => {
    const { base, batch } = panel();
    const row = new Group();
    row.position.set(0.1, 0.2, 0);
    const anchor = new Group();
    anchor.position.set(0.3, 0, 0.002);
    row.add(anchor);
    base.add(row);
    const t = batch.addLabel(anchor, style);
    batch.update();
    expect(at(t.matrix).toArray().map((v) => +v.toFixed(4))).toEqual([0.4, 0.2, 0.002]);
  });

  it('draws nothing for a hidden anchor or one outside the panel', () => {
    const { base, batch } = panel();
    const shown = new Group();
    const hidden = new Group();
    hidden.visible = false;
    const elsewhere = new Group();
    base.add(shown, hidden);
    const a = batch.addLabel(shown, style);
    const b = batch.addLabel(hidden, style);
    const c = batch.addLabel(elsewhere, style);
    batch.update();
    expect(a.matrix.determinant()).not.toBe(0);
    expect(new Vector3().setFromMatrixScale(b.matrix).length()).toBe(0);
    expect(new Vector3().setFromMatrixScale(c.matrix).length()).toBe(0);
  });

  it('sizes faces to their buttons and keeps each colour with its button when one goes', () => {
    const { base, batch } = panel();
    const anchors = [0, 1, 2].map((i) => {
      const g = new Group();
      g.position.set(i * 0.25, 0, 0);
      base.add(g);
      return g;
    });
    const faces = anchors.map((g, i) => batch.addFace(g, 0.2, 0.09, ['#ff0000', '#00ff00', '#0000ff'][i]!));
    batch.update();
    expect(batch.faces.count).toBe(3);
    const m = new Matrix4();
    batch.faces.getMatrixAt(1, m);
    const s = new Vector3().setFromMatrixScale(m);
    expect([+s.x.toFixed(4), +s.y.toFixed(4), at(m).x]).toEqual([0.2, 0.09, 0.25]);
    batch.removeFace(faces[0]!);
    batch.update();
    expect(batch.faces.count).toBe(2);
    // the blue button took the freed slot: its place and its colour went with it
    expect(faces[2]!.slot).toBe(0);
    batch.faces.getMatrixAt(0, m);
    expect(at(m).x).toBeCloseTo(0.5);
    const c = new Color();
    batch.faces.getColorAt(0, c);
    expect(c.getHexString()).toBe('0000ff');
    // a hover colour reaches the right instance
    batch.setFace(faces[1]!, 0.2, 0.09, '#ffd43b');
    batch.faces.getColorAt(faces[1]!.slot, c);
    expect(c.getHexString()).toBe('ffd43b');
  });
});
