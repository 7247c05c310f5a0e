import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports keep every module's dependencies visible to a reader.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    action: { default_title: '__MSG_actionTitle__' },
    browser_specific_settings: {
      gecko: {
        id: 'tian-quotes@example.org',
        strict_min_version: '115.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
