// Materials of the street kit. Each component makes its own set (so unmounting it can dispose
// exactly what it made) but they compile to few shader programs: the ground, the paint and the
// signal housings are the props kit's vertex-coloured flat Lambert (one program), lit lamps are
// unlit basic colour, and agents add one program: vertex colours whose "paint" parts take the
// instance's colour (`paint` vertex attribute = 1), so a whole fleet of differently coloured cars
// is one InstancedMesh without tinting tyres, glass and lamps.
import { BufferAttribute, type BufferGeometry, DoubleSide, MeshBasicMaterial, MeshLambertMaterial } from 'three';

/** The street's ground layers (vertex colours). */
export function groundMaterial(): MeshLambertMaterial {
  return new MeshLambertMaterial({ vertexColors: true, flatShading: true });
}

/** Road paint: drawn over the asphalt, pulled towards the camera in depth so it never flickers. */
export function paintMaterial(): MeshLambertMaterial {
  return new MeshLambertMaterial({ vertexColors: true, flatShading: true, polygonOffset: true, polygonOffsetFactor: -2, polygonOffsetUnits: -4 });
}

/** Lamps and other self-lit parts: colour per instance, no lighting, no tone mapping. */
export function lampMaterial(): MeshBasicMaterial {
  return new MeshBasicMaterial({ color: '#ffffff', toneMapped: false, side: DoubleSide });
}

/** Name of the per-vertex float that says how much of the instance colour a vertex takes. */
export const PAINT_ATTRIBUTE = 'paint';

/**
 * Vertex-coloured flat Lambert where vertices with `paint` = 1 take the InstancedMesh's instance
 * colour instead of their own (other vertices keep theirs; without instance colours it is the props'
 * look). One extra shader program for every agent kind.
 */
export function agentMaterial(): MeshLambertMaterial {
  const m = new MeshLambertMaterial({ vertexColors: true, flatShading: true });
  m.onBeforeCompile = (shader) => {
    shader.vertexShader = `attribute float ${PAINT_ATTRIBUTE};\n${shader.vertexShader.replace(
      '#include <color_vertex>',
      `vColor = vec4( 1.0 );
#ifdef USE_COLOR
	vColor.rgb *= color;
#endif
#ifdef USE_INSTANCING_COLOR
	vColor.rgb = mix( vColor.rgb, instanceColor.rgb, ${PAINT_ATTRIBUTE} );
#endif`,
    )}`;
  };
  m.customProgramCacheKey = () => 'street-agent-paint';
  return m;
}

/**
 * A geometry drawn all over in its instance's colour with `agentMaterial()` (white vertex colour,
 * painted everywhere): instanced markers and crash-site parts share the agents' shader program
 * instead of adding one.
 */
export function painted<G extends BufferGeometry>(g: G): G {
  const n = g.getAttribute('position').count;
  g.setAttribute('color', new BufferAttribute(new Float32Array(n * 3).fill(1), 3));
  g.setAttribute(PAINT_ATTRIBUTE, new BufferAttribute(new Float32Array(n).fill(1), 1));
  return g;
}
