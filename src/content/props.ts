// The prop and sign catalogue lives with the sim (src/sim/catalogue.ts: layouts place these ids and
// the sim validates them without leaving src/sim); content, scene questions and the 3D kit read it here.
export * from '../sim/catalogue.ts';
