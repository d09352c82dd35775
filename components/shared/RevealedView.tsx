import type { RevealedItem } from '../../lib/views/context';
import { SourceLinks } from './SourceLinks';

/** How a revealed spoiler reads, whatever kind of item it was. */
export function RevealedView({ item }: { item: RevealedItem }) {
  switch (item.kind) {
    case 'note':
      return (
        <div>
          <p>{item.note.text}</p>
          <SourceLinks sources={item.note.sources} />
        </div>
      );
    case 'character':
      return (
        <div>
          <p>
            <strong>{item.entry.name}</strong>
            {item.entry.actors.length > 0 && ` (${item.entry.actors.map((a) => a.name).join(', ')})`}: {item.entry.summary}
          </p>
          <SourceLinks sources={item.entry.sources} />
        </div>
      );
    case 'adaptation':
      return (
        <div>
          <p>{item.link.note}</p>
          <SourceLinks sources={item.link.sources} />
        </div>
      );
    case 'synopsis':
      return (
        <div>
          <p>{item.text}</p>
          <SourceLinks sources={item.sources} />
        </div>
      );
  }
}
