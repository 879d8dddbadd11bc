// Procedural low-poly props for the 3D views (scene questions, zones).
//
// Units: metres, y up, ground at y = 0, origin at the middle of the prop's footprint.
// Facing: the sim's frame (src/sim/def.ts). At rotationY = 0 every prop's front looks along +x —
// a vehicle's nose, a person's face, a sign's or signal's face; its right-hand side is +z. rotationY
// is three's rotation.y in radians (counter-clockwise seen from above): π/2 faces −z, −π/2 faces +z,
// π faces −x. A sim heading h° (0 = +x, growing towards +z) is rotationY = −h·π/180.
// Draw cost: one draw call per prop (merged vertex-coloured body, one shared material), +1 for a
// sign face or a lit signal lamp.
export { Building } from './Building.tsx';
export { Bus } from './Bus.tsx';
export { Car } from './Car.tsx';
export { ALL_PROP_IDS, isSignProp, PROP_MODELS, propGeometry, type PropModel } from './catalog.ts';
export { Child } from './Child.tsx';
export { ChildSeat } from './ChildSeat.tsx';
export { Cone } from './Cone.tsx';
export { Ebike } from './Ebike.tsx';
export { EbikeRider } from './EbikeRider.tsx';
export { Helmet } from './Helmet.tsx';
export { basicMaterial, disposePropCache, propMaterial, releasePropGpu } from './materials.ts';
export { Pedestrian } from './Pedestrian.tsx';
export { Phone } from './Phone.tsx';
export { PoliceOfficer } from './PoliceOfficer.tsx';
export { Prop } from './Prop.tsx';
export { type PropProps } from './PropBody.tsx';
export { SemiTrailer } from './SemiTrailer.tsx';
export { Senior } from './Senior.tsx';
export { SignalPedestrian, type PedestrianLamp } from './SignalPedestrian.tsx';
export { SignalVehicle, type VehicleLamp } from './SignalVehicle.tsx';
export { SIGN_FACE_Y, SignPost } from './SignPost.tsx';
export { Tree } from './Tree.tsx';
export { Truck } from './Truck.tsx';
export { Van } from './Van.tsx';
export { WarningTriangle } from './WarningTriangle.tsx';
export { Zebra } from './Zebra.tsx';
