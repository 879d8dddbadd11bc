// Writes the hand-signal pose fixtures (src/zones/signals/fixtures/poses.json) the classifier's
// tests read: `npx tsx scripts/signals-poses.ts`. Re-run only when the bodies or the key poses of
// a signal change on purpose (the generator is seeded, so the file is reproducible).
import { writeFileSync } from 'node:fs';
import { generatePoseFixtures } from '../src/zones/signals/poseFixtures.ts';

const file = new URL('../src/zones/signals/fixtures/poses.json', import.meta.url);
const fixtures = generatePoseFixtures();
writeFileSync(file, JSON.stringify({ generatedBy: 'scripts/signals-poses.ts', seed: 6007, fixtures }, null, 1) + '\n');
console.log(`${fixtures.length} poses → ${file.pathname}`);
