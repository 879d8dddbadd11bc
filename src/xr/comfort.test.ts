import { describe, expect, it } from 'vitest';
import groupsFile from '../../quizzes/groups.json' with { type: 'json' };
import { groupsFileSchema } from '../content/schema.ts';
import { effectiveComfort } from './comfort.ts';
import { pickFrameRate } from './store.ts';

const groups = groupsFileSchema.parse(groupsFile).groups;
const group = (id: string) => groups.find((g) => g.id === id);

describe('comfort', () => {
  it('starts from the audience group preset: seniors seated with a vignette', () => {
    expect(effectiveComfort(group('senior'), undefined)).toEqual({ snapDegrees: 30, vignette: true, seated: true, smoothMove: false });
    expect(effectiveComfort(group('teen'), undefined).seated).toBe(false);
  });
  it("the visitor's own choices win", () => {
    expect(effectiveComfort(group('senior'), { seated: false, snapDegrees: 90 })).toMatchObject({ seated: false, snapDegrees: 90, vignette: true });
  });
});

describe('frame rate', () => {
  it('takes 72 Hz when offered, never the highest by default', () => {
    expect(pickFrameRate(72)([72, 80, 90, 120])).toBe(72);
    expect(pickFrameRate(90)([72, 80, 90, 120])).toBe(90);
    expect(pickFrameRate(72)([60])).toBe(60);
    expect(pickFrameRate(72)([])).toBe(false);
  });
});
