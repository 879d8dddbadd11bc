// One task model for every zone: the zone file's challenges the visitor must do, in file order. The
// first unfinished one is active (what the visitor does counts for it); a finished one is done; when
// the game ends, those left are missed. A zone adds its own geometry to a task (a crossing's kerbs).
import type { Localized } from '../../content/schema.ts';
import type { TaskState, TaskView } from './types.ts';

export interface TaskDef {
  /** the challenge id in the zone file */
  id: string;
  title: Localized;
}

export class TaskList<T extends TaskDef> {
  private readonly states: TaskState[];
  private cached: TaskView[] | null = null;

  constructor(readonly tasks: readonly T[]) {
    this.states = tasks.map((_, i) => (i === 0 ? 'active' : 'pending'));
  }

  get active(): T | null {
    const i = this.states.indexOf('active');
    return i < 0 ? null : this.tasks[i]!;
  }

  /** the tasks as the HUD shows them (the same array until a state changes) */
  get views(): readonly TaskView[] {
    this.cached ??= this.tasks.map((t, i) => ({ id: t.id, title: t.title, state: this.states[i]! }));
    return this.cached;
  }

  get allDone(): boolean {
    return this.states.every((s) => s === 'done' || s === 'missed');
  }

  /** Mark the active task done and activate the next; returns the finished task. */
  completeActive(): T | null {
    const i = this.states.indexOf('active');
    if (i < 0) return null;
    this.states[i] = 'done';
    if (i + 1 < this.states.length) this.states[i + 1] = 'active';
    this.cached = null;
    return this.tasks[i]!;
  }

  /** The game ends: unfinished tasks are missed; returns them. */
  missRemaining(): T[] {
    const out: T[] = [];
    this.states.forEach((s, i) => {
      if (s === 'active' || s === 'pending') {
        this.states[i] = 'missed';
        out.push(this.tasks[i]!);
      }
    });
    if (out.length) this.cached = null;
    return out;
  }
}
