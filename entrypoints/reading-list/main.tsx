// The reading list page's glue: the model over local storage (the background
// mirrors it to sync), its change feed, and downloads through Blob URLs.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/components/i18n';
import { ReadingListPage } from '@/components/reading-list/ReadingListPage';
import '@/components/reading-list/reading-list.css';
import { downloadText } from '@/extension/download';
import { openPageReadingList, watchReadingList } from '@/extension/reading-list-client';
import { quotePack } from '@/lib/engine-data';

const uiLanguage = browser.i18n.getUILanguage();
document.documentElement.lang = uiLanguage;
document.title = `${t('readinglist_title')} · ${t('extName')}`;

void openPageReadingList().then((list) =>
  render(
    <ReadingListPage
      list={list}
      pack={quotePack}
      uiLanguage={uiLanguage}
      subscribe={watchReadingList}
      download={downloadText}
      now={() => new Date()}
    />,
    document.getElementById('app')!,
  ),
);
