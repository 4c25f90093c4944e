import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface RichTextEditorProps {
  label: string;
  /** HTML. The API sanitises what is saved, so this editor only has to produce plain, tidy markup. */
  value: string;
  onChange: (html: string) => void;
  hint?: ReactNode;
  error?: string;
  disabled?: boolean;
}

type Command = 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList';
type Block = 'h2' | 'h3' | 'p';

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/**
 * A small rich-text editor: a toolbar (bold, italic, headings, lists, link) over a contentEditable
 * area driven by `document.execCommand`. Deprecated but still implemented by every browser, it
 * keeps undo/redo and selection handling native without a 100 kB editor dependency.
 */
export function RichTextEditor({ label, value, onChange, hint, error, disabled = false }: RichTextEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const area = useRef<HTMLDivElement>(null);
  const savedRange = useRef<Range | null>(null);
  const [active, setActive] = useState<Record<string, boolean>>({});
  const [linking, setLinking] = useState(false);

  // Only outside changes are written into the DOM; rewriting on every keystroke would move the caret.
  useEffect(() => {
    const el = area.current;
    if (el && el.innerHTML !== value) el.innerHTML = value;
  }, [value]);

  const refreshState = useCallback(() => {
    const el = area.current;
    const selection = document.getSelection();
    if (!el || !selection?.anchorNode || !el.contains(selection.anchorNode)) return;
    setActive({
      bold: document.queryCommandState('bold'),
      italic: document.queryCommandState('italic'),
      insertUnorderedList: document.queryCommandState('insertUnorderedList'),
      insertOrderedList: document.queryCommandState('insertOrderedList'),
      h2: document.queryCommandValue('formatBlock') === 'h2',
      h3: document.queryCommandValue('formatBlock') === 'h3',
    });
  }, []);

  useEffect(() => {
    document.addEventListener('selectionchange', refreshState);
    return () => document.removeEventListener('selectionchange', refreshState);
  }, [refreshState]);

  const emit = () => {
    const html = area.current?.innerHTML ?? '';
    // An emptied editor leaves a lone <br> or empty paragraph behind.
    onChange(area.current?.textContent?.trim() || html.includes('<img') ? html : '');
  };

  const run = (command: string, argument?: string) => {
    area.current?.focus();
    document.execCommand('styleWithCSS', false, 'false');
    document.execCommand(command, false, argument);
    emit();
    refreshState();
  };

  const toggleBlock = (block: Block) => run('formatBlock', active[block] ? 'p' : block);

  const startLink = () => {
    const selection = document.getSelection();
    savedRange.current = selection && selection.rangeCount > 0 && area.current?.contains(selection.anchorNode) ? selection.getRangeAt(0).cloneRange() : null;
    setLinking(true);
  };

  const insertLink = (href: string) => {
    setLinking(false);
    area.current?.focus();
    const selection = document.getSelection();
    if (savedRange.current && selection) {
      selection.removeAllRanges();
      selection.addRange(savedRange.current);
    }
    if (selection?.isCollapsed) run('insertHTML', `<a href="${escapeAttribute(href)}">${escapeText(href)}</a>`);
    else run('createLink', href);
  };

  const tool = (key: string, labelKey: string, onClick: () => void, icon: ReactNode, pressed?: boolean) => (
    <button
      key={key}
      type="button"
      className="rte-button"
      aria-label={t(labelKey)}
      title={t(labelKey)}
      aria-pressed={pressed}
      disabled={disabled}
      // Keep the selection in the editor: a button taking focus would lose it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {icon}
    </button>
  );

  const command = (name: Command, labelKey: string, icon: ReactNode) => tool(name, labelKey, () => run(name), icon, Boolean(active[name]));

  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className={error ? 'field rte field-invalid' : 'field rte'}>
      <span id={`${id}-label`} className="field-label">
        {label}
      </span>
      <div className="rte-frame">
        <div className="rte-toolbar" role="toolbar" aria-label={t('richText.toolbar')} aria-controls={`${id}-area`}>
          {command('bold', 'richText.bold', <b aria-hidden="true">B</b>)}
          {command('italic', 'richText.italic', <i aria-hidden="true">I</i>)}
          {tool('h2', 'richText.heading', () => toggleBlock('h2'), <span aria-hidden="true">H2</span>, Boolean(active.h2))}
          {tool('h3', 'richText.subheading', () => toggleBlock('h3'), <span aria-hidden="true">H3</span>, Boolean(active.h3))}
          {command('insertUnorderedList', 'richText.bulletList', <ListIcon />)}
          {command('insertOrderedList', 'richText.numberedList', <NumberedIcon />)}
          {tool('link', 'richText.link', startLink, <LinkIcon />)}
          {tool('unlink', 'richText.removeLink', () => run('unlink'), <UnlinkIcon />)}
        </div>
        {linking && <LinkForm onInsert={insertLink} onCancel={() => setLinking(false)} />}
        <div
          ref={area}
          id={`${id}-area`}
          className="rte-area"
          role="textbox"
          aria-multiline="true"
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          contentEditable={!disabled}
          suppressContentEditableWarning
          tabIndex={0}
          onFocus={() => document.execCommand('defaultParagraphSeparator', false, 'p')}
          onInput={emit}
          onBlur={emit}
          onKeyDown={(event) => {
            if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
              event.preventDefault();
              startLink();
            }
          }}
          onPaste={(event) => {
            // Pasted office documents bring styles and classes the API would strip anyway; keep the text.
            event.preventDefault();
            run('insertText', event.clipboardData.getData('text/plain'));
          }}
        />
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function LinkForm({ onInsert, onCancel }: { onInsert: (href: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [href, setHref] = useState('https://');
  const [problem, setProblem] = useState(false);
  // A <form> inside the page form would be invalid HTML: this is a group submitted by its button.
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!SAFE_LINK.test(href.trim()) || href.trim().length < 10) {
      setProblem(true);
      return;
    }
    onInsert(href.trim());
  };
  return (
    <div className="rte-link" role="group" aria-label={t('richText.link')}>
      <label htmlFor={id} className="field-label">
        {t('richText.linkUrl')}
      </label>
      <input
        id={id}
        className="input"
        type="url"
        value={href}
        autoFocus
        aria-invalid={problem || undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(event) => {
          setHref(event.target.value);
          setProblem(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') submit(event);
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      <button type="button" className="btn btn-primary btn-sm" onClick={() => submit()}>
        {t('richText.insertLink')}
      </button>
      <button type="button" className="btn btn-ghost btn-sm" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      {problem && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {t('richText.linkInvalid')}
        </p>
      )}
    </div>
  );
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

const svg = { viewBox: '0 0 20 20', width: 18, height: 18, 'aria-hidden': true, focusable: false } as const;
const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.8, strokeLinecap: 'round' } as const;

function ListIcon() {
  return (
    <svg {...svg}>
      <circle cx="4" cy="5" r="1.4" fill="currentColor" />
      <circle cx="4" cy="10" r="1.4" fill="currentColor" />
      <circle cx="4" cy="15" r="1.4" fill="currentColor" />
      <path d="M8 5h9M8 10h9M8 15h9" {...stroke} />
    </svg>
  );
}

function NumberedIcon() {
  return (
    <svg {...svg}>
      <text x="1.5" y="7.5" fontSize="6.5" fill="currentColor" fontWeight="700">1</text>
      <text x="1.5" y="17" fontSize="6.5" fill="currentColor" fontWeight="700">2</text>
      <path d="M8 5h9M8 10h9M8 15h9" {...stroke} />
    </svg>
  );
}

function LinkIcon() {
  return (
    <svg {...svg}>
      <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5L10 5" {...stroke} />
      <path d="M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" {...stroke} />
    </svg>
  );
}

function UnlinkIcon() {
  return (
    <svg {...svg}>
      <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5L10 5" {...stroke} />
      <path d="M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" {...stroke} />
      <path d="M3 3l14 14" {...stroke} />
    </svg>
  );
}
