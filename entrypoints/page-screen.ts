// The content script on every http(s) page (declared in wxt.config.ts, not
// through defineContentScript: WXT's content-script runtime uses the extension
// API as it starts, which would cost every page a few milliseconds). It rules
// most pages out on its own and hands the rest to entrypoints/content.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { screenPage } from '@/extension/content/screen-page';

export default defineUnlistedScript(screenPage);
