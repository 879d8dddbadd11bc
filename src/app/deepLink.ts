// Deep links (`group=<groupId>&lang=<lang>` on any route) start an anonymous visitor of that group in
// that language, without a stored profile. Unknown ids give a notice instead of a blank page.
import { isLang } from '../i18n/langs.ts';
import type { SessionStore } from '../stores/session.ts';

export function applyDeepLink(store: SessionStore, params: Record<string, string>, groupIds: readonly string[]): void {
  const { actions, visitor, lang } = store.getState();
  if (params.lang !== undefined) {
    if (isLang(params.lang)) {
      if (params.lang !== lang) actions.setLang(params.lang, false);
    } else actions.notify({ key: 'errors.unknownLang', params: { id: params.lang }, tone: 'warning' });
  }
  if (params.group !== undefined) {
    if (!groupIds.includes(params.group)) {
      actions.notify({ key: 'errors.unknownGroup', params: { id: params.group }, tone: 'warning' });
      return;
    }
    // the same station reloaded or navigated keeps its visitor; a new group is a new visitor
    if (!(visitor?.anonymous && visitor.group === params.group)) actions.startAnonymous(params.group);
  }
}
