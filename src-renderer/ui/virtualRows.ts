import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';

/** The height of a row and of the sticky header of a virtualized list table. */
export const ROW_HEIGHT = 44;
export const HEADER_HEIGHT = 40;

interface VirtualRowsOptions<T> {
  /** The rows of every page fetched so far. */
  items: readonly T[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): unknown;
}

/**
 * A keyset-paged list shown as a virtualized table: the rows in view (and the space above
 * and below them), the next page fetched as the end comes into view, and the selected row
 * that J/K move (`move`, scrolling it into view; false when there is nothing to select).
 */
export function useVirtualRows<T extends { id: number }>({ items, hasNextPage, isFetchingNextPage, fetchNextPage }: VirtualRowsOptions<T>) {
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selectedIndex = selectedId === null ? -1 : items.findIndex((i) => i.id === selectedId);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastVisible = virtualItems.at(-1)?.index ?? -1;

  // Infinite scroll: the next keyset page when the end comes into view.
  useEffect(() => {
    if (items.length > 0 && lastVisible >= items.length - 5 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastVisible, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  function move(delta: number): boolean {
    if (items.length === 0) return false;
    const next = selectedIndex === -1 ? 0 : Math.min(items.length - 1, Math.max(0, selectedIndex + delta));
    const item = items[next];
    if (!item) return false;
    setSelectedId(item.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    return true;
  }

  const paddingTop = virtualItems[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualItems.at(-1)?.end ?? 0);

  return { scrollRef, virtualizer, virtualItems, paddingTop, paddingBottom, selectedId, setSelectedId, selectedIndex, move };
}
