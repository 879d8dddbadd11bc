// Visitor profiles: nickname rules and random nicknames. Pure: the random source is passed in.
import { NICKNAME_WORDS } from '../i18n/nicknames.ts';
import { isBlockedNickname } from './nicknameFilter.ts';

export const NICKNAME_MAX = 20;

export type NicknameProblem = 'nicknameEmpty' | 'nicknameTooLong' | 'nicknameChars' | 'nicknameBlocked';

/** Chinese characters, Latin letters, digits, spaces, - and _; never a real-name form is asked for. */
export function nicknameProblem(raw: string): NicknameProblem | null {
  const nick = raw.trim();
  if (!nick) return 'nicknameEmpty';
  if ([...nick].length > NICKNAME_MAX) return 'nicknameTooLong';
  if (!/^[\p{Script=Han}A-Za-z0-9 _-]+$/u.test(nick)) return 'nicknameChars';
  if (isBlockedNickname(nick)) return 'nicknameBlocked';
  return null;
}

export function randomNickname(lang: 'zh-Hans' | 'zh-Hant' | 'en', random: () => number = Math.random): string {
  const words = lang === 'en' ? NICKNAME_WORDS.en : NICKNAME_WORDS['zh-Hans'];
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return lang === 'en' ? `${pick(words.adjectives)} ${pick(words.nouns)}` : `${pick(words.adjectives)}${pick(words.nouns)}`;
}

export function newId(prefix: string, random: () => number = Math.random): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}
