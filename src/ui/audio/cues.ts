// Short sound cues for feedback in the moment (the text on screen is their subtitle): synthesised
// with Web Audio, so there is nothing to download and nothing to fail offline. A chime for a safe
// choice, a low blip for an unsafe one, a harsh falling tone for a serious one (a hit, a near
// miss), a little rising run when a game ends. Silent where there is no Web Audio.

import { exposeForTests, testHooksEnabled } from '../../app/testHooks.ts';

export type Cue = 'safe' | 'unsafe' | 'serious' | 'done';

interface Note {
  /** Hz at the start and the end of the note */
  from: number;
  to: number;
  /** start after the cue begins, and length, s */
  at: number;
  length: number;
  wave: OscillatorType;
  gain: number;
}

const CUES: Record<Cue, Note[]> = {
  safe: [
    { from: 880, to: 880, at: 0, length: 0.12, wave: 'sine', gain: 0.18 },
    { from: 1320, to: 1320, at: 0.1, length: 0.18, wave: 'sine', gain: 0.18 },
  ],
  unsafe: [{ from: 330, to: 260, at: 0, length: 0.28, wave: 'square', gain: 0.08 }],
  serious: [
    { from: 520, to: 180, at: 0, length: 0.6, wave: 'sawtooth', gain: 0.1 },
    { from: 500, to: 170, at: 0.05, length: 0.6, wave: 'square', gain: 0.05 },
  ],
  done: [
    { from: 660, to: 660, at: 0, length: 0.12, wave: 'triangle', gain: 0.15 },
    { from: 830, to: 830, at: 0.12, length: 0.12, wave: 'triangle', gain: 0.15 },
    { from: 990, to: 990, at: 0.24, length: 0.25, wave: 'triangle', gain: 0.15 },
  ],
};

let ctx: AudioContext | null = null;
/** the cues asked for, newest last (kept short): what tests and the staff self-check read */
const log: Cue[] = [];

function context(): AudioContext | null {
  if (ctx) return ctx;
  const Ctor = typeof window !== 'undefined' ? (window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext) : undefined;
  if (!Ctor) return null;
  try {
    ctx = new Ctor();
  } catch {
    return null;
  }
  return ctx;
}

export function cueLog(): readonly Cue[] {
  return log;
}

/** Play a cue now (a no-op without Web Audio; never throws). */
export function playCue(cue: Cue): void {
  log.push(cue);
  if (log.length > 20) log.shift();
  const ac = context();
  if (!ac) return;
  try {
    // a context made before any tap starts suspended; a game is always started by one
    if (ac.state === 'suspended') void ac.resume().catch(() => undefined);
    const t0 = ac.currentTime + 0.01;
    for (const n of CUES[cue]) {
      const osc = ac.createOscillator();
      const amp = ac.createGain();
      osc.type = n.wave;
      osc.frequency.setValueAtTime(n.from, t0 + n.at);
      osc.frequency.linearRampToValueAtTime(n.to, t0 + n.at + n.length);
      amp.gain.setValueAtTime(0, t0 + n.at);
      amp.gain.linearRampToValueAtTime(n.gain, t0 + n.at + 0.015);
      amp.gain.exponentialRampToValueAtTime(0.0001, t0 + n.at + n.length);
      osc.connect(amp).connect(ac.destination);
      osc.start(t0 + n.at);
      osc.stop(t0 + n.at + n.length + 0.02);
    }
  } catch {
    // sound is a courtesy: the text on screen carries the feedback
  }
}

if (testHooksEnabled) exposeForTests('__hallCues', cueLog);
