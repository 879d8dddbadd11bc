// The results import, off the kiosk's main thread: reads the file, checks it a chunk at a time,
// plans what to add (linear, importPlan.ts) and writes it to IndexedDB in one transaction, reporting
// progress after every chunk. A cancel between two chunks stops it; once writing has started, a
// cancel aborts the transaction, so an import is all or nothing.
import Dexie from 'dexie';
import { openHallDb } from '../storage/db.ts';
import type { Attempt } from '../storage/types.ts';
import { CHECK_CHUNK, capErrors, checkAttempts, checkVisitors, planImport, readExport, sizeProblem } from './importPlan.ts';
import type { ImportRequest, ImportStage, WorkerReply } from './importJob.ts';

const WRITE_CHUNK = 2000;
let cancelled = false;

const post = (m: WorkerReply) => (self as unknown as Worker).postMessage(m);
const progress = (stage: ImportStage, done: number, total: number) => post({ type: 'progress', stage, done, total });
/** lets a cancel message in between two chunks */
const breathe = () => new Promise<void>((r) => setTimeout(r, 0));

class Cancelled extends Error {}
function check() {
  if (cancelled) throw new Cancelled('cancelled');
}

async function run(req: ImportRequest): Promise<WorkerReply> {
  const tooBig = sizeProblem(req.file.size);
  if (tooBig) return { type: 'failed', errors: [tooBig] };
  progress('read', 0, 1);
  const text = await req.file.text();
  check();
  let raw: unknown;
  try {
    raw = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (e) {
    return { type: 'failed', errors: [`the file is not JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  progress('read', 1, 1);
  const shape = readExport(raw);
  if (!shape.ok) return { type: 'failed', errors: shape.errors };
  const { body } = shape;
  const errors: string[] = [];
  const attempts: Attempt[] = [];
  for (let i = 0; i < body.attempts.length; i += CHECK_CHUNK) {
    checkAttempts(body.attempts, i, i + CHECK_CHUNK, attempts, errors);
    progress('check', Math.min(body.attempts.length, i + CHECK_CHUNK), body.attempts.length);
    await breathe();
    check();
  }
  const visitors = checkVisitors(body.visitors, errors);
  if (errors.length) return { type: 'failed', errors: capErrors(errors) };

  const db = openHallDb();
  try {
    await db.open();
  } catch (e) {
    return { type: 'failed', errors: [`this device's storage cannot be opened: nothing was imported (${e instanceof Error ? e.message : String(e)})`] };
  }
  try {
    const plan = await planImport(
      attempts,
      visitors,
      body.exportedAt,
      {
        attempts: (ids) => db.attempts.bulkGet(ids),
        visitorIds: async (ids) => new Set((await db.visitors.bulkGet(ids)).filter((v) => v).map((v) => v!.id)),
      },
      (done) => {
        progress('merge', done, attempts.length);
        check();
      },
    );
    check();
    const total = plan.attempts.length + plan.visitors.length;
    await db.transaction('rw', db.attempts, db.visitors, async () => {
      let done = 0;
      for (let i = 0; i < plan.visitors.length; i += WRITE_CHUNK) {
        await db.visitors.bulkPut(plan.visitors.slice(i, i + WRITE_CHUNK));
        done += Math.min(WRITE_CHUNK, plan.visitors.length - i);
        progress('write', done, total);
        check();
      }
      for (let i = 0; i < plan.attempts.length; i += WRITE_CHUNK) {
        await db.attempts.bulkPut(plan.attempts.slice(i, i + WRITE_CHUNK));
        done += Math.min(WRITE_CHUNK, plan.attempts.length - i);
        progress('write', done, total);
        check();
      }
    });
    return { type: 'done', added: plan.attempts.length, skipped: plan.skipped, conflicts: plan.conflicts, visitorsAdded: plan.visitors.length, nicknamesCleared: plan.nicknamesCleared, attemptIds: plan.attempts.map((a) => a.id), visitorIds: plan.visitors.map((v) => v.id) };
  } catch (e) {
    if (e instanceof Cancelled || (e instanceof Dexie.AbortError && cancelled)) return { type: 'cancelled' };
    return { type: 'failed', errors: [`writing to this device's storage failed: nothing was imported (${e instanceof Error ? e.message : String(e)})`] };
  } finally {
    db.close();
  }
}

self.onmessage = (e: MessageEvent<{ type: 'start'; req: ImportRequest } | { type: 'cancel' }>) => {
  if (e.data.type === 'cancel') {
    cancelled = true;
    return;
  }
  void run(e.data.req)
    .catch((err: unknown): WorkerReply => (err instanceof Cancelled ? { type: 'cancelled' } : { type: 'failed', errors: [String(err)] }))
    .then(post);
};
