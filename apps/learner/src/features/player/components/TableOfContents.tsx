import { useTranslation } from 'react-i18next';
import type { TocNode } from '../bridge';

interface TableOfContentsProps {
  id: string;
  open: boolean;
  nodes: TocNode[];
  currentItem: string | null;
  onChoose: (identifier: string) => void;
}

/** The package's organization as the launcher reports it: chosen items go to the launcher as `choice`. */
export function TableOfContents({ id, open, nodes, currentItem, onChoose }: TableOfContentsProps) {
  const { t } = useTranslation();
  return (
    <nav id={id} className={open ? 'lp-toc is-open' : 'lp-toc'} aria-label={t('player.contents')}>
      <TocList nodes={nodes} currentItem={currentItem} onChoose={onChoose} />
    </nav>
  );
}

function TocList({ nodes, currentItem, onChoose }: Omit<TableOfContentsProps, 'id' | 'open'>) {
  const { t } = useTranslation();
  return (
    <ol className="lp-toc-list">
      {nodes.map((node) => {
        const current = node.identifier === currentItem;
        return (
          <li key={node.identifier}>
            {node.launchable ? (
              <button
                type="button"
                className={current ? 'lp-toc-item is-current' : 'lp-toc-item'}
                aria-current={current ? 'step' : undefined}
                disabled={!node.selectable || current}
                onClick={() => onChoose(node.identifier)}
              >
                <span className={`lp-toc-status status-${node.status}`} aria-hidden="true" />
                <span className="lp-toc-title">{node.title}</span>
                <span className="sr-only">{t(`player.status.${node.status}`)}</span>
              </button>
            ) : (
              <span className="lp-toc-cluster">{node.title}</span>
            )}
            {node.children.length > 0 && <TocList nodes={node.children} currentItem={currentItem} onChoose={onChoose} />}
          </li>
        );
      })}
    </ol>
  );
}
