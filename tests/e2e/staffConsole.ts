// Opening the staff console on a fresh device, for browser tests outside staff.e2e.ts: the setup code,
// then the PIN set on first use through the on-screen keypad (the same steps staff.e2e.ts takes).
import type { Page } from 'playwright-core';
import { E2E_SETUP_CODE } from './browser.ts';
import { open } from './helpers.ts';

export const STAFF_PIN = '246813';

/** Types a PIN on the on-screen keypad and presses OK. */
export async function keypad(page: Page, pin: string) {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
}

/** Opens #/staff on a device without a PIN, sets one and waits for the console. */
export async function openStaffConsole(page: Page) {
  await open(page, '#/staff');
  // a device without a PIN asks for the deployment's setup code first (the test build writes one)
  await page.getByTestId('setup-code').fill(E2E_SETUP_CODE);
  await page.getByTestId('setup-code-ok').click();
  await page.getByTestId('pin-set').waitFor();
  await keypad(page, STAFF_PIN);
  await page.getByTestId('pin-confirm').waitFor();
  await keypad(page, STAFF_PIN);
  await page.getByTestId('staff-console').waitFor();
}
