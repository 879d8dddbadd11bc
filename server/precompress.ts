// Brotli and gzip copies of the built app's text files, made once after the server starts (next to
// each file: app.js.br, app.js.gz), so every device gets the first screen compressed at brotli's best
// without the server compressing the same bytes for each of them. @fastify/static picks the copy the
// browser accepts; until a copy exists, @fastify/compress compresses that file on the fly (faster,
// a little larger). The controller models (.glb, binary) get gzip only: brotli's best setting takes 19 s on
// them for 7 % less.
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const br = promisify(brotliCompress);
const gz = promisify(gzip);

const TEXT = /\.(js|mjs|css|html|svg|json|webmanifest|txt|wasm)$/;
const BINARY = /\.(glb|gltf|bin)$/;
/** smaller files are not worth a second request's worth of bookkeeping */
const MIN_BYTES = 1024;

export interface PrecompressReport {
  files: number;
  written: number;
  rawBytes: number;
  brotliBytes: number;
  gzipBytes: number;
  ms: number;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

async function fresh(copy: string, sourceMtime: number): Promise<boolean> {
  try {
    return (await stat(copy)).mtimeMs >= sourceMtime;
  } catch {
    return false;
  }
}

/** Writes the missing or stale .br/.gz copies; zlib runs in libuv's thread pool, a few at a time. */
export async function precompress(dir: string, opts: { skip?: (path: string) => boolean } = {}): Promise<PrecompressReport> {
  const started = performance.now();
  const report: PrecompressReport = { files: 0, written: 0, rawBytes: 0, brotliBytes: 0, gzipBytes: 0, ms: 0 };
  const files = (await walk(dir)).filter((f) => (TEXT.test(f) || BINARY.test(f)) && !opts.skip?.(f));
  const queue = [...files];
  async function worker() {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const s = await stat(f);
      if (s.size < MIN_BYTES) continue;
      report.files++;
      report.rawBytes += s.size;
      const data = await readFile(f);
      const jobs: Promise<void>[] = [];
      const make = async (ext: string, fn: () => Promise<Buffer>, add: (n: number) => void) => {
        const copy = `${f}.${ext}`;
        if (await fresh(copy, s.mtimeMs)) return add((await stat(copy)).size);
        const out = await fn();
        // written aside, then renamed: a request never gets half a copy
        await writeFile(`${copy}.tmp`, out);
        await rename(`${copy}.tmp`, copy);
        report.written++;
        add(out.length);
      };
      if (TEXT.test(f))
        jobs.push(make('br', () => br(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }), (n) => (report.brotliBytes += n)));
      jobs.push(make('gz', () => gz(data, { level: 9 }), (n) => (report.gzipBytes += n)));
      await Promise.all(jobs);
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker));
  report.ms = Math.round(performance.now() - started);
  return report;
}
