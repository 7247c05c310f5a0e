// A personal note on a saved remark. Saved a moment after typing stops and
// when the field loses focus, with the state shown next to it. A change
// made elsewhere (another tab) comes in only while the reader is not editing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

export interface NoteFieldProps {
  id: string;
  note: string;
  /** Only the start of the note reached this browser (cut to fit sync). */
  truncated?: boolean;
  readOnly?: boolean;
  onSave(note: string): Promise<void>;
}

/** Quiet time after the last keystroke before the note is saved. */
export const NOTE_SAVE_DELAY_MS = 700;

type NoteState = 'idle' | 'editing' | 'saving' | 'saved' | 'failed';

export function NoteField({ id, note, truncated, readOnly, onSave }: NoteFieldProps) {
  const [value, setValue] = useState(note);
  const [state, setState] = useState<NoteState>('idle');
  const [error, setError] = useState('');
  const dirty = useRef(false);
  const latest = useRef(note);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (!dirty.current) {
      setValue(note);
      latest.current = note;
    }
  }, [note]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const save = async () => {
    clearTimeout(timer.current);
    if (!dirty.current) return;
    const text = latest.current;
    setState('saving');
    try {
      await onSave(text);
      // Typed on while it was saving: the next save will carry that.
      if (latest.current === text) {
        dirty.current = false;
        setState('saved');
      }
    } catch (e) {
      setError((e as Error).message);
      setState('failed');
    }
  };

  const stateText: Record<NoteState, string> = {
    idle: '',
    editing: t('readinglist_note_editing'),
    saving: t('readinglist_note_saving'),
    saved: t('readinglist_note_saved'),
    failed: t('readinglist_note_failed', error),
  };

  return (
    <div class="rl-note">
      <label for={id} class="rl-note-label">
        {t('readinglist_note_label')}
      </label>
      <textarea
        id={id}
        class="rl-note-input"
        rows={2}
        value={value}
        readOnly={readOnly}
        aria-describedby={`${id}-state`}
        onInput={(event) => {
          const text = (event.target as HTMLTextAreaElement).value;
          setValue(text);
          latest.current = text;
          dirty.current = true;
          setState('editing');
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(), NOTE_SAVE_DELAY_MS);
        }}
        onBlur={() => void save()}
      />
      <p id={`${id}-state`} class={`rl-note-state rl-note-${state}`} data-state={state}>
        {state === 'saved' && <span aria-hidden="true">✓ </span>}
        {stateText[state]}
      </p>
      {truncated && <p class="rl-warning">{t('readinglist_note_truncated')}</p>}
    </div>
  );
}
