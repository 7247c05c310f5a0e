// The card: one remark by Tian Yuandong, shown on a page about AI. A view only:
// every action is a prop, and the only browser API it touches is i18n (via t).
// It never takes focus by itself; the content script may call focusCard() on a
// keyboard shortcut.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { RemarkView } from '../lib/messages';
import type { QuotePack } from '../lib/pack/schema';
import { ContextPanel, LANG_TAG, type Lang } from './card/ContextPanel';
import { Icon } from './Icon';
import { t } from './i18n';

export type { RemarkView };
export type CardDisplay = 'auto' | 'both' | 'zh' | 'en';

export interface QuoteCardProps {
  /** Top matches, best first (1 to 3). */
  remarks: RemarkView[];
  source: QuotePack['source'];
  /** 'auto': both, the UI language first; 'both': both, the Chinese original first. */
  display: CardDisplay;
  /** e.g. 'zh-CN', 'en-US'. */
  uiLanguage: string;
  savedIds: ReadonlySet<string>;
  onToggleSave(remark: RemarkView): void;
  onCopy(remark: RemarkView): Promise<void>;
  /** The card calls onClose() right after it. */
  onNotRelevant(remark: RemarkView): void;
  /** The card calls onClose() right after it. */
  onHideSite(): void;
  onOpenSettings(): void;
  /** × button, Esc, and after "Not relevant" / "Hide on this site": unmount the card. */
  onClose(): void;
}

/** The class of the card's root, a labelled region (see focusCard). */
export const CARD_CLASS = 'tq-card';
/** How long the "Copied" status stays. */
export const STATUS_MS = 3000;
/** The polite announcement is set this long after mount, so screen readers notice the change. */
export const ANNOUNCE_DELAY_MS = 100;

const isChinese = (uiLanguage: string) => /^zh(?:[-_]|$)/i.test(uiLanguage);

/** The languages to show, in order. */
export function languageOrder(display: CardDisplay, uiLanguage: string): Lang[] {
  if (display === 'zh' || display === 'en') return [display];
  if (display === 'both') return ['zh', 'en'];
  return isChinese(uiLanguage) ? ['zh', 'en'] : ['en', 'zh'];
}

/** Where focus was before focusCard(), to give it back when the card closes. */
const focusBefore = new WeakMap<HTMLElement, HTMLElement>();

/**
 * Moves focus to the card (for the content script's keyboard shortcut; never
 * called when the card appears). `root` is the shadow root or any ancestor.
 * Returns false when there is no card.
 */
export function focusCard(root: ParentNode): boolean {
  const card = root.querySelector<HTMLElement>(`.${CARD_CLASS}`);
  if (!card) return false;
  const inside = (card.getRootNode() as Document | ShadowRoot).activeElement;
  const before = document.activeElement as HTMLElement | null;
  if (!(inside && card.contains(inside)) && before && before !== document.body && typeof before.focus === 'function') {
    focusBefore.set(card, before);
  }
  card.focus({ preventScroll: true });
  return true;
}

export function QuoteCard(props: QuoteCardProps) {
  const { remarks, source, display, uiLanguage, savedIds } = props;
  const [index, setIndex] = useState(0);
  const [expanded, setExpanded] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [status, setStatus] = useState('');
  const cardRef = useRef<HTMLElement>(null);
  const statusTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const contextId = useId();

  const langs = languageOrder(display, uiLanguage);
  const total = remarks.length;
  const remark = remarks[index % Math.max(total, 1)];

  // Announce the card politely once it is in the page; never move focus.
  useEffect(() => {
    const first = remarks[0];
    const timer = setTimeout(() => first && setAnnouncement(t('card_announce', first[langs[0]!])), ANNOUNCE_DELAY_MS);
    return () => {
      clearTimeout(timer);
      clearTimeout(statusTimer.current);
    };
  }, []);

  if (!remark) return null;

  const close = () => {
    // If focus is in the card (Esc, ×), give it back to where focusCard() took it from.
    const card = cardRef.current;
    const back = card && focusBefore.get(card);
    const active = card && (card.getRootNode() as Document | ShadowRoot).activeElement;
    if (card && back?.isConnected && active && card.contains(active)) back.focus({ preventScroll: true });
    props.onClose();
  };

  const next = () => {
    const i = (index + 1) % total;
    setIndex(i);
    const shown = remarks[i]!;
    setAnnouncement(t('card_position_announce', [String(i + 1), String(total), shown[langs[0]!]]));
  };

  const copy = async () => {
    let message: string;
    try {
      await props.onCopy(remark);
      message = t('card_copied');
    } catch {
      message = t('card_copy_failed');
    }
    clearTimeout(statusTimer.current);
    setStatus(message);
    statusTimer.current = setTimeout(() => setStatus(''), STATUS_MS);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };

  const saved = savedIds.has(remark.id);
  const zhUi = isChinese(uiLanguage);

  return (
    <section
      ref={cardRef}
      class={CARD_CLASS}
      role="region"
      aria-label={t('card_region_label')}
      lang={uiLanguage}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header class="tq-head">
        <span class="tq-title" aria-hidden="true">
          {t('card_region_label')}
        </span>
        <button type="button" class="tq-icon" aria-label={t('card_settings')} onClick={() => props.onOpenSettings()}>
          <Icon name="settings" />
        </button>
        <button type="button" class="tq-icon" aria-label={t('card_close')} onClick={close}>
          <Icon name="close" />
        </button>
      </header>

      {/* Above the scrolling middle: a long remark must not push the reason out of view. */}
      {remark.why.length > 0 && (
        <p class="tq-why">
          <span class="tq-why-label">{t('card_why')}</span>{' '}
          {remark.why.map((w) => (zhUi ? w.label.zh : w.label.en)).join(zhUi ? '、' : ', ')}
        </p>
      )}

      <div class="tq-body">
        <blockquote class="tq-quote">
          {langs.map((lang) =>
            lang === 'zh' ? (
              <p key="zh" class="tq-zh" lang={LANG_TAG.zh}>
                {remark.zh}
              </p>
            ) : (
              <div key="en" class="tq-en">
                <p class="tq-label">{t('card_translation')}</p>
                <p lang={LANG_TAG.en}>{remark.en}</p>
              </div>
            ),
          )}
        </blockquote>

        <Attribution remark={remark} source={source} />

        <button
          type="button"
          class="tq-disclosure"
          aria-expanded={expanded}
          aria-controls={contextId}
          onClick={() => setExpanded(!expanded)}
        >
          <Icon name="chevron" class="tq-chevron" />
          {t('card_context')}
        </button>
        <ContextPanel id={contextId} hidden={!expanded} remark={remark} source={source} langs={langs} />
      </div>

      <footer class="tq-actions">
        <div class="tq-row">
          <button type="button" class="tq-btn" aria-pressed={saved} onClick={() => props.onToggleSave(remark)}>
            <Icon name="star" filled={saved} /> {t('card_save')}
          </button>
          <button type="button" class="tq-btn" onClick={copy}>
            {t('card_copy')}
          </button>
          {total > 1 && (
            <span class="tq-next">
              <button type="button" class="tq-btn" onClick={next}>
                {t('card_next')}
              </button>
              <span class="tq-position">{t('card_position', [String(index + 1), String(total)])}</span>
            </span>
          )}
        </div>
        <div class="tq-row tq-secondary">
          <button
            type="button"
            class="tq-link"
            onClick={() => {
              props.onNotRelevant(remark);
              close();
            }}
          >
            {t('card_not_relevant')}
          </button>
          <button
            type="button"
            class="tq-link"
            onClick={() => {
              props.onHideSite();
              close();
            }}
          >
            {t('card_hide_site')}
          </button>
        </div>
        <p class="tq-status" role="status" aria-live="polite">
          {status}
        </p>
      </footer>

      <p class="tq-sr" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}

/** 田渊栋 Tian Yuandong · 甲子光年 Jiazi Guangnian · 2024-05-28 · 2. 谈判断 · On judgement */
function Attribution({ remark, source }: { remark: RemarkView; source: QuotePack['source'] }) {
  const both = (pair: { zh: string; en: string }) => (
    <>
      <span lang={LANG_TAG.zh}>{pair.zh}</span> <span lang={LANG_TAG.en}>{pair.en}</span>
    </>
  );
  const dot = <span aria-hidden="true"> · </span>;
  return (
    <p class="tq-attribution">
      {both(source.speaker)}
      {dot}
      <cite>{both(source.publication)}</cite>
      {dot}
      <time dateTime={source.date}>{source.date}</time>
      {dot}
      <span lang={LANG_TAG.zh}>
        {remark.section.number}. {remark.section.zh}
      </span>
      {dot}
      <span lang={LANG_TAG.en}>{remark.section.en}</span>
    </p>
  );
}
