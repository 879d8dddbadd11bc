// Pieces shared by the vehicle models (front = +x, right-hand side = +z, metres).
import type { ColorRepresentation } from 'three';
import { C } from './palette.ts';
import type { PartBuilder } from './parts.ts';

/** A pair of wheels on one axle at `x`; `track` = distance between wheel centres; dual = twin tyres. */
export function axle(b: PartBuilder, x: number, r: number, track: number, width: number, dual = false): void {
  for (const side of [-1, 1]) {
    const z = (side * track) / 2;
    b.wheel(r, dual ? width * 1.8 : width, [x, r, z], C.tyre, C.hub);
  }
}

/** Front lamps, bumper and number plate on the face at x = `front`. */
export function frontFace(b: PartBuilder, front: number, halfWidth: number, lampY: number, bumperY: number, bumperH = 0.16): void {
  b.slab(front - 0.1, front + 0.04, bumperY - bumperH / 2, bumperY + bumperH / 2, -halfWidth, halfWidth, C.bumper);
  for (const side of [-1, 1]) {
    const z = side * (halfWidth - 0.24);
    b.slab(front - 0.02, front + 0.025, lampY - 0.07, lampY + 0.07, z - 0.15, z + 0.15, C.headlight);
    b.slab(front - 0.02, front + 0.026, lampY - 0.07, lampY + 0.07, side * (halfWidth - 0.04) - 0.04, side * (halfWidth - 0.04) + 0.04, C.indicator);
  }
  b.slab(front + 0.04, front + 0.055, bumperY - 0.07, bumperY + 0.07, -0.22, 0.22, C.plate);
}

/** Rear lamps and bumper on the face at x = `rear`. */
export function rearFace(b: PartBuilder, rear: number, halfWidth: number, lampY: number, bumperY: number): void {
  b.slab(rear - 0.04, rear + 0.1, bumperY - 0.08, bumperY + 0.08, -halfWidth, halfWidth, C.bumper);
  for (const side of [-1, 1]) {
    const z = side * (halfWidth - 0.2);
    b.slab(rear - 0.025, rear + 0.02, lampY - 0.08, lampY + 0.08, z - 0.14, z + 0.14, C.taillight);
  }
  b.slab(rear - 0.055, rear - 0.04, bumperY - 0.07, bumperY + 0.07, -0.22, 0.22, C.yellow);
}

/**
 * A truck cab (rigid truck and tractor): box from x = front − length to front, floor at `floor`,
 * roof at `height`, big side mirrors (their blind zones are what the blindspot zone teaches).
 */
export function truckCab(b: PartBuilder, front: number, length: number, floor: number, height: number, halfWidth: number, paint: ColorRepresentation): void {
  const back = front - length;
  b.slab(back, front, floor, height, -halfWidth, halfWidth, paint);
  // roof fairing
  b.slab(back + 0.1, front - 0.35, height, height + 0.18, -halfWidth + 0.12, halfWidth - 0.12, paint);
  // windscreen and side windows (proud of the body by a few mm)
  const winLow = floor + (height - floor) * 0.5;
  b.slab(front - 0.02, front + 0.02, winLow, height - 0.18, -halfWidth + 0.1, halfWidth - 0.1, C.glass);
  b.slab(front - 0.95, front - 0.12, winLow, height - 0.22, -halfWidth - 0.015, halfWidth + 0.015, C.glass);
  // grille
  b.slab(front - 0.02, front + 0.025, floor + 0.25, winLow - 0.2, -halfWidth + 0.35, halfWidth - 0.35, C.chassis);
  frontFace(b, front, halfWidth, floor + 0.15, floor - 0.08, 0.26);
  // steps under the doors
  for (const side of [-1, 1]) b.slab(front - 0.9, front - 0.2, floor - 0.25, floor - 0.12, side > 0 ? halfWidth - 0.05 : -halfWidth - 0.08, side > 0 ? halfWidth + 0.08 : -halfWidth + 0.05, C.chassis);
  // mirrors on arms
  const my = winLow + (height - winLow) * 0.45;
  for (const side of [-1, 1]) {
    b.rod([front - 0.15, my + 0.25, side * halfWidth], [front + 0.05, my + 0.25, side * (halfWidth + 0.28)], 0.02, C.chassis, 4);
    b.slab(front + 0.02, front + 0.08, my - 0.25, my + 0.25, side * (halfWidth + 0.22) - 0.1, side * (halfWidth + 0.22) + 0.1, C.chassis);
  }
}

/** Side underrun guard: two rails along x at the sides. */
export function sideGuard(b: PartBuilder, x0: number, x1: number, y: number, z: number): void {
  for (const side of [-1, 1]) for (const dy of [0, 0.25]) b.rod([x0, y + dy, side * z], [x1, y + dy, side * z], 0.03, C.steel, 4);
}
