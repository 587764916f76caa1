// The window's size as a key that changes (at most every 200 ms) when the window is resized: canvases
// whose type and pixels follow the root font size are drawn again for the new size.
import { useEffect, useState } from 'react';

const key = () => `${window.innerWidth}x${window.innerHeight}`;

export function useViewportKey(): string {
  const [value, setValue] = useState(key);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onResize = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setValue(key()), 200);
    };
    window.addEventListener('resize', onResize);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('resize', onResize);
    };
  }, []);
  return value;
}
