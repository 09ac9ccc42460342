/** Runs at most once per `millis`, and once more at the end of a burst. */
export function throttle(run: () => void, millis: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, millis);
  };
}

/** Runs once, `millis` after the last call of a burst. */
export function debounce(run: () => void, millis: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run();
    }, millis);
  };
}
