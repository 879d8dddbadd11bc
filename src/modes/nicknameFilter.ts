// Matching nicknames against the blocklist the way people dodge it: f_u_c_k, sh1t, ＦＵＣＫ, 他媽的.
// A nickname is folded before matching — full-width to plain (NFKC), lower case, Traditional
// characters to Simplified (a small table: only characters of the listed words need it, and a test
// checks it against OpenCC, the build's converter), digits that stand for letters (1→i/l, 3→e, 0→o …),
// and everything that is not a letter or a Han character dropped — and matched again with repeated
// letters collapsed (fuuuck). The product's own words that contain a listed character (死角 "blind
// spot", 操场 "playground") are allowed: they are taken out before matching.
import { NICKNAME_ALLOWLIST, NICKNAME_BLOCKLIST, NICKNAME_BLOCKED_WHOLE } from '../i18n/nicknames.ts';

/** Traditional → Simplified for the characters of the block- and allow-lists (and their common neighbours). */
export const HANT_TO_HANS: Readonly<Record<string, string>> = {
  媽: '妈',
  滾: '滚',
  員: '员',
  賤: '贱',
  雜: '杂',
  種: '种',
  腦: '脑',
  殘: '残',
  廢: '废',
  雞: '鸡',
  臥: '卧',
  馬: '马',
  瑪: '玛',
  癡: '痴',
  場: '场',
  體: '体',
  動: '动',
  視: '视',
  線: '线',
  區: '区',
  幹: '干',
  殺: '杀',
  豬: '猪',
  們: '们',
  賣: '卖',
  淫: '淫',
  婦: '妇',
  屍: '尸',
  蟲: '虫',
  擬: '拟',
  禍: '祸',
  門: '门',
  錯: '错',
  機: '机',
  車: '车',
  業: '业',
  輪: '轮',
};

const LEET_I: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '6': 'g', '7': 't', '8': 'b', '9': 'g' };

/** The folded forms a nickname is matched in (Simplified, lower case, letters and Han only). */
export function foldNickname(raw: string): string[] {
  const base = [...raw.normalize('NFKC').toLowerCase()].map((c) => HANT_TO_HANS[c] ?? c).join('');
  const forms = new Set<string>();
  for (const one of ['i', 'l']) {
    const leet = [...base].map((c) => (c === '1' ? one : (LEET_I[c] ?? c))).join('');
    const letters = leet.replace(/[^a-z\p{Script=Han}]/gu, '');
    forms.add(letters);
    forms.add(letters.replace(/([a-z])\1+/g, '$1'));
  }
  return [...forms];
}

/** Takes the product's own words out (死角 stays a blind spot, not a death). */
function withoutAllowed(folded: string): string {
  let s = folded;
  for (const w of NICKNAME_ALLOWLIST) s = s.split(w).join(' ');
  return s;
}

/** Is the nickname (or what it spells once folded) on the blocklist? */
export function isBlockedNickname(raw: string): boolean {
  for (const form of foldNickname(raw)) {
    if (NICKNAME_BLOCKED_WHOLE.includes(form)) return true;
    const s = withoutAllowed(form);
    if (NICKNAME_BLOCKLIST.some((w) => s.includes(w))) return true;
  }
  return false;
}
