// The main thread's side of a results import: starts the worker (importWorker.ts), passes progress
// on, cancels. The kiosk stays responsive whatever the file's size.
export type ImportStage = 'read' | 'check' | 'merge' | 'write';

export interface ImportRequest {
  file: Blob;
}

export type ImportOutcome =
  | { type: 'done'; added: number; skipped: number; conflicts: number; visitorsAdded: number; nicknamesCleared: number; attemptIds: string[]; visitorIds: string[] }
  | { type: 'cancelled' }
  | { type: 'failed'; errors: string[] };

export type WorkerReply = ImportOutcome | { type: 'progress'; stage: ImportStage; done: number; total: number };

export interface ImportJob {
  result: Promise<ImportOutcome>;
  cancel(): void;
}

export function startImport(file: Blob, onProgress: (stage: ImportStage, done: number, total: number) => void): ImportJob {
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'results-import' });
  const result = new Promise<ImportOutcome>((resolve) => {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === 'progress') return onProgress(m.stage, m.done, m.total);
      worker.terminate();
      resolve(m);
    };
    worker.onerror = (e) => {
      worker.terminate();
      resolve({ type: 'failed', errors: [`the import stopped: ${e.message || 'the import worker could not start'}`] });
    };
  });
  worker.postMessage({ type: 'start', req: { file } satisfies ImportRequest });
  return { result, cancel: () => worker.postMessage({ type: 'cancel' }) };
}
