// An .xlsx is a zip of XML files. Before the workbook parser (exceljs, which inflates every part into
// memory) sees the bytes, this reads the zip's directory and inflates each part as a stream, counting:
// bytes once inflated, rows of each worksheet and the longest text between two tags (a cell). It stops
// at the first limit passed, so a small file that inflates to millions of rows costs a few megabytes
// and a moment, and the staff see why. The sizes the directory declares are checked first (no
// inflating at all for an honest zip bomb); the streaming count catches a directory that lies.
// Uses DecompressionStream (browsers, Node ≥ 18): no dependency.
import { LIMITS, type ImportLimits } from './limits.ts';
import { problem, type RowProblem } from './problems.ts';

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

export interface ZipCheck {
  ok: boolean;
  problem?: RowProblem;
  /** bytes actually inflated while checking (what the check cost) */
  inflated: number;
  /** rows counted per worksheet */
  rows: Record<string, number>;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

export const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The central directory, or why it cannot be read. */
function entries(b: Uint8Array): Entry[] | string {
  // end of central directory: 22 bytes plus a comment of up to 65535
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--)
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return 'the zip directory is missing (the file is cut short or not an xlsx)';
  const count = u16(b, eocd + 10);
  const offset = u32(b, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) return 'zip64 workbooks are not supported';
  const out: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) return 'the zip directory is damaged';
    const nameLen = u16(b, at + 28);
    const extraLen = u16(b, at + 30);
    const commentLen = u16(b, at + 32);
    out.push({
      name: new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLen)),
      method: u16(b, at + 10),
      compressedSize: u32(b, at + 20),
      declaredSize: u32(b, at + 24),
      localOffset: u32(b, at + 42),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The entry's stored bytes (after its local header). */
function dataOf(b: Uint8Array, e: Entry): Uint8Array | null {
  const at = e.localOffset;
  if (at + 30 > b.length || u32(b, at) !== 0x04034b50) return null;
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  const end = start + e.compressedSize;
  return end <= b.length ? b.subarray(start, end) : null;
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
/** parts whose text runs are cells the import reads */
const CELL_TEXT = /^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/i;
const ROW_TAG = /<(?:\w+:)?row[\s>/]/g;

export async function checkXlsxZip(bytes: Uint8Array, limits: ImportLimits = LIMITS): Promise<ZipCheck> {
  const result: ZipCheck = { ok: false, inflated: 0, rows: {} };
  const fail = (code: Parameters<typeof problem>[2], message: string, params = {}): ZipCheck => ({ ...result, problem: problem(0, '', code, message, params) });
  const list = entries(bytes);
  if (typeof list === 'string') return fail(list.startsWith('zip64') ? 'zip.unsupported' : 'file.notXlsx', `not a readable .xlsx workbook (${list})`, { detail: list });

  const tooBig = () =>
    fail('zip.inflated', `the workbook unpacks to more than ${Math.round(limits.inflatedBytes / 1048576)} MB: it holds far more than a question sheet; keep only the questions`, {
      mb: Math.round(limits.inflatedBytes / 1048576),
    });
  const tooManyRows = (name: string) =>
    fail('zip.rows', `a worksheet (${name}) has more than ${limits.rows} rows: split it into smaller sheets`, { max: limits.rows, sheet: name });
  const cellTooLong = () =>
    fail('zip.cell', `a cell holds more than ${limits.cellChars} characters: shorten it`, { max: limits.cellChars });

  // 1. what the directory declares: an honest bomb never gets inflated
  let declared = 0;
  for (const e of list) {
    if (e.method !== 0 && e.method !== 8) return fail('zip.unsupported', `not a readable .xlsx workbook (part ${e.name} uses compression method ${e.method})`, { detail: e.name });
    declared += e.declaredSize;
  }
  if (declared > limits.inflatedBytes) return tooBig();

  // 2. what the parts really hold, streamed and counted
  for (const e of list) {
    const data = dataOf(bytes, e);
    if (!data) return fail('file.notXlsx', `not a readable .xlsx workbook (part ${e.name} is cut short)`, { detail: e.name });
    const sheet = WORKSHEET.test(e.name);
    const cells = CELL_TEXT.test(e.name);
    let rows = 0;
    // text between tags, and a tag, may continue into the next chunk
    let run = 0;
    let inTag = false;
    let tail = '';
    const decoder = new TextDecoder();
    const source = new Blob([data as BlobPart]).stream();
    const stream = e.method === 8 ? source.pipeThrough(new DecompressionStream('deflate-raw')) : source;
    const reader = stream.getReader();
    let outcome: ZipCheck | null = null;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        result.inflated += value.byteLength;
        if (result.inflated > limits.inflatedBytes) {
          outcome = tooBig();
          break;
        }
        if (!sheet && !cells) continue;
        const text = decoder.decode(value, { stream: true });
        if (sheet) {
          const scan = tail + text;
          rows += (scan.match(ROW_TAG) ?? []).length - (tail.match(ROW_TAG) ?? []).length;
          tail = scan.slice(-12);
          if (rows > limits.rows + 1) {
            outcome = tooManyRows(e.name);
            break;
          }
        }
        if (cells) {
          // the longest stretch of text outside tags is a cell's text; entities (&quot;) make it look
          // up to six times longer, so this bounds memory and rows.ts checks each cell exactly
          for (let i = 0; i < text.length; ) {
            if (inTag) {
              const gt = text.indexOf('>', i);
              if (gt < 0) break;
              inTag = false;
              i = gt + 1;
              continue;
            }
            const lt = text.indexOf('<', i);
            run += (lt < 0 ? text.length : lt) - i;
            if (run > limits.cellChars * 6) break;
            if (lt < 0) break;
            run = 0;
            inTag = true;
            i = lt + 1;
          }
          if (run > limits.cellChars * 6) {
            outcome = cellTooLong();
            break;
          }
        }
      }
    } catch (err) {
      outcome = fail('file.notXlsx', `not a readable .xlsx workbook (part ${e.name}: ${(err as Error).message})`, { detail: e.name });
    } finally {
      // stop inflating at once: the rest of a bomb is never produced
      await reader.cancel().catch(() => undefined);
    }
    if (outcome) return outcome;
    if (sheet) result.rows[e.name] = rows;
  }
  return { ...result, ok: true };
}
