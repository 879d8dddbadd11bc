// One 3D panel's labels and button faces in two draw calls instead of one (or two) per label and one
// per button: the labels are members of one troika BatchedText (their glyphs share the SDF atlas, each
// member's matrix, colour and outline go into a data texture) and the faces are instances of one plane.
// The components keep their place in the tree (an anchor object each, and a button its own invisible
// hit plane for the pointers); once per frame the batch copies each anchor's transform relative to the
// panel into its member. In the headset every mesh costs a draw call per eye, and the settings menu
// alone was 36 calls per eye this way. Nothing here allocates after a member is added.
import { Color, DoubleSide, DynamicDrawUsage, Group, InstancedMesh, Matrix4, MeshBasicMaterial, type Object3D, PlaneGeometry, Vector3 } from 'three';
import { BatchedText, Text } from 'troika-three-text';

/** What a label shows and how (the subset of troika's Text the panels use). */
export interface LabelStyle {
  text: string;
  font: string;
  fontSize: number;
  maxWidth: number;
  color: string;
  anchorX: 'left' | 'center' | 'right';
  anchorY: 'top' | 'middle' | 'bottom';
  textAlign: 'left' | 'center' | 'right';
  lineHeight: number | 'normal';
  outlineWidth: number;
  outlineColor: string;
}

interface Member {
  anchor: Object3D;
  /** a label's text, or null for a face */
  text: Text | null;
  width: number;
  height: number;
}

const rel = new Matrix4();
const size = new Vector3();
const ZERO = new Matrix4().makeScale(0, 0, 0);

/** A button face handle: its slot may move when another face is removed. */
export interface Face {
  slot: number;
}

export class PanelBatch {
  /** placed in the panel's own group: its parent is the anchors' common ancestor */
  readonly root: Group;
  readonly labels: BatchedText;
  readonly faces: InstancedMesh;
  readonly capacity: number;
  private readonly members: Member[] = [];
  private readonly faceOf: Face[] = [];
  private readonly faceMembers: Member[] = [];
  /**
   * the batch must sync: a member was added, changed or removed, or finished typesetting. troika
   * syncs a text from its onBeforeRender, but the batch is culled (empty bounds) until it has synced.
   */
  private needsSync = false;
  private readonly onMemberSynced = () => {
    this.needsSync = true;
  };

  constructor(capacity = 48) {
    this.capacity = capacity;
    this.root = new Group();
    this.root.name = 'panel-batch';
    this.labels = new BatchedText();
    this.labels.name = 'panel-labels';
    this.labels.raycast = () => {};
    // after the panel's slab (both transparent): labels are drawn over it
    this.labels.renderOrder = 1;
    // the street's lamps' variant (unlit, true colour, both sides): button faces add no shader program
    this.faces = new InstancedMesh(new PlaneGeometry(1, 1), new MeshBasicMaterial({ toneMapped: false, side: DoubleSide }), capacity);
    this.faces.name = 'panel-faces';
    this.faces.raycast = () => {};
    this.faces.instanceMatrix.setUsage(DynamicDrawUsage);
    const white = new Color(1, 1, 1);
    for (let i = 0; i < capacity; i++) this.faces.setColorAt(i, white);
    this.faces.count = 0;
    this.root.add(this.labels, this.faces);
  }

  /** A label drawn at `anchor` (its origin, its orientation). Returns the member to restyle. */
  addLabel(anchor: Object3D, style: LabelStyle): Text {
    const text = new Text();
    text.matrixAutoUpdate = false;
    text.matrix.copy(ZERO);
    text.overflowWrap = 'break-word';
    this.restyle(text, style);
    this.members.push({ anchor, text, width: 0, height: 0 });
    this.labels.addText(text);
    text.addEventListener('synccomplete', this.onMemberSynced);
    this.needsSync = true;
    return text;
  }

  restyle(text: Text, s: LabelStyle): void {
    // troika re-typesets only when a property really changed
    if (text.text !== s.text) text.text = s.text;
    if (text.font !== s.font) text.font = s.font;
    if (text.fontSize !== s.fontSize) text.fontSize = s.fontSize;
    if (text.maxWidth !== s.maxWidth) text.maxWidth = s.maxWidth;
    if (text.anchorX !== s.anchorX) text.anchorX = s.anchorX;
    if (text.anchorY !== s.anchorY) text.anchorY = s.anchorY;
    if (text.textAlign !== s.textAlign) text.textAlign = s.textAlign;
    if (text.lineHeight !== s.lineHeight) text.lineHeight = s.lineHeight;
    if (text.outlineWidth !== s.outlineWidth) text.outlineWidth = s.outlineWidth;
    text.outlineColor = s.outlineColor;
    text.color = s.color;
    this.needsSync = true;
  }

  removeLabel(text: Text): void {
    const i = this.members.findIndex((m) => m.text === text);
    if (i >= 0) this.members.splice(i, 1);
    this.labels.removeText(text);
    text.removeEventListener('synccomplete', this.onMemberSynced);
    text.dispose();
    this.needsSync = true;
  }

  /** A button's face: a `width` × `height` plane at `anchor` in `colour`. */
  addFace(anchor: Object3D, width: number, height: number, colour: string): Face {
    const slot = this.faceMembers.length;
    if (slot >= this.capacity) throw new Error(`panel batch: more than ${this.capacity} button faces`);
    const face = { slot };
    const member = { anchor, text: null, width, height };
    this.faceMembers.push(member);
    this.faceOf.push(face);
    this.setFace(face, width, height, colour);
    return face;
  }

  setFace(face: Face, width: number, height: number, colour: string): void {
    const m = this.faceMembers[face.slot]!;
    m.width = width;
    m.height = height;
    this.faces.setColorAt(face.slot, scratchColour.set(colour));
    this.faces.instanceColor!.needsUpdate = true;
  }

  removeFace(face: Face): void {
    const last = this.faceMembers.length - 1;
    const i = face.slot;
    if (i !== last) {
      // the last face takes the freed slot (with its colour)
      this.faceMembers[i] = this.faceMembers[last]!;
      this.faceOf[i] = this.faceOf[last]!;
      this.faceOf[i]!.slot = i;
      this.faces.getColorAt(last, scratchColour);
      this.faces.setColorAt(i, scratchColour);
      this.faces.instanceColor!.needsUpdate = true;
    }
    this.faceMembers.pop();
    this.faceOf.pop();
    face.slot = -1;
  }

  /** Anchor → panel transform into `rel`; false when the anchor is hidden or not under the panel. */
  private relative(anchor: Object3D): boolean {
    // the root sits untransformed in the panel's group: relative to it is relative to the group
    const base = this.root.parent;
    if (!base) return false;
    if (anchor.matrixAutoUpdate) anchor.updateMatrix();
    if (!anchor.visible) return false;
    rel.copy(anchor.matrix);
    let p = anchor.parent;
    while (p && p !== base) {
      if (!p.visible) return false;
      if (p.matrixAutoUpdate) p.updateMatrix();
      rel.premultiply(p.matrix);
      p = p.parent;
    }
    return p === base;
  }

  /** Once per frame, before rendering: every member where its anchor is now (hidden anchors draw nothing). */
  update(): void {
    if (this.needsSync) {
      this.needsSync = false;
      this.labels.sync();
    }
    const members = this.members;
    // nothing to draw before the first typesetting (troika would draw an unbounded instance count)
    this.labels.visible = members.length > 0 && this.labels.textRenderInfo !== null;
    for (let i = 0; i < members.length; i++) {
      const m = members[i]!;
      m.text!.matrix.copy(this.relative(m.anchor) ? rel : ZERO);
    }
    const faces = this.faceMembers;
    const array = this.faces.instanceMatrix.array as Float32Array;
    for (let i = 0; i < faces.length; i++) {
      const f = faces[i]!;
      if (this.relative(f.anchor)) rel.scale(size.set(f.width, f.height, 1));
      else rel.copy(ZERO);
      rel.toArray(array, i * 16);
    }
    this.faces.count = faces.length;
    this.faces.instanceMatrix.needsUpdate = true;
    // the faces' bounds for frustum culling (a menu behind the visitor is not drawn)
    this.faces.computeBoundingSphere();
  }

  dispose(): void {
    this.root.removeFromParent();
    for (const m of this.members) {
      m.text!.removeEventListener('synccomplete', this.onMemberSynced);
      this.labels.removeText(m.text!);
      m.text!.dispose();
    }
    this.members.length = 0;
    this.labels.dispose();
    this.faces.geometry.dispose();
    (this.faces.material as MeshBasicMaterial).dispose();
    this.faces.dispose();
  }
}

const scratchColour = new Color();
