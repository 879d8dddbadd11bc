declare module 'troika-three-text' {
  import type { BufferGeometry, ColorRepresentation, Material, Mesh, Object3DEventMap } from 'three';
  export function configureTextBuilder(config: {
    defaultFontURL?: string | null;
    unicodeFontsURL?: string | null;
    sdfGlyphSize?: number;
    useWorker?: boolean;
  }): void;
  /** troika's SDF text mesh (the properties this project sets) */
  export class Text extends Mesh<BufferGeometry, Material | Material[], Object3DEventMap & { syncstart: object; synccomplete: object }> {
    text: string;
    font: string | null;
    fontSize: number;
    maxWidth: number;
    anchorX: number | string;
    anchorY: number | string;
    textAlign: string;
    lineHeight: number | string;
    overflowWrap: string;
    color: ColorRepresentation | null;
    outlineWidth: number | string;
    outlineColor: ColorRepresentation;
    readonly textRenderInfo: unknown;
    sync(callback?: () => void): void;
    dispose(): void;
  }
  /** many Text members drawn in one call (their matrices relative to the batch) */
  export class BatchedText extends Text {
    addText(text: Text): void;
    removeText(text: Text): void;
  }
}

declare module 'subset-font' {
  export default function subsetFont(
    font: Buffer | Uint8Array,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype'; preserveNameIds?: number[]; variationAxes?: Record<string, number> },
  ): Promise<Buffer>;
}
