// How sharp the flat skin's 3D view is drawn. A classroom desktop with integrated graphics or a
// kiosk's weak GPU cannot fill a full-HD canvas at a usable frame rate, and a game that runs at a
// few frames a second feels broken while a slightly softer picture does not. So the view is drawn
// at fewer pixels while frames are slow and sharpened again when they are quick. Pure: it is fed
// frame times and answers the pixel ratio; `AdaptiveResolution.tsx` applies it. Not used in a
// headset (the XR layer sizes its own framebuffer).

export interface ResolutionPolicy {
  /** the ratio it never goes below (0.5: a quarter of the pixels) */
  min: number;
  /** frames slower than this on average over a window lower the ratio */
  slowMs: number;
  /** frames quicker than this, `quickWindows` windows in a row, raise it */
  quickMs: number;
  quickWindows: number;
  /** a window: at least this long and this many frames (a slow device sees few frames a second) */
  windowMs: number;
  windowFrames: number;
  /** each change multiplies or divides the ratio by this */
  factor: number;
}

export const DEFAULT_POLICY: ResolutionPolicy = { min: 0.5, slowMs: 45, quickMs: 22, quickWindows: 3, windowMs: 1000, windowFrames: 3, factor: 0.75 };

export class ResolutionGovernor {
  /** the ratio to draw at now */
  ratio: number;
  private windowStart = NaN;
  private frames = 0;
  private quickRun = 0;

  /** `max`: the device's own ratio (capped where the canvas is created: at most 2) */
  constructor(
    readonly max: number,
    readonly policy: ResolutionPolicy = DEFAULT_POLICY,
  ) {
    this.ratio = max;
  }

  /**
   * One drawn frame at `nowMs` (performance.now). Returns the new ratio when it changes, else null.
   * A pause (a hidden stage, a lost context) must call `restart` so its gap is not read as one slow frame.
   */
  frame(nowMs: number): number | null {
    if (Number.isNaN(this.windowStart)) {
      this.windowStart = nowMs;
      this.frames = 0;
      return null;
    }
    this.frames++;
    const span = nowMs - this.windowStart;
    if (span < this.policy.windowMs || this.frames < this.policy.windowFrames) return null;
    const mean = span / this.frames;
    this.windowStart = nowMs;
    this.frames = 0;
    const p = this.policy;
    let next = this.ratio;
    if (mean > p.slowMs) {
      this.quickRun = 0;
      next = Math.max(p.min, this.ratio * p.factor);
    } else if (mean < p.quickMs) {
      this.quickRun++;
      if (this.quickRun >= p.quickWindows) {
        this.quickRun = 0;
        next = Math.min(this.max, this.ratio / p.factor);
      }
    } else this.quickRun = 0;
    // ratios on a coarse grid, so that a device near a threshold does not resize the canvas every second
    next = Math.round(next * 20) / 20;
    if (next === this.ratio) return null;
    this.ratio = next;
    return next;
  }

  /** after a pause: the next frame starts a new window */
  restart(): void {
    this.windowStart = NaN;
    this.frames = 0;
    this.quickRun = 0;
  }
}
