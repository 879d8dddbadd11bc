// The zone's paint on the ground, each one merged mesh (one draw call): the blind zones of the
// standing truck, the sweep of each turning truck, the visitor's walk (hidden stretches and seen
// ones), and the markers (instanced child-sized posts, coloured by the verdict from the cab). The
// shapes come from overlays.ts, which a Node test holds against the sim's maths.
import { useEffect, useMemo } from 'react';
import { BufferGeometry, Color, CylinderGeometry, DoubleSide, Float32BufferAttribute, InstancedMesh, Matrix4, MeshBasicMaterial } from 'three';
import { noRaycast } from '../../three/props/PropBody.tsx';
import { agentMaterial, painted } from '../../three/street/materials.ts';
import type { WorldBlindZone } from '../../sim/world.ts';
import type { SweptPath } from '../../sim/geometry/sweptPath.ts';
import type { Marker, MarkerVerdict, TrackPoint } from './markers.ts';
import { sweepStrip, trackSegments, triangulate } from './overlays.ts';

/** colours that stay apart for the common colour blindnesses (blue / orange), and the zones' red */
export const OVERLAY_COLOURS = { zone: '#d6336c', sweep: '#f08c00', hidden: '#1c7ed6', seen: '#f76707', pending: '#fab005' } as const;

/** A flat ground mesh from x, z triangle pairs, lifted `y` above the road to avoid z-fighting. */
function groundGeometry(tris: readonly number[], y: number): BufferGeometry {
  const pos = new Float32Array((tris.length / 2) * 3);
  for (let i = 0, j = 0; i < tris.length; i += 2, j += 3) {
    pos[j] = tris[i]!;
    pos[j + 1] = y;
    pos[j + 2] = tris[i + 1]!;
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(pos, 3));
  return g;
}

function useDisposing<T extends { dispose(): void }>(make: () => T, deps: unknown[]): T {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const v = useMemo(make, deps);
  useEffect(() => () => v.dispose(), [v]);
  return v;
}

function groundMaterial(colour: string, opacity: number): MeshBasicMaterial {
  // both faces in one pass: a transparent double-sided material otherwise draws twice, back then
  // front, with a second shader program for the back
  return new MeshBasicMaterial({ color: colour, transparent: true, opacity, depthWrite: false, side: DoubleSide, forceSinglePass: true });
}

export function BlindZonesOverlay({ zones, visible }: { zones: readonly WorldBlindZone[]; visible: boolean }) {
  const geometry = useDisposing(() => groundGeometry(zones.flatMap((z) => triangulate(z.points)), 0.03), [zones]);
  const material = useDisposing(() => groundMaterial(OVERLAY_COLOURS.zone, 0.42), []);
  return <mesh name="blind-zones" geometry={geometry} material={material} visible={visible} raycast={noRaycast} renderOrder={1} />;
}

export function SweepsOverlay({ sweeps, visible }: { sweeps: readonly SweptPath[]; visible: boolean }) {
  const geometry = useDisposing(() => groundGeometry(sweeps.flatMap((s) => sweepStrip(s)), 0.035), [sweeps]);
  const material = useDisposing(() => groundMaterial(OVERLAY_COLOURS.sweep, 0.5), []);
  return <mesh name="sweeps" geometry={geometry} material={material} visible={visible} raycast={noRaycast} renderOrder={1} />;
}

/** The walk as a ribbon 0.18 m wide, blue where the driver could not see the visitor, orange where they could. */
export function TrackOverlay({ track, visible }: { track: readonly TrackPoint[]; visible: boolean }) {
  const geometry = useDisposing(() => {
    const { hidden, seen } = trackSegments(track);
    const pos: number[] = [];
    const col: number[] = [];
    const add = (segs: number[], colour: string) => {
      const c = new Color(colour);
      for (let i = 0; i + 3 < segs.length; i += 4) {
        const [x0, z0, x1, z1] = [segs[i]!, segs[i + 1]!, segs[i + 2]!, segs[i + 3]!];
        const len = Math.hypot(x1 - x0, z1 - z0) || 1;
        const nx = (-(z1 - z0) / len) * 0.09, nz = ((x1 - x0) / len) * 0.09;
        const quad = [x0 + nx, z0 + nz, x1 + nx, z1 + nz, x1 - nx, z1 - nz, x0 + nx, z0 + nz, x1 - nx, z1 - nz, x0 - nx, z0 - nz];
        for (let k = 0; k < quad.length; k += 2) {
          pos.push(quad[k]!, 0.045, quad[k + 1]!);
          col.push(c.r, c.g, c.b);
        }
      }
    };
    add(hidden, OVERLAY_COLOURS.hidden);
    add(seen, OVERLAY_COLOURS.seen);
    const g = new BufferGeometry();
    g.setAttribute('position', new Float32BufferAttribute(pos, 3));
    g.setAttribute('color', new Float32BufferAttribute(col, 3));
    return g;
  }, [track]);
  const material = useDisposing(() => new MeshBasicMaterial({ vertexColors: true, depthWrite: false, side: DoubleSide }), []);
  return <mesh name="walk-track" geometry={geometry} material={material} visible={visible && track.length > 1} raycast={noRaycast} renderOrder={2} />;
}

/** the most markers any group sets down */
const MAX_MARKERS = 8;
/** a marker stands for a child: a post of the markers' height */
const POST = 0.16;

/**
 * The markers as one instanced post each, as tall as the person they stand for. Before the cab they
 * are yellow; after it, blue where the driver could not see (a good guess) and orange where they could.
 * Clicking (or pointing at and selecting) a marker calls `onPick` with its id.
 */
export function MarkersOverlay({ markers, verdicts, height, onPick }: { markers: readonly Marker[]; verdicts: readonly MarkerVerdict[]; height: number; onPick?: (id: number) => void }) {
  const mesh = useDisposing(() => {
    const m = new InstancedMesh(painted(new CylinderGeometry(POST / 2, POST / 2, 1, 10).translate(0, 0.5, 0)), agentMaterial(), MAX_MARKERS);
    m.name = 'markers';
    m.count = 0;
    // an InstancedMesh's own dispose frees its instance buffers only: without these two, every visit
    // left a cylinder and a material behind (the soak saw the renderer's geometries grow 2 a cycle)
    return {
      mesh: m,
      dispose() {
        m.geometry.dispose();
        m.material.dispose();
        m.dispose();
      },
    };
  }, []).mesh;
  useEffect(() => {
    const mat = new Matrix4();
    const c = new Color();
    const list = verdicts.length ? verdicts : markers;
    mesh.count = Math.min(MAX_MARKERS, list.length);
    list.slice(0, MAX_MARKERS).forEach((m, i) => {
      mat.makeScale(1, height, 1).setPosition(m.x, 0, m.z);
      mesh.setMatrixAt(i, mat);
      const v = verdicts.length ? (m as MarkerVerdict) : null;
      mesh.setColorAt(i, c.set(v ? (v.hidden ? OVERLAY_COLOURS.hidden : OVERLAY_COLOURS.seen) : OVERLAY_COLOURS.pending));
    });
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    mesh.computeBoundingSphere();
  }, [mesh, markers, verdicts, height]);
  return (
    <primitive
      object={mesh}
      onClick={
        onPick
          ? (e: { instanceId?: number; stopPropagation(): void }) => {
              e.stopPropagation();
              const list = verdicts.length ? verdicts : markers;
              const m = e.instanceId !== undefined ? list[e.instanceId] : undefined;
              if (m) onPick(m.id);
            }
          : undefined
      }
    />
  );
}
