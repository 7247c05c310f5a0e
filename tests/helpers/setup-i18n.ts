// Unit-test setup: every test starts with browser.i18n answering in English
// from the shipped messages, so views render what a reader sees and a missing
// key shows up as the key itself.
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishMessage } from './messages';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
});
