import { useEffect, useRef, useState } from 'react';

/**
 * Whether the element has come near the screen once (and stays true): charts in the compare
 * view load their data and draw only then, so a long dashboard opens fast.
 */
export function useSeenOnce<T extends HTMLElement>(margin = '200px') {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || seen) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen, margin]);
  return { ref, seen };
}
