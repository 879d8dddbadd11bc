// The catalogue of things content may place in a 3D view (scene questions, zone props). The street
// kit (src/three/props) draws each one procedurally; content names them by these ids only.
//
// Placement convention, the same frame as the traffic sim (src/sim/def.ts): metres, y up, ground at
// y = 0, a prop's origin at the middle of its footprint. At rotationY = 0 EVERY prop's front looks
// along +x: a vehicle's nose, a person's face and walking direction, a sign's or signal's face, a
// zebra's crossing direction; its right-hand side is +z. rotationY is three's rotation.y in radians
// (counter-clockwise seen from above): π/2 → faces −z, −π/2 → faces +z, π → faces −x. A sim heading
// h° (0 = +x, growing towards +z) is rotationY = −h·π/180, so the sim renderer uses the same models.
// Traffic keeps right: a vehicle facing +x drives on the +z side of the road's centre line.

export const PROP_IDS = [
  'car',
  'bus',
  'truck',
  'semi-trailer',
  'van',
  'ebike',
  'ebike-rider',
  'pedestrian',
  'child',
  'senior',
  'police-officer',
  'signal-vehicle',
  'signal-pedestrian',
  'zebra',
  'cone',
  'warning-triangle',
  'helmet',
  'phone',
  'child-seat',
  'tree',
  'building',
] as const;
export type PropId = (typeof PROP_IDS)[number];

/**
 * Road signs per GB 5768 families. `shape` and colours decide how the kit paints the face:
 * warning = yellow triangle with black border; prohibition = white circle with red ring (and bar);
 * indication = blue circle or rectangle with white symbol; guide = blue/green rectangle.
 */
export interface SignDef {
  category: 'warning' | 'prohibition' | 'indication' | 'guide';
  shape: 'triangle' | 'circle' | 'octagon' | 'inverted-triangle' | 'rectangle';
  /** the symbol the kit paints on the face */
  symbol: string;
  zh: string;
  en: string;
}

export const SIGNS: Record<string, SignDef> = {
  stop: { category: 'prohibition', shape: 'octagon', symbol: 'text:停', zh: '停车让行', en: 'Stop and give way' },
  yield: { category: 'prohibition', shape: 'inverted-triangle', symbol: 'text:让', zh: '减速让行', en: 'Slow down and give way' },
  'no-entry': { category: 'prohibition', shape: 'circle', symbol: 'bar', zh: '禁止驶入', en: 'No entry' },
  'no-pedestrians': { category: 'prohibition', shape: 'circle', symbol: 'pedestrian+slash', zh: '禁止行人进入', en: 'No pedestrians' },
  'no-nonmotor': { category: 'prohibition', shape: 'circle', symbol: 'bicycle+slash', zh: '禁止非机动车进入', en: 'No non-motor vehicles' },
  'no-ebike': { category: 'prohibition', shape: 'circle', symbol: 'ebike+slash', zh: '禁止电动自行车进入', en: 'No e-bikes' },
  'no-horn': { category: 'prohibition', shape: 'circle', symbol: 'horn+slash', zh: '禁止鸣喇叭', en: 'No horn' },
  'no-parking': { category: 'prohibition', shape: 'circle', symbol: 'cross', zh: '禁止停车', en: 'No parking' },
  'speed-limit-40': { category: 'prohibition', shape: 'circle', symbol: 'text:40', zh: '限制速度 40', en: 'Speed limit 40' },
  'speed-limit-60': { category: 'prohibition', shape: 'circle', symbol: 'text:60', zh: '限制速度 60', en: 'Speed limit 60' },
  'no-left-turn': { category: 'prohibition', shape: 'circle', symbol: 'arrow-left+slash', zh: '禁止向左转弯', en: 'No left turn' },
  'watch-children': { category: 'warning', shape: 'triangle', symbol: 'children', zh: '注意儿童', en: 'Watch for children' },
  'watch-pedestrians': { category: 'warning', shape: 'triangle', symbol: 'pedestrian', zh: '注意行人', en: 'Watch for pedestrians' },
  'watch-nonmotor': { category: 'warning', shape: 'triangle', symbol: 'bicycle', zh: '注意非机动车', en: 'Watch for non-motor vehicles' },
  'signal-ahead': { category: 'warning', shape: 'triangle', symbol: 'signal', zh: '注意信号灯', en: 'Traffic signals ahead' },
  'crossroads': { category: 'warning', shape: 'triangle', symbol: 'cross-junction', zh: '十字交叉', en: 'Crossroads ahead' },
  'pedestrian-crossing': { category: 'indication', shape: 'rectangle', symbol: 'pedestrian-crossing', zh: '人行横道', en: 'Pedestrian crossing' },
  'nonmotor-lane': { category: 'indication', shape: 'circle', symbol: 'bicycle', zh: '非机动车行驶', en: 'Non-motor vehicles only' },
  'straight-only': { category: 'indication', shape: 'circle', symbol: 'arrow-up', zh: '直行', en: 'Straight ahead only' },
  'walk': { category: 'indication', shape: 'circle', symbol: 'pedestrian', zh: '步行', en: 'Pedestrians only' },
  'guide-direction': { category: 'guide', shape: 'rectangle', symbol: 'arrows', zh: '路口指路', en: 'Direction sign' },
};

export function isPropId(id: string): boolean {
  if (id.startsWith('sign:')) return id.slice(5) in SIGNS;
  return (PROP_IDS as readonly string[]).includes(id);
}
