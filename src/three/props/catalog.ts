// Prop id → component and geometry. Typed as Record<PropId, …> so a new PROP_IDS entry without a
// model fails to compile; catalog.test.ts checks the same at run time, and that every SIGNS symbol
// can be painted.
import type { ComponentType } from 'react';
import type { BufferGeometry } from 'three';
import { PROP_IDS, type PropId, SIGNS } from '../../content/props.ts';
import { Building, buildingGeometry } from './Building.tsx';
import { Bus, busGeometry } from './Bus.tsx';
import { Car, carGeometry } from './Car.tsx';
import { Child, childGeometry } from './Child.tsx';
import { ChildSeat, childSeatGeometry } from './ChildSeat.tsx';
import { Cone, coneGeometry } from './Cone.tsx';
import { Ebike, ebikeGeometry } from './Ebike.tsx';
import { EbikeRider, ebikeRiderGeometry } from './EbikeRider.tsx';
import { Helmet, helmetGeometry } from './Helmet.tsx';
import { Pedestrian, pedestrianGeometry } from './Pedestrian.tsx';
import { Phone, phoneGeometry } from './Phone.tsx';
import { PoliceOfficer, policeOfficerGeometry } from './PoliceOfficer.tsx';
import type { PropProps } from './PropBody.tsx';
import { SemiTrailer, semiTrailerGeometry } from './SemiTrailer.tsx';
import { Senior, seniorGeometry } from './Senior.tsx';
import { SignalPedestrian, signalPedestrianGeometry } from './SignalPedestrian.tsx';
import { SignalVehicle, signalVehicleGeometry } from './SignalVehicle.tsx';
import { signPostGeometry } from './SignPost.tsx';
import { Tree, treeGeometry } from './Tree.tsx';
import { Truck, truckGeometry } from './Truck.tsx';
import { Van, vanGeometry } from './Van.tsx';
import { WarningTriangle, warningTriangleGeometry } from './WarningTriangle.tsx';
import { Zebra, zebraGeometry } from './Zebra.tsx';

export interface PropModel {
  Component: ComponentType<PropProps>;
  /** the prop's body geometry (cached), for bounds and budgets */
  geometry: (variant?: number) => BufferGeometry;
  /** the prop has parts facing a way (everything but the cone) */
  kind: 'vehicle' | 'person' | 'street' | 'item';
}

export const PROP_MODELS: Record<PropId, PropModel> = {
  car: { Component: Car, geometry: carGeometry, kind: 'vehicle' },
  bus: { Component: Bus, geometry: busGeometry, kind: 'vehicle' },
  truck: { Component: Truck, geometry: truckGeometry, kind: 'vehicle' },
  'semi-trailer': { Component: SemiTrailer, geometry: semiTrailerGeometry, kind: 'vehicle' },
  van: { Component: Van, geometry: vanGeometry, kind: 'vehicle' },
  ebike: { Component: Ebike, geometry: ebikeGeometry, kind: 'vehicle' },
  'ebike-rider': { Component: EbikeRider, geometry: ebikeRiderGeometry, kind: 'person' },
  pedestrian: { Component: Pedestrian, geometry: pedestrianGeometry, kind: 'person' },
  child: { Component: Child, geometry: childGeometry, kind: 'person' },
  senior: { Component: Senior, geometry: seniorGeometry, kind: 'person' },
  'police-officer': { Component: PoliceOfficer, geometry: policeOfficerGeometry, kind: 'person' },
  'signal-vehicle': { Component: SignalVehicle, geometry: signalVehicleGeometry, kind: 'street' },
  'signal-pedestrian': { Component: SignalPedestrian, geometry: signalPedestrianGeometry, kind: 'street' },
  zebra: { Component: Zebra, geometry: zebraGeometry, kind: 'street' },
  cone: { Component: Cone, geometry: coneGeometry, kind: 'street' },
  'warning-triangle': { Component: WarningTriangle, geometry: warningTriangleGeometry, kind: 'item' },
  helmet: { Component: Helmet, geometry: helmetGeometry, kind: 'item' },
  phone: { Component: Phone, geometry: phoneGeometry, kind: 'item' },
  'child-seat': { Component: ChildSeat, geometry: childSeatGeometry, kind: 'item' },
  tree: { Component: Tree, geometry: treeGeometry, kind: 'street' },
  building: { Component: Building, geometry: buildingGeometry, kind: 'street' },
};

export function isSignProp(id: string): boolean {
  return id.startsWith('sign:') && id.slice(5) in SIGNS;
}

/** The body geometry of any catalogue id, `sign:<id>` included; undefined for an unknown id. */
export function propGeometry(id: string, variant = 0): BufferGeometry | undefined {
  if (isSignProp(id)) return signPostGeometry(id.slice(5));
  const model = (PROP_MODELS as Record<string, PropModel | undefined>)[id];
  return model?.geometry(variant);
}

/** Every plain prop id (for tests and tools). */
export const ALL_PROP_IDS: readonly PropId[] = PROP_IDS;
