// The one way the street and prop builders turn their vertex lists into a geometry: position,
// normal and vertex colour (one material for a whole merged mesh), with bounds for culling.
import { BufferGeometry, Float32BufferAttribute } from 'three';

export function colouredGeometry(pos: readonly number[], nrm: readonly number[], col: readonly number[]): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(pos as number[], 3));
  g.setAttribute('normal', new Float32BufferAttribute(nrm as number[], 3));
  g.setAttribute('color', new Float32BufferAttribute(col as number[], 3));
  g.computeBoundingBox();
  g.computeBoundingSphere();
  return g;
}
